/**
 * What a number path means to a person: its label in the deal's own words
 * ("Royalties on net sales, tier 1 rate", "Peak annual net sales, median
 * (P50)"), what kind of number it holds (money in the deal's unit, a fraction
 * read as a percentage, a period, a plain number), and the list of every
 * number a scenario may override, a slider may move or goal seek may vary.
 *
 * One labeller and one classifier for every place a person reads a path:
 * sliders, scenario overrides, goal seek, the ZOPA sweep, the comparison table.
 * Which values keep the deal valid, and what moves with a number, is in
 * what-if-rules.ts.
 *
 * Intentionally has no platform imports.
 */
import { getNumberAt, parsePath, valueAtKeys, type PathKey } from './paths';
import { termFieldSpec, termValueSpec } from '../terms/term-fields';
import type { Deal, Input, Term } from './schema';

export type NumberKind = 'money' | 'fraction' | 'period' | 'number';

export interface NumberField {
  path: string;
  label: string;
  kind: NumberKind;
}

const INPUT_PARAM_WORDS: Record<string, string> = {
  value: 'value',
  min: 'minimum',
  max: 'maximum',
  mode: 'most likely',
  mean: 'mean',
  sd: 'standard deviation',
  low: 'low end (P5)',
  high: 'high end (P95)',
  p50: 'median (P50)',
  p90: 'P90',
  alpha: 'alpha',
  beta: 'beta',
  p: 'probability',
};

function partyName(deal: Deal, id: string | undefined): string {
  return deal.parties.find((p) => p.id === id)?.name ?? id ?? '';
}

/**
 * An input reads as a percentage when it is a probability or every parameter
 * it has lies within ±1 (growth 3%–12%, cost 8%–18% of sales): the file
 * carries no unit for inputs, and "0.12" is what the negotiator never says.
 */
export function inputIsFraction(input: Input): boolean {
  if (input.dist === 'chance') return true;
  if (input.dist === 'beta') return true;
  const numbers: number[] = [];
  for (const [key, v] of Object.entries(input)) {
    if (key === 'weights') continue;
    if (typeof v === 'number') numbers.push(v);
    else if (Array.isArray(v)) numbers.push(...v.filter((x): x is number => typeof x === 'number'));
  }
  return numbers.length > 0 && numbers.every((v) => Math.abs(v) <= 1) && numbers.some((v) => v !== 0 && !Number.isInteger(v));
}

/** "Royalties on net sales, tier 1 rate": the term's name and the field's words, from its kind's module. */
function termFieldLabel(deal: Deal, term: Term, keys: readonly PathKey[]): string {
  const name = term.label || term.id;
  const spec = termValueSpec(term.type, keys);
  if (!spec) return `${name}, ${keys.join('.')}`;
  // The list item the field is in (the deepest list index), and the share key it is under.
  const lastIndex = keys.reduce<number>((at, k, i) => (typeof k === 'number' ? i : at), -1);
  const item = lastIndex >= 0 ? valueAtKeys(term, keys.slice(0, lastIndex + 1)) : undefined;
  const shareParent = keys.length >= 2 ? termFieldSpec(term.type, keys.slice(0, -1)) : undefined;
  const words =
    typeof spec.words === 'string'
      ? spec.words
      : spec.words({
          index: lastIndex >= 0 ? (keys[lastIndex] as number) : 0,
          item: item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {},
          party: shareParent?.kind === 'shares' ? partyName(deal, String(keys.at(-1))) : '',
          partyName: (id) => partyName(deal, typeof id === 'string' ? id : undefined),
        });
  return words ? `${name}, ${words}` : name;
}

const KIND_OF_VALUE = { amount: 'money', money: 'money', ceiling: 'money', rate: 'fraction', share: 'fraction', probability: 'fraction', factor: 'fraction', period: 'period', condition: 'number' } as const;

function inputFieldLabel(input: Input | undefined, id: string, field: string[]): string {
  const name = input?.label || id;
  const [first, second] = field;
  if (first === 'values' && second !== undefined) return `${name}, outcome ${Number(second) + 1}`;
  if (first === 'weights' && second !== undefined) return `${name}, weight of outcome ${Number(second) + 1}`;
  return `${name}, ${INPUT_PARAM_WORDS[first ?? ''] ?? field.join('.')}`;
}

/** The label of a number path in the deal's own words; the path itself only when nothing better is known. */
export function numberLabel(deal: Deal, path: string): string {
  const [root, id, ...keys] = parsePath(path);
  const field = keys.map(String);
  if (root === 'terms') {
    const term = deal.terms.find((t) => t.id === id);
    return term ? termFieldLabel(deal, term, keys) : path;
  }
  if (root === 'inputs' && typeof id === 'string') {
    const input = Object.prototype.hasOwnProperty.call(deal.inputs, id) ? deal.inputs[id] : undefined;
    return inputFieldLabel(input, id, field);
  }
  if (root === 'parties') {
    const words: Record<string, string> = { walkAway: 'walk-away', discountRate: 'discount rate' };
    return `${partyName(deal, String(id))} ${words[field.join('.')] ?? field.join('.')}`;
  }
  return path;
}

/** What kind of number a path holds, for formatting and entry. */
export function numberKind(deal: Deal, path: string): NumberKind {
  const [root, id, ...keys] = parsePath(path);
  const field = keys.map(String);
  const last = field.at(-1) ?? '';
  if (root === 'parties') return last === 'discountRate' ? 'fraction' : last === 'walkAway' ? 'money' : 'number';
  if (root === 'inputs') {
    const input = id !== undefined && Object.prototype.hasOwnProperty.call(deal.inputs, id) ? deal.inputs[id] : undefined;
    if (!input || field[0] === 'weights') return 'number';
    if (input.dist === 'beta') return field[0] === 'alpha' || field[0] === 'beta' ? 'number' : 'fraction';
    return inputIsFraction(input) ? 'fraction' : 'number';
  }
  if (root === 'terms') {
    const term = deal.terms.find((t) => t.id === id);
    const spec = term ? termValueSpec(term.type, keys) : undefined;
    if (spec) return KIND_OF_VALUE[spec.is];
  }
  return 'number';
}

export function numberField(deal: Deal, path: string): NumberField {
  return { path, label: numberLabel(deal, path), kind: numberKind(deal, path) };
}

function walk(node: unknown, path: string[], out: string[]): void {
  if (typeof node === 'number') {
    out.push(path.join('.'));
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, String(i)], out));
    return;
  }
  if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'id' || k.startsWith('x-')) continue;
      walk(v, [...path, k], out);
    }
  }
}

/**
 * Every number of the deal that a scenario may override (formulas are not
 * numbers and are left out): parties' walk-aways and discount rates, input
 * parameters, term numbers, in file order.
 */
export function numberFields(deal: Deal): NumberField[] {
  const paths: string[] = [];
  for (const p of deal.parties) walk({ discountRate: p.discountRate, walkAway: p.walkAway }, ['parties', p.id], paths);
  for (const [id, input] of Object.entries(deal.inputs)) {
    const { label: _label, note: _note, dist: _dist, ...params } = input;
    walk(params, ['inputs', id], paths);
  }
  for (const t of deal.terms) {
    const { id, type: _type, label: _label, note: _note, ...fields } = t;
    walk(fields, ['terms', id], paths);
  }
  return paths.filter((p) => getNumberAt(deal, p).ok).map((p) => numberField(deal, p));
}
