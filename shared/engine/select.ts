/**
 * Order statistics without a full sort: type-7 quantiles (R, NumPy default)
 * by quickselect, O(n) per quantile instead of O(n log n), and a near-linear
 * argsort for roughly known distributions (bucket by an approximate CDF, then
 * an insertion pass). Statistics of a million-iteration run and Iman–Conover's
 * per-block ranks are the hot spots they serve.
 *
 * Intentionally has no platform imports.
 */
import { sortFloat64 } from './sort';

/** Puts the k-th smallest of a[lo..hi] at index k, smaller ones before it, larger after. */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    if (hi - lo < 16) {
      for (let i = lo + 1; i <= hi; i++) {
        const v = a[i]!;
        let j = i - 1;
        while (j >= lo && a[j]! > v) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    const mid = (lo + hi) >> 1;
    // Median of three as pivot.
    let x = a[lo]!;
    let y = a[mid]!;
    let z = a[hi]!;
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Type-7 quantiles of `values` (not modified) at each p. */
export function quantiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  const a = values.slice();
  const wanted = new Set<number>();
  for (const p of ps) {
    const h = (n - 1) * p;
    wanted.add(Math.floor(h));
    wanted.add(Math.min(n - 1, Math.floor(h) + 1));
  }
  // Select ranks in ascending order, each within what is right of the previous one.
  let lo = 0;
  for (const k of [...wanted].sort((x, y) => x - y)) {
    selectInPlace(a, k, lo, n - 1);
    lo = k;
  }
  return ps.map((p) => {
    const h = (n - 1) * p;
    const f = Math.floor(h);
    const c = Math.min(n - 1, f + 1);
    return a[f]! + (h - f) * (a[c]! - a[f]!);
  });
}

/**
 * Indices of values[0..n) in ascending order of value. `toUnit` maps a value to
 * roughly its CDF in [0, 1] (monotone non-decreasing), which spreads values
 * over n buckets; an insertion pass then makes the order exact. Falls back to
 * a radix sort when the guess is poor.
 */
export function argsortByCdf(values: Float64Array, n: number, toUnit: (v: number) => number, order: Uint32Array = new Uint32Array(n)): Uint32Array {
  const counts = new Uint32Array(n + 1);
  const bucket = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let b = Math.floor(toUnit(values[i]!) * n);
    if (!(b >= 0)) b = 0;
    else if (b >= n) b = n - 1;
    bucket[i] = b;
    counts[b + 1]!++;
  }
  for (let b = 0; b < n; b++) counts[b + 1]! += counts[b]!;
  for (let i = 0; i < n; i++) order[counts[bucket[i]!]!++] = i;
  let moves = 0;
  const limit = 16 * n;
  for (let i = 1; i < n; i++) {
    const idx = order[i]!;
    const v = values[idx]!;
    let j = i - 1;
    while (j >= 0 && values[order[j]!]! > v) {
      order[j + 1] = order[j]!;
      j--;
      if (++moves > limit) return argsortBySort(values, n, order);
    }
    order[j + 1] = idx;
  }
  return order;
}

function argsortBySort(values: Float64Array, n: number, order: Uint32Array): Uint32Array {
  // Pack (value, index) so that a plain numeric sort orders both: sort values, then match by binary search.
  const sorted = sortFloat64(values.slice(0, n));
  const used = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    while (used[lo]) lo++;
    used[lo] = 1;
    order[lo] = i;
  }
  return order;
}
