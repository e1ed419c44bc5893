/**
 * The runners behind one interface: the worker pool (built worker bundle,
 * real threads) and the in-process runner crossing the same message boundary
 * (structuredClone) give identical results; progress arrives; a cancelled run
 * settles quickly and leaves the pool usable; the MainApi handlers push
 * progress and results as events and let a newer run cancel an older one.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MainEvents } from '../../../shared/api';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { CancelledError, createRunner, ValuationError } from '../../../host/valuation/runner';
import { createValuationHandlers, warmUpValuation } from '../../../host/valuation/valuation-handlers';
import { sampleInputPreview } from '../../../host/valuation/input-preview';
import { createWorkerPoolExecutor } from '../../../host/valuation/worker-pool';
import type { ValuationRunner } from '../../../host/valuation/runner';
import { exampleDeal } from './engine-harness';
import { usePool, workerScript } from './test-pool';
import { smallDeal } from './deal-builder';

const root = resolve(import.meta.dirname, '..', '..', '..');
const pool = usePool();

const withoutElapsed = <T extends { elapsedMs: number }>(r: T) => ({ ...r, elapsedMs: 0 });

/** z · se / |mean| of a party's mean NPV at 95%. */
const relativeHalfWidth = (npv: { mean: number; se: number }) => (1.959963984540054 * npv.se) / Math.abs(npv.mean);

describe('runners', () => {
  it('a precision target stops the run at the first stage where our mean is within 1% at 95%, with the numbers of a plain run that long', async () => {
    const deal = exampleDeal('pharma-licence'); // us: the licensor
    const precision = { relative: 0.01, confidence: 0.95 };
    const stopped = await pool().value({ deal, iterations: 2_000_000, precision });
    expect(stopped.stoppedAtPrecision).toBe(true);
    const n = stopped.iterations;
    // Stages are 4, 8, 16, ... blocks of 4,096 iterations, each a prefix of the next.
    expect(Number.isInteger(Math.log2(n / (4 * 4096)))).toBe(true);
    expect(relativeHalfWidth(stopped.parties.licensor!.npv)).toBeLessThanOrEqual(0.01);
    // The stage before did not meet the target.
    const before = await pool().value({ deal, iterations: n / 2 });
    expect(relativeHalfWidth(before.parties.licensor!.npv)).toBeGreaterThan(0.01);
    // Exactly the result of a plain run of that many iterations, on the pool and in process.
    const plain = await pool().value({ deal, iterations: n });
    const { stoppedAtPrecision: _flag, ...rest } = stopped;
    expect(withoutElapsed(rest)).toEqual(withoutElapsed(plain));
    expect(withoutElapsed(await createInProcessRunner({ serialize: true }).value({ deal, iterations: 2_000_000, precision }))).toEqual(withoutElapsed(stopped));
  }, 120_000);

  it('a precision target out of reach runs every iteration and says nothing was cut short', async () => {
    const r = await pool().value({ deal: exampleDeal('pharma-licence'), iterations: 50_000, precision: { relative: 1e-6, confidence: 0.99 } });
    expect(r.iterations).toBe(50_000);
    expect(r.stoppedAtPrecision).toBeUndefined();
  }, 60_000);

  it('pool and serializing in-process runner give identical results, conditional statistics included', async () => {
    const deal = exampleDeal('pharma-licence');
    const request = { deal, iterations: 30_000, conditionOn: 'approved' };
    const a = await pool().value(request);
    const b = await createInProcessRunner({ serialize: true }).value(request);
    expect(withoutElapsed(a)).toEqual(withoutElapsed(b));
    expect(a.conditional?.probability).toBeCloseTo(0.35 * 0.58 * 0.91, 1);
    expect(a.parties.licensor!.fan.mean).toHaveLength(15);
    expect(a.parties.licensor!.histogram.counts.reduce((x, y) => x + y, 0)).toBe(30_000);
  }, 120_000);

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await pool().value({ deal: exampleDeal('jv-equity'), iterations: 200_000 }, { onProgress: (done, total) => (expect(total).toBe(200_000), seen.push(done)) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(200_000);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  }, 120_000);

  it('settles a cancelled run quickly and stays usable', async () => {
    const controller = new AbortController();
    const run = pool().value({ deal: exampleDeal('saas-alliance'), iterations: 10_000_000 }, { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    const started = Date.now();
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(30_000);
    const after = await pool().value({ deal: exampleDeal('pharma-licence'), iterations: 5000 });
    expect(after.iterations).toBe(5000);
  }, 120_000);

  it('a cancelled run stops its workers at a block boundary: they finish at once and stay warm', async () => {
    const executor = createWorkerPoolExecutor({ workers: 2, workerScript });
    const runner = createRunner(executor);
    try {
      await runner.value({ deal: exampleDeal('saas-alliance'), iterations: 10_000 });
      const threads = executor.threadIds();
      expect(threads.every((t) => t !== null)).toBe(true);
      const controller = new AbortController();
      const run = runner.value({ deal: exampleDeal('saas-alliance'), iterations: 10_000_000 }, { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
      await expect(run).rejects.toBeInstanceOf(CancelledError);
      // The next run waits for the cancelled one's workers; they were not terminated and restarted.
      const after = await runner.value({ deal: exampleDeal('pharma-licence'), iterations: 5000 });
      expect(after.iterations).toBe(5000);
      expect(executor.threadIds()).toEqual(threads);
    } finally {
      await runner.close();
    }
  }, 120_000);

  it('tornado rows and goal seek run on the pool like in process', async () => {
    const deal = exampleDeal('jv-equity');
    const a = await pool().sensitivity({ deal, iterations: 20_000 });
    const b = await createInProcessRunner().sensitivity({ deal, iterations: 20_000 });
    expect(a).toEqual(b);
    expect(a.party).toBe('solara');
    const solved = await pool().solve({ deal, path: 'terms.ipLicence.amount', party: 'solara', target: 15, iterations: 20_000 });
    expect(solved.ok && solved.achievedMean).toBeCloseTo(15, 6);
  }, 120_000);

  it('a non-finite cash flow is named the same on the pool as in process, in a run and in a tornado variant', async () => {
    // u is drawn on (0, 10) and is never exactly 9; the tornado holds it at its P90, which is 9.
    const deal = smallDeal({
      inputs: { u: { dist: 'uniform', min: 0, max: 10 } },
      series: { k: '1 / (u - 9)', bad: 't < 3 ? 1 : 1 / (t - 3)' },
      terms: [
        { id: 'own', type: 'cashflow', party: 'a', amount: 'k' },
        { id: 'late', type: 'cashflow', party: 'b', amount: 'bad' },
      ],
      simulation: { iterations: 10_000, seed: 3 },
    });
    const runners: [string, ValuationRunner][] = [
      ['pool', pool()],
      ['in process', createInProcessRunner()],
      ['serialized', createInProcessRunner({ serialize: true })],
    ];
    for (const [name, runner] of runners) {
      // Workers report the block; the main thread re-runs it with location checks.
      const run = (await runner.value({ deal }).catch((e: unknown) => e)) as ValuationError;
      expect(run, name).toBeInstanceOf(ValuationError);
      expect(run.problems, name).toEqual([expect.objectContaining({ path: 'series.bad', message: expect.stringMatching(/^series "bad" is not a finite number in period 3 /) })]);
      const dealOk = { ...deal, series: { ...deal.series, bad: '1' } };
      const tornado = (await runner.sensitivity({ deal: dealOk, iterations: 5_000 }).catch((e: unknown) => e)) as ValuationError;
      expect(tornado, name).toBeInstanceOf(ValuationError);
      expect(tornado.problems, name).toEqual([expect.objectContaining({ path: 'series.k', message: expect.stringMatching(/^series "k" is not a finite number in period 0 /) })]);
      // The same deal values fine where u is drawn, not held.
      expect((await runner.value({ deal: dealOk, iterations: 5_000 })).iterations, name).toBe(5_000);
    }
  }, 120_000);
});

describe('valuation API handlers', () => {
  it('warm the shared pool in the background at start-up; an unreadable example only means a cold start', async () => {
    await expect(warmUpValuation(resolve(root, 'resources', 'examples', 'no-such.deal'))).resolves.toBeUndefined();
    await expect(warmUpValuation(resolve(root, 'resources', 'examples', 'pharma-licence.deal'))).resolves.toBeUndefined();
    // The pool it warmed serves runs.
    const handlers = createValuationHandlers();
    const result = new Promise<MainEvents['valuation:result']>((done) => {
      void handlers.startValuation({ emit: (event, payload) => event === 'valuation:result' && done(payload as MainEvents['valuation:result']) }, { deal: exampleDeal('pharma-licence'), iterations: 10_000 });
    });
    expect('result' in (await result)).toBe(true);
  }, 120_000);

  it('push progress and the result as events; a newer run cancels the older', async () => {
    const handlers = createValuationHandlers(pool);
    const events: { name: keyof MainEvents; payload: unknown }[] = [];
    const done = new Map<string, (payload: MainEvents['valuation:result']) => void>();
    const ctx = {
      emit<E extends keyof MainEvents>(name: E, payload: MainEvents[E]) {
        events.push({ name, payload });
        if (name === 'valuation:result') done.get((payload as MainEvents['valuation:result']).runId)?.(payload as MainEvents['valuation:result']);
      },
    };
    const settled = (runId: string) => new Promise<MainEvents['valuation:result']>((r) => done.set(runId, r));
    const deal = exampleDeal('pharma-licence');
    const first = await handlers.startValuation(ctx, { deal, iterations: 5_000_000 });
    const firstResult = settled(first.runId);
    const second = await handlers.startValuation(ctx, { deal, iterations: 20_000 });
    const secondResult = settled(second.runId);
    const older = await firstResult;
    expect('error' in older && older.error.code).toBe('cancelled');
    const newer = await secondResult;
    expect('result' in newer && newer.result.iterations).toBe(20_000);
    expect(events.some((e) => e.name === 'valuation:progress' && (e.payload as { runId: string }).runId === second.runId)).toBe(true);
    // What crosses the boundary is a summary: no typed arrays anywhere.
    expect(JSON.stringify(newer)).not.toMatch(/Float64Array/);
    expect(() => structuredClone(newer)).not.toThrow();
  }, 120_000);

  it('refuse an invalid deal with its problems', async () => {
    const handlers = createValuationHandlers(pool);
    const deal = { ...exampleDeal('pharma-licence'), series: { x: 'nope(' } };
    await expect(handlers.startValuation({ emit: () => undefined }, { deal })).rejects.toMatchObject({
      data: { problems: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^series/) })]) },
    });
  });

  it('preview an input’s density', () => {
    const preview = sampleInputPreview({ dist: 'lognormal', p50: 650, p90: 1400 }, 20_000);
    expect(preview.histogram.counts.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(preview.p50).toBeGreaterThan(600);
    expect(preview.p50).toBeLessThan(700);
    expect(sampleInputPreview({ dist: 'discrete', values: [5, 6, 7], weights: [0.5, 0.35, 0.15] }, 1000).p90).toBe(7);
  });
});
