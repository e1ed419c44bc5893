/**
 * The run statistics merged from shards (distributed selection, block-order
 * sums) against brute force on the whole array: a full sort and the type-7
 * rule for quantiles, two-pass mean and sd, direct counts. Samples are made to
 * stress the selection: atoms holding most of the mass, heavy tails with far
 * outliers, values spread over hundreds of octaves, ranges too narrow or too
 * wide to bin in floating point, tiny and empty populations. Every sample is
 * also merged from several different splits, which must agree exactly.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledDeal } from '../../../shared/engine/compile-deal';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { BLOCK_SIZE, blockCount, createRng } from '../../../shared/engine/rng';
import { answerQueries, ShardBuilder } from '../../../shared/engine/shard';
import type { SimulationPart } from '../../../shared/engine/simulate';
import { simulateRange } from '../../../shared/engine/simulate';
import { compiledFor } from '../../../shared/engine/compile-deal';
import { summariseShards, type ShardHandle } from '../../../shared/engine/statistics-merge';
import { HISTOGRAM_BINS } from '../../../shared/engine/statistics';
import { CURVE_LEVELS, type DistributionCurve } from '../../../shared/engine/results';
import { normalQuantile } from '../../../shared/engine/special-functions';
import { exampleDeal } from './engine-harness';

/** A one- or two-party stand-in for a compiled deal: all the merge reads of it. */
function fakeDeal(walkAway: number[], conditionSeries: string | null = null): CompiledDeal {
  return { partyIds: walkAway.map((_, i) => `p${i}`), walkAway, periods: 1, conditionSeries } as unknown as CompiledDeal;
}

/** Cuts the samples into blocks and the blocks into shards at the given block boundaries; queries go through structuredClone like a worker's. */
/** The kinds of query the first shard of the last merge was asked, round by round (to show which paths a sample exercised). */
let asked: string[][] = [];

function shardsOf(deal: CompiledDeal, samples: Float64Array[], cuts: number[], cond?: Uint8Array): ShardHandle[] {
  asked = [];
  const n = samples[0]!.length;
  const blocks = blockCount(n);
  const bounds = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < blocks).sort((x, y) => x - y), blocks];
  const handles: ShardHandle[] = [];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const first = bounds[s]!;
    const end = bounds[s + 1]!;
    const from = first * BLOCK_SIZE;
    const to = Math.min(n, end * BLOCK_SIZE);
    const builder = new ShardBuilder(deal, first, end - first, to - from);
    const npv = samples.map((a) => a.slice(from, to));
    for (let b = first; b < end; b++) {
      const lo = b * BLOCK_SIZE - from;
      const hi = Math.min(n, (b + 1) * BLOCK_SIZE) - from;
      builder.addBlock(
        b - first,
        npv.map((a) => a.subarray(lo, hi)),
        cond ? cond.subarray(from + lo, from + hi) : null,
        hi - lo,
      );
    }
    const part: SimulationPart = { firstBlock: first, blocks: end - first, npv, blockSums: new Float64Array(0), fanFlows: new Float64Array(0), cond: null };
    const shard = builder.finish(part, deal.periods);
    const log = s === 0;
    handles.push({
      summary: structuredClone(shard.summary),
      ask: async (q) => {
        if (log) asked.push(q.map((x) => x.kind));
        return structuredClone(answerQueries(shard, structuredClone(q)));
      },
    });
  }
  return handles;
}

function bruteForce(values: Float64Array, walkAway: number) {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const q = (p: number) => {
    const h = (n - 1) * p;
    const f = Math.floor(h);
    return sorted[f]! + (h - f) * (sorted[Math.min(n - 1, f + 1)]! - sorted[f]!);
  };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  let atLeast = 0;
  for (const v of values) if (v >= walkAway) atLeast++;
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, p5: q(0.05), p10: q(0.1), p50: q(0.5), p90: q(0.9), p95: q(0.95), atLeast, min: sorted[0]!, max: sorted[n - 1]!, q };
}

/** The distribution curve (S-curve, exceedance curves) is the brute-force type-7 quantile at every level, and the walk-away's exact count. */
function expectCurve(name: string, curve: DistributionCurve, want: ReturnType<typeof bruteForce>, n: number, walkAway: number) {
  CURVE_LEVELS.forEach((level, k) => expect(curve.values[k], `${name}: curve at ${level}`).toBe(want.q(level)));
  expect(curve.walkAway).toEqual({ value: walkAway, below: (n - want.atLeast) / n });
}

const meta = (n: number) => ({ scenario: 'base', iterations: n, seed: 1, elapsedMs: 0 });

/** Merges one party's samples from every split and checks them against brute force and against each other. */
async function checkSample(name: string, values: Float64Array, walkAway = 0, moments = true) {
  const deal = fakeDeal([walkAway]);
  const blocks = blockCount(values.length);
  const splits = [[], [Math.floor(blocks / 2)], [1, 2, Math.floor(blocks / 3)], Array.from({ length: 6 }, (_, i) => Math.floor(((i + 1) * blocks) / 7))];
  const results = [];
  let rounds: string[][] = [];
  for (const cuts of splits) {
    results.push(await summariseShards(deal, shardsOf(deal, [values], cuts), meta(values.length)));
    if (cuts.length === 0) rounds = asked;
  }
  for (const r of results.slice(1)) expect(r, `${name}: every split gives the same result`).toEqual(results[0]);
  const got = results[0]!.parties.p0!;
  const want = bruteForce(values, walkAway);
  for (const k of ['p5', 'p10', 'p50', 'p90', 'p95'] as const) expect(got.npv[k], `${name}: ${k}`).toBe(want[k]);
  const tol = (x: number) => 1e-12 * Math.max(1, Math.abs(x)) + 1e-12 * Math.max(Math.abs(want.min), Math.abs(want.max));
  if (moments) {
    expect(Math.abs(got.npv.mean - want.mean), `${name}: mean`).toBeLessThanOrEqual(tol(want.mean));
    expect(Math.abs(got.npv.sd - want.sd), `${name}: sd`).toBeLessThanOrEqual(1e-9 * Math.max(1, want.sd));
    expect(got.npv.se).toBeCloseTo(got.npv.sd / Math.sqrt(values.length), 12);
  }
  expect(got.pAboveWalkAway, `${name}: P(>= walk-away)`).toBe(want.atLeast / values.length);
  expectCurve(name, got.histogram.curve, want, values.length, walkAway);
  // The display histogram: HISTOGRAM_BINS bins from the smallest to the largest value, every value counted once.
  const h = got.histogram;
  expect(h.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
  expect(h.edges[0]).toBe(want.min === want.max ? want.min - 0.5 : want.min);
  expect(h.edges[h.edges.length - 1]).toBe(want.min === want.max ? want.max + 0.5 : want.max);
  if (want.min !== want.max) expect(h.counts.length).toBe(HISTOGRAM_BINS);
  return { ...got, rounds };
}

function draws(n: number, seed: number, f: (u: number, i: number) => number): Float64Array {
  const rng = createRng(seed, 0);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(rng.next(), i);
  return out;
}

describe('statistics merged from shards', () => {
  it('a smooth distribution (normal), large enough to need narrowing rounds', async () => {
    const { rounds } = await checkSample('normal', draws(1_000_000, 1, (u) => 100 + 30 * normalQuantile(u)), 100);
    expect(rounds).toEqual([['bins'], ['values']]);
  });

  it('an atom holding most of the mass, the rest spread out (a milestone deal that usually fails early)', async () => {
    await checkSample('atom', draws(600_000, 2, (u) => (u < 0.7 ? 25 : 25 + Math.exp(8 * (u - 0.7)))), 25);
  });

  it('atoms next to each other inside one fine bin, so only narrowing separates them', async () => {
    const { rounds } = await checkSample('close atoms', draws(400_000, 3, (u, i) => (u < 0.5 ? 1 : u < 0.9 ? 1 + 1e-9 : i === 7 ? 1e6 : 2 + u)), 1 + 1e-9);
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    expect(rounds[1]).toContain('bins');
  });

  it('a heavy tail with far outliers, which squeeze the bulk into a few bins', async () => {
    await checkSample('heavy tail', draws(500_000, 4, (u, i) => (i % 100_000 === 0 ? 1e12 : Math.exp(3 * normalQuantile(u)))), 1);
  });

  it('values spread over hundreds of octaves (narrowing gives up and fetches)', async () => {
    const { rounds } = await checkSample('octaves', draws(200_000, 5, (u) => (u < 0.5 ? -1 : 1) * Math.pow(2, Math.floor(u * 1000) - 500)));
    expect(rounds.length).toBeGreaterThan(12);
    expect(rounds[rounds.length - 1]).toEqual(['values']);
  });

  it('ranges too narrow or too wide to bin in floating point', async () => {
    await checkSample('subnormal range', draws(100_000, 6, (u) => (u < 0.5 ? 0 : 5e-324)));
    // Sums of such values overflow (as they would for any method), so only the order statistics and counts are compared.
    await checkSample('widest range', draws(100_000, 7, (u) => (u < 0.3 ? -1e308 : u < 0.6 ? 1e308 : u)), 0, false);
  });

  it('tiny samples, a constant sample, and a sample that is not a whole number of blocks', async () => {
    for (const n of [1, 2, 3, 5, 4097]) await checkSample(`n=${n}`, draws(n, 8 + n, (u) => Math.round(u * 10)));
    const constant = await checkSample('constant', new Float64Array(10_000).fill(-3.5), -3.5);
    expect(constant.npv).toEqual({ mean: -3.5, sd: 0, se: 0, p5: -3.5, p10: -3.5, p50: -3.5, p90: -3.5, p95: -3.5 });
  });

  it('P(every party >= its walk-away) and statistics conditional on a flag, including an empty condition', async () => {
    const n = 50_000;
    const a = draws(n, 10, (u) => u * 100);
    const b = draws(n, 11, (u) => 50 - u * 100);
    const cond = Uint8Array.from(a, (v) => (v > 70 ? 1 : 0));
    const deal = fakeDeal([40, -10], 'flag');
    const r = await summariseShards(deal, shardsOf(deal, [a, b], [3, 7], cond), meta(n));
    let both = 0;
    for (let i = 0; i < n; i++) if (a[i]! >= 40 && b[i]! >= -10) both++;
    expect(r.pAllAboveWalkAway).toBe(both / n);
    const subset = a.filter((_, i) => cond[i] === 1);
    const want = bruteForce(subset, 40);
    expect(r.conditional!.iterations).toBe(subset.length);
    expect(r.conditional!.probability).toBe(subset.length / n);
    expect(r.conditional!.parties.p0!.npv.p50).toBe(want.p50);
    expect(r.conditional!.parties.p0!.npv.p95).toBe(want.p95);
    expect(r.conditional!.parties.p0!.pAboveWalkAway).toBe(1);
    expect(r.conditional!.parties.p0!.npv.mean).toBeCloseTo(want.mean, 10);

    const never = new Uint8Array(n);
    const empty = await summariseShards(deal, shardsOf(deal, [a, b], [5], never), meta(n));
    expect(empty.conditional!.iterations).toBe(0);
    expect(empty.conditional!.parties.p1!.npv.mean).toBeNaN();
    expect(empty.conditional!.parties.p1!.pAboveWalkAway).toBeNaN();
  });

  it('a real run equals brute force over the same simulated NPVs (pharma example, in process)', async () => {
    const deal = exampleDeal('pharma-licence');
    const iterations = 300_000;
    const result = await createInProcessRunner().value({ deal, iterations, seed: 5 });
    const compiled = compiledFor(deal);
    const part = simulateRange(compiled, { iterations, seed: 5, firstBlock: 0, endBlock: blockCount(iterations) });
    compiled.partyIds.forEach((id, p) => {
      const want = bruteForce(part.npv[p]!, compiled.walkAway[p]!);
      const got = result.parties[id]!;
      for (const k of ['p5', 'p10', 'p50', 'p90', 'p95'] as const) expect(got.npv[k]).toBe(want[k]);
      expect(Math.abs(got.npv.mean / want.mean - 1)).toBeLessThan(1e-10);
      expect(Math.abs(got.npv.sd / want.sd - 1)).toBeLessThan(1e-10); // summation order differs: ~n·ε at most
      expect(got.pAboveWalkAway).toBe(want.atLeast / iterations);
      expectCurve(id, got.histogram.curve, want, iterations, compiled.walkAway[p]!);
    });
  });
});
