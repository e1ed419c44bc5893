/**
 * Order statistics without a full sort: type-7 quantiles (R, NumPy default)
 * by quickselect, O(n) per quantile instead of O(n log n), and a near-linear
 * argsort for roughly known distributions (bucket by an approximate CDF, then
 * an insertion pass). Order statistics of a run's shards and Iman–Conover's
 * per-block ranks are the hot spots they serve.
 *
 * Intentionally has no platform imports.
 */
import { minMax } from './array-stats';
import { sortFloat64 } from './sort';

/** Type-7 quantiles of `values` (not modified) at each p. */
export function quantiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  const wanted = new Set<number>();
  for (const p of ps) {
    const h = (n - 1) * p;
    wanted.add(Math.floor(h));
    wanted.add(Math.min(n - 1, Math.floor(h) + 1));
  }
  const ranks = [...wanted].sort((x, y) => x - y);
  const at = n < 65_536 ? orderStatisticsBySelect(values, ranks) : orderStatisticsByBins(values, ranks);
  return ps.map((p) => {
    const h = (n - 1) * p;
    const f = Math.floor(h);
    const lo = at.get(f)!;
    return lo + (h - f) * (at.get(Math.min(n - 1, f + 1))! - lo);
  });
}

function orderStatisticsBySelect(values: Float64Array, ranks: number[]): Map<number, number> {
  return orderStatisticsInPlace(values.slice(), ranks);
}

/** The values at the given ranks (ascending, each in 0..n-1) of `a`, which is reordered: one shared partitioning, no full sort. */
export function orderStatisticsInPlace(a: Float64Array, ranks: number[]): Map<number, number> {
  multiSelect(a, 0, a.length - 1, ranks, 0, ranks.length);
  const out = new Map<number, number>();
  for (const k of ranks) out.set(k, a[k]!);
  return out;
}

/**
 * Puts every rank in ranks[rLo..rHi) (ascending, all within [lo, hi]) in its
 * sorted position with one shared partitioning: O(n log m) for m ranks rather
 * than m separate selections over the array.
 */
function multiSelect(a: Float64Array, lo: number, hi: number, ranks: number[], rLo: number, rHi: number): void {
  while (rLo < rHi) {
    if (hi - lo < 16) {
      insertionSort(a, lo, hi);
      return;
    }
    const [i, j] = partition(a, lo, hi);
    // Ranks <= j lie left, ranks >= i right; ranks strictly between are equal to the pivot, already in place.
    let leftEnd = rLo;
    while (leftEnd < rHi && ranks[leftEnd]! <= j) leftEnd++;
    let rightStart = leftEnd;
    while (rightStart < rHi && ranks[rightStart]! < i) rightStart++;
    if (leftEnd - rLo < rHi - rightStart) {
      multiSelect(a, lo, j, ranks, rLo, leftEnd);
      lo = i;
      rLo = rightStart;
    } else {
      multiSelect(a, i, hi, ranks, rightStart, rHi);
      hi = j;
      rHi = leftEnd;
    }
  }
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Hoare partition around a median-of-three pivot: a[lo..j] <= pivot <= a[i..hi], anything between equals it. */
function partition(a: Float64Array, lo: number, hi: number): [number, number] {
  const mid = (lo + hi) >> 1;
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
  return [i, j];
}

/**
 * Order statistics of a large array in two linear passes: count values into
 * 65,536 equal-width bins, then select within only the bins that hold the
 * wanted ranks (a copy of a few values, not of the whole array).
 */
function orderStatisticsByBins(values: Float64Array, ranks: number[]): Map<number, number> {
  const [min, max] = minMax(values);
  const out = new Map<number, number>();
  if (min === max) {
    for (const k of ranks) out.set(k, min);
    return out;
  }
  const bins = 65_536;
  const scale = bins / (max - min);
  const counts = countBins(values, min, scale, bins);
  // Which bin, and which offset inside it, holds each wanted rank.
  const where = new Map<number, { bin: number; offset: number }>();
  let cum = 0;
  let r = 0;
  for (let b = 0; b < bins && r < ranks.length; b++) {
    const c = counts[b]!;
    while (r < ranks.length && ranks[r]! < cum + c) {
      where.set(ranks[r]!, { bin: b, offset: ranks[r]! - cum });
      r++;
    }
    cum += c;
  }
  // slotOf[bin] = index into `slots` for the bins that hold a wanted rank, else -1.
  const slotOf = new Int32Array(bins).fill(-1);
  const slots: Float64Array[] = [];
  for (const { bin } of where.values()) {
    if (slotOf[bin] === -1) {
      slotOf[bin] = slots.length;
      slots.push(new Float64Array(counts[bin]!));
    }
  }
  collectBins(values, min, scale, bins, slotOf, slots, new Uint32Array(slots.length));
  // Ranks are ascending, so those sharing a bin are consecutive: one multi-select per bin.
  for (let start = 0; start < ranks.length; ) {
    const bin = where.get(ranks[start]!)!.bin;
    let end = start;
    const offsets: number[] = [];
    while (end < ranks.length && where.get(ranks[end]!)!.bin === bin) offsets.push(where.get(ranks[end++]!)!.offset);
    const slot = slots[slotOf[bin]!]!;
    multiSelect(slot, 0, slot.length - 1, offsets, 0, offsets.length);
    for (let r = start; r < end; r++) out.set(ranks[r]!, slot[where.get(ranks[r]!)!.offset]!);
    start = end;
  }
  return out;
}

// One loop per function, so each is optimised on its own (see array-stats.ts).
function countBins(values: Float64Array, min: number, scale: number, bins: number): Uint32Array {
  const top = bins - 1;
  const counts = new Uint32Array(bins);
  for (let i = 0; i < values.length; i++) {
    const b = Math.floor((values[i]! - min) * scale);
    counts[b < top ? b : top]!++;
  }
  return counts;
}

function collectBins(values: Float64Array, min: number, scale: number, bins: number, slotOf: Int32Array, slots: Float64Array[], filled: Uint32Array): void {
  const top = bins - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const b = Math.floor((v - min) * scale);
    const slot = slotOf[b < top ? b : top]!;
    if (slot >= 0) slots[slot]![filled[slot]!++] = v;
  }
}

/**
 * Indices of values[0..n) in ascending order of value, given each value's
 * bucket in 0..n-1 (`bucket`, from a monotone non-decreasing guess of its CDF,
 * e.g. floor(F(v) n)): values are placed bucket by bucket, then an insertion
 * pass over the bucketed copy (contiguous, so cache-friendly) makes the order
 * exact; ties keep index order. Near-linear when the guess spreads values
 * evenly; falls back to a radix sort when it does not.
 */
export function argsortBucketed(
  values: Float64Array,
  n: number,
  bucket: Uint32Array,
  order: Uint32Array = new Uint32Array(n),
  scratch: { counts: Uint32Array; values: Float64Array } = { counts: new Uint32Array(n + 1), values: new Float64Array(n) },
): Uint32Array {
  const counts = scratch.counts.fill(0, 0, n + 1);
  countBuckets(bucket, n, counts);
  for (let b = 0; b < n; b++) counts[b + 1]! += counts[b]!;
  const sortedValues = scratch.values;
  placeBucketed(values, bucket, n, counts, order, sortedValues);
  return insertionPass(sortedValues, order, n) ? order : argsortBySort(values, n, order);
}

function countBuckets(bucket: Uint32Array, n: number, counts: Uint32Array): void {
  for (let i = 0; i < n; i++) counts[bucket[i]! + 1]!++;
}

function placeBucketed(values: Float64Array, bucket: Uint32Array, n: number, counts: Uint32Array, order: Uint32Array, sortedValues: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const pos = counts[bucket[i]!]!++;
    order[pos] = i;
    sortedValues[pos] = values[i]!;
  }
}

/** Insertion sort of the bucketed copy, moving `order` alongside; false when it would take more than 16 n moves (a poor guess). */
function insertionPass(sortedValues: Float64Array, order: Uint32Array, n: number): boolean {
  let moves = 0;
  const limit = 16 * n;
  for (let i = 1; i < n; i++) {
    const v = sortedValues[i]!;
    if (sortedValues[i - 1]! <= v) continue;
    const idx = order[i]!;
    let j = i - 1;
    while (j >= 0 && sortedValues[j]! > v) {
      sortedValues[j + 1] = sortedValues[j]!;
      order[j + 1] = order[j]!;
      j--;
      if (++moves > limit) return false;
    }
    sortedValues[j + 1] = v;
    order[j + 1] = idx;
  }
  return true;
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
