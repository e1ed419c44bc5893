/**
 * Explaining a kernel fault (a failed iteration): the deal is compiled again
 * with checks that locate the first non-finite series or term value, the
 * faulting block is drawn again (blocks are reproducible from the seed) and
 * run, and the error names the series, term or field, the period and, for a
 * field, what it held. Runs where the formula compiler is, on the main thread,
 * so workers only report the block (a KernelFault).
 *
 * Intentionally has no platform imports.
 */
import { faultMessage } from '../formula/fold';
import type { Deal } from '../model/schema';
import { compileDeal } from './compile-deal';
import type { FaultLocation, KernelSpec } from './kernel';
import { blockLength } from './rng';
import { drawBlock, EngineError, makeOut, type KernelFault, type MeansVariant } from './simulate';

/** What the faulting job ran: the deal its kernel was compiled from, the run, and for a means job its variants. */
export interface FaultContext {
  deal: Deal;
  kernel: KernelSpec;
  iterations: number;
  seed: number;
  conditionOn?: string;
  variants?: readonly MeansVariant[];
}

export function explainFault(fault: KernelFault, job: FaultContext): EngineError {
  const c = job.kernel;
  const located = compileDeal(job.deal, { locateFaults: true, ...(job.conditionOn === undefined ? {} : { conditionOn: job.conditionOn }) });
  let where: FaultLocation | undefined;
  let period = -1;
  let value = NaN;
  if (located.ok) {
    const n = blockLength(job.iterations, fault.block);
    const draws = drawBlock(c, job.seed, fault.block, n);
    const variant = fault.variant >= 0 ? job.variants?.[fault.variant] : null;
    if (variant) {
      // A means job holds one input at a value for this variant, as the faulting run did.
      const col = c.inputIds.indexOf(variant.input);
      if (col >= 0) draws.cols[col] = new Float64Array(c.perPeriod[col] ? n * c.periods : n).fill(variant.value);
    }
    const out = makeOut(c.partyIds.length, c.periods, n, null, false);
    located.compiled.kernel(draws.cols, draws.hz, n, out);
    const loc = out.fault[1]!;
    if (loc >= 0) where = located.compiled.locations[loc];
    period = out.fault[2]!;
    value = out.fault[3]!;
  }
  const inPeriod = period >= 0 ? ` in period ${period}` : '';
  if (where && where.kind !== 'flow') return new EngineError([{ path: where.path, message: faultMessage(where.kind, value, period) }]);
  return new EngineError([
    {
      path: where?.path ?? '',
      message: `${where?.label ?? 'a cash flow'} is not a finite number${inPeriod} (e.g. a division by zero, or log/sqrt of a negative number); the valuation cannot report statistics`,
    },
  ]);
}
