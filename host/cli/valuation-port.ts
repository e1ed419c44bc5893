/**
 * The valuation engine as the CLI's term-sheet export sees it. The internal
 * appendix needs a real valuation; until the host's valuation runner is
 * available this returns undefined and the export says so (never a made-up number).
 */
import type { ValuationPort } from '../docx/export-term-sheet';

export async function cliValuationPort(): Promise<ValuationPort | undefined> {
  return undefined;
}
