/**
 * The registry of kinds of term: one module per kind (shared/terms/<kind>.ts),
 * listed here once. The deal's schema takes its term schema from here, and
 * validation, compilation, renaming, saving, labels, the counterparty gate,
 * the term-sheet writer and the editor all read a term's kind from here, so a
 * new kind or field is written in its module and nowhere else.
 *
 * The order is the term sheet's order of economic terms.
 *
 * Intentionally has no platform imports.
 */
import * as z from 'zod';
import { cashflow } from './cashflow';
import { costShare } from './cost-share';
import { equity } from './equity';
import type { TermBase, TermKind } from './kind';
import { payment } from './payment';
import { revenueShare } from './revenue-share';
import { royalty } from './royalty';
import { salesMilestone } from './sales-milestone';
import { termination } from './termination';

/** Every term of a `.deal` file, by its `type`. */
export const termSchema = z.discriminatedUnion('type', [
  payment.schema,
  salesMilestone.schema,
  royalty.schema,
  revenueShare.schema,
  costShare.schema,
  equity.schema,
  cashflow.schema,
  termination.schema,
]);

export type Term = z.infer<typeof termSchema>;
export type TermType = Term['type'];
export type TermOf<K extends TermType> = Extract<Term, { type: K }>;

export const TERM_KINDS = {
  payment,
  salesMilestone,
  royalty,
  revenueShare,
  costShare,
  equity,
  cashflow,
  termination,
} satisfies { [K in TermType]: TermKind<TermOf<K>> };

/** The kinds in registry order. */
export const TERM_TYPES = Object.keys(TERM_KINDS) as TermType[];

/** Any kind, typed for code that handles every kind alike. */
export type AnyTermKind = TermKind<TermBase>;

/** The kind of a term (its own type's module). */
export function termKind(term: { type: string }): AnyTermKind {
  return kindOf(term.type)!;
}

/** The kind of a type name, or undefined for a type no module defines. */
export function kindOf(type: unknown): AnyTermKind | undefined {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(TERM_KINDS, type) ? (TERM_KINDS[type as TermType] as unknown as AnyTermKind) : undefined;
}
