/**
 * Argument schemas of the portfolio methods of MainApi (checked at the
 * receiving end by the dispatcher). Portfolios and deals arrive as unknown
 * JSON and are validated in full by the host before anything is read,
 * written or valued.
 *
 * Intentionally has no platform imports.
 */
import * as z from 'zod';
import { LIMITS } from '../model/schema';
import { PORTFOLIO_LIMITS } from './schema';

const id = z.string().min(1).max(200);

export const portfolioMemberArg = z.strictObject({
  deal: z.unknown(),
  party: id,
  position: id.optional(),
  place: z.number().int().min(0).max(PORTFOLIO_LIMITS.maxDeals - 1),
});

export const portfolioValuationArg = z.strictObject({
  members: z.array(portfolioMemberArg).max(PORTFOLIO_LIMITS.maxDeals),
  iterations: z.number().int().min(1).max(LIMITS.maxIterations).optional(),
});
