/**
 * Argument schemas of the negotiation methods of MainApi (rounds valued,
 * exchange rates, the efficient frontier), checked at the receiving end like
 * every valuation request (requests.ts). The deal arrives as unknown JSON and
 * is validated in full by the host.
 *
 * Intentionally has no platform imports.
 */
import * as z from 'zod';
import { LIMITS } from '../model/schema';

/** A frontier varies at most this many numbers at once. */
export const MAX_FRONTIER_NUMBERS = 4;

const id = z.string().min(1).max(200);
const iterations = z.number().int().min(1).max(LIMITS.maxIterations);
const seed = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer');

export const negotiationRequestArg = z.strictObject({ deal: z.unknown(), iterations: iterations.optional(), seed: seed.optional() });

export const tradesRequestArg = z.strictObject({
  deal: z.unknown(),
  scenarioId: id.optional(),
  party: id.optional(),
  other: id.optional(),
  iterations: iterations.optional(),
  seed: seed.optional(),
});

export const frontierRequestArg = z.strictObject({
  deal: z.unknown(),
  scenarioId: id.optional(),
  paths: z.array(z.string().min(1).max(500)).min(1).max(MAX_FRONTIER_NUMBERS),
  party: id.optional(),
  other: id.optional(),
  points: z.number().int().min(2).max(4096).optional(),
  floor: z.number().min(0).max(1).optional(),
  iterations: iterations.optional(),
  seed: seed.optional(),
});
