/**
 * Every formula in a deal, with where it sits and when it is evaluated: the
 * series, and each number field of each term that holds a formula string (the
 * fields come from each kind's module, shared/terms). Validation checks them
 * all; renaming renames them all; the engine compiles each kind's fields
 * through the same descriptions, so a field can never be checked by one and
 * missed by another.
 *
 * Intentionally has no platform imports.
 */
import type { Deal } from '../model/schema';
import { bracketPath, itemPath } from '../model/paths';
import { termFormulas } from '../terms/term-fields';
import type { FormulaEnv, FormulaScope } from './check';

export interface DealFormula {
  /** Problem path, e.g. `terms.royalty.tiers[1].rate`. */
  path: string;
  /** Key path into the deal, e.g. ['terms', 5, 'tiers', 1, 'rate']. */
  keys: (string | number)[];
  source: string;
  scope: FormulaScope;
}

/** Name sets by the object they list, so every formula of a deal shares one (deals are never mutated). */
const nameSets = new WeakMap<object, ReadonlySet<string>>();

function namesOf(map: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  let names = nameSets.get(map);
  if (!names) {
    names = new Set(Object.keys(map));
    nameSets.set(map, names);
  }
  return names;
}

const perPeriodSets = new WeakMap<object, ReadonlySet<string>>();

/** The inputs drawn every period (`per: "period"`), one set per inputs object. */
export function perPeriodInputs(inputs: Deal['inputs']): ReadonlySet<string> {
  let names = perPeriodSets.get(inputs);
  if (!names) {
    names = new Set(Object.entries(inputs).flatMap(([id, input]) => (input.per === 'period' ? [id] : [])));
    perPeriodSets.set(inputs, names);
  }
  return names;
}

/** The names a formula in this deal may use, for the given scope (built once per deal, not per formula). */
export function formulaEnv(deal: Pick<Deal, 'inputs' | 'series'>, scope: FormulaScope): FormulaEnv {
  return { inputs: namesOf(deal.inputs), series: namesOf(deal.series), scope, perPeriod: perPeriodInputs(deal.inputs) };
}

/** Every formula string in the deal: series first, then term fields in file order. */
export function dealFormulas(deal: Deal): DealFormula[] {
  const out: DealFormula[] = [];
  for (const [id, source] of Object.entries(deal.series)) {
    out.push({ path: `series.${id}`, keys: ['series', id], source, scope: 'series' });
  }
  deal.terms.forEach((term, index) => {
    const base = itemPath(deal, 'terms', index);
    for (const field of termFormulas(term)) {
      out.push({ path: `${base}${field.keys.length ? '.' : ''}${bracketPath(field.keys)}`, keys: ['terms', index, ...field.keys], source: field.source, scope: field.scope });
    }
  });
  return out;
}
