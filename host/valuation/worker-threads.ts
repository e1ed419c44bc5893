/**
 * Starting a valuation worker thread and knowing when it is ready. Kept apart
 * from the pool (worker-pool.ts) and free of engine imports, so a CLI command
 * can start its workers before it loads the parser, the schema library and
 * the engine, and hand them to the pool it creates afterwards.
 */
import { Worker } from 'node:worker_threads';
import { findWorkerScript } from '../worker-script';
import type { FromWorker } from './messages';

/** A worker thread just started, and a promise of its "ready" message. */
export interface StartedWorker {
  worker: Worker;
  ready: Promise<void>;
}

/** Starts one valuation worker (unref'd: an idle pool never keeps the process alive). */
export function startValuationWorker(script: string = findWorkerScript()): StartedWorker {
  const worker = new Worker(script);
  worker.unref();
  // Listening from the start: the "ready" message may come before a pool takes the worker over.
  const ready = new Promise<void>((resolveReady, rejectReady) => {
    const onMessage = (m: FromWorker) => {
      if (m.type === 'ready') {
        worker.off('message', onMessage);
        worker.off('error', rejectReady);
        resolveReady();
      }
    };
    worker.on('message', onMessage);
    worker.once('error', rejectReady);
  });
  // A worker that fails before anyone waits on it must not become an unhandled rejection.
  ready.catch(() => undefined);
  return { worker, ready };
}
