/**
 * A valuation worker thread (bundled to out/workers/valuation-worker.js): runs
 * one job at a time on its block range and posts progress at most every 50 ms,
 * then the output with its buffers transferred. Kernels arrive compiled (the
 * main thread parses and checks formulas), and this bundle carries neither the
 * formula parser nor the schema library, so a cold worker is ready in a few
 * milliseconds; linked kernels stay cached by source between jobs.
 * A simulation's samples stay here as a shard, answering the statistic
 * queries that follow, until the pool releases them. A runaway kernel can
 * only hang this thread: the pool terminates it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { executeJob, outputBuffers } from '../../shared/engine/jobs';
import { linkKernel } from '../../shared/engine/kernel';
import { answerBuffers, answerQueries, type Shard } from '../../shared/engine/shard';
import { EngineError, KernelFault } from '../../shared/engine/simulate';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('valuation-worker must run as a worker thread');

/** Jobs with a message id up to this value are cancelled (set by the pool; read between blocks). */
const cancelUpTo: Int32Array | null = (workerData as { cancelUpTo?: Int32Array } | null)?.cancelUpTo ?? null;
const cancelled = (id: number) => cancelUpTo !== null && Atomics.load(cancelUpTo, 0) >= id;

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/**
 * Shards of recent simulate runs, by run message id, until the pool releases them. A run with a
 * precision target leaves one per stage (about log2 of its blocks); past this many the oldest go.
 */
const shards = new Map<number, Shard>();
const MAX_SHARDS = 64;

port.on('message', (message: ToWorker) => {
  if (message.type === 'prepare') {
    try {
      linkKernel(message.kernel);
      post({ type: 'prepared', id: message.id });
    } catch (err) {
      post({ type: 'crash', id: message.id, message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  if (message.type === 'release') {
    shards.delete(message.shard);
    return;
  }
  if (message.type === 'ask') {
    const shard = shards.get(message.shard);
    if (!shard) {
      post({ type: 'crash', id: message.id, message: 'the run\'s samples are no longer held by this worker' });
      return;
    }
    try {
      const answers = answerQueries(shard, message.queries);
      post({ type: 'answers', id: message.id, answers }, answerBuffers(answers));
    } catch (err) {
      post({ type: 'crash', id: message.id, message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  if (message.type !== 'run') return;
  const { id, job } = message;
  let pending = 0;
  let last = Date.now();
  try {
    const { output, shard } = executeJob(job, (n) => {
      pending += n;
      const now = Date.now();
      if (now - last >= 50) {
        post({ type: 'progress', id, done: pending });
        pending = 0;
        last = now;
      }
      // false stops the job at this block boundary; its (partial) output is never merged.
      return !cancelled(id);
    });
    if (pending > 0) post({ type: 'progress', id, done: pending });
    if (shard) {
      shards.set(id, shard);
      while (shards.size > MAX_SHARDS) shards.delete(shards.keys().next().value!);
    }
    post({ type: 'result', id, output }, outputBuffers(output));
  } catch (err) {
    if (err instanceof KernelFault) post({ type: 'fault', id, block: err.block, variant: err.variant });
    else if (err instanceof EngineError) post({ type: 'error', id, problems: err.problems });
    else post({ type: 'crash', id, message: err instanceof Error ? err.message : String(err) });
  }
});

post({ type: 'ready' });
