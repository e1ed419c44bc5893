/**
 * What every runner does around the kernels, whatever executes them: resolve
 * the scenario and limits into a plan, cut the blocks into ranges, and merge
 * the shards' answers back, in block order, into a result. Keeping this here
 * means the in-process and worker-pool runners cannot disagree on numbers.
 *
 * Intentionally has no platform imports.
 */
import { LIMITS, type Deal } from '../model/schema';
import type { CompiledDeal } from './compile-deal';
import type { EngineJob, JobOutput } from './jobs';
import { compiledFor } from './jobs';
import type { ValuationRequest, ValuationResult } from './results';
import { blockCount } from './rng';
import { resolveScenario } from './sensitivity';
import { EngineError, type BlockRange, type MeansVariant } from './simulate';
import { summariseShards, type ShardHandle } from './statistics-merge';

export type JobTemplate = { kind: 'simulate'; deal: Deal; conditionOn?: string } | { kind: 'means'; deal: Deal; variants: MeansVariant[] };

export interface ValuationPlan {
  deal: Deal;
  scenario: string;
  iterations: number;
  seed: number;
  conditionOn?: string;
  compiled: CompiledDeal;
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

/** Applies the scenario, checks limits and compiles (errors as EngineError with paths). */
export function planValuation(request: ValuationRequest): ValuationPlan {
  const { deal, scenario } = resolveScenario(request.deal, request.scenarioId);
  const iterations = request.iterations ?? deal.simulation.iterations;
  const seed = request.seed ?? deal.simulation.seed;
  checkIterations(iterations);
  checkSeed(seed);
  const compiled = compiledFor(deal, request.conditionOn);
  return { deal, scenario, iterations, seed, ...(request.conditionOn === undefined ? {} : { conditionOn: request.conditionOn }), compiled };
}

/** Cuts a run's blocks into `parts` contiguous ranges of nearly equal size (empty ranges dropped). */
export function splitBlocks(iterations: number, seed: number, parts: number): BlockRange[] {
  const blocks = blockCount(iterations);
  const k = Math.max(1, Math.min(parts, blocks));
  const ranges: BlockRange[] = [];
  for (let i = 0; i < k; i++) {
    const firstBlock = Math.floor((blocks * i) / k);
    const endBlock = Math.floor((blocks * (i + 1)) / k);
    if (endBlock > firstBlock) ranges.push({ iterations, seed, firstBlock, endBlock });
  }
  return ranges;
}

export function jobFor(template: JobTemplate, range: BlockRange): EngineJob {
  return template.kind === 'simulate'
    ? { kind: 'simulate', deal: template.deal, ...(template.conditionOn === undefined ? {} : { conditionOn: template.conditionOn }), range }
    : { kind: 'means', deal: template.deal, variants: template.variants, range };
}

/** The result of a complete run from its shards (statistics merged exactly, whatever the split). */
export function resultFromShards(plan: ValuationPlan, shards: readonly ShardHandle[], elapsedMs: number): Promise<ValuationResult> {
  return summariseShards(plan.compiled, shards, { scenario: plan.scenario, iterations: plan.iterations, seed: plan.seed, elapsedMs });
}

/** Mean NPV per variant per party from means outputs: block sums added in block order. */
export function meansFromOutputs(outputs: JobOutput[], nVariants: number, nParties: number, iterations: number): number[][] {
  const parts = outputs
    .filter((o): o is { kind: 'means'; firstBlock: number; sums: Float64Array } => o.kind === 'means')
    .sort((a, b) => a.firstBlock - b.firstBlock);
  const totals = Array.from({ length: nVariants }, () => new Array<number>(nParties).fill(0));
  const stride = nVariants * nParties;
  for (const part of parts) {
    for (let b = 0; b < part.sums.length / stride; b++) {
      for (let v = 0; v < nVariants; v++) for (let p = 0; p < nParties; p++) totals[v]![p]! += part.sums[b * stride + v * nParties + p]!;
    }
  }
  return totals.map((row) => row.map((s) => s / iterations));
}
