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
import { getNumberAt } from './paths';
import type { Deal, Input, Term } from './schema';

export type NumberKind = 'money' | 'fraction' | 'period' | 'number';

export interface NumberField {
  path: string;
  label: string;
  kind: NumberKind;
}

/** Term fields holding money in the deal's unit. */
const MONEY_TERM_FIELDS = new Set(['amount', 'threshold', 'upTo', 'cap']);
/** Term fields holding a fraction (rate, share, probability, factor). */
const FRACTION_TERM_FIELDS = new Set(['rate', 'hazard', 'factor']);
const PERIOD_FIELDS = new Set(['at', 'until', 'from']);

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

const TERM_FIELD_WORDS: Record<string, string> = {
  threshold: 'sales threshold',
  at: 'timing (period)',
  until: 'last period',
  from: 'first period',
  hazard: 'chance per period',
  cap: 'cap',
  'preferredReturn.rate': 'preferred return',
  'fee.amount': 'fee',
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

function termFieldLabel(deal: Deal, term: Term, field: string[]): string {
  const name = term.label || term.id;
  const joined = field.join('.');
  const [first, second, third, fourth] = field;
  if (first === 'tiers' && second !== undefined) {
    const tier = `tier ${Number(second) + 1}`;
    if (third === 'rate') return `${name}, ${tier} rate`;
    if (third === 'upTo') return `${name}, ${tier} ceiling`;
    if (third === 'shares') return `${name}, ${tier}, ${partyName(deal, fourth)} share`;
  }
  if (first === 'shares') return `${name}, ${partyName(deal, second)} share`;
  if (first === 'stakes') return `${name}, ${partyName(deal, second)} stake`;
  if (first === 'contributions' && second !== undefined && term.type === 'equity') {
    const c = term.contributions?.[Number(second)];
    const who = partyName(deal, c?.party);
    return third === 'at' ? `${name}, ${who} contribution timing (period)` : `${name}, ${who} contribution`;
  }
  if (first === 'adjustments' && second !== undefined) {
    const adjustments = (term as { adjustments?: { label?: string }[] }).adjustments;
    const what = adjustments?.[Number(second)]?.label || `adjustment ${Number(second) + 1}`;
    return `${name}, ${what} factor`;
  }
  if (joined === 'amount') return name;
  return `${name}, ${TERM_FIELD_WORDS[joined] ?? joined}`;
}

function inputFieldLabel(input: Input | undefined, id: string, field: string[]): string {
  const name = input?.label || id;
  const [first, second] = field;
  if (first === 'values' && second !== undefined) return `${name}, outcome ${Number(second) + 1}`;
  if (first === 'weights' && second !== undefined) return `${name}, weight of outcome ${Number(second) + 1}`;
  return `${name}, ${INPUT_PARAM_WORDS[first ?? ''] ?? field.join('.')}`;
}

/** The label of a number path in the deal's own words; the path itself only when nothing better is known. */
export function numberLabel(deal: Deal, path: string): string {
  const [root, id, ...field] = path.split('.');
  if (root === 'terms') {
    const term = deal.terms.find((t) => t.id === id);
    return term ? termFieldLabel(deal, term, field) : path;
  }
  if (root === 'inputs' && id !== undefined) {
    const input = Object.prototype.hasOwnProperty.call(deal.inputs, id) ? deal.inputs[id] : undefined;
    return inputFieldLabel(input, id, field);
  }
  if (root === 'parties') {
    const words: Record<string, string> = { walkAway: 'walk-away', discountRate: 'discount rate' };
    return `${partyName(deal, id)} ${words[field.join('.')] ?? field.join('.')}`;
  }
  return path;
}

/** What kind of number a path holds, for formatting and entry. */
export function numberKind(deal: Deal, path: string): NumberKind {
  const [root, id, ...field] = path.split('.');
  const last = field.at(-1) ?? '';
  if (root === 'parties') return last === 'discountRate' ? 'fraction' : last === 'walkAway' ? 'money' : 'number';
  if (root === 'inputs') {
    const input = id !== undefined && Object.prototype.hasOwnProperty.call(deal.inputs, id) ? deal.inputs[id] : undefined;
    if (!input || field[0] === 'weights') return 'number';
    if (input.dist === 'beta') return field[0] === 'alpha' || field[0] === 'beta' ? 'number' : 'fraction';
    return inputIsFraction(input) ? 'fraction' : 'number';
  }
  if (root === 'terms') {
    if (field.includes('shares') || field.includes('stakes')) return 'fraction';
    if (FRACTION_TERM_FIELDS.has(last)) return 'fraction';
    if (PERIOD_FIELDS.has(last)) return 'period';
    if (MONEY_TERM_FIELDS.has(last)) return 'money';
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
