/**
 * Rank correlations between continuous inputs, imposed with the classic
 * Iman–Conover method: van der Waerden scores, randomly permuted per column,
 * decorrelated by the Cholesky factor of their own sample correlation, mixed
 * with the Cholesky factor of the target, and the drawn samples reordered to
 * the ranks of the result. Marginals are untouched; the achieved Spearman
 * correlation is close to, not exactly, the target.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import type { Problem } from '../api';
import type { Correlation, Input } from '../model/schema';
import { isContinuous } from './distributions';
import type { Rng } from './rng';
import { argsortBucketed } from './select';
import { normalQuantile } from './special-functions';

export interface CorrelationPlan {
  /** Input ids taking part, in matrix order. */
  inputs: string[];
  /** Lower-triangular Cholesky factor of the target matrix, row-major k×k. */
  cholesky: Float64Array;
}

/** Lower Cholesky factor of a symmetric k×k matrix, or null when it is not positive definite. */
export function cholesky(m: Float64Array, k: number): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i * k + j]!;
      for (let p = 0; p < j; p++) s -= l[i * k + p]! * l[j * k + p]!;
      if (i === j) {
        if (!(s > 1e-10)) return null;
        l[i * k + i] = Math.sqrt(s);
      } else {
        l[i * k + j] = s / l[j * k + j]!;
      }
    }
  }
  return l;
}

/** Checks the deal's correlations and factors the target matrix. */
export function planCorrelations(
  correlations: readonly Correlation[] | undefined,
  inputs: Readonly<Record<string, Input>>,
): Result<{ plan: CorrelationPlan | null }> {
  if (!correlations || correlations.length === 0) return { ok: true, plan: null };
  const problems: Problem[] = [];
  const ids: string[] = [];
  const pairs: { a: number; b: number; rank: number }[] = [];
  const seen = new Map<string, number>();
  correlations.forEach((c, i) => {
    const path = `correlations[${i}]`;
    const [a, b] = c.between;
    let okPair = true;
    for (const [j, name] of [a, b].entries()) {
      const input = Object.prototype.hasOwnProperty.call(inputs, name) ? inputs[name] : undefined;
      if (!input) {
        problems.push({ path: `${path}.between[${j}]`, message: `"${name}" is not an input` });
        okPair = false;
      } else if (!isContinuous(input)) {
        problems.push({ path: `${path}.between[${j}]`, message: `"${name}" is a ${input.dist} input; only continuous inputs can be correlated` });
        okPair = false;
      } else if (input.per === 'period') {
        problems.push({ path: `${path}.between[${j}]`, message: `"${name}" is drawn every period; it cannot be correlated` });
        okPair = false;
      }
    }
    if (a === b) {
      problems.push({ path: `${path}.between`, message: `an input cannot be correlated with itself ("${a}")` });
      okPair = false;
    }
    if (!(c.rank >= -1 && c.rank <= 1)) {
      problems.push({ path: `${path}.rank`, message: 'must be between -1 and 1' });
      okPair = false;
    }
    const key = [a, b].sort().join('\u0000');
    if (seen.has(key)) {
      problems.push({ path: `${path}.between`, message: `"${a}" and "${b}" are already correlated in correlations[${seen.get(key)}]` });
      okPair = false;
    }
    seen.set(key, i);
    if (!okPair) return;
    for (const name of [a, b]) if (!ids.includes(name)) ids.push(name);
    pairs.push({ a: ids.indexOf(a), b: ids.indexOf(b), rank: c.rank });
  });
  if (problems.length > 0) return { ok: false, problems };
  const k = ids.length;
  const m = new Float64Array(k * k);
  for (let i = 0; i < k; i++) m[i * k + i] = 1;
  for (const { a, b, rank } of pairs) {
    m[a * k + b] = rank;
    m[b * k + a] = rank;
  }
  const l = cholesky(m, k);
  if (!l) {
    return {
      ok: false,
      problems: [
        {
          path: 'correlations',
          message: `the correlations between ${ids.join(', ')} are not a valid correlation matrix (not positive definite): some of them contradict each other; weaken one`,
        },
      ],
    };
  }
  return { ok: true, plan: { inputs: ids, cholesky: l } };
}

const scoreCache = new Map<number, Float64Array>();


/** van der Waerden scores Φ⁻¹(i / (n + 1)), i = 1..n (ascending), cached per n. */
function vanDerWaerden(n: number): Float64Array {
  let scores = scoreCache.get(n);
  if (!scores) {
    scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
    if (scoreCache.size > 8) scoreCache.clear();
    scoreCache.set(n, scores);
  }
  return scores;
}

/**
 * Iman–Conover: given, for each correlated input, its n draws in ascending
 * order (`sortedDraws[j]`), writes them into `columns[j]` in the order that
 * gives the plan's target rank correlation. Uses `rng` for the score
 * permutations, so the result is fixed by the block's stream.
 *
 * Matrices are held column by column (S_j, B_j, T_j of length n), so every
 * step is a loop over contiguous arrays; each element sees the same
 * arithmetic, in the same order, as the row-by-row textbook form.
 */
export function imposeRankCorrelation(plan: CorrelationPlan, sortedDraws: Float64Array[], columns: Float64Array[], n: number, rng: Rng): void {
  const k = plan.inputs.length;
  if (n < 3 || k < 2) {
    // Too few draws to correlate: keep them in drawn-then-sorted order, shuffled so rows stay independent.
    for (let j = 0; j < k; j++) {
      const perm = shuffledIndices(n, rng);
      for (let i = 0; i < n; i++) columns[j]![i] = sortedDraws[j]![perm[i]!]!;
    }
    return;
  }
  const scores = vanDerWaerden(n);
  const w = workspace(n, k);
  // S: k columns, each a random permutation of the scores (perm_j[i] = rank of row i in column j).
  for (let j = 0; j < k; j++) gather(w.s[j]!, scores, shuffledIndices(n, rng, w.perms[j]!, w.uniforms), n);
  // B = S Q⁻ᵀ (forward substitution per row, done a column at a time), Q the scores' own Cholesky factor.
  const q = n > k + 1 ? cholesky(scoreCorrelation(w.s, n, k), k) : null;
  for (let a = 0; a < k; a++) {
    const b = w.b[a]!;
    b.set(w.s[a]!.subarray(0, n));
    if (q) {
      for (let p = 0; p < a; p++) subtractScaled(b, q[a * k + p]!, w.b[p]!, n);
      divideBy(b, q[a * k + a]!, n);
    }
  }
  let sumSquares = 0;
  for (let i = 0; i < n; i++) sumSquares += scores[i]! * scores[i]!;
  const scale = Math.sqrt(sumSquares / n);
  const p = plan.cholesky;
  // T's first column is B's first column scaled by a positive factor: its order is S's first column's, known already.
  placeByRanks(columns[0]!, sortedDraws[0]!, w.perms[0]!, n);
  for (let a = 1; a < k; a++) {
    // T_a = Σ_{b <= a} P[a][b] B_b, accumulated from zero in b order.
    const t = w.t.fill(0, 0, n);
    for (let b = 0; b <= a; b++) addScaled(t, p[a * k + b]!, w.b[b]!, n);
    argsortNormal(t, n, 1 / scale, w.orderT, w.sort);
    placeByOrder(columns[a]!, sortedDraws[a]!, w.orderT, n);
  }
}

// Small functions, each with its own hot loop: V8 optimises them separately (one big function kept deoptimising).

function gather(out: Float64Array, from: Float64Array, index: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = from[index[i]!]!;
}

function subtractScaled(x: Float64Array, c: number, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) x[i] = x[i]! - c * y[i]!;
}

function addScaled(x: Float64Array, c: number, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) x[i] = x[i]! + c * y[i]!;
}

function divideBy(x: Float64Array, c: number, n: number): void {
  for (let i = 0; i < n; i++) x[i] = x[i]! / c;
}

function dot(x: Float64Array, y: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]! * y[i]!;
  return s;
}

/** Sample correlation matrix of S's columns (scores have mean 0 and equal variance by construction). */
function scoreCorrelation(s: Float64Array[], n: number, k: number): Float64Array {
  const e = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) e[a * k + b] = dot(s[a]!, s[b]!, n);
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out[a * k + b] = e[a * k + b]! / Math.sqrt(e[a * k + a]! * e[b * k + b]!);
  return out;
}

/**
 * Ascending order of t[0..n) (values roughly normal with sd 1/invScale): each
 * value is bucketed by Φ through a lookup table with linear interpolation,
 * then argsortBucketed's insertion pass makes the order exact. The bucketing
 * only needs to be monotone and roughly uniform.
 */
function argsortNormal(t: Float64Array, n: number, invScale: number, order: Uint32Array, scratch: SortScratch): void {
  normalBuckets(t, n, invScale, scratch.bucket);
  argsortBucketed(t, n, scratch.bucket, order, scratch);
}

function normalBuckets(t: Float64Array, n: number, invScale: number, bucket: Uint32Array): void {
  const top = CDF_TABLE.length - 2;
  for (let i = 0; i < n; i++) {
    const x = (t[i]! * invScale + CDF_RANGE) * CDF_STEPS_PER_SD;
    let u: number;
    if (!(x > 0)) u = 0;
    else if (x >= top) u = 1;
    else {
      const k = x | 0;
      u = CDF_TABLE[k]! + (x - k) * (CDF_TABLE[k + 1]! - CDF_TABLE[k]!);
    }
    const b = Math.floor(u * n);
    bucket[i] = b < n ? b : n - 1;
  }
}

const CDF_STEPS_PER_SD = 64;
const CDF_RANGE = 8;
const CDF_TABLE = (() => {
  const size = 2 * CDF_RANGE * CDF_STEPS_PER_SD + 1;
  const table = new Float64Array(size + 1);
  for (let i = 0; i < size; i++) table[i] = 0.5 * erfcApprox(-(i / CDF_STEPS_PER_SD - CDF_RANGE) / Math.SQRT2);
  table[size] = 1;
  return table;
})();

/** Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7): only used to fill the bucketing table. */
function erfcApprox(x: number): number {
  const z = Math.abs(x);
  const u = 1 / (1 + 0.3275911 * z);
  const y = ((((1.061405429 * u - 1.453152027) * u + 1.421413741) * u - 0.284496736) * u + 0.254829592) * u * Math.exp(-z * z);
  return x >= 0 ? y : 2 - y;
}

function placeByRanks(x: Float64Array, sorted: Float64Array, ranks: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) x[i] = sorted[ranks[i]!]!;
}

function placeByOrder(x: Float64Array, sorted: Float64Array, order: Uint32Array, n: number): void {
  for (let r = 0; r < n; r++) x[order[r]!] = sorted[r]!;
}

interface SortScratch {
  counts: Uint32Array;
  bucket: Uint32Array;
  values: Float64Array;
}

interface Workspace {
  n: number;
  k: number;
  /** S's columns. */
  s: Float64Array[];
  /** B = S Q⁻ᵀ, by column. */
  b: Float64Array[];
  /** One column of T at a time. */
  t: Float64Array;
  perms: Uint32Array[];
  uniforms: Float64Array;
  orderT: Uint32Array;
  sort: SortScratch;
}
let shared: Workspace | null = null;

/** Scratch arrays reused from block to block (one thread runs one block at a time). */
function workspace(n: number, k: number): Workspace {
  if (!shared || shared.n < n || shared.k !== k) {
    const column = () => new Float64Array(n);
    shared = {
      n,
      k,
      s: Array.from({ length: k }, column),
      b: Array.from({ length: k }, column),
      t: column(),
      perms: Array.from({ length: k }, () => new Uint32Array(n)),
      uniforms: column(),
      orderT: new Uint32Array(n),
      sort: { counts: new Uint32Array(n + 1), bucket: new Uint32Array(n), values: new Float64Array(n) },
    };
  }
  return shared;
}

/** A Fisher–Yates shuffle of 0..n-1; its n - 1 uniforms come in one bulk fill (same stream order as one next() per swap). */
function shuffledIndices(n: number, rng: Rng, perm: Uint32Array = new Uint32Array(n), u: Float64Array = new Float64Array(n)): Uint32Array {
  for (let i = 0; i < n; i++) perm[i] = i;
  rng.fill(u, n - 1);
  for (let i = n - 1, k = 0; i > 0; i--, k++) {
    const r = Math.floor(u[k]! * (i + 1));
    const tmp = perm[i]!;
    perm[i] = perm[r]!;
    perm[r] = tmp;
  }
  return perm;
}
