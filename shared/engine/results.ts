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
  histogram: Histogram;
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
  workers?: number;
}

export interface TornadoRow {
  input: string;
  label: string;
  /** The input's value at its 10th and 90th percentile. */
  lowInput: number;
  highInput: number;
  /** The party's mean NPV with the input held at that value, others as drawn. */
  lowNpv: number;
  highNpv: number;
  swing: number;
}

export interface SensitivityResult {
  scenario: string;
  party: string;
  baseMean: number;
  rows: TornadoRow[];
}

export type SolveResult =
  | { ok: true; path: string; party: string; target: number; value: number; achievedMean: number; iterations: number }
  | { ok: false; path: string; party: string; target: number; message: string };

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
  /** Search range; defaults to the path's slider range, [0, 1] for fractions, or an expanding search. */
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
