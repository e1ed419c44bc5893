/**
 * Where a problem sends the negotiator: the navigator section that holds the
 * field at a path. Paths are parsed and respelled by shared/model/paths.ts
 * (validators report `terms[2].tiers[0].rate` or `terms.royalty.tiers[0].rate`,
 * editors know their field as `terms.royalty.tiers.0.rate`).
 */
import { parsePath } from '../../../shared/model/paths';

export type SectionOfPath = 'overview' | 'parties' | 'inputs' | 'series' | 'terms' | 'scenarios' | 'termSheet' | 'negotiation';

/** Which navigator section holds the field at `path`. */
export function sectionOfPath(path: string): SectionOfPath {
  const head = parsePath(path)[0];
  // The published summary is edited beside the title, in the Overview.
  if (path === 'termSheet.summary') return 'overview';
  if (head === 'parties' || head === 'us') return 'parties';
  if (head === 'inputs' || head === 'correlations') return 'inputs';
  if (head === 'series') return 'series';
  if (head === 'terms') return 'terms';
  if (head === 'scenarios' || head === 'sliders') return 'scenarios';
  if (head === 'termSheet') return 'termSheet';
  if (head === 'negotiation') return 'negotiation';
  return 'overview';
}
