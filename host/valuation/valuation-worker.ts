/**
 * A valuation worker thread (bundled to out/workers/valuation-worker.js): runs
 * one job at a time on its block range and posts progress at most every 50 ms,
 * then the output with its buffers transferred. Compiled kernels stay cached
 * here between jobs, so repeated small runs of the same deal skip compiling.
 * A runaway kernel can only hang this thread: the pool terminates it.
 */
import { parentPort } from 'node:worker_threads';
import { compiledFor, executeJob, outputBuffers } from '../../shared/engine/jobs';
import { EngineError } from '../../shared/engine/simulate';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('valuation-worker must run as a worker thread');

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
  if (message.type === 'prepare') {
    try {
      compiledFor(message.deal, message.conditionOn);
      post({ type: 'prepared', id: message.id });
    } catch (err) {
      if (err instanceof EngineError) post({ type: 'error', id: message.id, problems: err.problems });
      else post({ type: 'crash', id: message.id, message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  if (message.type !== 'run') return;
  const { id, job } = message;
  let pending = 0;
  let last = Date.now();
  try {
    const output = executeJob(job, (n) => {
      pending += n;
      const now = Date.now();
      if (now - last >= 50) {
        post({ type: 'progress', id, done: pending });
        pending = 0;
        last = now;
      }
    });
    if (pending > 0) post({ type: 'progress', id, done: pending });
    post({ type: 'result', id, output }, outputBuffers(output));
  } catch (err) {
    if (err instanceof EngineError) post({ type: 'error', id, problems: err.problems });
    else post({ type: 'crash', id, message: err instanceof Error ? err.message : String(err) });
  }
});

post({ type: 'ready' });
