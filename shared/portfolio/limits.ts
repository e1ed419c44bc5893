/**
 * The hard limits of a portfolio file and a portfolio run, on their own
 * without the schema library (a lone valuation's runner reads them, and the
 * CLI's cold start should not build the portfolio schema for it).
 *
 * Intentionally has no platform imports.
 */
import { LIMITS } from '../model/limits';

export const PORTFOLIO_LIMITS = {
  maxFileBytes: LIMITS.maxFileBytes,
  /** "3 to 15 is typical": room for a large alliance office, not for a data dump. */
  maxDeals: 100,
  /** Iterations per deal (the .deal limit). */
  maxIterations: LIMITS.maxIterations,
  /**
   * Deals x iterations per deal: every deal's samples are held until the total is summed
   * (8 bytes each, about 160 MB at this limit), so this bounds a run's memory.
   */
  maxTotalIterations: 20_000_000,
} as const;
