/**
 * The portfolio's unit of work: one range of blocks of every deal, run where
 * the samples will stay (a worker thread, or this thread in process). Each
 * deal is simulated over the range with its own seed (seeds.ts) exactly as a
 * lone valuation of it would be; then our NPVs of the deals are added up
 * iteration by iteration into the portfolio total, in place. Only summaries
 * leave: each deal's shard summary (our party only), the total's, and per
 * block how each deal co-varies with the total (for its share of the risk).
 * The samples (each deal's and the total's) stay behind as one shard for the
 * statistic queries of the merge (statistics-merge.ts), like a lone run's.
 *
 * Every deal of a job covers the same blocks, so iteration i of the total is
 * the sum of iteration i of every deal, whatever the split between workers.
 *
 * A deal that fails at run time (a formula giving a non-finite value) is
 * reported (its faulting block, explained by the runner) and left out of this range's total;
 * the runner then values the portfolio again without it (run-portfolio.ts),
 * so a total never mixes ranges with and without a deal.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import { countAtLeast, minMax, squaredDeviations, sum } from '../engine/array-stats';
import type { EngineJob, JobRun } from '../engine/jobs';
import { blockLength } from '../engine/rng';
import { summaryBuffers, type PopulationSummary, type Shard, type ShardSummary } from '../engine/shard';
import { EngineError, KernelFault, rangeSize, type BlockRange, type BlockSteps } from '../engine/simulate';

/** What a lone simulation of one deal needs besides its range (the deal with its position applied). */
export type SimulateSpec = Omit<Extract<EngineJob, { kind: 'simulate' }>, 'kind' | 'range'>;

export interface PortfolioJobMember {
  simulate: SimulateSpec;
  /** The deal's stream in the portfolio (memberSeed). */
  seed: number;
  /** Index of our party in the deal's parties, and our walk-away there. */
  party: number;
  walkAway: number;
}

export interface PortfolioJob {
  kind: 'portfolio';
  members: PortfolioJobMember[];
  /** The blocks every member runs; `range.seed` is unused (each member has its own). */
  range: BlockRange;
}

/** A member's range: its summary, or why it failed (a kernel fault is explained by the runner, where the formula compiler is: fault.ts). */
export type MemberOutput = { ok: true; summary: ShardSummary } | { ok: false; problems: Problem[] } | { ok: false; fault: { block: number } };

export interface PortfolioOutput {
  kind: 'portfolio';
  firstBlock: number;
  blocks: number;
  members: MemberOutput[];
  /** The summed NPVs of the members valued in this range (population 0); null when none was. */
  total: ShardSummary | null;
  /**
   * [block][member]: Σ (x - x̄)(T - T̄) over the block's iterations, x a member's NPV and T the total,
   * each centred on its block mean (0 for a member that failed). Merged like squared deviations.
   */
  cross: Float64Array;
}

/**
 * The shard a portfolio job leaves: population m is member m's NPV (empty for a failed member),
 * population `members` the total. Statistic queries address them by those indices.
 */
export function totalPopulation(members: number): number {
  return members;
}

/** A member's summary reduced to our party (population 0), its per-period flow sums ours alone. */
function ourSummary(summary: ShardSummary, party: number, nParties: number): ShardSummary {
  const periods = summary.blocks > 0 ? summary.flowSums.length / (summary.blocks * nParties) : 0;
  const flowSums = new Float64Array(summary.blocks * periods);
  for (let b = 0; b < summary.blocks; b++) flowSums.set(summary.flowSums.subarray((b * nParties + party) * periods, (b * nParties + party + 1) * periods), b * periods);
  const population = summary.populations[party]!;
  return { ...summary, populations: [population], allAtLeastWalkAway: population.atLeastWalkAway, headBlocks: 0, headAllAtLeastWalkAway: 0, flowSums, fan: null };
}

function failureOf(err: unknown): MemberOutput {
  if (err instanceof KernelFault) return { ok: false, fault: { block: err.block } };
  if (err instanceof EngineError) return { ok: false, problems: err.problems };
  return { ok: false, problems: [{ path: '', message: err instanceof Error ? err.message : String(err) }] };
}

/** The portfolio job a block at a time: each member's blocks in turn, then the total. `simulate` is jobs.ts's simulate steps. */
export function portfolioJobSteps(job: PortfolioJob, simulate: (job: EngineJob) => BlockSteps<JobRun>): BlockSteps<JobRun> {
  const { range, members } = job;
  const n = rangeSize(range);
  const outputs: MemberOutput[] = [];
  const values: Float64Array[] = [];
  const walkAways: number[] = [];
  let current: { steps: BlockSteps<JobRun>; done: number } | null = null;

  const fail = (err: unknown): number => {
    const skipped = n - (current?.done ?? 0);
    outputs.push(failureOf(err));
    values.push(new Float64Array(0));
    walkAways.push(NaN);
    current = null;
    return Math.max(1, skipped);
  };

  return {
    step() {
      for (;;) {
        if (outputs.length >= members.length) return 0;
        const member = members[outputs.length]!;
        try {
          current ??= { steps: simulate({ kind: 'simulate', ...member.simulate, range: { ...range, seed: member.seed } }), done: 0 };
          const done = current.steps.step();
          if (done > 0) {
            current.done += done;
            return done;
          }
          const run = current.steps.result();
          if (run.output.kind !== 'simulate' || !run.shard) throw new Error('a portfolio member did not simulate');
          outputs.push({ ok: true, summary: ourSummary(run.output.summary, member.party, run.output.summary.populations.length) });
          values.push(run.shard.values[member.party]!);
          walkAways.push(member.walkAway);
          current = null;
          // The next member starts at once: a step returns 0 only when every member is done.
        } catch (err) {
          return fail(err);
        }
      }
    },
    result() {
      const { total, cross, totalValues } = sumMembers(range, outputs, values, walkAways);
      const shard: Shard = { summary: total ?? emptySummary(range), values: [...values, totalValues] };
      const output: PortfolioOutput = { kind: 'portfolio', firstBlock: range.firstBlock, blocks: range.endBlock - range.firstBlock, members: outputs, total, cross };
      return { output, shard };
    },
  };
}

function emptySummary(range: BlockRange): ShardSummary {
  return { firstBlock: range.firstBlock, blocks: 0, iterations: 0, populations: [], allAtLeastWalkAway: 0, conditionCount: 0, headBlocks: 0, headAllAtLeastWalkAway: 0, flowSums: new Float64Array(0), fan: null };
}

/** Adds the valued members' NPVs iteration by iteration and summarises the total block by block, with each member's co-deviation. */
function sumMembers(range: BlockRange, outputs: readonly MemberOutput[], values: readonly Float64Array[], walkAways: readonly number[]) {
  const blocks = range.endBlock - range.firstBlock;
  const m = outputs.length;
  const cross = new Float64Array(blocks * m);
  const ok = outputs.flatMap((o, i) => (o.ok ? [i] : []));
  if (ok.length === 0) return { total: null, cross, totalValues: new Float64Array(0) };
  const n = rangeSize(range);
  const totalValues = new Float64Array(n);
  for (const i of ok) addInto(totalValues, values[i]!);
  const walkAway = ok.reduce((s, i) => s + walkAways[i]!, 0);
  const population: PopulationSummary = { count: n, min: Infinity, max: -Infinity, atLeastWalkAway: 0, blockCounts: new Float64Array(blocks), blockSums: new Float64Array(blocks), blockSquares: new Float64Array(blocks) };
  let offset = 0;
  for (let b = 0; b < blocks; b++) {
    const len = blockLength(range.iterations, range.firstBlock + b);
    const t = totalValues.subarray(offset, offset + len);
    const tSum = sum(t);
    const tMean = tSum / len;
    population.blockCounts[b] = len;
    population.blockSums[b] = tSum;
    population.blockSquares[b] = squaredDeviations(t, tMean);
    const [lo, hi] = minMax(t);
    if (lo < population.min) population.min = lo;
    if (hi > population.max) population.max = hi;
    population.atLeastWalkAway += countAtLeast(t, walkAway);
    for (const i of ok) {
      const x = values[i]!.subarray(offset, offset + len);
      cross[b * m + i] = coDeviation(x, sum(x) / len, t, tMean);
    }
    offset += len;
  }
  const total: ShardSummary = {
    firstBlock: range.firstBlock,
    blocks,
    iterations: n,
    populations: [population],
    allAtLeastWalkAway: population.atLeastWalkAway,
    conditionCount: 0,
    headBlocks: 0,
    headAllAtLeastWalkAway: 0,
    flowSums: new Float64Array(0),
    fan: null,
  };
  return { total, cross, totalValues };
}

// One hot loop per function (see array-stats.ts).

function addInto(target: Float64Array, values: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i]! += values[i]!;
}

function coDeviation(x: Float64Array, xMean: number, t: Float64Array, tMean: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - xMean) * (t[i]! - tMean);
  return s;
}

/** Transferable buffers of a portfolio job's output. */
export function portfolioOutputBuffers(output: PortfolioOutput): ArrayBuffer[] {
  const list: ArrayBuffer[] = [output.cross.buffer as ArrayBuffer];
  for (const member of output.members) if (member.ok) list.push(...summaryBuffers(member.summary));
  if (output.total) list.push(...summaryBuffers(output.total));
  return list;
}
