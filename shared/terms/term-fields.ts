/**
 * What every kind of term gets from its field list (fields.ts) alone: the
 * shared rules (the parties it names exist, a party does not pay itself,
 * shares and stakes name parties and sum to 1), its formulas with when they
 * are evaluated, renaming an id in it, what a field is (for labels, entry,
 * placeholders and the gate) and the keys a kind allows. Each kind adds its
 * own rules in its module.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../problems';
import type { Deal, NumberOrFormula } from '../model/schema';
import { bracketPath, idCount, itemPath } from '../model/paths';
import { didYouMean } from '../model/suggest';
import { allKeys, isFormulaLeaf, keyOrderAt, leaves, mapLeaves, specAt, type FieldScope, type FieldSpec, type Leaf, type ValueSpec } from './fields';
import type { TermBase } from './kind';
import { kindOf, termKind, TERM_KINDS } from './registry';

/** Shares must sum to 1; this allows for the rounding of decimal fractions such as 0.1 + 0.2. */
export const SHARE_TOLERANCE = 1e-9;

const isParty = (deal: Deal, id: string): boolean => idCount(deal.parties, id) > 0;
const partyIds = (deal: Deal): string[] => deal.parties.map((p) => p.id);
const unknownParty = (deal: Deal, id: string) => `unknown party "${id}"${didYouMean(id, partyIds(deal))}`;

/** Shares or stakes: every key a party, numbers in range (schema), numeric ones summing to 1. */
function shareProblems(deal: Deal, shares: Record<string, NumberOrFormula>, path: string, what: string): Problem[] {
  const out: Problem[] = [];
  const keys = Object.keys(shares);
  if (keys.length === 0) return [{ path, message: `needs the ${what} of at least one party` }];
  for (const key of keys) if (!isParty(deal, key)) out.push({ path: `${path}.${key}`, message: unknownParty(deal, key) });
  const values = Object.values(shares);
  if (values.every((v): v is number => typeof v === 'number')) {
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) out.push({ path, message: `${what} sum to ${Number(sum.toPrecision(12))}; they must sum to 1` });
  }
  return out;
}

/** The rules every kind shares, walking its fields in order. */
export function fieldProblems(deal: Deal, term: TermBase, base: string): Problem[] {
  const out: Problem[] = [];
  const visit = (fields: Readonly<Record<string, FieldSpec>>, value: unknown, keys: (string | number)[]) => {
    if (value === null || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    for (const [key, spec] of Object.entries(fields)) {
      const v = obj[key];
      if (v === undefined) continue;
      const here = bracketPath([...keys, key]);
      const path = `${base}.${here}`;
      if (spec.kind === 'party' && typeof v === 'string') {
        if (!isParty(deal, v)) out.push({ path, message: unknownParty(deal, v) });
        // A payer and a payee in the same object must differ.
        if (key === 'to' && fields.from?.kind === 'party' && obj.from === v && isParty(deal, v)) out.push({ path, message: `a party cannot pay itself ("from" and "to" are both "${v}")` });
      } else if (spec.kind === 'shares' && v !== null && typeof v === 'object') {
        out.push(...shareProblems(deal, v as Record<string, NumberOrFormula>, path, key));
      } else if (spec.kind === 'list' && Array.isArray(v)) {
        v.forEach((item, i) => visit(spec.item, item, [...keys, key, i]));
      } else if (spec.kind === 'object') {
        visit(spec.fields, v, [...keys, key]);
      }
    }
  };
  visit(termKind(term).fields, term, []);
  return out;
}

/** Every problem of one term: its kind's rules (which include the shared ones). */
export function termProblems(deal: Deal, term: TermBase, index: number): Problem[] {
  const kind = termKind(term);
  const base = itemPath(deal, 'terms', index);
  const shared = () => fieldProblems(deal, term, base);
  return kind.check ? kind.check(term, { deal, base, fieldProblems: shared }) : shared();
}

/** A formula field of a term: where it is below the term, its text and when it is evaluated. */
export interface TermFormula {
  keys: (string | number)[];
  source: string;
  scope: FieldScope;
}

/** Every formula in a term's fields, in field order (dates in period fields are not formulas). */
export function termFormulas(term: TermBase): TermFormula[] {
  return leaves(termKind(term).fields, term)
    .filter(isFormulaLeaf)
    .map((l) => ({ keys: l.keys, source: l.value, scope: l.spec.scope }));
}

/** Every field of a term that holds a value, with its description. */
export function termLeaves(term: TermBase): Leaf[] {
  return leaves(termKind(term).fields, term);
}

/** A term with the id `from` renamed `to` in every party field, share key and formula (a date is not a formula). */
export function renameInTerm<T extends TermBase>(term: T, from: string, to: string, renameFormula: (formula: string) => string): T {
  const renamed = mapLeaves(
    termKind(term).fields,
    term,
    (spec, v) => {
      if (spec.kind === 'party') return v === from ? to : v;
      if (spec.kind === 'value' && isFormulaLeaf({ keys: [], spec, value: v })) return renameFormula(v as string);
      return v;
    },
    (k) => (k === from ? to : k),
  ) as T;
  return { ...renamed, id: term.id === from ? to : term.id };
}

/** What the field at `keys` below a term of this type is (list indices and share keys included). */
export function termFieldSpec(type: string, keys: readonly (string | number)[]): FieldSpec | undefined {
  const kind = kindOf(type);
  return kind ? specAt(kind.fields, keys) : undefined;
}

/** The number field at `keys` below a term, if the field is one. */
export function termValueSpec(type: string, keys: readonly (string | number)[]): ValueSpec | undefined {
  const spec = termFieldSpec(type, keys);
  return spec?.kind === 'value' ? spec : undefined;
}

/** The saved key order of the object at `keys` below a term (undefined: its own order). */
export function termKeyOrder(type: unknown, keys: readonly (string | number)[]): readonly string[] | undefined {
  const kind = kindOf(type);
  if (keys.length === 0) return ['id', 'type', 'label', 'trigger', ...(kind ? Object.keys(kind.fields) : UNKNOWN_TYPE_ORDER), 'note'];
  return kind ? keyOrderAt(kind.fields, keys) : undefined;
}

/** A term of a type no module defines (an invalid file being autosaved) keeps every kind's keys in registry order. */
const UNKNOWN_TYPE_ORDER = [...new Set(Object.values(TERM_KINDS).flatMap((k) => Object.keys(k.fields)))];

/** Every key any kind of term allows anywhere below a term (for "did you mean"). */
export function allTermKeys(): string[] {
  return ['id', 'type', 'label', 'trigger', 'note', ...new Set(Object.values(TERM_KINDS).flatMap((k) => allKeys(k.fields)))];
}
