/**
 * What a slider preview shows: the last full run's figures moved by the change
 * a short run sees between the settled position and the new one, both short
 * runs on the same draws (same seed, same blocks: common random numbers).
 *
 *   shown = full(settled) + preview(new) − preview(settled)
 *
 * A short run alone is one fixed subsample of the full run and can sit a few
 * standard errors away from it (on the pharma licence it read $2M low for the
 * licensor), so the figures would jump when the full run lands; the change
 * between two short runs on the same draws is nearly free of that error, so
 * this lands where the full run lands. Every statistic is moved the same way:
 * means and percentiles by their difference, probabilities too (kept within
 * 0..1), the distribution curve level by level (kept increasing), the
 * histogram bars redrawn from that curve so bars, curve and cards agree.
 *
 * Intentionally has no platform imports.
 */
import { histogramFromCurve } from './distribution-curve';
import type { CashFlowFan, DistributionCurve, NpvStats, PartyValuation, ValuationResult } from './results';
import { BLOCK_SIZE } from './rng';

/**
 * The short run of a preview: three blocks (12,288 iterations), so it is exactly the head a full run reports
 * (same seed, same blocks). Three rather than two because the change a preview adds is measured on these
 * draws alone: for a number that moves the draws themselves (a median of sales), more draws keep it closer
 * to the full run's.
 */
export const PREVIEW_ITERATIONS = 3 * BLOCK_SIZE;

const clamp01 = (p: number) => Math.min(1, Math.max(0, p));

function shiftStats(full: NpvStats, next: NpvStats, settled: NpvStats): NpvStats {
  const keys = ['mean', 'sd', 'se', 'p5', 'p10', 'p50', 'p90', 'p95'] as const;
  const out = { ...full };
  for (const k of keys) out[k] = full[k] + next[k] - settled[k];
  out.sd = Math.max(0, out.sd);
  out.se = Math.max(0, out.se);
  return out;
}

function shiftCurve(full: DistributionCurve, next: DistributionCurve, settled: DistributionCurve, pAbove: number): DistributionCurve {
  let running = -Infinity;
  const values = full.values.map((v, k) => {
    running = Math.max(running, v + next.values[k]! - settled.values[k]!);
    return running;
  });
  return { values, walkAway: { value: next.walkAway.value, below: 1 - pAbove } };
}

function shiftFan(full: CashFlowFan, next: CashFlowFan, settled: CashFlowFan): CashFlowFan {
  // The fan's percentiles come from the first iterations of a run, the same draws for a short run and a full one:
  // the short run's are the full run's. Its mean is over every iteration, so it moves like the other means.
  return { p10: next.p10, p50: next.p50, p90: next.p90, mean: next.mean.map((m, t) => (full.mean[t] ?? m) + m - (settled.mean[t] ?? m)) };
}

/**
 * The estimate at the new position, or null when the three runs do not line up
 * (different parties or periods: the deal's shape changed, show the short run itself).
 */
export function previewEstimate(full: ValuationResult, settled: ValuationResult, next: ValuationResult): ValuationResult | null {
  const ids = Object.keys(next.parties);
  const same = (r: ValuationResult) => Object.keys(r.parties).length === ids.length && ids.every((id) => r.parties[id] && r.parties[id].fan.mean.length === next.parties[id]!.fan.mean.length);
  if (!same(full) || !same(settled)) return null;
  const parties: Record<string, PartyValuation> = {};
  for (const id of ids) {
    const f = full.parties[id]!;
    const s = settled.parties[id]!;
    const n = next.parties[id]!;
    const pAboveWalkAway = clamp01(f.pAboveWalkAway + n.pAboveWalkAway - s.pAboveWalkAway);
    const curve = shiftCurve(f.histogram.curve, n.histogram.curve, s.histogram.curve, pAboveWalkAway);
    parties[id] = {
      npv: shiftStats(f.npv, n.npv, s.npv),
      pAboveWalkAway,
      histogram: { ...histogramFromCurve(curve, full.iterations), curve },
      fan: shiftFan(f.fan, n.fan, s.fan),
    };
  }
  return {
    scenario: next.scenario,
    iterations: full.iterations,
    seed: next.seed,
    elapsedMs: next.elapsedMs,
    parties,
    pAllAboveWalkAway: clamp01(full.pAllAboveWalkAway + next.pAllAboveWalkAway - settled.pAllAboveWalkAway),
  };
}
