/**
 * The parallel runner: a warm pool of worker threads (one per core by
 * default), each taking one contiguous range of blocks per run (per stage,
 * with a precision target). Runs are not queued behind one another: every
 * run's jobs go to the workers at once, and each worker interleaves its jobs
 * between blocks, smallest run first (valuation-worker.ts), so a slider's
 * preview from one window is served ahead of a long run from another, and
 * two long runs take turns. A cancelled run's jobs stop at their next block
 * boundary and the workers stay warm; a worker that crashed, or the workers
 * of a timed-out run, are terminated and started again on the next run.
 * Outputs come back with their buffers transferred; each worker keeps its
 * range's samples for the statistic queries of the shared merge
 * (statistics-merge.ts), which the workers answer in parallel, so results
 * are identical for any number of workers.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { JobOutput } from '../../shared/engine/jobs';
import { kernelSpecOf, type CompiledDeal, type KernelSpec } from '../../shared/engine/kernel';
import { jobFor, runStages, splitBlocks } from '../../shared/engine/run-plan';
import { EngineError, KernelFault } from '../../shared/engine/simulate';
import type { FromWorker, ToWorker } from './messages';
import { findWorkerScript } from '../worker-script';
import { startValuationWorker, type StartedWorker } from './worker-threads';

export { findWorkerScript, WORKER_BUNDLE } from '../worker-script';
import { CancelledError, createRunner, summariesOf, type JobExecutor, type KernelCompiler, type ShardAsk, type ValuationRunner } from './runner';

export interface WorkerPoolOptions {
  /** Number of worker threads; defaults to the number of cores. */
  workers?: number;
  /** The bundled worker script; found under out/workers/ by default. */
  workerScript?: string;
  /** A run taking longer than this is stopped (its workers terminated). */
  timeoutMs?: number;
  /** Workers already started (by a CLI command, before it loaded the engine), taken as the first slots. */
  started?: StartedWorker[];
  /** Where deals are compiled before their jobs go to the workers (in place by default; see runner.ts). */
  compile?: KernelCompiler;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  alive: boolean;
  /** The answer handler of each message id in flight on this worker. */
  waiting: Map<number, (m: FromWorker | Error) => void>;
  /** The kernel this worker last linked, so repeated runs of one deal skip the prepare round trip. */
  prepared?: KernelSpec | CompiledDeal;
}

let nextJobId = 1;

export interface WorkerPoolExecutor extends JobExecutor {
  /** The thread id of each worker slot (null when not started): for diagnostics and tests. */
  threadIds(): (number | null)[];
}

export function createWorkerPoolExecutor(options: WorkerPoolOptions = {}): WorkerPoolExecutor {
  const size = Math.max(1, Math.min(options.workers ?? availableParallelism(), 64));
  let script: string | undefined = options.workerScript;
  const slots: (Slot | null)[] = new Array<Slot | null>(size).fill(null);
  let closed = false;

  const spawn = (started: StartedWorker = startValuationWorker((script ??= findWorkerScript()))): Slot => {
    const { worker } = started;
    const waiting = new Map<number, (m: FromWorker | Error) => void>();
    const failAll = (err: Error) => {
      for (const answer of waiting.values()) answer(err);
      waiting.clear();
    };
    // A thread handed over already ended reports thread id -1.
    const slot: Slot = { worker, waiting, ready: started.ready, alive: worker.threadId !== -1 };
    // One listener per worker routes every answer to the job that asked, however many jobs it holds.
    worker.on('message', (m: FromWorker) => {
      if (m.type !== 'ready') waiting.get(m.id)?.(m);
    });
    worker.on('error', (err) => failAll(new Error(`valuation worker failed: ${err.message}`)));
    worker.once('exit', () => {
      slot.alive = false;
      failAll(new CancelledError());
    });
    return slot;
  };

  const slotAt = (i: number): Slot => {
    const existing = slots[i];
    if (existing?.alive) return existing;
    const fresh = spawn();
    slots[i] = fresh;
    return fresh;
  };

  const kill = (i: number) => {
    const slot = slots[i];
    slots[i] = null;
    if (slot) void slot.worker.terminate();
  };

  const runOn = <T>(i: number, message: Exclude<ToWorker, { type: 'release' | 'cancel' }>, progress: (n: number) => void, take: (m: FromWorker) => T | undefined): Promise<T> => {
    const slot = slotAt(i);
    return new Promise<T>((resolveJob, rejectJob) => {
      const settle = (outcome: () => void) => {
        slot.waiting.delete(message.id);
        outcome();
      };
      slot.waiting.set(message.id, (m) => {
        if (m instanceof Error) return settle(() => rejectJob(m));
        if (m.type === 'progress') return progress(m.done);
        if (m.type === 'result' || m.type === 'prepared' || m.type === 'answers') {
          const value = take(m);
          return settle(() => (value === undefined ? rejectJob(new Error(`valuation worker answered ${m.type} out of turn`)) : resolveJob(value)));
        }
        if (m.type === 'error') return settle(() => rejectJob(new EngineError(m.problems)));
        if (m.type === 'fault') return settle(() => rejectJob(new KernelFault(m.block, m.variant)));
        if (m.type === 'cancelled') return settle(() => rejectJob(new CancelledError()));
        if (m.type === 'crash') return settle(() => rejectJob(new Error(`valuation worker failed: ${m.message}`)));
      });
      slot.ready.then(
        () => slot.worker.postMessage(message),
        (err: Error) => settle(() => rejectJob(new Error(`valuation worker failed: ${err.message}`))),
      );
    });
  };

  const execute: JobExecutor['execute'] = async (template, iterations, seed, progress, signal, finish, stopEarly) => {
    if (closed) throw new Error('the valuation pool is closed');
    if (signal?.aborted) throw new CancelledError();
    /** Workers given a job in this run, the ids of its jobs on each, and where each output's shard lives. */
    const used = new Set<number>();
    const jobIds = new Map<number, number[]>();
    const where: { slot: number; shard: number }[] = [];
    const jobs: Promise<JobOutput>[] = [];
    let stop: ((err: Error) => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      stop = reject;
    });
    const onAbort = () => stop?.(new CancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutMs
      ? setTimeout(() => stop?.(new Error(`the valuation took longer than ${Math.round(options.timeoutMs! / 1000)} s and was stopped`)), options.timeoutMs)
      : undefined;
    // A cancelled run's workers may still report progress while they finish: keep it from the caller.
    const report = (n: number) => {
      if (!signal?.aborted) progress(n);
    };
    const ask: ShardAsk = (i, queries) =>
      runOn(where[i]!.slot, { type: 'ask', id: nextJobId++, shard: where[i]!.shard, queries }, () => undefined, (m) => (m.type === 'answers' ? m.answers : undefined));
    try {
      const outputs: JobOutput[] = [];
      for (const [from, to] of runStages(iterations, stopEarly !== undefined)) {
        const stage = splitBlocks(iterations, seed, size, from, to).map((range, i) => {
          const shard = nextJobId++;
          used.add(i);
          jobIds.set(i, [...(jobIds.get(i) ?? []), shard]);
          where.push({ slot: i, shard });
          const job = runOn(i, { type: 'run', id: shard, job: jobFor(template, range, true) }, report, (m) => (m.type === 'result' ? m.output : undefined));
          jobs.push(job);
          return job;
        });
        outputs.push(...(await Promise.race([Promise.all(stage), stopped])));
        if (stopEarly?.(summariesOf(outputs))) break;
      }
      return await Promise.race([finish(outputs, ask), stopped]);
    } catch (err) {
      if (err instanceof CancelledError) {
        // The caller hears at once; each worker drops the run's jobs at its next block boundary and stays warm.
        for (const i of used) {
          const slot = slots[i];
          if (slot?.alive) slot.worker.postMessage({ type: 'cancel', ids: jobIds.get(i) ?? [] } satisfies ToWorker);
        }
      } else if (!(err instanceof EngineError || err instanceof KernelFault)) {
        // A crash or a timeout: those workers may be in any state, replace them. (An error in the deal leaves them well.)
        for (const i of used) kill(i);
      }
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      stopped.catch(() => undefined);
      for (const job of jobs) job.catch(() => undefined);
      // The shards' samples are no longer needed (a replaced worker has none to drop).
      for (const { slot: i, shard } of where) {
        const slot = slots[i];
        if (slot?.alive) slot.worker.postMessage({ type: 'release', shard } satisfies ToWorker);
      }
    }
  };

  const prepare: JobExecutor['prepare'] = async (template, iterations) => {
    const count = splitBlocks(iterations, 0, size).length;
    const { kernel } = template;
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        if (slots[i]?.alive && slots[i]?.prepared === kernel) return;
        await runOn(i, { type: 'prepare', id: nextJobId++, kernel: kernelSpecOf(kernel) }, () => undefined, (m) => (m.type === 'prepared' ? true : undefined));
        const slot = slots[i];
        if (slot) slot.prepared = kernel;
      }),
    );
  };

  (options.started ?? []).slice(0, size).forEach((started, i) => {
    slots[i] = spawn(started);
  });

  return {
    prepare,
    execute,
    threadIds: () => slots.map((s) => (s?.alive ? s.worker.threadId : null)),
    async close() {
      closed = true;
      await Promise.all(slots.flatMap((s) => (s ? [s.worker.terminate()] : [])));
      slots.fill(null);
    },
  };
}

export function createWorkerPoolRunner(options: WorkerPoolOptions = {}): ValuationRunner {
  return createRunner(createWorkerPoolExecutor(options), options.compile);
}
