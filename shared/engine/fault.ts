/**
 * Explaining a kernel fault (a non-finite NPV): the deal is compiled again
 * with checks that locate the first non-finite series or term value, the
 * faulting block is drawn again (blocks are reproducible from the seed) and
 * run, and the error names the series or term and the period. Runs where the
 * formula compiler is, on the main thread, so workers only report the block.
 *
 * Intentionally has no platform imports.
 */
import type { Deal } from '../model/schema';
import { compileDeal } from './compile-deal';
import { blockLength } from './rng';
import { drawBlock, EngineError, makeOut, type KernelFault, type MeansVariant } from './simulate';
import type { CompiledDeal } from './kernel';

/** What the faulting job ran: the deal it was compiled from, the run, and for a means job its variants. */
export interface FaultContext {
  deal: Deal;
  compiled: CompiledDeal;
  iterations: number;
  seed: number;
  conditionOn?: string;
  variants?: readonly MeansVariant[];
}

export function explainFault(fault: KernelFault, job: FaultContext): EngineError {
  const { compiled: c } = job;
  const located = compileDeal(job.deal, { locateFaults: true, ...(job.conditionOn === undefined ? {} : { conditionOn: job.conditionOn }) });
  const P = c.periods;
  let where = 'a cash flow';
  let period = -1;
  if (located.ok) {
    const n = blockLength(job.iterations, fault.block);
    const draws = drawBlock(c, job.seed, fault.block, n);
    const variant = fault.variant >= 0 ? job.variants?.[fault.variant] : null;
    if (variant) {
      // A means job holds one input at a value for this variant, as the faulting run did.
      const col = c.inputIds.indexOf(variant.input);
      if (col >= 0) draws.cols[col] = new Float64Array(n).fill(variant.value);
    }
    const out = makeOut(c.partyIds.length, P, n, null, false);
    located.compiled.kernel(draws.cols, draws.hz, n, out);
    const loc = out.fault[1]!;
    if (loc >= 0) where = located.compiled.locations[loc]!;
    period = out.fault[2]!;
  }
  const path = where.startsWith('series') ? `series.${where.slice(8, -1)}` : where.startsWith('term') ? `terms.${where.slice(6, -1)}` : '';
  return new EngineError([
    {
      path,
      message: `${where} is not a finite number${period >= 0 ? ` in period ${period}` : ''} (e.g. a division by zero, or log/sqrt of a negative number); the valuation cannot report statistics`,
    },
  ]);
}
