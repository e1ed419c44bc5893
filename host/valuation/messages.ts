/**
 * Messages between the worker pool and its valuation workers: discriminated
 * unions, one job per message, outputs with their buffers transferred. Jobs
 * carry kernels compiled before they are sent (kernel.ts), so a worker never
 * parses a formula. A worker holds several jobs at once and interleaves them between blocks. A
 * simulate run leaves its samples in the worker (a shard) for the statistic
 * queries that follow, until the pool releases it.
 */
import type { Problem } from '../../shared/api';
import type { EngineJob, JobOutput } from '../../shared/engine/jobs';
import type { KernelSpec } from '../../shared/engine/kernel';
import type { StatAnswer, StatQuery } from '../../shared/engine/shard';

export type ToWorker =
  | { type: 'run'; id: number; job: EngineJob }
  /** Link (and cache) a compiled kernel ahead of a timed run. */
  | { type: 'prepare'; id: number; kernel: KernelSpec }
  /** Statistic queries about the shard a simulate run (message id `shard`) left behind. */
  | { type: 'ask'; id: number; shard: number; queries: StatQuery[] }
  /** The run's statistics are complete: drop its shard. */
  | { type: 'release'; shard: number }
  /** Stop these jobs at their next block boundary (each is answered 'cancelled'). */
  | { type: 'cancel'; ids: number[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number }
  | { type: 'prepared'; id: number }
  | { type: 'result'; id: number; output: JobOutput }
  | { type: 'answers'; id: number; answers: StatAnswer[] }
  | { type: 'error'; id: number; problems: Problem[] }
  /** An iteration failed in this block (and means variant, or -1): the runner explains it (fault.ts). */
  | { type: 'fault'; id: number; block: number; variant: number }
  | { type: 'cancelled'; id: number }
  | { type: 'crash'; id: number; message: string };
