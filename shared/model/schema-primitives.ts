/**
 * The value types of a `.deal` file's fields (../shared/spec/deal-format.md):
 * a finite number, a fraction, money that is never negative, a number or a
 * formula string, a period (a number, a calendar date or a formula). The
 * deal's schema (schema.ts) and every kind of term (shared/terms) build on
 * these, so each constraint and its message is written once.
 *
 * Intentionally has no platform imports.
 */
import * as z from 'zod';

export { ID_PATTERN } from './limits';

export const formulaSchema = z.string().min(1, 'formula is empty');
export const finiteSchema = z.number().refine(Number.isFinite, 'must be a finite number');
export const fractionSchema = finiteSchema.refine((v) => v >= 0 && v <= 1, 'must be between 0 and 1');
const nonNegative = finiteSchema.refine((v) => v >= 0, 'must not be negative (the direction comes from "from" and "to")');
const orFormula = <T extends z.ZodType<number>>(n: T) => z.union([n, formulaSchema], { error: 'must be a number or a formula' });
/** A number, or a formula string in mathjs syntax evaluated per iteration or per period. */
export const numberOrFormula = orFormula(finiteSchema);
/** Money a party pays: a non-negative number, or a formula. */
export const amountSchema = orFormula(nonNegative);
/** A rate, share or probability: a number from 0 to 1, or a formula. */
export const fractionOrFormula = orFormula(fractionSchema);
/**
 * A period (`at`, `until`, `from`): a period index (fractions allowed; beyond the timeline means never),
 * a calendar date ("2029", "2029-06", "2029-Q3"), or a formula; a string is a date exactly when it
 * has one of the three forms (shared/format/dates.ts).
 */
export const periodSchema = numberOrFormula;

export type NumberOrFormula = z.infer<typeof numberOrFormula>;
