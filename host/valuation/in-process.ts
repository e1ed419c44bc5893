/**
 * The in-process runner: kernels run on this thread in chunks of blocks,
 * yielding to the event loop between chunks so progress and cancellation get
 * through. For tests and tools; the app and CLI use the worker pool.
 *
 * With `serialize: true` every job, output, query and answer round-trips
 * through structuredClone, so tests cross the same message boundary as workers
 * without starting one (Squiggle's serializing runner).
 */
import { executeJob, type JobOutput } from '../../shared/engine/jobs';
import { answerQueries, type Shard } from '../../shared/engine/shard';
import { jobFor, runStages, splitBlocks } from '../../shared/engine/run-plan';
import { CancelledError, createRunner, summariesOf, type JobExecutor, type ValuationRunner } from './runner';

const CHUNK_BLOCKS = 4;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createInProcessExecutor(options: { serialize?: boolean } = {}): JobExecutor {
  return {
    // Templates arrive compiled: nothing to get ready on this thread.
    async prepare() {},
    async execute(template, iterations, seed, progress, signal, finish, stopEarly) {
      const clone = <T>(x: T): T => (options.serialize ? structuredClone(x) : x);
      const outputs: JobOutput[] = [];
      const shards: (Shard | null)[] = [];
      for (const [from, to] of runStages(iterations, stopEarly !== undefined)) {
        for (const range of splitBlocks(iterations, seed, Math.ceil((to - from) / CHUNK_BLOCKS), from, to)) {
          if (signal?.aborted) throw new CancelledError();
          const run = executeJob(clone(jobFor(template, range, options.serialize === true)), (n) => progress(n));
          outputs.push(clone(run.output));
          shards.push(run.shard);
          await yieldToEventLoop();
        }
        if (stopEarly?.(summariesOf(outputs))) break;
      }
      if (signal?.aborted) throw new CancelledError();
      return finish(outputs, async (i, queries) => {
        const shard = shards[i];
        if (!shard) throw new Error(`output ${i} has no shard to ask`);
        return clone(answerQueries(shard, clone(queries)));
      });
    },
    close: async () => undefined,
  };
}

export function createInProcessRunner(options: { serialize?: boolean } = {}): ValuationRunner {
  return createRunner(createInProcessExecutor(options));
}
