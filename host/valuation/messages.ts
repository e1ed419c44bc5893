/**
 * Messages between the worker pool and its valuation workers: discriminated
 * unions, one job per message, outputs with their buffers transferred. A
 * worker holds several jobs at once and interleaves them between blocks. A
 * simulate run leaves its samples in the worker (a shard) for the statistic
 * queries that follow, until the pool releases it.
 */
import type { Problem } from '../../shared/api';
import type { EngineJob, JobOutput } from '../../shared/engine/jobs';
import type { StatAnswer, StatQuery } from '../../shared/engine/shard';
import type { Deal } from '../../shared/model/schema';

export type ToWorker =
  | { type: 'run'; id: number; job: EngineJob }
  /** Compile (and cache) a deal's kernel ahead of a timed run. */
  | { type: 'prepare'; id: number; deal: Deal; conditionOn?: string }
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
  | { type: 'cancelled'; id: number }
  | { type: 'crash'; id: number; message: string };
