/**
 * The parallel runner: a warm pool of worker threads (one per core by
 * default), each taking one contiguous range of blocks per run (per stage,
 * with a precision target). Runs are serialised through the pool. A cancelled
 * run's workers stop at their next block boundary (a shared flag) and stay
 * warm; one that does not stop within a grace period, or any worker of a
 * failed or timed-out run, is terminated (a runaway formula cannot outlive
 * that) and started again on the next run. Outputs come back with their buffers
 * transferred; each worker keeps its range's samples for the statistic
 * queries of the shared merge (statistics-merge.ts), which the workers answer
 * in parallel, so results are identical for any number of workers.
 */
import { availableParallelism } from 'node:os';
import type { JobOutput } from '../../shared/engine/jobs';
import { kernelSpecOf, type CompiledDeal } from '../../shared/engine/kernel';
import { jobFor, runStages, splitBlocks } from '../../shared/engine/run-plan';
import { EngineError, KernelFault } from '../../shared/engine/simulate';
import type { FromWorker, ToWorker } from './messages';
import { CancelledError, createRunner, summariesOf, type JobExecutor, type ShardAsk, type ValuationRunner } from './runner';
import { findWorkerScript, startValuationWorker, type StartedWorker } from './worker-threads';

export interface WorkerPoolOptions {
  /** Number of worker threads; defaults to the number of cores. */
  workers?: number;
  /** The bundled worker script; found under out/workers/ by default. */
  workerScript?: string;
  /** A run taking longer than this is stopped (its workers terminated). */
  timeoutMs?: number;
  /** Workers already started (by a CLI command, before it loaded the engine), taken as the first slots. */
  started?: StartedWorker[];
}

interface Slot extends StartedWorker {
  alive: boolean;
  /** The kernel this worker last linked, so repeated runs of one deal skip the prepare round trip. */
  prepared?: CompiledDeal;
}

let nextJobId = 1;

/** How long a cancelled run's workers may keep going before they are terminated and replaced. */
const CANCEL_GRACE_MS = 500;

export interface WorkerPoolExecutor extends JobExecutor {
  /** The thread id of each worker slot (null when not started): for diagnostics and tests. */
  threadIds(): (number | null)[];
}

export function createWorkerPoolExecutor(options: WorkerPoolOptions = {}): WorkerPoolExecutor {
  const size = Math.max(1, Math.min(options.workers ?? availableParallelism(), 64));
  let script: string | undefined = options.workerScript;
  const slots: (Slot | null)[] = new Array<Slot | null>(size).fill(null);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const spawn = (started: StartedWorker = startValuationWorker((script ??= findWorkerScript()))): Slot => {
    // A thread that already ended (a handed-over one may have) reports thread id -1.
    const slot: Slot = { ...started, alive: started.worker.threadId !== -1 };
    started.worker.once('exit', () => {
      slot.alive = false;
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

  const runOn = <T>(i: number, message: Exclude<ToWorker, { type: 'release' }>, progress: (n: number) => void, take: (m: FromWorker) => T | undefined): Promise<T> => {
    const slot = slotAt(i);
    const { worker } = slot;
    return new Promise<T>((resolveJob, rejectJob) => {
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (m: FromWorker) => {
        if (!('id' in m) || m.id !== message.id) return;
        if (m.type === 'progress') progress(m.done);
        else if (m.type === 'result' || m.type === 'prepared' || m.type === 'answers') {
          cleanup();
          const value = take(m);
          if (value === undefined) rejectJob(new Error(`valuation worker answered ${m.type} out of turn`));
          else resolveJob(value);
        } else if (m.type === 'error') {
          cleanup();
          rejectJob(new EngineError(m.problems));
        } else if (m.type === 'fault') {
          cleanup();
          rejectJob(new KernelFault(m.block, m.variant));
        } else {
          cleanup();
          rejectJob(new Error(`valuation worker failed: ${m.message}`));
        }
      };
      const onError = (err: Error) => {
        cleanup();
        rejectJob(new Error(`valuation worker failed: ${err.message}`));
      };
      const onExit = () => {
        cleanup();
        rejectJob(new CancelledError());
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      slot.ready.then(() => worker.postMessage(message), onError);
    });
  };

  /** Set by a cancelled run: settles once its workers are free again (or were replaced). The next run waits for it. */
  let drain: Promise<void> = Promise.resolve();

  const execute: JobExecutor['execute'] = (template, iterations, seed, progress, signal, finish, stopEarly) => {
    const run = async () => {
      if (closed) throw new Error('the valuation pool is closed');
      if (signal?.aborted) throw new CancelledError();
      /** Workers given a job in this run, and where each output's shard lives (worker, run message id). */
      const used = new Set<number>();
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
          // The caller hears at once; the workers stop at their next block boundary and stay warm. One
          // that does not stop within the grace period (a formula stuck inside a block) is terminated.
          const upTo = nextJobId - 1;
          for (const i of used) {
            const slot = slots[i];
            if (slot) Atomics.store(slot.cancelUpTo, 0, Math.max(Atomics.load(slot.cancelUpTo, 0), upTo));
          }
          let finished = false;
          const allDone = Promise.allSettled(jobs).then(() => {
            finished = true;
          });
          const grace = new Promise<void>((resolveGrace) => setTimeout(resolveGrace, CANCEL_GRACE_MS).unref());
          drain = Promise.race([allDone, grace]).then(() => {
            if (!finished) for (const i of used) kill(i);
          });
        } else {
          // A failure or timeout: the workers may be in any state, replace them.
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
    const result = queue.then(() => drain).then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  const prepare: JobExecutor['prepare'] = (template, iterations) => {
    const work = async () => {
      const count = splitBlocks(iterations, 0, size).length;
      const { compiled } = template;
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          if (slots[i]?.alive && slots[i]?.prepared === compiled) return;
          await runOn(i, { type: 'prepare', id: nextJobId++, kernel: kernelSpecOf(compiled) }, () => undefined, (m) => (m.type === 'prepared' ? true : undefined));
          const slot = slots[i];
          if (slot) slot.prepared = compiled;
        }),
      );
    };
    const result = queue.then(() => drain).then(work, work);
    queue = result.catch(() => undefined);
    return result;
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
  return createRunner(createWorkerPoolExecutor(options));
}
