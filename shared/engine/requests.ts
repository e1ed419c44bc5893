/**
 * Argument schemas of the valuation methods of MainApi (checked at the
 * receiving end by the dispatcher). The deal itself arrives as unknown JSON
 * and is validated in full by the host before any kernel is compiled.
 *
 * Intentionally has no platform imports.
 */
import * as z from 'zod';
import { LIMITS } from '../model/schema';
import { BLOCK_SIZE } from './rng';

const id = z.string().min(1).max(200);
const iterations = z.number().int().min(1).max(LIMITS.maxIterations);
const seed = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer');

export const valuationRequestArg = z.strictObject({
  deal: z.unknown(),
  scenarioId: id.optional(),
  iterations: iterations.optional(),
  seed: seed.optional(),
  conditionOn: id.optional(),
  /** Stop once the mean NPV of the deal's own side is within `relative` at `confidence` (e.g. 0.01 at 0.95). */
  precision: z.strictObject({ relative: z.number().gt(0).lt(1), confidence: z.number().gt(0).lt(1) }).optional(),
  /** Also report the statistics of the first `head` iterations (a whole number of blocks). */
  head: z.number().int().refine((n) => n > 0 && n % BLOCK_SIZE === 0, `must be a positive multiple of ${BLOCK_SIZE}`).optional(),
});

export const sensitivityRequestArg = z.strictObject({
  deal: z.unknown(),
  scenarioId: id.optional(),
  party: id.optional(),
  iterations: iterations.optional(),
  seed: seed.optional(),
});

export const solveRequestArg = z.strictObject({
  deal: z.unknown(),
  scenarioId: id.optional(),
  path: z.string().min(1).max(500),
  party: id,
  target: z.number().refine(Number.isFinite, 'must be a finite number'),
  min: z.number().refine(Number.isFinite).optional(),
  max: z.number().refine(Number.isFinite).optional(),
  iterations: iterations.optional(),
  seed: seed.optional(),
});

/** At most this many positions per sweep call (the app sends a few at a time, between live runs). */
export const MAX_SWEEP_POSITIONS = 64;

export const sweepRequestArg = z.strictObject({
  deal: z.unknown(),
  scenarioId: id.optional(),
  positions: z
    .array(z.record(z.string().min(1).max(500), z.number().refine(Number.isFinite, 'must be a finite number')))
    .min(1)
    .max(MAX_SWEEP_POSITIONS),
  iterations: iterations.optional(),
  seed: seed.optional(),
});

export const runIdArg = z.string().regex(/^run-\d{1,12}$/, 'must be a run id returned by startValuation');

/** How many draws a density preview may ask for. */
export const MAX_PREVIEW_SAMPLES = 200_000;
export const sampleCountArg = z.number().int().min(100).max(MAX_PREVIEW_SAMPLES);
