/**
 * The unit of work a runner hands to a worker (or runs in process): a deal, a
 * range of blocks, and what to compute over it. Compiled kernels are cached
 * by the deal's canonical text, so the slider path (same deal shape, many
 * small runs) compiles once per distinct deal.
 *
 * Intentionally has no platform imports.
 */
import type { Deal } from '../model/schema';
import type { CompiledDeal } from './compile-deal';
import { ShardBuilder, summaryBuffers, type Shard, type ShardSummary } from './shard';
import { compileOrThrow, rangeSize, runAll, simulateMeansSteps, simulateRangeSteps, type BlockRange, type BlockSteps, type MeansVariant } from './simulate';
import { portfolioJobSteps, portfolioOutputBuffers, type PortfolioJob, type PortfolioOutput } from '../portfolio/portfolio-job';

export type EngineJob =
  | { kind: 'simulate'; deal: Deal; conditionOn?: string; headBlocks?: number; range: BlockRange }
  | { kind: 'means'; deal: Deal; variants: MeansVariant[]; range: BlockRange }
  /** Every deal of a portfolio over one range, summed iteration by iteration (shared/portfolio/portfolio-job.ts). */
  | PortfolioJob;

/** What a job sends back: a simulation's shard summary (its samples stay with the shard), means' block sums, or a portfolio's summaries. */
export type JobOutput = { kind: 'simulate'; summary: ShardSummary } | { kind: 'means'; firstBlock: number; sums: Float64Array } | PortfolioOutput;

/** A finished job: its output, and for a simulation the shard that keeps the samples for statistic queries. */
export interface JobRun {
  output: JobOutput;
  shard: Shard | null;
}

const CACHE_SIZE = 16;
const cache = new Map<string, CompiledDeal>();

/** Compiles (or reuses) the kernel of a deal. */
export function compiledFor(deal: Deal, conditionOn?: string): CompiledDeal {
  const key = `${conditionOn ?? ''}\u0000${JSON.stringify(deal)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compileOrThrow(deal, conditionOn);
  cache.set(key, compiled);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return compiled;
}

/** Runs a job synchronously; `onBlock` reports iterations done and may return false to stop. */
export function executeJob(job: EngineJob, onBlock?: (iterationsDone: number) => boolean | void): JobRun {
  return runAll(jobSteps(job), onBlock);
}

/** A job one block at a time (a worker interleaves jobs between blocks); the result once every step has run. */
export function jobSteps(job: EngineJob): BlockSteps<JobRun> {
  if (job.kind === 'portfolio') return portfolioJobSteps(job, jobSteps);
  if (job.kind === 'simulate') {
    const compiled = compiledFor(job.deal, job.conditionOn);
    const { range } = job;
    const headBlocks = job.headBlocks ?? 0;
    const headRange = { ...range, endBlock: Math.max(range.firstBlock, Math.min(range.endBlock, headBlocks)) };
    const builder = new ShardBuilder(compiled, range.firstBlock, range.endBlock - range.firstBlock, rangeSize(range), headBlocks, rangeSize(headRange));
    const steps = simulateRangeSteps(job.deal, compiled, range, job.conditionOn, (index, npv, cond, n) => builder.addBlock(index, npv, cond, n));
    return {
      step: () => steps.step(),
      result: () => {
        const shard = builder.finish(steps.result(), compiled.periods);
        return { output: { kind: 'simulate', summary: shard.summary }, shard };
      },
    };
  }
  const compiled = compiledFor(job.deal);
  const steps = simulateMeansSteps(job.deal, compiled, job.range, job.variants);
  return { step: () => steps.step(), result: () => ({ output: { kind: 'means', firstBlock: job.range.firstBlock, sums: steps.result() }, shard: null }) };
}

/** Transferable buffers of an output (so workers hand them over without copying). */
export function outputBuffers(output: JobOutput): ArrayBuffer[] {
  if (output.kind === 'portfolio') return portfolioOutputBuffers(output);
  return output.kind === 'means' ? [output.sums.buffer as ArrayBuffer] : summaryBuffers(output.summary);
}
