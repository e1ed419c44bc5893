/**
 * Statistics of a run, computed from all samples in iteration order so that
 * any split between workers gives identical numbers: mean, sd (n - 1),
 * standard error, type-7 quantiles, P(NPV >= walk-away), histogram bins,
 * per-period fans, and the same conditional on a boolean series.
 *
 * Intentionally has no platform imports.
 */
import type { CashFlowFan, ConditionalValuation, Histogram, NpvStats, PartyValuation, ValuationResult } from './results';
import type { CompiledDeal } from './compile-deal';
import { quantiles } from './select';

export const HISTOGRAM_BINS = 40;

/** Type-7 quantile (R, NumPy default) of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Mean, sd (n - 1), se and type-7 quantiles, by selection (no full sort). */
export function npvStats(values: Float64Array): NpvStats {
  const n = values.length;
  const mean = n > 0 ? sum(values) / n : NaN;
  const ss = sumOfSquaredDeviations(values, mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const [p5, p10, p50, p90, p95] = quantiles(values, [0.05, 0.1, 0.5, 0.9, 0.95]) as [number, number, number, number, number];
  return { mean, sd, se: n > 0 ? sd / Math.sqrt(n) : NaN, p5, p10, p50, p90, p95 };
}

// Helpers below each hold one loop: V8 optimises small single-loop functions well; one function with
// several million-iteration loops kept deoptimising as each later loop was reached without type feedback.

export function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

function sumOfSquaredDeviations(values: Float64Array, mean: number): number {
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    ss += d * d;
  }
  return ss;
}

export function minMax(values: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

function binCounts(values: Float64Array, min: number, width: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const j = Math.min(bins - 1, Math.floor((values[i]! - min) / width));
    counts[j]!++;
  }
  return counts;
}

/** Clears flags[i] where values[i] is below the threshold (or not a number). */
function clearBelow(values: Float64Array, threshold: number, flags: Uint8Array): void {
  for (let i = 0; i < values.length; i++) if (!(values[i]! >= threshold)) flags[i] = 0;
}

function countSet(flags: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < flags.length; i++) c += flags[i]!;
  return c;
}

/** How many values are >= threshold (pAboveWalkAway counts NPV >= walk-away). */
export function countAtLeast(values: Float64Array, threshold: number): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! >= threshold) c++;
  return c;
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

/** Everything gathered from the blocks of a run, in block order. */
export interface GatheredRun {
  npv: Float64Array[];
  /** [block][party][period] sums of nominal flows. */
  blockSums: Float64Array;
  blocks: number;
  /** [iteration][party][period] raw flows of the fan sample. */
  fanFlows: Float64Array;
  cond: Uint8Array | null;
}

function gatherPeriod(flows: Float64Array, out: Float64Array, m: number, stride: number, offset: number): void {
  for (let k = 0; k < m; k++) out[k] = flows[k * stride + offset]!;
}

function fanOf(g: GatheredRun, party: number, nParties: number, P: number, iterations: number): CashFlowFan {
  const mean = new Array<number>(P).fill(0);
  for (let b = 0; b < g.blocks; b++) {
    const base = (b * nParties + party) * P;
    for (let t = 0; t < P; t++) mean[t]! += g.blockSums[base + t]!;
  }
  for (let t = 0; t < P; t++) mean[t] = mean[t]! / iterations;
  const m = g.fanFlows.length / (nParties * P);
  const col = new Float64Array(m);
  const p10: number[] = [];
  const p50: number[] = [];
  const p90: number[] = [];
  for (let t = 0; t < P; t++) {
    gatherPeriod(g.fanFlows, col, m, nParties * P, party * P + t);
    const [a, b, c] = quantiles(col, [0.1, 0.5, 0.9]) as [number, number, number];
    p10.push(a);
    p50.push(b);
    p90.push(c);
  }
  return { p10, p50, p90, mean };
}

/** Builds the result object from a complete run. */
export function summarise(
  c: CompiledDeal,
  g: GatheredRun,
  meta: { scenario: string; iterations: number; seed: number; elapsedMs: number },
): ValuationResult {
  const nP = c.partyIds.length;
  const parties: Record<string, PartyValuation> = {};
  const n = meta.iterations;
  const allAbove = new Uint8Array(n).fill(1);
  c.partyIds.forEach((id, p) => {
    const values = g.npv[p]!;
    const wa = c.walkAway[p]!;
    clearBelow(values, wa, allAbove);
    parties[id] = {
      npv: npvStats(values),
      pAboveWalkAway: countAtLeast(values, wa) / n,
      histogram: histogram(values),
      fan: fanOf(g, p, nP, c.periods, n),
    };
  });
  const all = countSet(allAbove);
  const result: ValuationResult = {
    scenario: meta.scenario,
    iterations: n,
    seed: meta.seed,
    elapsedMs: meta.elapsedMs,
    parties,
    pAllAboveWalkAway: all / n,
  };
  if (g.cond && c.conditionSeries !== null) result.conditional = conditional(c, g, g.cond);
  return result;
}

function conditional(c: CompiledDeal, g: GatheredRun, cond: Uint8Array): ConditionalValuation {
  let m = 0;
  for (let i = 0; i < cond.length; i++) m += cond[i]!;
  const parties: ConditionalValuation['parties'] = {};
  c.partyIds.forEach((id, p) => {
    const subset = new Float64Array(m);
    let j = 0;
    const values = g.npv[p]!;
    for (let i = 0; i < cond.length; i++) if (cond[i]) subset[j++] = values[i]!;
    parties[id] = { npv: npvStats(subset), pAboveWalkAway: m > 0 ? countAtLeast(subset, c.walkAway[p]!) / m : NaN };
  });
  return { series: c.conditionSeries!, probability: m / cond.length, iterations: m, parties };
}
