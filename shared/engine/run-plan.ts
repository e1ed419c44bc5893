/**
 * What every runner does around the kernels, whatever executes them: resolve
 * the scenario and limits into a plan, cut the blocks into ranges, and merge
 * the shards' answers back, in block order, into a result. Keeping this here
 * means the in-process and worker-pool runners cannot disagree on numbers.
 *
 * Intentionally has no platform imports.
 */
import { LIMITS, type Deal } from '../model/schema';
import type { EngineJob, JobOutput } from './jobs';
import { kernelSpecOf, type CompiledDeal, type KernelSpec } from './kernel';
import type { ValuationRequest, ValuationResult } from './results';
import { BLOCK_SIZE, blockCount } from './rng';
import { resolveScenario } from './sensitivity';
import { pairedStride, type Pair, type PairedVariant, type PairStats } from './paired';
import { EngineError, meansStride, type BlockRange, type MeansVariant } from './simulate';
import type { ShardSummary } from './shard';
import type { PortfolioJob } from '../portfolio/portfolio-job';
import { normalQuantile } from './special-functions';
import { momentsOf, summariseShards, type DealShape, type ShardHandle } from './statistics-merge';

/**
 * What a run executes over each of its block ranges: the deal's kernel, compiled before the run where the
 * runner chose (valuation workers never compile); `deal` and `conditionOn` are kept to explain a fault
 * (fault.ts).
 */
export type JobTemplate =
  | { kind: 'simulate'; deal: Deal; conditionOn?: string; headBlocks?: number; kernel: KernelSpec | CompiledDeal }
  | { kind: 'means'; deal: Deal; variants: MeansVariant[]; kernel: KernelSpec | CompiledDeal }
  /**
   * Structures of one deal on common random numbers (paired.ts): `specs` the distinct kernels (by their
   * draws), `variants` each structure's numbers; `deals` and `kernels` per structure explain a fault;
   * `deal` and `kernel` are the first's (what a pool prepares).
   */
  | { kind: 'paired'; deal: Deal; kernel: KernelSpec | CompiledDeal; deals: Deal[]; kernels: (KernelSpec | CompiledDeal)[]; specs: (KernelSpec | CompiledDeal)[]; variants: PairedVariant[]; pairs: Pair[] }
  /** A portfolio: every member's compiled kernel and stream (shared/portfolio/portfolio-job.ts). */
  | Omit<PortfolioJob, 'range'>;

export interface ValuationPlan {
  deal: Deal;
  scenario: string;
  iterations: number;
  seed: number;
  conditionOn?: string;
  /** Blocks of the head reported beside the run (0 for none). */
  headBlocks: number;
  shape: DealShape;
}

export function checkIterations(iterations: number): void {
  if (!(Number.isInteger(iterations) && iterations >= 1 && iterations <= LIMITS.maxIterations)) {
    throw new EngineError([
      { path: 'simulation.iterations', message: `must be a whole number from 1 to ${LIMITS.maxIterations.toLocaleString('en-US')} (got ${iterations})` },
    ]);
  }
}

export function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new EngineError([{ path: 'simulation.seed', message: `must be a whole number (got ${seed})` }]);
}

/**
 * Applies the scenario and checks limits (errors as EngineError with paths).
 * The deal is not compiled here: the runner compiles it next, where its
 * caller says (the host thread that serves every window hands a large deal to
 * its background thread: compiling 20,000 series takes a second).
 */
export function planValuation(request: ValuationRequest): ValuationPlan {
  const { deal, scenario } = resolveScenario(request.deal, request.scenarioId);
  const iterations = request.iterations ?? deal.simulation.iterations;
  const seed = request.seed ?? deal.simulation.seed;
  checkIterations(iterations);
  checkSeed(seed);
  const shape: DealShape = {
    partyIds: deal.parties.map((p) => p.id),
    walkAway: deal.parties.map((p) => p.walkAway),
    periods: deal.timeline.periods,
    conditionSeries: request.conditionOn ?? null,
  };
  // A head is whole blocks inside the run (what a preview at that count values), or nothing.
  const head = request.head ?? 0;
  const headBlocks = head > 0 && head % BLOCK_SIZE === 0 && head < iterations ? head / BLOCK_SIZE : 0;
  return { deal, scenario, iterations, seed, ...(request.conditionOn === undefined ? {} : { conditionOn: request.conditionOn }), headBlocks, shape };
}

/** Cuts blocks [from, to) of a run (all of them by default) into `parts` contiguous ranges of nearly equal size (empty ranges dropped). */
export function splitBlocks(iterations: number, seed: number, parts: number, from = 0, to = blockCount(iterations)): BlockRange[] {
  const blocks = to - from;
  const k = Math.max(1, Math.min(parts, blocks));
  const ranges: BlockRange[] = [];
  for (let i = 0; i < k; i++) {
    const firstBlock = from + Math.floor((blocks * i) / k);
    const endBlock = from + Math.floor((blocks * (i + 1)) / k);
    if (endBlock > firstBlock) ranges.push({ iterations, seed, firstBlock, endBlock });
  }
  return ranges;
}

/** Blocks in the first stage of a run with a precision target; each later stage doubles the blocks done. */
export const FIRST_STAGE_BLOCKS = 4;

/**
 * The stages of a run, as block ranges [from, to): all blocks at once, or, with a
 * precision target, 4 blocks, then doubling (4, 8, 16, ...) so the run can stop
 * after any stage with every block done so far kept.
 */
export function runStages(iterations: number, staged: boolean): [number, number][] {
  const total = blockCount(iterations);
  if (!staged) return [[0, total]];
  const stages: [number, number][] = [];
  for (let done = 0, next = Math.min(total, FIRST_STAGE_BLOCKS); done < total; done = next, next = Math.min(total, 2 * next)) stages.push([done, next]);
  return stages;
}

/**
 * Whether the mean NPV of the deal's own side (`us`) is known to within
 * `relative` at `confidence` after the blocks summarised so far: z · se / |mean|
 * <= relative, with z the two-sided normal quantile. Needs only the shards'
 * first summaries, so a run checks it between stages without asking anything.
 */
export function precisionReached(plan: ValuationPlan, summaries: readonly ShardSummary[], precision: { relative: number; confidence: number }): boolean {
  const us = plan.shape.partyIds.indexOf(plan.deal.us);
  if (us < 0) return false;
  const { count, mean, squares } = momentsOf(summaries, us);
  if (count < 2 || mean === 0) return false;
  const se = Math.sqrt(squares / (count - 1) / count);
  const z = normalQuantile(0.5 + precision.confidence / 2);
  return (z * se) / Math.abs(mean) <= precision.relative;
}

/** The job of one block range; `portable` leaves any kernel function out, for posting to a worker. */
export function jobFor(template: JobTemplate, range: BlockRange, portable: boolean): EngineJob {
  if (template.kind === 'paired') {
    return { kind: 'paired', specs: template.specs.map((s) => (portable ? kernelSpecOf(s) : s)), variants: template.variants, pairs: template.pairs, range };
  }
  if (template.kind === 'portfolio') return portable ? { ...template, members: template.members.map((m) => ({ ...m, simulate: { ...m.simulate, kernel: kernelSpecOf(m.simulate.kernel) } })), range } : { ...template, range };
  const kernel = portable ? kernelSpecOf(template.kernel) : template.kernel;
  return template.kind === 'simulate'
    ? { kind: 'simulate', kernel, ...(template.headBlocks ? { headBlocks: template.headBlocks } : {}), range }
    : { kind: 'means', kernel, variants: template.variants, range };
}

/** The result of a complete run from its shards (statistics merged exactly, whatever the split). */
export function resultFromShards(plan: ValuationPlan, shards: readonly ShardHandle[], elapsedMs: number): Promise<ValuationResult> {
  return summariseShards(plan.shape, shards, { scenario: plan.scenario, iterations: plan.iterations, seed: plan.seed, elapsedMs, headBlocks: plan.headBlocks });
}

/** What a means job says of one variant: per party the mean NPV, its standard error and the chance of reaching the walk-away; the chance every party does. */
export interface VariantStats {
  mean: number[];
  se: number[];
  pAboveWalkAway: number[];
  pAllAboveWalkAway: number;
}

/** A variant's statistics from its totals over the run (meansStride numbers) and the run's iterations. */
function variantStats(t: readonly number[], nParties: number, n: number): VariantStats {
  const mean = t.slice(0, nParties).map((s) => s / n);
  const se = t.slice(nParties, 2 * nParties).map((sq, p) => (n > 1 ? Math.sqrt(Math.max(0, (sq - n * mean[p]! * mean[p]!) / (n - 1)) / n) : NaN));
  return { mean, se, pAboveWalkAway: t.slice(2 * nParties, 3 * nParties).map((c) => c / n), pAllAboveWalkAway: t[3 * nParties]! / n };
}

/** Totals over the run of each block's `stride` numbers, block sums added in block order (the full run's order). */
function blockTotals(outputs: readonly JobOutput[], kind: 'means' | 'paired', stride: number): number[] {
  const parts = outputs
    .filter((o): o is Extract<JobOutput, { kind: 'means' | 'paired' }> => o.kind === kind)
    .sort((a, b) => a.firstBlock - b.firstBlock);
  const totals = new Array<number>(stride).fill(0);
  for (const part of parts) {
    const blocks = part.sums.length / stride;
    for (let b = 0; b < blocks; b++) for (let k = 0; k < stride; k++) totals[k]! += part.sums[b * stride + k]!;
  }
  return totals;
}

/** Per variant, from means outputs: block sums added in block order (the full run's order, so means match it exactly). */
export function variantStatsFromOutputs(outputs: JobOutput[], nVariants: number, nParties: number, iterations: number): VariantStats[] {
  const stride = meansStride(nParties);
  const totals = blockTotals(outputs, 'means', stride * nVariants);
  return Array.from({ length: nVariants }, (_, v) => variantStats(totals.slice(v * stride, (v + 1) * stride), nParties, iterations));
}

/** Per structure and per pair, from paired outputs (paired.ts): each structure's statistics, each pair's mean difference and its standard error. */
export function pairedStatsFromOutputs(outputs: JobOutput[], nVariants: number, nPairs: number, nParties: number, iterations: number): { variants: VariantStats[]; pairs: PairStats[] } {
  const stride = meansStride(nParties);
  const totals = blockTotals(outputs, 'paired', pairedStride(nVariants, nPairs, nParties));
  const n = iterations;
  const variants = Array.from({ length: nVariants }, (_, v) => variantStats(totals.slice(v * stride, (v + 1) * stride), nParties, n));
  const pairs = Array.from({ length: nPairs }, (_, k) => {
    const at = nVariants * stride + k * 2 * nParties;
    const mean = Array.from({ length: nParties }, (_, p) => totals[at + 2 * p]! / n);
    const se = mean.map((m, p) => (n > 1 ? Math.sqrt(Math.max(0, (totals[at + 2 * p + 1]! - n * m * m) / (n - 1)) / n) : NaN));
    return { mean, se };
  });
  return { variants, pairs };
}

/** Mean NPV per variant per party from means outputs. */
export function meansFromOutputs(outputs: JobOutput[], nVariants: number, nParties: number, iterations: number): number[][] {
  return variantStatsFromOutputs(outputs, nVariants, nParties, iterations).map((v) => v.mean);
}
