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
import { compileOrThrow, simulateMeans, simulateRange, type BlockRange, type MeansVariant, type SimulationPart } from './simulate';

export type EngineJob =
  | { kind: 'simulate'; deal: Deal; conditionOn?: string; range: BlockRange }
  | { kind: 'means'; deal: Deal; variants: MeansVariant[]; range: BlockRange };

export type JobOutput = { kind: 'simulate'; part: SimulationPart } | { kind: 'means'; firstBlock: number; sums: Float64Array };

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
export function executeJob(job: EngineJob, onBlock?: (iterationsDone: number) => boolean | void): JobOutput {
  if (job.kind === 'simulate') {
    const compiled = compiledFor(job.deal, job.conditionOn);
    return { kind: 'simulate', part: simulateRange(job.deal, compiled, job.range, job.conditionOn, onBlock) };
  }
  const compiled = compiledFor(job.deal);
  return { kind: 'means', firstBlock: job.range.firstBlock, sums: simulateMeans(job.deal, compiled, job.range, job.variants, onBlock) };
}

/** Transferable buffers of an output (so workers hand them over without copying). */
export function outputBuffers(output: JobOutput): ArrayBuffer[] {
  if (output.kind === 'means') return [output.sums.buffer as ArrayBuffer];
  const p = output.part;
  const list = [...p.npv.map((a) => a.buffer), p.blockSums.buffer, p.fanFlows.buffer];
  if (p.cond) list.push(p.cond.buffer);
  return list as ArrayBuffer[];
}
