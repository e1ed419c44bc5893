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
import { isContinuous, quantileTableCdf } from './distributions';
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
let normalTable: { scale: number; cdf: (v: number) => number } | null = null;

function standardNormalTable(scale: number): (v: number) => number {
  if (!normalTable || normalTable.scale !== scale) normalTable = { scale, cdf: quantileTableCdf((p) => scale * normalQuantile(p)) };
  return normalTable.cdf;
}

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
 * Reorders the given columns (n draws each) in place so their rank
 * correlation approximates the plan's target. `cdfs[j]` roughly maps column
 * j's values to [0, 1] (it only speeds up sorting; the order is exact). Uses
 * `rng` for the score permutations, so the result is fixed by the block's
 * stream.
 */
export function imposeRankCorrelation(plan: CorrelationPlan, columns: Float64Array[], n: number, rng: Rng, cdfs: readonly ((v: number) => number)[]): void {
  const k = plan.inputs.length;
  if (n < 3 || k < 2) return;
  const scores = vanDerWaerden(n);
  // S: n×k, each column a random permutation of the scores.
  const s = new Float64Array(n * k);
  const perm = new Uint32Array(n);
  const ranks0 = new Uint32Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const r = Math.floor(rng.next() * (i + 1));
      const tmp = perm[i]!;
      perm[i] = perm[r]!;
      perm[r] = tmp;
    }
    for (let i = 0; i < n; i++) s[i * k + j] = scores[perm[i]!]!;
    if (j === 0) ranks0.set(perm);
  }
  // Sample correlation E of S (scores have mean 0 and equal variance by construction).
  const e = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      const va = s[i * k + a]!;
      for (let b = 0; b <= a; b++) e[a * k + b] += va * s[i * k + b]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) e[b * k + a] = e[a * k + b]!;
  const diag = Array.from({ length: k }, (_, a) => Math.sqrt(e[a * k + a]!));
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) e[a * k + b] = e[a * k + b]! / (diag[a]! * diag[b]!);
  const q = n > k + 1 ? cholesky(e, k) : null;
  // T = rows of S mapped by P · Q⁻¹ (P = target factor); T's columns are ~N(0, 1).
  const p = plan.cholesky;
  const row = new Float64Array(k);
  const t = new Float64Array(n * k);
  const scale = Math.sqrt(scores.reduce((acc, v) => acc + v * v, 0) / n);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) row[a] = s[i * k + a]!;
    if (q) forwardSolve(q, k, row);
    for (let a = 0; a < k; a++) {
      let v = 0;
      for (let b = 0; b <= a; b++) v += p[a * k + b]! * row[b]!;
      t[i * k + a] = v;
    }
  }
  // Reorder each column of draws to the ranks of T's column.
  const tCol = new Float64Array(n);
  const orderT = new Uint32Array(n);
  const orderX = new Uint32Array(n);
  const toUnitT = standardNormalTable(scale);
  for (let j = 0; j < k; j++) {
    const x = columns[j]!;
    if (j === 0) {
      // T's first column is S's first column scaled by a positive factor: its order is the scores' order.
      for (let i = 0; i < n; i++) orderT[ranks0[i]!] = i;
    } else {
      for (let i = 0; i < n; i++) tCol[i] = t[i * k + j]!;
      argsortByCdf(tCol, n, toUnitT, orderT);
    }
    argsortByCdf(x, n, cdfs[j]!, orderX);
    const drawn = x.slice(0, n);
    for (let r = 0; r < n; r++) x[orderT[r]!] = drawn[orderX[r]!]!;
  }
}
