/**
 * The inputs: each continuous distribution against its exact CDF
 * (Kolmogorov–Smirnov, 100k draws), discrete ones by chi-square, the
 * low/high = 5th/95th percentile convention, and rank correlations imposed by
 * Iman–Conover within 0.02 of the target.
 */
import { describe, expect, it } from 'vitest';
import { distCdf, inputQuantile, prepareInput, sampleInto, type PreparedDist } from '../../../shared/engine/distributions';
import { createRng } from '../../../shared/engine/rng';
import { betaCdf, betaQuantile, normalCdf, normalQuantile } from '../../../shared/engine/special-functions';
import { drawBlock } from '../../../shared/engine/simulate';
import { blockCount, blockLength } from '../../../shared/engine/rng';
import type { Input } from '../../../shared/model/schema';
import { compileOk } from './engine-harness';
import { smallDeal } from './deal-builder';
import { compileDeal } from '../../../shared/engine/compile-deal';

const N = 100_000;
/** KS critical value at alpha = 0.001. */
const KS_CRITICAL = 1.949 / Math.sqrt(N);

function prepared(input: Input): PreparedDist {
  const r = prepareInput(input, 'inputs.x');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.dist;
}

function draws(dist: PreparedDist, seed = 3): Float64Array {
  const out = new Float64Array(N);
  sampleInto(dist, createRng(seed, 0), out, N);
  return out;
}

function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = sample.slice().sort();
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs((i + 1) / sorted.length - f));
  }
  return d;
}

describe('special functions against published values', () => {
  it('normal CDF and quantile', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
  });
  it('regularized incomplete beta and its inverse', () => {
    expect(betaCdf(0.5, 2, 3)).toBeCloseTo(0.6875, 13);
    expect(betaCdf(0.2, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.2)), 12);
    expect(betaQuantile(0.6875, 2, 3)).toBeCloseTo(0.5, 10);
  });
});

const continuous: [string, Input][] = [
  ['uniform', { dist: 'uniform', min: 0.08, max: 0.18 }],
  ['triangular', { dist: 'triangular', min: 3, mode: 5, max: 9 }],
  ['pert', { dist: 'pert', min: 10, mode: 25, max: 60 }],
  ['normal (mean, sd)', { dist: 'normal', mean: 38, sd: 8 }],
  ['normal (low, high) truncated by min', { dist: 'normal', low: 0.03, high: 0.12, min: 0.05 }],
  ['normal truncated on both sides', { dist: 'normal', mean: 38, sd: 8, min: 0, max: 40 }],
  ['lognormal (p50, p90)', { dist: 'lognormal', p50: 650, p90: 1400 }],
  ['lognormal (low, high)', { dist: 'lognormal', low: 5, high: 80 }],
  ['beta', { dist: 'beta', alpha: 2, beta: 38 }],
  ['beta with shapes below 1', { dist: 'beta', alpha: 0.5, beta: 0.7 }],
];

describe('continuous distributions: Kolmogorov–Smirnov at 100k draws', () => {
  for (const [name, input] of continuous) {
    it(name, () => {
      const dist = prepared(input);
      expect(ksStatistic(draws(dist), (x) => distCdf(dist, x))).toBeLessThan(KS_CRITICAL);
    });
  }
  it('truncated normals stay inside their range', () => {
    const sample = draws(prepared({ dist: 'normal', mean: 38, sd: 8, min: 0, max: 40 }));
    expect(Math.min(...sample)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...sample)).toBeLessThanOrEqual(40);
  });
});

describe('percentile conventions', () => {
  it('low/high are the 5th and 95th percentiles of the untruncated normal and of the lognormal', () => {
    expect(inputQuantile({ dist: 'normal', low: 0.03, high: 0.12 }, 0.05)).toBeCloseTo(0.03, 12);
    expect(inputQuantile({ dist: 'normal', low: 0.03, high: 0.12 }, 0.95)).toBeCloseTo(0.12, 12);
    expect(inputQuantile({ dist: 'lognormal', low: 5, high: 80 }, 0.05)).toBeCloseTo(5, 10);
    expect(inputQuantile({ dist: 'lognormal', low: 5, high: 80 }, 0.95)).toBeCloseTo(80, 9);
    expect(inputQuantile({ dist: 'lognormal', p50: 650, p90: 1400 }, 0.5)).toBeCloseTo(650, 9);
    expect(inputQuantile({ dist: 'lognormal', p50: 650, p90: 1400 }, 0.9)).toBeCloseTo(1400, 9);
  });
  it('a truncated normal’s quantiles are conditional on its range', () => {
    const input: Input = { dist: 'normal', mean: 0, sd: 1, min: 0 };
    expect(inputQuantile(input, 0.5)).toBeCloseTo(normalQuantile(0.75), 10);
  });
  it('discrete quantiles are values of the input', () => {
    const input: Input = { dist: 'discrete', values: [5, 6, 7], weights: [0.5, 0.35, 0.15] };
    expect([0.1, 0.5, 0.51, 0.85, 0.9].map((p) => inputQuantile(input, p))).toEqual([5, 5, 6, 6, 7]);
    expect(inputQuantile({ dist: 'chance', p: 0.35 }, 0.6)).toBe(0);
    expect(inputQuantile({ dist: 'chance', p: 0.35 }, 0.7)).toBe(1);
  });
});

describe('discrete distributions: chi-square at 100k draws', () => {
  const chiSquare = (sample: Float64Array, values: number[], probabilities: number[]) =>
    values.reduce((chi, v, i) => {
      const observed = sample.filter((x) => x === v).length;
      const expected = N * probabilities[i]!;
      return chi + (observed - expected) ** 2 / expected;
    }, 0);
  it('discrete with weights (2 degrees of freedom)', () => {
    const sample = draws(prepared({ dist: 'discrete', values: [5, 6, 7], weights: [0.5, 0.35, 0.15] }));
    expect(chiSquare(sample, [5, 6, 7], [0.5, 0.35, 0.15])).toBeLessThan(13.82);
  });
  it('discrete without weights means equal weights (3 degrees of freedom)', () => {
    const sample = draws(prepared({ dist: 'discrete', values: [1, 2, 3, 4] }));
    expect(chiSquare(sample, [1, 2, 3, 4], [0.25, 0.25, 0.25, 0.25])).toBeLessThan(16.27);
  });
  it('chance (1 degree of freedom)', () => {
    const sample = draws(prepared({ dist: 'chance', p: 0.35 }));
    expect(chiSquare(sample, [0, 1], [0.65, 0.35])).toBeLessThan(10.83);
  });
});

function spearman(x: Float64Array, y: Float64Array): number {
  const rank = (v: Float64Array) => {
    const order = Array.from(v.keys()).sort((a, b) => v[a]! - v[b]!);
    const r = new Float64Array(v.length);
    order.forEach((idx, i) => (r[idx] = i));
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const n = x.length;
  const mean = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mean) * (ry[i]! - mean);
    sxx += (rx[i]! - mean) ** 2;
  }
  return sxy / sxx;
}

describe('rank correlation (Iman–Conover)', () => {
  const deal = smallDeal({
    inputs: {
      peakSales: { dist: 'lognormal', p50: 650, p90: 1400 },
      yearsToPeak: { dist: 'triangular', min: 3, mode: 5, max: 9 },
      growth: { dist: 'normal', low: 0.03, high: 0.12 },
      churn: { dist: 'beta', alpha: 2, beta: 38 },
      launch: { dist: 'discrete', values: [5, 6, 7] },
    },
    correlations: [
      { between: ['peakSales', 'yearsToPeak'], rank: 0.3 },
      { between: ['growth', 'churn'], rank: -0.4 },
      { between: ['peakSales', 'growth'], rank: 0.5 },
    ],
  });
  it('achieves each target within 0.02 over 100k draws, marginals untouched', () => {
    const compiled = compileOk(deal);
    const cols = compiled.inputIds.map(() => new Float64Array(N));
    let offset = 0;
    for (let b = 0; b < blockCount(N); b++) {
      const n = blockLength(N, b);
      const d = drawBlock(compiled, 5, b, n);
      d.cols.forEach((c, i) => cols[i]!.set(c, offset));
      offset += n;
    }
    const col = (id: string) => cols[compiled.inputIds.indexOf(id)]!;
    expect(Math.abs(spearman(col('peakSales'), col('yearsToPeak')) - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(spearman(col('growth'), col('churn')) + 0.4)).toBeLessThan(0.02);
    expect(Math.abs(spearman(col('peakSales'), col('growth')) - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(spearman(col('yearsToPeak'), col('churn')))).toBeLessThan(0.02);
    const lognormal = prepared({ dist: 'lognormal', p50: 650, p90: 1400 });
    expect(ksStatistic(col('peakSales'), (x) => distCdf(lognormal, x))).toBeLessThan(KS_CRITICAL);
  });
  it('refuses a set that is not a correlation matrix, naming the inputs', () => {
    const bad = smallDeal({
      inputs: { a1: { dist: 'uniform', min: 0, max: 1 }, a2: { dist: 'uniform', min: 0, max: 1 }, a3: { dist: 'uniform', min: 0, max: 1 } },
      correlations: [
        { between: ['a1', 'a2'], rank: 0.9 },
        { between: ['a2', 'a3'], rank: 0.9 },
        { between: ['a1', 'a3'], rank: -0.9 },
      ],
    });
    const r = compileDeal(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/a1, a2, a3/);
  });
  it('refuses correlating a chance, discrete or fixed input', () => {
    const r = compileDeal({ ...deal, correlations: [{ between: ['peakSales', 'launch'], rank: 0.2 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toEqual(expect.objectContaining({ path: 'correlations[0].between[1]' }));
  });
});

describe('discrete inputs with many values', () => {
  /** The draw the old linear scan made: the first value whose cumulative weight exceeds u. */
  function linear(u: number, cumulative: readonly number[]): number {
    let j = 0;
    while (j < cumulative.length - 1 && u >= cumulative[j]!) j++;
    return j;
  }

  it('draw exactly what the linear scan drew, zero weights and ties included', () => {
    const rng = createRng(11, 0);
    for (let trial = 0; trial < 50; trial++) {
      const k = 1 + Math.floor(rng.next() * 40);
      const values = Array.from({ length: k }, (_, i) => i * 10);
      const weights = values.map(() => (rng.next() < 0.3 ? 0 : Math.floor(rng.next() * 4)));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const dist = prepared({ dist: 'discrete', values, weights });
      if (dist.kind !== 'discrete') throw new Error('discrete expected');
      const n = 2_000;
      const out = new Float64Array(n);
      sampleInto(dist, createRng(trial, 0), out, n);
      const uniforms = new Float64Array(n);
      createRng(trial, 0).fill(uniforms, n);
      for (let i = 0; i < n; i++) expect(out[i]).toBe(values[linear(uniforms[i]!, dist.cumulative)]);
    }
  });

  it('a million values cost a binary search per draw, not a scan (this took 94 s on the host thread)', { timeout: 20_000 }, async () => {
    const { sampleInputPreview } = await import('../../../host/valuation/input-preview');
    const values = Array.from({ length: 1_000_000 }, (_, i) => i);
    const sample = sampleInputPreview({ dist: 'discrete', values, weights: values.map(() => 1) }, 100_000);
    expect(sample.mean).toBeGreaterThan(480_000);
    expect(sample.mean).toBeLessThan(520_000);
  });
});
