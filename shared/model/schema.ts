/**
 * The structural schema of a `.deal` file, version 1 (../shared/spec/deal-format.md).
 *
 * This module owns the shape only: which keys exist and what type each holds.
 * Each kind of term states its own shape in its module (shared/terms); the
 * value types are in schema-primitives.ts. Cross-field rules (unique ids,
 * shares summing to 1, formulas, scenario paths) live in validate.ts. Every
 * type of the deal model is inferred from here, so the shape is written once.
 *
 * Intentionally has no platform imports: it runs in the renderer and the host
 * (valuation workers receive compiled kernels and never load it).
 */
import * as z from 'zod';
import { finiteSchema, fractionSchema, numberOrFormula } from './schema-primitives';
import { termSchema } from '../terms/registry';
import { ID_PATTERN, LIMITS } from './limits';

export { ID_PATTERN, LIMITS } from './limits';

export const DEAL_FORMAT = 'dealwright.deal';
export const CURRENT_VERSION = 1;


/** Whether `YYYY-MM-DD` names a day that exists (the month has that many days). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter reads years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const id = z.string().regex(ID_PATTERN, 'must start with a letter and use only letters, digits and _');
const text = z.string();
const finite = finiteSchema;
const fraction = fractionSchema;
export { numberOrFormula };

/** Who signs for a party (deal-format.md, "Parties' legal details"). */
export const signatorySchema = z.strictObject({ name: text, title: text });

export const partySchema = z.strictObject({
  id,
  name: text.min(1, 'must not be empty'),
  /** Legal details for the term sheet's parties table and signature blocks; never valuation inputs. */
  legalName: text.optional(),
  jurisdiction: text.optional(),
  address: text.optional(),
  signatory: signatorySchema.optional(),
  discountRate: finite,
  walkAway: finite,
});

/**
 * `per: "period"`: drawn afresh, independently, in every period instead of once per iteration
 * (deal-format.md, "Inputs drawn every period").
 */
const inputCommon = { label: text.optional(), note: text.optional(), per: z.enum(['iteration', 'period']).optional() };

export const inputSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), value: finite, ...inputCommon }),
  z.strictObject({ dist: z.literal('uniform'), min: finite, max: finite, ...inputCommon }),
  z.strictObject({ dist: z.literal('triangular'), min: finite, mode: finite, max: finite, ...inputCommon }),
  z.strictObject({ dist: z.literal('pert'), min: finite, mode: finite, max: finite, ...inputCommon }),
  z.strictObject({
    dist: z.literal('normal'),
    mean: finite.optional(),
    sd: finite.optional(),
    low: finite.optional(),
    high: finite.optional(),
    min: finite.optional(),
    max: finite.optional(),
    ...inputCommon,
  }),
  z.strictObject({
    dist: z.literal('lognormal'),
    p50: finite.optional(),
    p90: finite.optional(),
    low: finite.optional(),
    high: finite.optional(),
    ...inputCommon,
  }),
  z.strictObject({ dist: z.literal('beta'), alpha: finite, beta: finite, ...inputCommon }),
  z.strictObject({ dist: z.literal('chance'), p: fraction, ...inputCommon }),
  z.strictObject({
    dist: z.literal('discrete'),
    values: z.array(finite).min(1, 'needs at least one value'),
    weights: z.array(finite).optional(),
    ...inputCommon,
  }),
]);

export const correlationSchema = z.strictObject({
  between: z.tuple([z.string(), z.string()]),
  rank: finite,
});

export const scenarioSchema = z.strictObject({
  id,
  name: text.min(1, 'must not be empty'),
  notes: text.optional(),
  set: z.record(z.string(), finite),
});

/** What became of an offer (deal-format.md, "Negotiation rounds"). */
export const ROUND_STATUSES = ['open', 'countered', 'rejected', 'withdrawn', 'accepted'] as const;

/** An ISO calendar day, `YYYY-MM-DD` (a real day: no 30 February). */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, e.g. "2027-03-17"')
  // Only a YYYY-MM-DD text can fail to be a day: anything else already has the message above.
  .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDay(v), 'is not a day of the calendar');

/** One offer of the negotiation: who made it, when, and the position it states as overrides of the file as written. */
export const roundSchema = z.strictObject({
  id,
  date: isoDay,
  by: z.string(),
  name: text.optional(),
  set: z.record(z.string(), finite),
  status: z.enum(ROUND_STATUSES),
  notes: text.optional(),
});

export const negotiationSchema = z.strictObject({ rounds: z.array(roundSchema) });

export const sliderSchema = z.strictObject({
  path: z.string().min(1),
  min: finite,
  max: finite,
  step: finite,
  label: text.optional(),
});

export const timelineSchema = z.strictObject({
  start: z.union([
    z.number().int('must be a whole year').min(1900).max(2300),
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a year or "YYYY-MM"'),
  ]),
  periods: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LIMITS.maxPeriods, `must be at most ${LIMITS.maxPeriods}`),
  step: z.enum(['year', 'quarter', 'month']),
});

export const termSheetSchema = z.strictObject({
  /** The published description of the transaction (the file's `description` is internal). */
  summary: text.optional(),
  sections: z.array(z.strictObject({ heading: text, text })).optional(),
  successMetrics: z
    .array(z.strictObject({ horizon: text, metric: text, target: text }))
    .optional(),
  placeholders: z.record(z.string(), text).optional(),
});

export const dealSchema = z.strictObject({
  format: z.literal(DEAL_FORMAT),
  version: z.literal(CURRENT_VERSION),
  title: text.min(1, 'must not be empty'),
  description: text.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"'),
  unit: z.enum(['one', 'thousand', 'million', 'billion']),
  us: z.string(),
  timeline: timelineSchema,
  parties: z.array(partySchema).min(2, 'needs at least 2 parties'),
  inputs: z.record(z.string(), inputSchema),
  correlations: z.array(correlationSchema).optional(),
  series: z.record(z.string(), z.string().min(1, 'formula is empty')),
  terms: z.array(termSchema),
  scenarios: z.array(scenarioSchema),
  negotiation: negotiationSchema.optional(),
  sliders: z.array(sliderSchema).optional(),
  simulation: z.strictObject({
    iterations: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(LIMITS.maxIterations, 'must be at most 10,000,000'),
    seed: z.number().int('must be a whole number'),
  }),
  termSheet: termSheetSchema.optional(),
});

export type Deal = z.infer<typeof dealSchema>;
export type Party = z.infer<typeof partySchema>;
export type Signatory = z.infer<typeof signatorySchema>;
export type Input = z.infer<typeof inputSchema>;
export type DistName = Input['dist'];
export type Correlation = z.infer<typeof correlationSchema>;
export type { Term, TermOf, TermType } from '../terms/registry';
export { termSchema };
export type Scenario = z.infer<typeof scenarioSchema>;
export type Slider = z.infer<typeof sliderSchema>;
export type Round = z.infer<typeof roundSchema>;
export type RoundStatus = Round['status'];
export type Negotiation = z.infer<typeof negotiationSchema>;
export type Timeline = z.infer<typeof timelineSchema>;
export type TermSheet = z.infer<typeof termSheetSchema>;
export type { NumberOrFormula } from './schema-primitives';
export type Unit = Deal['unit'];
