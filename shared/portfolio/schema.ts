/**
 * The structural schema of a `.dealbook` portfolio file, version 1
 * (../shared/spec/deal-format.md, "Portfolios"): which keys exist and what
 * each holds. Cross-field rules (deal paths that stay in the folder, no entry
 * twice, limits) live in validate.ts; the checks that need the deal itself
 * (our party, the position, currency and unit) in entry-checks.ts.
 *
 * Intentionally has no platform imports.
 */
import * as z from 'zod';
import { PORTFOLIO_LIMITS } from './limits';

export { PORTFOLIO_LIMITS };

export const DEALBOOK_FORMAT = 'dealwright.dealbook';
export const DEALBOOK_VERSION = 1;


export const STAGES = ['identified', 'negotiating', 'signed', 'live', 'exiting', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  identified: 'Identified',
  negotiating: 'Negotiating',
  signed: 'Signed',
  live: 'Live',
  exiting: 'Exiting',
  closed: 'Closed',
};

export const METRIC_STATUSES = ['on track', 'at risk', 'missed', 'met'] as const;
export type MetricStatus = (typeof METRIC_STATUSES)[number];

/** The four dimensions of an alliance health check, in the order they are shown. */
export const HEALTH_DIMENSIONS = ['strategic', 'operational', 'relationship', 'governance'] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];
export const HEALTH_LABELS: Record<HealthDimension, string> = {
  strategic: 'Strategic value',
  operational: 'Operations',
  relationship: 'Relationship',
  governance: 'Governance',
};

const text = z.string();
/** A calendar date, checked as a real day (no 31 April). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a day of the calendar');
/** When a metric is due: a month ("2028-03") or a day. */
const dueDate = z.union([z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), isoDate], { error: 'must be a month YYYY-MM or a date YYYY-MM-DD' });
const score = z.number().int('must be a whole number from 1 to 5').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5');

export const actualSchema = z.strictObject({
  date: isoDate,
  value: text,
  status: z.enum(METRIC_STATUSES),
});

export const trackedMetricSchema = z.strictObject({
  horizon: text.min(1, 'must not be empty'),
  metric: text.min(1, 'must not be empty'),
  due: dueDate.optional(),
  actuals: z.array(actualSchema).optional(),
});

export const healthCheckSchema = z.strictObject({
  date: isoDate,
  scores: z
    .strictObject(Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, score.optional()])) as Record<HealthDimension, z.ZodOptional<typeof score>>)
    .refine((s) => HEALTH_DIMENSIONS.some((d) => s[d] !== undefined), `needs at least one score (${HEALTH_DIMENSIONS.join(', ')})`),
});

export const entrySchema = z.strictObject({
  file: text.min(1, 'must not be empty'),
  party: text.min(1, 'must not be empty'),
  position: text.min(1, 'must not be empty').optional(),
  stage: z.enum(STAGES),
  owner: text.optional(),
  metrics: z.array(trackedMetricSchema).optional(),
  health: z.array(healthCheckSchema).optional(),
  notes: text.optional(),
});

export const dealbookSchema = z.strictObject({
  format: z.literal(DEALBOOK_FORMAT),
  version: z.literal(DEALBOOK_VERSION),
  title: text.min(1, 'must not be empty'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"'),
  unit: z.enum(['one', 'thousand', 'million', 'billion']),
  deals: z.array(entrySchema).max(PORTFOLIO_LIMITS.maxDeals, `may list at most ${PORTFOLIO_LIMITS.maxDeals} deals`),
});

export type Dealbook = z.infer<typeof dealbookSchema>;
export type DealbookEntry = z.infer<typeof entrySchema>;
export type TrackedMetric = z.infer<typeof trackedMetricSchema>;
export type MetricActual = z.infer<typeof actualSchema>;
export type HealthCheck = z.infer<typeof healthCheckSchema>;
