/**
 * The in-process runner: kernels run on this thread in chunks of blocks,
 * yielding to the event loop between chunks so progress and cancellation get
 * through. For tests and tools; the app and CLI use the worker pool.
 *
 * With `serialize: true` every job and output round-trips through
 * structuredClone, so tests cross the same message boundary as workers
 * without starting one (Squiggle's serializing runner).
 */
import { compiledFor, executeJob, type JobOutput } from '../../shared/engine/jobs';
import { jobFor, splitBlocks } from '../../shared/engine/run-plan';
import { blockCount } from '../../shared/engine/rng';
import { CancelledError, createRunner, type JobExecutor, type ValuationRunner } from './runner';

const CHUNK_BLOCKS = 4;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createInProcessExecutor(options: { serialize?: boolean } = {}): JobExecutor {
  return {
    async prepare(template) {
      compiledFor(template.deal, template.kind === 'simulate' ? template.conditionOn : undefined);
    },
    async execute(template, iterations, seed, progress, signal) {
      const chunks = Math.ceil(blockCount(iterations) / CHUNK_BLOCKS);
      const outputs: JobOutput[] = [];
      for (const range of splitBlocks(iterations, seed, chunks)) {
        if (signal?.aborted) throw new CancelledError();
        const job = jobFor(template, range);
        const output = executeJob(options.serialize ? structuredClone(job) : job, (n) => progress(n));
        outputs.push(options.serialize ? structuredClone(output) : output);
        await yieldToEventLoop();
      }
      if (signal?.aborted) throw new CancelledError();
      return outputs;
    },
    close: async () => undefined,
  };
}

export function createInProcessRunner(options: { serialize?: boolean } = {}): ValuationRunner {
  return createRunner(createInProcessExecutor(options));
}
