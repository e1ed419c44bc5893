/**
 * What the value, sensitivity and solve commands share: loading the deal with
 * its problems as `path: message` lines while the workers start, the
 * worker-count flag, the pool runner's lifetime, and printing valuation errors.
 */
import { availableParallelism } from 'node:os';
import type { Deal } from '../../shared/model/schema';
import { openDealFile } from '../documents/load';
import { ValuationError } from '../valuation/runner';
import { createWorkerPoolRunner } from '../valuation/worker-pool';
import type { ValuationRunner } from '../valuation/runner';
import { intFlag, type ParsedArgs } from './args';
import type { CommandContext } from './commands';

export const MAX_WORKERS = 64;

/** The deal at `file`, or null after printing its problems. */
export async function loadDeal(file: string, ctx: CommandContext): Promise<Deal | null> {
  const opened = await openDealFile(file);
  if (opened.ok) return opened.document.deal;
  for (const p of opened.problems) ctx.err(`${p.path || file}: ${p.message}\n`);
  return null;
}

export function workersFlag(flags: ParsedArgs['flags']): number {
  return intFlag(flags, 'workers', 1, MAX_WORKERS) ?? availableParallelism();
}

/** Runs `work` on a fresh pool (its first `prestart` workers started at once), always closing it; valuation errors become `path: message` lines and exit 1. */
export async function withRunner(workers: number, ctx: CommandContext, work: (runner: ValuationRunner) => Promise<number>, prestart = 0): Promise<number> {
  const runner = createWorkerPoolRunner({ workers, prestart });
  try {
    return await work(runner);
  } catch (err) {
    if (err instanceof ValuationError) {
      for (const p of err.problems) ctx.err(p.path ? `${p.path}: ${p.message}\n` : `${p.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await runner.close();
  }
}

/**
 * Loads the deal at `file` (its problems printed, exit 1) and values it with `work` on a fresh pool whose
 * first `prestart` workers start before the file is read: their start-up overlaps reading and checking
 * it, which is most of a cold CLI call.
 */
export function withDealAndRunner(
  file: string,
  workers: number,
  prestart: number,
  ctx: CommandContext,
  work: (deal: Deal, runner: ValuationRunner) => Promise<number>,
): Promise<number> {
  return withRunner(
    workers,
    ctx,
    async (runner) => {
      const deal = await loadDeal(file, ctx);
      return deal ? work(deal, runner) : 1;
    },
    prestart,
  );
}

/** Pads cells into aligned columns (first column left, the rest right). */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n') + '\n';
}
