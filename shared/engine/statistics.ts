/**
 * Statistics of one array of samples: mean, sd (n - 1), standard error,
 * type-7 quantiles, counts and equal-width histogram bins. A run's statistics
 * are merged from its shards by statistics-merge.ts with the same rules; these
 * serve input previews and check the merge in tests.
 *
 * Intentionally has no platform imports.
 */
import type { Histogram, NpvStats } from './results';
import { minMax, squaredDeviations, sum } from './array-stats';
import { quantiles } from './select';

export { countAtLeast, minMax, sum } from './array-stats';

export const HISTOGRAM_BINS = 40;

/** Mean, sd (n - 1), se and type-7 quantiles, by selection (no full sort). */
export function npvStats(values: Float64Array): NpvStats {
  const n = values.length;
  const mean = n > 0 ? sum(values) / n : NaN;
  const ss = squaredDeviations(values, mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const [p5, p10, p50, p90, p95] = quantiles(values, [0.05, 0.1, 0.5, 0.9, 0.95]) as [number, number, number, number, number];
  return { mean, sd, se: n > 0 ? sd / Math.sqrt(n) : NaN, p5, p10, p50, p90, p95 };
}

function binCounts(values: Float64Array, min: number, width: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const j = Math.min(bins - 1, Math.floor((values[i]! - min) / width));
    counts[j]!++;
  }
  return counts;
}

/** Equal-width bins from the smallest to the largest value. */
export function histogram(values: Float64Array, bins = HISTOGRAM_BINS): Histogram {
  const n = values.length;
  if (n === 0) return { edges: [], counts: [] };
  const [min, max] = minMax(values);
  if (min === max) return { edges: [min - 0.5, max + 0.5], counts: [n] };
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  return { edges, counts: binCounts(values, min, width, bins) };
}
