/**
 * The workers a valuing command starts before it loads (host/cli/early-workers.ts):
 * as many as the run will use, none for flags the command will refuse, and the
 * pool takes them over as its first workers and values with them.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWorkersEarly } from '../../host/cli/early-workers';
import { createWorkerPoolExecutor } from '../../host/valuation/worker-pool';
import { createRunner } from '../../host/valuation/runner';
import type { StartedWorker } from '../../host/valuation/worker-threads';
import { exampleDeal } from '../unit/engine/engine-harness';

const root = resolve(import.meta.dirname, '..', '..');
let started: StartedWorker[] = [];

beforeAll(() => {
  if (!existsSync(resolve(root, 'out', 'workers', 'valuation-worker.js'))) throw new Error('build first: npm run build');
});
async function terminateStarted(): Promise<void> {
  await Promise.all(started.map((s) => s.worker.terminate()));
  started = [];
}
afterEach(terminateStarted);

describe('workers started before a valuing command loads', () => {
  it('one per core, or --workers, and no more than the run has blocks', async () => {
    started = startWorkersEarly(['deal.deal']);
    expect(started).toHaveLength(availableParallelism());
    await terminateStarted();
    started = startWorkersEarly(['deal.deal', '--workers', '3']);
    expect(started).toHaveLength(3);
    await terminateStarted();
    // 1,000 iterations are one block of 4,096: one worker.
    started = startWorkersEarly(['deal.deal', '--workers=3', '--iterations', '1000']);
    expect(started).toHaveLength(1);
    await terminateStarted();
    started = startWorkersEarly(['deal.deal', '--iterations', '10000', '--workers', '8']);
    expect(started).toHaveLength(3);
    await Promise.all(started.map((s) => s.ready));
  });

  it('none for flags the command will refuse', () => {
    for (const argv of [['--workers', '0'], ['--workers', '65'], ['--iterations', 'many'], ['--workers'], ['f.deal', '--iterations']]) {
      started = startWorkersEarly(argv);
      expect(started, argv.join(' ')).toEqual([]);
    }
  });

  it('the pool takes them over as its first workers and values with them, as a fresh pool does', async () => {
    started = startWorkersEarly(['--workers', '2']);
    const ids = started.map((s) => s.worker.threadId);
    const executor = createWorkerPoolExecutor({ workers: 2, started });
    expect(executor.threadIds()).toEqual(ids);
    const runner = createRunner(executor);
    const fresh = createRunner(createWorkerPoolExecutor({ workers: 2 }));
    try {
      const deal = exampleDeal('pharma-licence');
      const a = await runner.value({ deal, iterations: 20_000 });
      const b = await fresh.value({ deal, iterations: 20_000 });
      expect({ ...a, elapsedMs: 0 }).toEqual({ ...b, elapsedMs: 0 });
      expect(executor.threadIds()).toEqual(ids);
    } finally {
      await runner.close();
      await fresh.close();
      started = [];
    }
  }, 60_000);
});

