/**
 * Every formula in a deal, with where it sits and when it is evaluated: the
 * series, and each number field of each term that holds a formula string.
 * Validation checks them all; the engine compiles them all; both walk the same
 * list, so a field can never be checked by one and missed by the other.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, NumberOrFormula, Term } from '../model/schema';
import { itemPath } from '../model/paths';
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

/** The names a formula in this deal may use, for the given scope (built once per deal, not per formula). */
export function formulaEnv(deal: Pick<Deal, 'inputs' | 'series'>, scope: FormulaScope): FormulaEnv {
  return { inputs: namesOf(deal.inputs), series: namesOf(deal.series), scope };
}

type Field = { keys: (string | number)[]; value: NumberOrFormula | undefined; scope: FormulaScope };

/** The number-or-formula fields of one term, with their scope (spec: "Formulas in term fields"). */
export function termFields(term: Term): Field[] {
  const f = (keys: (string | number)[], value: NumberOrFormula | undefined, scope: FormulaScope = 'period'): Field => ({ keys, value, scope });
  const shareFields = (prefix: (string | number)[], shares: Record<string, NumberOrFormula>) =>
    Object.entries(shares).map(([party, v]) => f([...prefix, party], v));
  switch (term.type) {
    case 'payment':
      return [f(['amount'], term.amount), f(['at'], term.at, 'iteration'), f(['when'], term.when)];
    case 'salesMilestone':
      return [f(['amount'], term.amount), f(['base'], term.base), f(['threshold'], term.threshold)];
    case 'royalty':
      return [
        f(['base'], term.base),
        ...term.tiers.flatMap((tier, i) => [f(['tiers', i, 'upTo'], tier.upTo), f(['tiers', i, 'rate'], tier.rate)]),
        f(['until'], term.until, 'iteration'),
      ];
    case 'revenueShare':
      return [
        f(['base'], term.base),
        ...(term.shares ? shareFields(['shares'], term.shares) : []),
        ...(term.tiers ?? []).flatMap((tier, i) => [f(['tiers', i, 'upTo'], tier.upTo), ...shareFields(['tiers', i, 'shares'], tier.shares)]),
      ];
    case 'costShare':
      return [f(['base'], term.base), ...shareFields(['shares'], term.shares)];
    case 'equity':
      return [
        f(['venture'], term.venture),
        ...shareFields(['stakes'], term.stakes),
        ...(term.contributions ?? []).flatMap((c, i) => [f(['contributions', i, 'amount'], c.amount), f(['contributions', i, 'at'], c.at, 'iteration')]),
        f(['preferredReturn', 'rate'], term.preferredReturn?.rate),
      ];
    case 'cashflow':
      return [f(['amount'], term.amount)];
    case 'termination':
      return [f(['when'], term.when), f(['hazard'], term.hazard), f(['from'], term.from, 'iteration'), f(['fee', 'amount'], term.fee?.amount)];
  }
}

function formatKeys(base: string, keys: (string | number)[]): string {
  return keys.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : `${out}.${k}`), base);
}

/** Every formula string in the deal: series first, then term fields in file order. */
export function dealFormulas(deal: Deal): DealFormula[] {
  const out: DealFormula[] = [];
  for (const [id, source] of Object.entries(deal.series)) {
    out.push({ path: `series.${id}`, keys: ['series', id], source, scope: 'series' });
  }
  deal.terms.forEach((term, index) => {
    const base = itemPath(deal, 'terms', index);
    for (const field of termFields(term)) {
      if (typeof field.value === 'string') {
        out.push({ path: formatKeys(base, field.keys), keys: ['terms', index, ...field.keys], source: field.value, scope: field.scope });
      }
    }
  });
  return out;
}
