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
import type { Problem } from '../api';
import type { Correlation, Input } from '../model/schema';
import { isContinuous } from './distributions';
import type { Rng } from './rng';
import { argsortByCdf } from './select';
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
): { ok: true; plan: CorrelationPlan | null } | { ok: false; problems: Problem[] } {
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

/** Solves L x = b in place for lower-triangular L. */
function forwardSolve(l: Float64Array, k: number, b: Float64Array): void {
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let p = 0; p < i; p++) s -= l[i * k + p]! * b[p]!;
    b[i] = s / l[i * k + i]!;
  }
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
  // Small functions, each with its own hot loop: V8 optimises them separately (one big function kept deoptimising).
  // S: n×k, each column a random permutation of the scores (perm[i] = rank of row i in that column).
  for (let j = 0; j < k; j++) fillScoreColumn(w.s, k, j, scores, shuffledIndices(n, rng, j === 0 ? w.perm0 : w.perm));
  const q = n > k + 1 ? cholesky(scoreCorrelation(w.s, n, k), k) : null;
  mixScores(w.s, w.t, n, k, q, plan.cholesky);
  let sumSquares = 0;
  for (let i = 0; i < n; i++) sumSquares += scores[i]! * scores[i]!;
  const scale = Math.sqrt(sumSquares / n);
  for (let j = 0; j < k; j++) {
    if (j === 0) {
      // T's first column is S's first column scaled by a positive factor: its order is the scores' order.
      placeByRanks(columns[0]!, sortedDraws[0]!, w.perm0, n);
    } else {
      for (let i = 0; i < n; i++) w.tCol[i] = w.t[i * k + j]!;
      argsortByCdf(w.tCol, n, (v) => logisticNormalCdf(v / scale), w.orderT, w.sort);
      placeByOrder(columns[j]!, sortedDraws[j]!, w.orderT, n);
    }
  }
}

/** Logistic approximation of Φ: monotone and cheap; only used to bucket values before an exact sort. */
function logisticNormalCdf(z: number): number {
  return 1 / (1 + Math.exp(-1.5976 * z - 0.07056 * z * z * z));
}

function fillScoreColumn(s: Float64Array, k: number, j: number, scores: Float64Array, perm: Uint32Array): void {
  for (let i = 0; i < perm.length; i++) s[i * k + j] = scores[perm[i]!]!;
}

/** Sample correlation matrix of S's columns (scores have mean 0 and equal variance by construction). */
function scoreCorrelation(s: Float64Array, n: number, k: number): Float64Array {
  return normalise(crossProducts(s, n, k), k);
}

function crossProducts(s: Float64Array, n: number, k: number): Float64Array {
  const e = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      const va = s[i * k + a]!;
      for (let b = 0; b < k; b++) e[a * k + b] += va * s[i * k + b]!;
    }
  }
  return e;
}

function normalise(e: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out[a * k + b] = e[a * k + b]! / Math.sqrt(e[a * k + a]! * e[b * k + b]!);
  return out;
}

/** T = rows of S mapped by P · Q⁻¹ (P the target factor, Q the scores' own factor, when there is one). */
function mixScores(s: Float64Array, t: Float64Array, n: number, k: number, q: Float64Array | null, p: Float64Array): void {
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) row[a] = s[i * k + a]!;
    if (q) forwardSolve(q, k, row);
    for (let a = 0; a < k; a++) {
      let v = 0;
      for (let b = 0; b <= a; b++) v += p[a * k + b]! * row[b]!;
      t[i * k + a] = v;
    }
  }
}

function placeByRanks(x: Float64Array, sorted: Float64Array, ranks: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) x[i] = sorted[ranks[i]!]!;
}

function placeByOrder(x: Float64Array, sorted: Float64Array, order: Uint32Array, n: number): void {
  for (let r = 0; r < n; r++) x[order[r]!] = sorted[r]!;
}

interface Workspace {
  n: number;
  k: number;
  s: Float64Array;
  t: Float64Array;
  perm0: Uint32Array;
  perm: Uint32Array;
  tCol: Float64Array;
  orderT: Uint32Array;
  sort: { counts: Uint32Array; bucket: Uint32Array; values: Float64Array };
}
let shared: Workspace | null = null;

/** Scratch arrays reused from block to block (one thread runs one block at a time). */
function workspace(n: number, k: number): Workspace {
  if (!shared || shared.n !== n || shared.k !== k) {
    shared = {
      n,
      k,
      s: new Float64Array(n * k),
      t: new Float64Array(n * k),
      perm0: new Uint32Array(n),
      perm: new Uint32Array(n),
      tCol: new Float64Array(n),
      orderT: new Uint32Array(n),
      sort: { counts: new Uint32Array(n + 1), bucket: new Uint32Array(n), values: new Float64Array(n) },
    };
  }
  return shared;
}

function shuffledIndices(n: number, rng: Rng, perm: Uint32Array = new Uint32Array(n)): Uint32Array {
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const r = Math.floor(rng.next() * (i + 1));
    const tmp = perm[i]!;
    perm[i] = perm[r]!;
    perm[r] = tmp;
  }
  return perm;
}
