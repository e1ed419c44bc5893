/**
 * The valuation service for the host, the CLI and tools: both runners and a
 * one-call `valueDeal`.
 */
import type { ValuationRequest, ValuationResult } from '../../shared/engine/results';
import { createInProcessRunner } from './in-process';
import type { RunOptions } from './runner';
import { createWorkerPoolRunner } from './worker-pool';

export { createInProcessRunner } from './in-process';
export { createWorkerPoolRunner, findWorkerScript } from './worker-pool';
export { CancelledError, ValuationError, type RunOptions, type ValuationRunner } from './runner';

/** Values a deal once: on a temporary worker pool when `request.workers` is set, else in process. */
export async function valueDeal(request: ValuationRequest, options: RunOptions = {}): Promise<ValuationResult> {
  const runner = request.workers !== undefined ? createWorkerPoolRunner({ workers: request.workers }) : createInProcessRunner();
  try {
    return await runner.value(request, options);
  } finally {
    await runner.close();
  }
}
