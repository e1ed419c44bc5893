/**
 * The worker pool the engine tests share: the built worker bundle (built
 * first when missing) on 2 real threads, started before a file's tests and
 * closed after them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ValuationRunner } from '../../../host/valuation/runner';
import { createWorkerPoolRunner } from '../../../host/valuation/worker-pool';

const root = resolve(import.meta.dirname, '..', '..', '..');
export const workerScript = resolve(root, 'out', 'workers', 'valuation-worker.js');

/** Registers the pool's start and close with the file's hooks; call `pool()` inside tests. */
export function usePool(): () => ValuationRunner {
  let pool: ValuationRunner | undefined;
  beforeAll(() => {
    if (!existsSync(workerScript)) {
      console.log('building the worker bundle (out/workers/valuation-worker.js) for the pool tests');
      const r = spawnSync(process.execPath, ['build.config.mjs'], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
    }
    pool = createWorkerPoolRunner({ workers: 2, workerScript });
  }, 120_000);
  afterAll(async () => {
    await pool?.close();
  });
  return () => {
    if (!pool) throw new Error('the test pool is used before it started');
    return pool;
  };
}
