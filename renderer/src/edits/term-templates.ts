/**
 * The kinds of term a negotiator can add, and a sensible new term of each,
 * pre-filled with the deal's own parties and first series so it is valid (or
 * nearly) the moment it is added: read from the registry of kinds
 * (shared/terms), where each kind keeps its name, hint and template.
 */
import type { Deal, Term, TermType } from '../../../shared/model/schema';
import { TERM_KINDS, TERM_TYPES as TYPES } from '../../../shared/terms/registry';

export const TERM_TYPES: readonly { type: TermType; label: string; hint: string }[] = TYPES.map((type) => ({ type, label: TERM_KINDS[type].title, hint: TERM_KINDS[type].hint }));

export function termTypeLabel(type: TermType): string {
  return TERM_KINDS[type]?.title ?? type;
}

export function newTerm(deal: Deal, type: TermType, id: string): Term {
  return TERM_KINDS[type].template(deal, id) as Term;
}
