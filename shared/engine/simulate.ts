/**
 * Running a compiled deal over a range of blocks: draw each block's inputs
 * from its own stream (correlations imposed), run the kernel, and collect what
 * the statistics need. Workers and the in-process runner both call these; the
 * results merge in block order, so any split between workers gives the same
 * numbers.
 *
 * Intentionally has no platform imports.
 */
import { formatProblems } from '../problems';
import type { Problem } from '../api';
import { imposeRankCorrelation } from './correlation';
import { clearBelow, countAtLeast, countSet, sum } from './array-stats';
import { sampleInto, sampleSorted } from './distributions';
import type { CompiledDeal, KernelOut, KernelSpec } from './kernel';
import { BLOCK_SIZE, blockLength, blockRng } from './rng';

/** Iterations whose raw per-period flows feed the fan chart's percentiles (the first blocks of every run). */
export const FAN_SAMPLE = BLOCK_SIZE;
/** At most this many raw flows are kept for the fan (long timelines with many parties get fewer iterations). */
const FAN_MAX_VALUES = 2_000_000;

/** How many leading iterations feed the fan's percentiles for a deal of this shape. */
export function fanSampleSize(parties: number, periods: number): number {
  return Math.max(1, Math.min(FAN_SAMPLE, Math.floor(FAN_MAX_VALUES / (parties * periods))));
}

/** A valuation failure a user can act on: where, and what. */
export class EngineError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems).join('\n'));
    this.name = 'EngineError';
  }
}

/**
 * A kernel stopped at a failed iteration in this block (and, for a means job,
 * this variant; -1 otherwise). It carries no explanation: fault.ts re-runs the
 * block with location checks on the main thread, where the formula compiler
 * is, so a worker needs no parser.
 */
export class KernelFault extends Error {
  constructor(
    readonly block: number,
    readonly variant: number,
  ) {
    super(`a valuation failed in block ${block}`);
    this.name = 'KernelFault';
  }
}

export interface BlockDraws {
  cols: Float64Array[];
  hz: Uint32Array;
  n: number;
}

/** The inputs and hazard seeds of one block: identical wherever and whenever the block runs. */
/** Reusable buffers for drawing blocks on one thread (allocating per block would keep the GC busy). */
export interface DrawScratch {
  cols: Float64Array[];
  sorted: Float64Array[];
  hz: Uint32Array;
}

export function drawScratch(c: KernelSpec): DrawScratch {
  return {
    cols: c.dists.map((_, i) => new Float64Array(BLOCK_SIZE * (c.perPeriod[i] ? c.periods : 1))),
    sorted: c.correlatedColumns.map(() => new Float64Array(BLOCK_SIZE)),
    hz: new Uint32Array(BLOCK_SIZE * c.hazards),
  };
}

/** The inputs and hazard seeds of one block: identical wherever and whenever the block runs. */
export function drawBlock(c: KernelSpec, seed: number, block: number, n: number, scratch: DrawScratch = drawScratch(c)): BlockDraws {
  const rng = blockRng(seed, block);
  const cols = scratch.cols.map((col, i) => col.subarray(0, c.perPeriod[i] ? n * c.periods : n));
  c.dists.forEach((dist, i) => {
    if (!c.correlatedColumns.includes(i) && !c.perPeriod[i]) sampleInto(dist, rng, cols[i]!, n);
  });
  if (c.correlation) {
    // Correlated inputs: drawn in ascending order, then placed by Iman–Conover.
    const sorted = c.correlatedColumns.map((i, j) => {
      const out = scratch.sorted[j]!.subarray(0, n);
      sampleSorted(c.dists[i]!, rng, out, n);
      return out;
    });
    imposeRankCorrelation(
      c.correlation,
      sorted,
      c.correlatedColumns.map((i) => cols[i]!),
      n,
      rng,
    );
  }
  const hz = scratch.hz.subarray(0, n * c.hazards);
  for (let i = 0; i < hz.length; i++) hz[i] = rng.nextUint32();
  // Inputs drawn every period come last, independently: a deal without them draws exactly what it drew before.
  c.dists.forEach((dist, i) => {
    if (c.perPeriod[i]) sampleInto(dist, rng, cols[i]!, n * c.periods);
  });
  return { cols, hz, n };
}

/** What one range of blocks produces; arrays are concatenated in block order. */
export interface SimulationPart {
  firstBlock: number;
  blocks: number;
  /** Per party: NPV of every iteration of the range. */
  npv: Float64Array[];
  /** Per block, per party, per period: sum of nominal flows, laid out [block][party][period]. */
  blockSums: Float64Array;
  /** Raw flows of the range's iterations that fall in the fan sample, [iteration][party][period]. */
  fanFlows: Float64Array;
  /** Condition flags, one per iteration, when conditioning. */
  cond: Uint8Array | null;
}

export interface BlockRange {
  iterations: number;
  seed: number;
  firstBlock: number;
  /** One past the last block. */
  endBlock: number;
}

export function rangeSize(range: BlockRange): number {
  let n = 0;
  for (let b = range.firstBlock; b < range.endBlock; b++) n += blockLength(range.iterations, b);
  return n;
}

/** Output buffers for one block run (no flows kept unless given). */
export function makeOut(nParties: number, P: number, n: number, flows: Float64Array | null, cond: boolean): KernelOut {
  return {
    npv: Array.from({ length: nParties }, () => new Float64Array(n)),
    sums: Array.from({ length: nParties }, () => new Float64Array(P)),
    flows,
    flowRows: flows ? n : 0,
    cond: cond ? new Uint8Array(n) : null,
    fault: [-1, -1, -1, 0],
  };
}

/** A run over a block range, one block at a time: `step` runs the next block and says how many iterations it did (0 once all are done). */
export interface BlockSteps<T> {
  step(): number;
  /** The range's outcome, once every block has run (or what there is, when stopped early). */
  result(): T;
}

/** Runs blocks [firstBlock, endBlock) and gathers NPVs, per-block flow sums, fan flows and condition flags. */
export function simulateRange(
  compiled: CompiledDeal,
  range: BlockRange,
  onBlock?: (iterationsDone: number) => boolean | void,
  /** Called after each block's kernel, with the block's NPV views (still in cache) and condition flags. */
  afterKernel?: (blockIndex: number, npv: Float64Array[], cond: Uint8Array | null, n: number) => void,
): SimulationPart {
  return runAll(simulateRangeSteps(compiled, range, afterKernel), onBlock);
}

/** Steps until done, or until `onBlock` says stop. */
export function runAll<T>(steps: BlockSteps<T>, onBlock?: (iterationsDone: number) => boolean | void): T {
  for (let n = steps.step(); n > 0; n = steps.step()) if (onBlock?.(n) === false) break;
  return steps.result();
}

/**
 * simulateRange one block per step, so a worker can interleave other jobs
 * between blocks (a preview need not wait behind a long run).
 */
export function simulateRangeSteps(
  compiled: CompiledDeal,
  range: BlockRange,
  afterKernel?: (blockIndex: number, npv: Float64Array[], cond: Uint8Array | null, n: number) => void,
): BlockSteps<SimulationPart> {
  const nP = compiled.partyIds.length;
  const P = compiled.periods;
  const total = rangeSize(range);
  const blocks = range.endBlock - range.firstBlock;
  const npv = Array.from({ length: nP }, () => new Float64Array(total));
  const blockSums = new Float64Array(blocks * nP * P);
  const startIter = range.firstBlock * BLOCK_SIZE;
  const fanCount = Math.max(0, Math.min(total, fanSampleSize(nP, P) - startIter));
  const fanFlows = new Float64Array(fanCount * nP * P);
  const cond = compiled.conditionSeries !== null ? new Uint8Array(total) : null;
  let offset = 0;
  const scratch = drawScratch(compiled);
  const fault = [-1, -1, -1, 0];
  let b = range.firstBlock;
  return {
    step() {
      if (b >= range.endBlock) return 0;
      const n = blockLength(range.iterations, b);
      const draws = drawBlock(compiled, range.seed, b, n, scratch);
      const wantFlows = offset < fanCount;
      const flowRows = wantFlows ? Math.min(n, fanCount - offset) : 0;
      const blockIndex = b - range.firstBlock;
      // The kernel writes straight into the range's arrays (views), so nothing per block is copied.
      const out: KernelOut = {
        npv: npv.map((a) => a.subarray(offset, offset + n)),
        sums: Array.from({ length: nP }, (_, p) => blockSums.subarray((blockIndex * nP + p) * P, (blockIndex * nP + p + 1) * P)),
        flows: wantFlows ? new Float64Array(flowRows * nP * P) : null,
        flowRows,
        cond: cond ? cond.subarray(offset, offset + n) : null,
        fault,
      };
      if (compiled.kernel(draws.cols, draws.hz, n, out) >= 0) throw new KernelFault(b, -1);
      if (out.flows) fanFlows.set(out.flows, offset * nP * P);
      afterKernel?.(blockIndex, out.npv, out.cond, n);
      offset += n;
      b++;
      return n;
    },
    result: () => ({ firstBlock: range.firstBlock, blocks, npv, blockSums, fanFlows, cond }),
  };
}

/** One "what if" of a means job: an input held at a value (others as drawn), or null for the base. */
export type MeansVariant = { input: string; value: number } | null;

/** Numbers a means job keeps per block, variant and party: NPV sum and sum of squares, count at or above the walk-away; then, per variant, the count where every party is. */
export function meansStride(nParties: number): number {
  return 3 * nParties + 1;
}

/**
 * Common random numbers: every block is drawn once and run once per variant,
 * so differences between variants are the variants', not noise. Returns, per
 * block and variant, each party's NPV sum, sum of squares and count at or
 * above its walk-away, then the count where every party is, laid out
 * [block][variant][meansStride(parties)]. The sums are made as the full run
 * makes them (array-stats.ts), so a mean here is the full run's mean exactly.
 */
export function simulateMeans(
  compiled: CompiledDeal,
  range: BlockRange,
  variants: readonly MeansVariant[],
  onBlock?: (iterationsDone: number) => boolean | void,
): Float64Array {
  return runAll(simulateMeansSteps(compiled, range, variants), onBlock);
}

/** simulateMeans one block per step (each step runs the block once per variant). */
export function simulateMeansSteps(compiled: CompiledDeal, range: BlockRange, variants: readonly MeansVariant[]): BlockSteps<Float64Array> {
  const nP = compiled.partyIds.length;
  const P = compiled.periods;
  const nV = variants.length;
  const stride = meansStride(nP);
  const sums = new Float64Array((range.endBlock - range.firstBlock) * nV * stride);
  const columns = variants.map((v) => (v === null ? -1 : compiled.inputIds.indexOf(v.input)));
  const scratch = drawScratch(compiled);
  const out = makeOut(nP, P, BLOCK_SIZE, null, false);
  const held = new Float64Array(BLOCK_SIZE * (compiled.perPeriod.some(Boolean) ? P : 1));
  const every = new Uint8Array(BLOCK_SIZE);
  let b = range.firstBlock;
  return {
    step() {
      if (b >= range.endBlock) return 0;
      const n = blockLength(range.iterations, b);
      const draws = drawBlock(compiled, range.seed, b, n, scratch);
      for (let v = 0; v < nV; v++) {
        const col = columns[v]!;
        const saved = col >= 0 ? draws.cols[col]! : null;
        if (col >= 0) draws.cols[col] = held.subarray(0, compiled.perPeriod[col] ? n * P : n).fill(variants[v]!.value);
        out.fault[0] = -1;
        if (compiled.kernel(draws.cols, draws.hz, n, out) >= 0) throw new KernelFault(b, v);
        if (saved) draws.cols[col] = saved;
        blockMoments(out.npv, compiled.walkAway, n, every, sums, ((b - range.firstBlock) * nV + v) * stride);
      }
      b++;
      return n * nV;
    },
    result: () => sums,
  };
}

/**
 * One block's numbers of one variant, written at sums[at…] (meansStride of them): each party's NPV sum,
 * sum of squares and count at or above its walk-away, then the count where every party is. Made as the
 * full run makes its sums (array-stats.ts), so a mean from them is the full run's mean exactly.
 */
export function blockMoments(npv: readonly Float64Array[], walkAway: readonly number[], n: number, flags: Uint8Array, sums: Float64Array, at: number): void {
  const nP = npv.length;
  const all = flags.subarray(0, n).fill(1);
  for (let p = 0; p < nP; p++) {
    const x = npv[p]!.subarray(0, n);
    sums[at + p] = sum(x);
    sums[at + nP + p] = sumOfSquares(x);
    sums[at + 2 * nP + p] = countAtLeast(x, walkAway[p]!);
    clearBelow(x, walkAway[p]!, all);
  }
  sums[at + 3 * nP] = countSet(all);
}

function sumOfSquares(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! * values[i]!;
  return s;
}
