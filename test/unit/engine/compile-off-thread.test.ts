/**
 * Where a valued deal is compiled: valuation workers only run kernels, so the
 * host compiles a small deal in place and hands a large one to its background
 * thread (host/background), never blocking the thread that serves every
 * window. Either way the kernel, and so every number, is the same.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileInBackground, HEAVY_DEAL_ITEMS, stopBackground } from '../../../host/background/background';
import { createInProcessExecutor, createInProcessRunner } from '../../../host/valuation/in-process';
import { createRunner, ValuationError } from '../../../host/valuation/runner';
import { compileOrThrow } from '../../../shared/engine/compile-deal';
import { kernelSpecOf } from '../../../shared/engine/kernel';
import { chainedSeriesDeal } from '../../../host/bench/large-deals';
import { exampleDeal } from './engine-harness';

const root = resolve(import.meta.dirname, '..', '..', '..');

beforeAll(() => {
  if (!existsSync(resolve(root, 'out', 'workers', 'background-worker.js'))) throw new Error('build first: npm run build');
});
afterAll(() => stopBackground());

describe('compiling a deal for the valuation workers', () => {
  it('a small deal in place; a large one on the background thread, to the same kernel', async () => {
    const small = exampleDeal('pharma-licence');
    expect(typeof (await compileInBackground(small, undefined) as { kernel?: unknown }).kernel).toBe('function');
    const large = chainedSeriesDeal(small, HEAVY_DEAL_ITEMS + 100);
    const offThread = await compileInBackground(large, undefined);
    // Plain data from the other thread: no function, and the same spec as compiling here.
    expect('kernel' in offThread).toBe(false);
    expect(offThread).toEqual(kernelSpecOf(compileOrThrow(large)));
  }, 60_000);

  it('values a large deal compiled off the thread exactly as one compiled in place; its problems come back with their paths', async () => {
    const large = chainedSeriesDeal(exampleDeal('pharma-licence'), HEAVY_DEAL_ITEMS + 100);
    const request = { deal: large, iterations: 10_000, seed: 7 };
    const inPlace = await createInProcessRunner({ serialize: true }).value(request);
    const offThread = await createRunner(createInProcessExecutor({ serialize: true }), compileInBackground).value(request);
    expect({ ...offThread, elapsedMs: 0 }).toEqual({ ...inPlace, elapsedMs: 0 });

    const broken = { ...large, series: { ...large.series, chain7: 'chain6 + nosuchname' } };
    const error = (await createRunner(createInProcessExecutor(), compileInBackground).value({ ...request, deal: broken }).catch((e: unknown) => e)) as ValuationError;
    expect(error).toBeInstanceOf(ValuationError);
    expect(error.problems).toEqual([expect.objectContaining({ path: 'series.chain7', message: expect.stringContaining('nosuchname') })]);
  }, 60_000);
});
