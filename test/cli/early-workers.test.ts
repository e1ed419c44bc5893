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
  it('one per core, or --workers; one per 8 blocks of a run of known size; never more than it has blocks', async () => {
    const cases: [string[], number][] = [
      [['deal.deal'], availableParallelism()],
      [['deal.deal', '--workers', '3'], 3],
      // 10,000 iterations are 3 blocks: one cold worker; 1,000,000 are 245: one per core.
      [['deal.deal', '--iterations', '10000'], 1],
      [['deal.deal', '--iterations=1000000'], availableParallelism()],
      [['deal.deal', '--iterations', '10000', '--workers', '8'], 3],
      [['deal.deal', '--workers=3', '--iterations', '1000'], 1],
    ];
    for (const [argv, count] of cases) {
      started = startWorkersEarly(argv);
      expect(started, argv.join(' ')).toHaveLength(count);
      await Promise.all(started.map((s) => s.ready));
      await terminateStarted();
    }
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

