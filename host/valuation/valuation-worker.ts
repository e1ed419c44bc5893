/**
 * A valuation worker thread (bundled to out/workers/valuation-worker.js). It
 * holds several jobs at once and runs them a block at a time, in short
 * slices, answering messages between slices: the smallest run goes first
 * (a 10,000-iteration preview is never queued behind a long run from another
 * window), runs of one size take turns oldest first, and a job is cancelled
 * at its next block boundary. Progress is posted at most every 50 ms per job,
 * then the output with its buffers transferred. Kernels arrive compiled (the
 * runner compiles; see kernel.ts), and this bundle carries neither the formula
 * parser nor the schema library, so a cold worker is ready in a few
 * milliseconds; linked kernels stay cached between jobs. A simulation's samples stay here as a shard, answering
 * the statistic queries that follow, until the pool releases them.
 */
import { parentPort } from 'node:worker_threads';
import type { BlockSteps } from '../../shared/engine/simulate';
import { jobSteps, outputBuffers, type JobRun } from '../../shared/engine/jobs';
import { linkKernel } from '../../shared/engine/kernel';
import { answerBuffers, answerQueries, type Shard } from '../../shared/engine/shard';
import { EngineError, KernelFault } from '../../shared/engine/simulate';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('valuation-worker must run as a worker thread');

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/**
 * Shards of recent simulate runs, by run message id, until the pool releases them. A run with a
 * precision target leaves one per stage (about log2 of its blocks); past this many the oldest go.
 */
const shards = new Map<number, Shard>();
const MAX_SHARDS = 64;

/** A slice runs blocks of one job for about this long before messages are read and the next job is chosen. */
const SLICE_MS = 20;
const PROGRESS_MS = 50;

interface Active {
  id: number;
  steps: BlockSteps<JobRun>;
  /** Iterations of the whole run the job belongs to: smaller runs are served first. */
  size: number;
  arrived: number;
  pending: number;
  lastProgress: number;
}

const active: Active[] = [];
let arrivals = 0;
let scheduled = false;

function failure(id: number, err: unknown): FromWorker {
  if (err instanceof KernelFault) return { type: 'fault', id, block: err.block, variant: err.variant };
  if (err instanceof EngineError) return { type: 'error', id, problems: err.problems };
  return { type: 'crash', id, message: err instanceof Error ? err.message : String(err) };
}

/** The job to run next: the smallest run, and among equal ones the one waiting longest. */
function next(): Active | undefined {
  let best: Active | undefined;
  for (const job of active) if (!best || job.size < best.size || (job.size === best.size && job.arrived < best.arrived)) best = job;
  return best;
}

function slice(): void {
  scheduled = false;
  const job = next();
  if (!job) return;
  const started = Date.now();
  try {
    for (;;) {
      const n = job.steps.step();
      if (n === 0) {
        finish(job);
        break;
      }
      job.pending += n;
      const now = Date.now();
      if (now - job.lastProgress >= PROGRESS_MS) {
        post({ type: 'progress', id: job.id, done: job.pending });
        job.pending = 0;
        job.lastProgress = now;
      }
      if (now - started >= SLICE_MS) {
        // Its turn is over: it goes to the back of its size, behind runs of the same size that waited.
        job.arrived = arrivals++;
        break;
      }
    }
  } catch (err) {
    remove(job.id);
    post(failure(job.id, err));
  }
  schedule();
}

function finish(job: Active): void {
  remove(job.id);
  if (job.pending > 0) post({ type: 'progress', id: job.id, done: job.pending });
  const { output, shard } = job.steps.result();
  if (shard) {
    shards.set(job.id, shard);
    while (shards.size > MAX_SHARDS) shards.delete(shards.keys().next().value!);
  }
  post({ type: 'result', id: job.id, output }, outputBuffers(output));
}

function remove(id: number): boolean {
  const i = active.findIndex((j) => j.id === id);
  if (i < 0) return false;
  active.splice(i, 1);
  return true;
}

/** Runs the next slice after the messages already waiting have been read (setImmediate comes after I/O). */
function schedule(): void {
  if (scheduled || active.length === 0) return;
  scheduled = true;
  setImmediate(slice);
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'prepare':
      try {
        linkKernel(message.kernel);
        post({ type: 'prepared', id: message.id });
      } catch (err) {
        post(failure(message.id, err));
      }
      return;
    case 'release':
      shards.delete(message.shard);
      return;
    case 'cancel':
      for (const id of message.ids) if (remove(id)) post({ type: 'cancelled', id });
      return;
    case 'ask': {
      const shard = shards.get(message.shard);
      if (!shard) {
        post({ type: 'crash', id: message.id, message: "the run's samples are no longer held by this worker" });
        return;
      }
      try {
        const answers = answerQueries(shard, message.queries);
        post({ type: 'answers', id: message.id, answers }, answerBuffers(answers));
      } catch (err) {
        post(failure(message.id, err));
      }
      return;
    }
    case 'run': {
      try {
        active.push({ id: message.id, steps: jobSteps(message.job), size: message.job.range.iterations, arrived: arrivals++, pending: 0, lastProgress: Date.now() });
      } catch (err) {
        post(failure(message.id, err));
        return;
      }
      schedule();
    }
  }
});

post({ type: 'ready' });
