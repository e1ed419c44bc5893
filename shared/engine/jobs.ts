/**
 * The unit of work a runner hands to a worker (or runs in process): a
 * compiled kernel (its portable spec, see kernel.ts), a range of blocks, and
 * what to compute over it. Compiling happens before, where the runner decides
 * (compile-deal.ts); a job only links and runs the kernel.
 *
 * Intentionally has no platform imports, and nothing that parses formulas or
 * validates files: the worker bundle is built from this module's imports.
 */
import { linkKernel, type KernelSpec } from './kernel';
import { ShardBuilder, summaryBuffers, type Shard, type ShardSummary } from './shard';
import { simulatePairedSteps, type Pair, type PairedVariant } from './paired';
import { rangeSize, runAll, simulateMeansSteps, simulateRangeSteps, type BlockRange, type BlockSteps, type MeansVariant } from './simulate';
import { portfolioJobSteps, portfolioOutputBuffers, type PortfolioJob, type PortfolioOutput } from '../portfolio/portfolio-job';

export type EngineJob =
  | { kind: 'simulate'; kernel: KernelSpec; headBlocks?: number; range: BlockRange }
  | { kind: 'means'; kernel: KernelSpec; variants: MeansVariant[]; range: BlockRange }
  /** Structures of one deal and the differences between pairs of them, on common random numbers (paired.ts). */
  | { kind: 'paired'; specs: KernelSpec[]; variants: PairedVariant[]; pairs: Pair[]; range: BlockRange }
  /** Every deal of a portfolio over one range, summed iteration by iteration (shared/portfolio/portfolio-job.ts). */
  | PortfolioJob;

/** What a job sends back: a simulation's shard summary (its samples stay with the shard), means' (or pairs') block sums, or a portfolio's summaries. */
export type JobOutput =
  | { kind: 'simulate'; summary: ShardSummary }
  | { kind: 'means'; firstBlock: number; sums: Float64Array }
  | { kind: 'paired'; firstBlock: number; sums: Float64Array }
  | PortfolioOutput;

/** A finished job: its output, and for a simulation the shard that keeps the samples for statistic queries. */
export interface JobRun {
  output: JobOutput;
  shard: Shard | null;
}

/**
 * Runs a job synchronously; `onBlock` reports iterations done and may return false to stop.
 * A failed iteration throws a KernelFault naming the block (fault.ts explains it).
 */
export function executeJob(job: EngineJob, onBlock?: (iterationsDone: number) => boolean | void): JobRun {
  return runAll(jobSteps(job), onBlock);
}

/** A job one block at a time (a worker interleaves jobs between blocks); the result once every step has run. */
export function jobSteps(job: EngineJob): BlockSteps<JobRun> {
  if (job.kind === 'paired') {
    const steps = simulatePairedSteps(job.specs, job.variants, job.pairs, job.range);
    return { step: () => steps.step(), result: () => ({ output: { kind: 'paired', firstBlock: job.range.firstBlock, sums: steps.result() }, shard: null }) };
  }
  if (job.kind === 'portfolio') return portfolioJobSteps(job, jobSteps);
  const compiled = linkKernel(job.kernel);
  const { range } = job;
  if (job.kind === 'simulate') {
    const headBlocks = job.headBlocks ?? 0;
    const headRange = { ...range, endBlock: Math.max(range.firstBlock, Math.min(range.endBlock, headBlocks)) };
    const builder = new ShardBuilder(compiled, range.firstBlock, range.endBlock - range.firstBlock, rangeSize(range), headBlocks, rangeSize(headRange));
    const steps = simulateRangeSteps(compiled, range, (index, npv, cond, n) => builder.addBlock(index, npv, cond, n));
    return {
      step: () => steps.step(),
      result: () => {
        const shard = builder.finish(steps.result(), compiled.periods);
        return { output: { kind: 'simulate', summary: shard.summary }, shard };
      },
    };
  }
  const steps = simulateMeansSteps(compiled, range, job.variants);
  return { step: () => steps.step(), result: () => ({ output: { kind: 'means', firstBlock: range.firstBlock, sums: steps.result() }, shard: null }) };
}

/** Transferable buffers of an output (so workers hand them over without copying). */
export function outputBuffers(output: JobOutput): ArrayBuffer[] {
  if (output.kind === 'portfolio') return portfolioOutputBuffers(output);
  return output.kind === 'simulate' ? summaryBuffers(output.summary) : [output.sums.buffer as ArrayBuffer];
}
