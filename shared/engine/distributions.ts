/**
 * The nine input distributions of a .deal file: parameter checks (as problems
 * with paths), sampling into a block column, quantiles and CDFs.
 *
 * `low`/`high` always mean the 5th and 95th percentiles. A normal's `min`/`max`
 * truncate the untruncated normal that mean/sd or low/high describe (draws are
 * conditional on the range). Beta-PERT uses lambda 4.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import type { Problem } from '../api';
import type { Input } from '../model/schema';
import type { Rng } from './rng';
import { sortFloat64 } from './sort';
import { betaCdf, betaQuantile, normalCdf, normalQuantile } from './special-functions';

const Z95 = 1.6448536269514722; // Φ⁻¹(0.95)
const Z90 = 1.2815515655446004; // Φ⁻¹(0.90)

/** A distribution with its parameters resolved, ready to sample. */
export type PreparedDist =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'beta'; alpha: number; beta: number; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number; pLo: number; pHi: number; min: number; max: number }
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'chance'; p: number }
  | { kind: 'discrete'; values: number[]; cumulative: number[] };

export type PrepareResult = Result<{ dist: PreparedDist }>;

/** Continuous inputs are the only ones Iman–Conover may reorder. */
export function isContinuous(input: Input): boolean {
  return input.dist !== 'fixed' && input.dist !== 'chance' && input.dist !== 'discrete';
}

/** Resolves parameters; `path` is where the input lives (e.g. `inputs.peakSales`). */
export function prepareInput(input: Input, path: string): PrepareResult {
  const problems: Problem[] = [];
  const bad = (field: string, message: string) => problems.push({ path: `${path}.${field}`, message });
  let dist: PreparedDist | undefined;
  switch (input.dist) {
    case 'fixed':
      dist = { kind: 'fixed', value: input.value };
      break;
    case 'uniform':
      if (!(input.max >= input.min)) bad('max', `must be at least min (${input.min})`);
      dist = { kind: 'uniform', min: input.min, max: input.max };
      break;
    case 'triangular':
    case 'pert': {
      const { min, mode, max } = input;
      if (!(max >= min)) bad('max', `must be at least min (${min})`);
      else if (!(mode >= min && mode <= max)) bad('mode', `must lie between min (${min}) and max (${max})`);
      if (input.dist === 'triangular') dist = { kind: 'triangular', min, mode, max };
      else if (max === min) dist = { kind: 'fixed', value: min };
      else dist = { kind: 'beta', alpha: 1 + (4 * (mode - min)) / (max - min), beta: 1 + (4 * (max - mode)) / (max - min), min, max };
      break;
    }
    case 'normal': {
      let mean: number | undefined;
      let sd: number | undefined;
      if (input.mean !== undefined || input.sd !== undefined) {
        if (input.low !== undefined || input.high !== undefined) bad('low', 'give either mean and sd, or low and high, not both');
        if (input.mean === undefined) bad('mean', 'is required with sd');
        if (input.sd === undefined) bad('sd', 'is required with mean');
        mean = input.mean;
        sd = input.sd;
      } else if (input.low !== undefined && input.high !== undefined) {
        mean = (input.low + input.high) / 2;
        sd = (input.high - input.low) / (2 * Z95);
      } else {
        bad('dist', 'a normal needs mean and sd, or low and high (5th and 95th percentiles)');
      }
      if (sd !== undefined && !(sd > 0)) bad(input.sd !== undefined ? 'sd' : 'high', input.sd !== undefined ? 'must be greater than 0' : 'must be greater than low');
      const lo = input.min ?? -Infinity;
      const hi = input.max ?? Infinity;
      if (!(hi > lo)) bad('max', `must be greater than min (${lo})`);
      if (mean !== undefined && sd !== undefined && sd > 0 && hi > lo) {
        const pLo = normalCdf((lo - mean) / sd);
        const pHi = normalCdf((hi - mean) / sd);
        if (!(pHi - pLo > 1e-12)) bad('min', 'the range min..max has (almost) no probability under this normal');
        dist = { kind: 'normal', mean, sd, pLo, pHi, min: lo, max: hi };
      }
      break;
    }
    case 'lognormal': {
      let mu: number | undefined;
      let sigma: number | undefined;
      if (input.p50 !== undefined || input.p90 !== undefined) {
        if (input.low !== undefined || input.high !== undefined) bad('low', 'give either p50 and p90, or low and high, not both');
        if (!(input.p50 !== undefined && input.p50 > 0)) bad('p50', 'must be greater than 0');
        else if (!(input.p90 !== undefined && input.p90 > input.p50)) bad('p90', 'must be greater than p50');
        else {
          mu = Math.log(input.p50);
          sigma = (Math.log(input.p90) - mu) / Z90;
        }
      } else if (input.low !== undefined && input.high !== undefined) {
        if (!(input.low > 0)) bad('low', 'must be greater than 0');
        else if (!(input.high > input.low)) bad('high', 'must be greater than low');
        else {
          mu = (Math.log(input.low) + Math.log(input.high)) / 2;
          sigma = (Math.log(input.high) - Math.log(input.low)) / (2 * Z95);
        }
      } else {
        bad('dist', 'a lognormal needs p50 and p90, or low and high (5th and 95th percentiles)');
      }
      if (mu !== undefined && sigma !== undefined) dist = { kind: 'lognormal', mu, sigma };
      break;
    }
    case 'beta':
      if (!(input.alpha > 0)) bad('alpha', 'must be greater than 0');
      if (!(input.beta > 0)) bad('beta', 'must be greater than 0');
      dist = { kind: 'beta', alpha: input.alpha, beta: input.beta, min: 0, max: 1 };
      break;
    case 'chance':
      if (!(input.p >= 0 && input.p <= 1)) bad('p', 'must be between 0 and 1');
      dist = { kind: 'chance', p: input.p };
      break;
    case 'discrete': {
      const weights = input.weights ?? input.values.map(() => 1);
      if (weights.length !== input.values.length) bad('weights', `must have one weight per value (${input.values.length})`);
      else if (weights.some((w) => !(w >= 0))) bad('weights', 'must not be negative');
      else if (!(weights.reduce((a, b) => a + b, 0) > 0)) bad('weights', 'must not all be 0');
      else {
        const total = weights.reduce((a, b) => a + b, 0);
        let acc = 0;
        const cumulative = weights.map((w) => (acc += w / total));
        cumulative[cumulative.length - 1] = 1;
        dist = { kind: 'discrete', values: [...input.values], cumulative };
      }
      break;
    }
  }
  if (problems.length > 0 || !dist) return { ok: false, problems };
  return { ok: true, dist };
}

function gammaDraw(rng: Rng, shape: number): number {
  // Marsaglia–Tsang; shape < 1 is boosted with U^(1/shape).
  if (shape < 1) return gammaDraw(rng, shape + 1) * Math.pow(rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalQuantile(rng.next());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** The inverse CDF at u, for the distributions sampled by inversion. */
function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  const range = max - min;
  if (range === 0) return min;
  const fc = (mode - min) / range;
  return u < fc ? min + Math.sqrt(u * range * (mode - min)) : max - Math.sqrt((1 - u) * range * (max - mode));
}

/**
 * Draws n values into out[0..n). Distributions sampled by inversion take their
 * uniforms in one bulk fill (the same stream values, in the same order, as
 * one next() per draw) and transform them in place.
 */
export function sampleInto(dist: PreparedDist, rng: Rng, out: Float64Array, n: number): void {
  switch (dist.kind) {
    case 'fixed':
      out.fill(dist.value, 0, n);
      return;
    case 'beta': {
      const w = dist.max - dist.min;
      for (let i = 0; i < n; i++) {
        const x = gammaDraw(rng, dist.alpha);
        const y = gammaDraw(rng, dist.beta);
        out[i] = dist.min + (w * x) / (x + y);
      }
      return;
    }
    case 'normal': {
      rng.fill(out, n);
      const span = dist.pHi - dist.pLo;
      for (let i = 0; i < n; i++) {
        const x = dist.mean + dist.sd * normalQuantile(dist.pLo + span * out[i]!);
        // Far in a tail the inverse can round just outside the range: clamp to it.
        out[i] = x < dist.min ? dist.min : x > dist.max ? dist.max : x;
      }
      return;
    }
    case 'chance':
      rng.fill(out, n);
      chanceInPlace(out, n, dist.p);
      return;
    case 'discrete':
      rng.fill(out, n);
      discreteInPlace(out, n, dist.values, dist.cumulative);
      return;
    default:
      rng.fill(out, n);
      quantilesInto(dist, out, n, 1);
  }
}

function chanceInPlace(out: Float64Array, n: number, p: number): void {
  // Branch-free (a comparison turned into 0 or 1): a branch on random draws mispredicts a third of the time.
  for (let i = 0; i < n; i++) out[i] = +(out[i]! < p);
}

/**
 * Each uniform becomes the first value whose cumulative weight exceeds it: a
 * binary search, so a million values cost twenty steps per draw, not a million
 * (which froze the host for 94 s in a density preview). It finds exactly the
 * index the old linear scan found (the cumulative weights never decrease), so
 * every draw, and every result of the examples, is unchanged.
 */
function discreteInPlace(out: Float64Array, n: number, values: readonly number[], cumulative: readonly number[]): void {
  const last = values.length - 1;
  for (let i = 0; i < n; i++) {
    const u = out[i]!;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u >= cumulative[mid]!) lo = mid + 1;
      else hi = mid;
    }
    out[i] = values[lo]!;
  }
}

/** A discrete input's values in ascending order with their weights, sorted once per prepared input (a preview asks five quantiles of a million values). */
const sortedCache = new WeakMap<PreparedDist, { v: number; w: number }[]>();
function sortedOutcomes(dist: Extract<PreparedDist, { kind: 'discrete' }>): { v: number; w: number }[] {
  let order = sortedCache.get(dist);
  if (!order) {
    order = dist.values.map((v, i) => ({ v, w: dist.cumulative[i]! - (i > 0 ? dist.cumulative[i - 1]! : 0) })).sort((a, b) => a.v - b.v);
    sortedCache.set(dist, order);
  }
  return order;
}

/** The p-quantile of a prepared distribution (smallest x with F(x) >= p for discrete ones). */
export function distQuantile(dist: PreparedDist, p: number): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'uniform':
      return dist.min + (dist.max - dist.min) * p;
    case 'triangular':
      return triangularQuantile(p, dist.min, dist.mode, dist.max);
    case 'beta':
      return dist.min + (dist.max - dist.min) * betaQuantile(p, dist.alpha, dist.beta);
    case 'normal':
      return Math.min(dist.max, Math.max(dist.min, dist.mean + dist.sd * normalQuantile(dist.pLo + (dist.pHi - dist.pLo) * p)));
    case 'lognormal':
      return Math.exp(dist.mu + dist.sigma * normalQuantile(p));
    case 'chance':
      return p <= 1 - dist.p ? 0 : 1;
    case 'discrete': {
      const order = sortedOutcomes(dist);
      let acc = 0;
      for (const { v, w } of order) {
        acc += w;
        if (acc >= p - 1e-12) return v;
      }
      return order[order.length - 1]!.v;
    }
  }
}

/** The CDF of a continuous prepared distribution (used by tests and previews). */
export function distCdf(dist: PreparedDist, x: number): number {
  switch (dist.kind) {
    case 'fixed':
      return x >= dist.value ? 1 : 0;
    case 'uniform':
      return x <= dist.min ? 0 : x >= dist.max ? 1 : (x - dist.min) / (dist.max - dist.min);
    case 'triangular': {
      const { min, mode, max } = dist;
      if (x <= min) return 0;
      if (x >= max) return 1;
      return x <= mode ? ((x - min) * (x - min)) / ((max - min) * (mode - min)) : 1 - ((max - x) * (max - x)) / ((max - min) * (max - mode));
    }
    case 'beta':
      return betaCdf((x - dist.min) / (dist.max - dist.min), dist.alpha, dist.beta);
    case 'normal':
      if (x <= dist.min) return 0;
      if (x >= dist.max) return 1;
      return (normalCdf((x - dist.mean) / dist.sd) - dist.pLo) / (dist.pHi - dist.pLo);
    case 'lognormal':
      return x <= 0 ? 0 : normalCdf((Math.log(x) - dist.mu) / dist.sigma);
    case 'chance':
      return x < 0 ? 0 : x < 1 ? 1 - dist.p : 1;
    case 'discrete': {
      let acc = 0;
      dist.values.forEach((v, i) => {
        if (v <= x) acc += dist.cumulative[i]! - (i > 0 ? dist.cumulative[i - 1]! : 0);
      });
      return acc;
    }
  }
}

/** The p-quantile of an input as written in the file (P10/P90 for tornado rows and UI labels). */
export function inputQuantile(input: Input, p: number): number {
  const prepared = prepareInput(input, 'input');
  if (!prepared.ok) return NaN;
  return distQuantile(prepared.dist, p);
}

/**
 * n draws in ascending order. Distributions sampled by inversion get sorted
 * uniforms directly (normalised cumulative exponential spacings, O(n), exactly
 * the order statistics of n uniforms) pushed through the quantile function;
 * others are drawn and sorted. Iman–Conover needs the draws sorted anyway.
 */
export function sampleSorted(dist: PreparedDist, rng: Rng, out: Float64Array, n: number): void {
  if (dist.kind === 'uniform' || dist.kind === 'triangular' || dist.kind === 'normal' || dist.kind === 'lognormal') {
    rng.fill(out, n);
    const total = cumulativeExponentials(out, n) - Math.log(rng.next());
    quantilesInto(dist, out, n, 1 / total);
    return;
  }
  sampleInto(dist, rng, out, n);
  sortFloat64(out.subarray(0, n));
}

/** out[i] = -(log u[0] + ... + log u[i]) in place; returns the last partial sum. */
function cumulativeExponentials(out: Float64Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    total -= Math.log(out[i]!);
    out[i] = total;
  }
  return total;
}

/** out[i] = Q(out[i] * scale) for the distributions sampled by inversion, one loop per kind. */
function quantilesInto(dist: PreparedDist, out: Float64Array, n: number, scale: number): void {
  switch (dist.kind) {
    case 'lognormal':
      for (let i = 0; i < n; i++) out[i] = Math.exp(dist.mu + dist.sigma * normalQuantile(out[i]! * scale));
      return;
    case 'uniform': {
      const w = dist.max - dist.min;
      for (let i = 0; i < n; i++) out[i] = dist.min + w * (out[i]! * scale);
      return;
    }
    case 'triangular':
      for (let i = 0; i < n; i++) out[i] = triangularQuantile(out[i]! * scale, dist.min, dist.mode, dist.max);
      return;
    default:
      for (let i = 0; i < n; i++) out[i] = distQuantile(dist, out[i]! * scale);
  }
}
