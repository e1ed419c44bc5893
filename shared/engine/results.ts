/**
 * What a valuation returns: summaries only (statistics, histogram bins,
 * per-period fans, tornado rows), never raw samples, so results can cross IPC
 * and worker boundaries cheaply. The CLI's `value --json` prints
 * `toCliJson(result)` (../shared/spec/cli.md); the app, the charts and the
 * term-sheet appendix read the rest.
 *
 * Intentionally has no platform imports.
 */
import type { Deal } from '../model/schema';

export interface NpvStats {
  mean: number;
  /** Sample standard deviation (n - 1). */
  sd: number;
  /** Standard error of the mean: sd / sqrt(n). */
  se: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

export interface Histogram {
  /** Bin edges, length = counts.length + 1, ascending. */
  edges: number[];
  counts: number[];
}

/** Probability levels of a distribution curve: 0, 0.5%, 1%, …, 100% (201 levels). */
export const CURVE_LEVELS: readonly number[] = Array.from({ length: 201 }, (_, k) => k / 200);

/**
 * A party's NPV distribution as exact order statistics, for the S-curve and
 * every exceedance curve: the type-7 quantile (the rule of P10/P50/P90) at
 * each of CURVE_LEVELS, from the smallest NPV at 0 to the largest at 1, and
 * the walk-away with the share of outcomes below it (the count behind the
 * card's "chance NPV ≥ walk-away"). A point mass (a failed trial) shows as
 * equal values over a run of levels, i.e. a vertical step.
 */
export interface DistributionCurve {
  values: number[];
  walkAway: { value: number; below: number };
}

/** The display histogram of a party's NPV with the exact curve it is read by. */
export interface NpvHistogram extends Histogram {
  curve: DistributionCurve;
}

/** Per-period cash-flow distribution of one party (nominal, undiscounted), one entry per period. */
export interface CashFlowFan {
  p10: number[];
  p50: number[];
  p90: number[];
  mean: number[];
}

export interface PartyValuation {
  npv: NpvStats;
  /** Share of iterations with NPV >= the party's walk-away. */
  pAboveWalkAway: number;
  histogram: NpvHistogram;
  fan: CashFlowFan;
}

export interface ConditionalValuation {
  /** The boolean series conditioned on (true in at least one period of the iteration). */
  series: string;
  /** Share of iterations where the condition held. */
  probability: number;
  iterations: number;
  parties: Record<string, { npv: NpvStats; pAboveWalkAway: number }>;
}

export interface ValuationResult {
  scenario: string;
  iterations: number;
  seed: number;
  /** The valuation alone, after parsing and compiling. */
  elapsedMs: number;
  parties: Record<string, PartyValuation>;
  pAllAboveWalkAway: number;
  conditional?: ConditionalValuation;
  /** Set when a precision target stopped the run before the requested iterations. */
  stoppedAtPrecision?: boolean;
  /**
   * When asked for (`head` in the request): the same statistics over the run's first
   * `head.iterations` iterations alone, which is exactly what a preview at that count
   * gives for this position (same seed, same blocks). Previews are shown relative to it.
   */
  head?: ValuationResult;
}

export interface ValuationRequest {
  deal: Deal;
  scenarioId?: string;
  iterations?: number;
  seed?: number;
  /** Also report statistics conditional on this boolean series (e.g. "approved"). */
  conditionOn?: string;
  /** Stop early when the mean of `us` is within `relative` at the given confidence (e.g. 0.01 at 0.95). */
  precision?: { relative: number; confidence: number };
  /** Also report the statistics of the first `head` iterations (whole blocks, fewer than the run's): see ValuationResult.head. */
  head?: number;
  workers?: number;
}

/** One outcome of a chance or discrete input held fixed: its value, its probability, the party's mean NPV then. */
export interface TornadoOutcome {
  /** "fails", "succeeds", or the value for a discrete input. */
  label: string;
  value: number;
  probability: number;
  npv: number;
}

export interface TornadoRow {
  input: string;
  label: string;
  /**
   * Continuous inputs: the value at the 10th and 90th percentile. Chance and
   * discrete inputs: the values of the outcomes giving the lowest and highest NPV.
   */
  lowInput: number;
  highInput: number;
  /** The party's mean NPV with the input held at that value, others as drawn. */
  lowNpv: number;
  highNpv: number;
  swing: number;
  /** Chance and discrete inputs: every outcome, one bar each (their 10th and 90th percentiles may coincide). */
  outcomes?: TornadoOutcome[];
}

export interface SensitivityResult {
  scenario: string;
  party: string;
  baseMean: number;
  rows: TornadoRow[];
}

export type SolveResult =
  | { ok: true; path: string; party: string; target: number; value: number; achievedMean: number; iterations: number }
  | {
      ok: false;
      path: string;
      party: string;
      target: number;
      /** In the CLI's words (paths, plain numbers); the app words it from the fields below. */
      message: string;
      /** The values searched, when a range was searched. */
      searched?: { from: number; to: number };
      /** The lowest and highest mean NPV seen there. */
      reached?: { lowest: number; highest: number };
      /** Where the mean jumps across the target (a threshold), and the closest mean found. */
      jump?: { near: number; closest: number };
    };

/** The exact object `dealwright value --json` prints. */
export function toCliJson(result: ValuationResult) {
  const parties: Record<string, { npv: NpvStats; pAboveWalkAway: number }> = {};
  for (const [id, p] of Object.entries(result.parties)) parties[id] = { npv: p.npv, pAboveWalkAway: p.pAboveWalkAway };
  return {
    scenario: result.scenario,
    iterations: result.iterations,
    seed: result.seed,
    elapsedMs: result.elapsedMs,
    parties,
    pAllAboveWalkAway: result.pAllAboveWalkAway,
  };
}

export interface SensitivityRequest {
  deal: Deal;
  scenarioId?: string;
  /** Party whose mean NPV the rows show; defaults to the deal's `us`. */
  party?: string;
  iterations?: number;
  seed?: number;
}

export interface SolveRequest {
  deal: Deal;
  scenarioId?: string;
  /** Number path to vary, e.g. `terms.royalty.tiers.0.rate`. */
  path: string;
  party: string;
  /** The mean NPV wanted for `party`. */
  target: number;
  /**
   * Search range; by default the path's slider range first, then as far as the number stays valid
   * (0% to 100% for a rate or share, upward without end for an amount, searched outward).
   */
  min?: number;
  max?: number;
  iterations?: number;
  seed?: number;
}

/** The inputs editor's density preview of one input. */
export interface InputSample {
  histogram: Histogram;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  mean: number;
}
