/**
 * Starting a valuation worker thread: finding the bundled script, creating the
 * thread with its cancel flag, and knowing when it is ready. Kept apart from
 * the pool (worker-pool.ts) and free of engine imports, so a CLI command can
 * start its workers before it loads the parser, the schema library and the
 * engine, and hand them to the pool it creates afterwards.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromWorker } from './messages';

export const WORKER_BUNDLE = join('out', 'workers', 'valuation-worker.js');

/** Looks for out/workers/valuation-worker.js above the running bundle (out/cli, out/web, out/electron) and the working directory. */
export function findWorkerScript(): string {
  const starts: string[] = [];
  try {
    starts.push(dirname(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url)));
  } catch {
    // Neither CommonJS nor ESM location available: fall back to the working directory.
  }
  starts.push(process.cwd());
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 6; i++) {
      // In a packaged app the worker is unpacked beside the asar archive (electron-builder asarUnpack):
      // a worker thread cannot start from inside the archive.
      const candidate = join(dir, WORKER_BUNDLE).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`cannot find the valuation worker (${WORKER_BUNDLE}); run "npm run build" first`);
}

/** A worker thread just started: its handle, its cancel flag, and a promise of its "ready" message. */
export interface StartedWorker {
  worker: Worker;
  /**
   * Shared with the worker: jobs with a message id up to this value are cancelled. The worker reads it
   * between blocks (its message queue waits while a job runs), so a cancelled job stops within a block
   * and the worker stays warm instead of being terminated.
   */
  cancelUpTo: Int32Array;
  ready: Promise<void>;
}

/** Starts one valuation worker (unref'd: an idle pool never keeps the process alive). */
export function startValuationWorker(script: string = findWorkerScript()): StartedWorker {
  const cancelUpTo = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(script, { workerData: { cancelUpTo } });
  worker.unref();
  // Listening from the start: the "ready" message may come before the pool takes the worker.
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
  return { worker, cancelUpTo, ready };
}
