/**
 * Valuing a portfolio: what is asked (each deal in its position, our party in
 * it, its place in the list) and what comes back (per deal our NPV
 * statistics, expected cash flows and share of the risk; the total from the
 * summed iterations). Summaries only, like a lone valuation's result: they
 * cross IPC; the samples stay where they were drawn.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import type { NpvHistogram, NpvStats } from '../engine/results';
import type { Deal } from '../model/schema';

export interface PortfolioMemberRequest {
  deal: Deal;
  /** Our party id in this deal. */
  party: string;
  /** A scenario (or round) id of the deal; its first scenario when left out. */
  position?: string | undefined;
  /** The entry's place in the portfolio's list (0-based): with the deal's seed it fixes the deal's stream. */
  place: number;
}

export interface PortfolioValuationRequest {
  members: PortfolioMemberRequest[];
  /** Iterations per deal; by default the largest `simulation.iterations` among the deals. */
  iterations?: number;
}

export type MemberValuation =
  | {
      place: number;
      ok: true;
      /** The scenario id valued (the entry's position, or the deal's first scenario). */
      position: string;
      party: string;
      /** The deal's stream in this portfolio: `dealwright value FILE --seed S --iterations N` gives this row. */
      seed: number;
      npv: NpvStats;
      walkAway: number;
      pAboveWalkAway: number;
      /** Our expected (mean) nominal cash flow in each period of the deal's timeline. */
      flows: number[];
      /**
       * The deal's share of the portfolio's risk as its contribution to the variance of the total:
       * cov(deal, total) / var(total). Shares add up to 1 over the deals; a hedge is negative.
       */
      riskShare: number;
    }
  | { place: number; ok: false; problems: Problem[] };

export interface PortfolioTotal {
  /** Statistics of the summed iterations: sum over the valued deals of our NPV, iteration by iteration. */
  npv: NpvStats;
  /** The sum of our walk-aways in the valued deals. */
  walkAway: number;
  /** Share of iterations in which the total is at or above the sum of our walk-aways. */
  pAboveWalkAways: number;
  histogram: NpvHistogram;
  /** How many deals the total sums (deals that could not be valued are left out and say why). */
  deals: number;
}

export interface PortfolioValuationResult {
  iterations: number;
  /** The valuation alone (after parsing), as for a lone deal. */
  elapsedMs: number;
  /** One per deal asked for, in the order asked. */
  members: MemberValuation[];
  total: PortfolioTotal | null;
}
