/**
 * Work tied to its owner and served fairly. Before, the pool ran one job at
 * a time in arrival order: another window's 10k preview got no answer within
 * 60 s behind a 49-minute run nobody watched, and closing a tab did not
 * cancel its run. Now the workers interleave jobs between blocks, smallest
 * run first, and a closed connection's runs are cancelled. The orderings are
 * asserted, not durations: the preview must be answered while the long run is
 * still going, whatever the machine's load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvents } from '../../../shared/api';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { CancelledError, type ValuationRunner } from '../../../host/valuation/runner';
import { createValuationHandlers } from '../../../host/valuation/valuation-handlers';
import { createWorkerPoolRunner } from '../../../host/valuation/worker-pool';
import { exampleDeal } from './engine-harness';

const root = resolve(import.meta.dirname, '..', '..', '..');
const workerScript = resolve(root, 'out', 'workers', 'valuation-worker.js');
let pool: ValuationRunner;

beforeAll(() => {
  if (!existsSync(workerScript)) {
    const r = spawnSync(process.execPath, ['build.config.mjs'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }
  pool = createWorkerPoolRunner({ workers: 2, workerScript });
}, 120_000);
afterAll(async () => {
  await pool.close();
});

/** Starts a long run and resolves once it is under way (its first progress). */
function longRun(iterations = 10_000_000) {
  const controller = new AbortController();
  let settled = false;
  let started!: () => void;
  const underway = new Promise<void>((r) => (started = r));
  const run = pool.value({ deal: exampleDeal('pharma-licence'), iterations }, { signal: controller.signal, onProgress: (done) => done > 0 && started() });
  run.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { run, underway, controller, settled: () => settled };
}

describe('the pool serves previews ahead of long runs', () => {
  it("another window's 10k preview is answered while a 10M run is still going, with exactly its own numbers", async () => {
    const long = longRun();
    await long.underway;
    const preview = await pool.value({ deal: exampleDeal('jv-equity'), iterations: 10_000 });
    expect(long.settled()).toBe(false);
    const alone = await createInProcessRunner().value({ deal: exampleDeal('jv-equity'), iterations: 10_000 });
    expect({ ...preview, elapsedMs: 0 }).toEqual({ ...alone, elapsedMs: 0 });
    long.controller.abort();
    await expect(long.run).rejects.toBeInstanceOf(CancelledError);
  }, 120_000);

  it('two long runs take turns: the newer one makes progress before the older one is done', async () => {
    const older = longRun();
    await older.underway;
    const newer = longRun();
    await newer.underway;
    expect(older.settled()).toBe(false);
    older.controller.abort();
    newer.controller.abort();
    await expect(older.run).rejects.toBeInstanceOf(CancelledError);
    await expect(newer.run).rejects.toBeInstanceOf(CancelledError);
  }, 120_000);

  it('a sensitivity and a goal seek from another window are not held up by a long run either', async () => {
    const long = longRun();
    await long.underway;
    const rows = await pool.sensitivity({ deal: exampleDeal('jv-equity'), iterations: 10_000 });
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(long.settled()).toBe(false);
    long.controller.abort();
    await expect(long.run).rejects.toBeInstanceOf(CancelledError);
  }, 120_000);
});

describe("a closed window's runs end with it", () => {
  it('closing the connection cancels its valuation, and the pool is free for the next', async () => {
    const closed = new AbortController();
    const handlers = createValuationHandlers(() => pool, closed.signal);
    const results: MainEvents['valuation:result'][] = [];
    let progressed!: () => void;
    const underway = new Promise<void>((r) => (progressed = r));
    const ctx = {
      emit<E extends keyof MainEvents>(name: E, payload: MainEvents[E]) {
        if (name === 'valuation:progress' && (payload as MainEvents['valuation:progress']).done > 0) progressed();
        if (name === 'valuation:result') results.push(payload as MainEvents['valuation:result']);
      },
    };
    await handlers.startValuation(ctx, { deal: exampleDeal('pharma-licence'), iterations: 10_000_000 });
    await underway;
    closed.abort();
    await expect.poll(() => results.length, { timeout: 10_000 }).toBe(1);
    expect('error' in results[0]! && results[0].error.code).toBe('cancelled');
  }, 120_000);
});
