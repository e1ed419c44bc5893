/**
 * The S-curve and exceedance curves of a party's NPV, drawn through the exact
 * order statistics of the run (results.ts `DistributionCurve`): the type-7
 * quantiles at every 0.5% and the walk-away with its exact count. So the curve
 * passes through P10, P50 and P90 where the cards print them, and at the
 * walk-away reads exactly the card's chance of beating it. A point mass (a
 * failed trial) is a vertical step, never a line drawn across a bin.
 *
 * Intentionally has no platform imports.
 */
import { CURVE_LEVELS, type DistributionCurve, type Histogram } from './results';

/** [NPV, share of outcomes below it] points of the S-curve, ascending in both, the walk-away point included. */
export function sCurvePoints(curve: DistributionCurve): [number, number][] {
  const w = curve.walkAway;
  const points: [number, number][] = [];
  let placed = !Number.isFinite(w.below) || !Number.isFinite(w.value);
  CURVE_LEVELS.forEach((level, k) => {
    const x = curve.values[k]!;
    if (!Number.isFinite(x)) return;
    if (!placed && level >= w.below) {
      points.push([w.value, w.below]);
      placed = true;
    }
    // Within one order-statistic gap of the walk-away a quantile can sit on the wrong side of it: the exact
    // count wins, so the curve stays monotone and reads the card's figure at the walk-away.
    if (Number.isFinite(w.below) && ((level < w.below && x > w.value) || (level >= w.below && x < w.value))) return;
    points.push([x, level]);
  });
  if (!placed) points.push([w.value, w.below]);
  return points;
}

/** [NPV, chance of at least that NPV] points: the exceedance curve (1 - the S-curve). */
export function exceedancePoints(curve: DistributionCurve): [number, number][] {
  return sCurvePoints(curve).map(([x, below]) => [x, 1 - below]);
}

/**
 * The share of outcomes below x read off a curve's points: at a vertical step
 * (several points at one x) the lowest, so at the walk-away it is exactly the
 * share below the walk-away; linear between points, 0 and 1 beyond the ends.
 */
export function shareBelow(points: readonly [number, number][], x: number): number {
  if (points.length === 0 || x < points[0]![0]) return 0;
  for (let i = 0; i < points.length; i++) {
    const [xi, yi] = points[i]!;
    if (xi === x) return yi;
    const next = points[i + 1];
    if (!next) return 1;
    if (x > xi && x < next[0]) return yi + ((x - xi) / (next[0] - xi)) * (next[1] - yi);
  }
  return 1;
}

/** Display bins whose counts follow a curve (previews: the bars agree with the curve they are read by). */
export function histogramFromCurve(curve: DistributionCurve, total: number, bins = 40): Histogram {
  const lo = curve.values[0]!;
  const hi = curve.values.at(-1)!;
  if (!(hi > lo)) return { edges: [lo - 0.5, hi + 0.5], counts: [total] };
  const points = sCurvePoints({ values: curve.values, walkAway: { value: NaN, below: NaN } });
  // Right-continuous reading for bin edges: a step at an edge belongs to the bin it starts.
  const atOrBelow = (x: number) => {
    let last = 0;
    for (const [xi, yi] of points) if (xi <= x) last = yi;
    return Math.max(last, shareBelow(points, x));
  };
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + ((hi - lo) * i) / bins));
  const counts = edges.slice(0, -1).map((a, i) => {
    const below = i === 0 ? 0 : atOrBelow(a);
    const upTo = i === bins - 1 ? 1 : atOrBelow(edges[i + 1]!);
    return Math.max(0, Math.round((upTo - below) * total));
  });
  return { edges, counts };
}
