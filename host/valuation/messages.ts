/**
 * Messages between the worker pool and its valuation workers: discriminated
 * unions, one job per message, outputs with their buffers transferred.
 */
import type { Problem } from '../../shared/api';
import type { EngineJob, JobOutput } from '../../shared/engine/jobs';

import type { Deal } from '../../shared/model/schema';

export type ToWorker =
  | { type: 'run'; id: number; job: EngineJob }
  /** Compile (and cache) a deal's kernel ahead of a timed run. */
  | { type: 'prepare'; id: number; deal: Deal; conditionOn?: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number }
  | { type: 'prepared'; id: number }
  | { type: 'result'; id: number; output: JobOutput }
  | { type: 'error'; id: number; problems: Problem[] }
  | { type: 'crash'; id: number; message: string };
