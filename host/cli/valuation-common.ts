/**
 * What the value, sensitivity and solve commands share: loading the deal with
 * its problems as `path: message` lines, the pool runner's lifetime (with the
 * workers main.ts started while this module loaded), and printing valuation
 * errors.
 */
import { formatProblem } from '../../shared/problems';
import type { Deal } from '../../shared/model/schema';
import { openDealFile } from '../documents/load';
import { ValuationError } from '../valuation/runner';
import { createWorkerPoolRunner } from '../valuation/worker-pool';
import type { ValuationRunner } from '../valuation/runner';
import type { CommandContext } from './commands';

export { MAX_WORKERS, workersFlag } from './args';

/** The deal at `file`, or null after printing its problems. */
export async function loadDeal(file: string, ctx: CommandContext): Promise<Deal | null> {
  const opened = await openDealFile(file);
  if (opened.ok) return opened.document.deal;
  for (const p of opened.problems) ctx.err(`${formatProblem(p, file)}\n`);
  return null;
}

/**
 * Runs `work` on a fresh pool, always closing it; valuation errors become `path: message` lines and exit 1.
 * The pool takes over the workers main.ts started for this command (ctx.started), if any.
 */
export async function withRunner(workers: number, ctx: CommandContext, work: (runner: ValuationRunner) => Promise<number>): Promise<number> {
  const runner = createWorkerPoolRunner({ workers, ...(ctx.started ? { started: ctx.started } : {}) });
  try {
    return await work(runner);
  } catch (err) {
    if (err instanceof ValuationError) {
      for (const p of err.problems) ctx.err(`${formatProblem(p)}\n`);
      return 1;
    }
    throw err;
  } finally {
    await runner.close();
  }
}

/** Loads the deal at `file` (its problems printed, exit 1) and values it with `work` on a fresh pool. */
export function withDealAndRunner(file: string, workers: number, ctx: CommandContext, work: (deal: Deal, runner: ValuationRunner) => Promise<number>): Promise<number> {
  return withRunner(workers, ctx, async (runner) => {
    const deal = await loadDeal(file, ctx);
    return deal ? work(deal, runner) : 1;
  });
}

/** Pads cells into aligned columns (first column left, the rest right). */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n') + '\n';
}
