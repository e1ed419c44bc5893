/**
 * Model expressions in a negotiator's words: a condition such as
 * `phase2 and t >= launchYear` reads "Phase II success" (inputs by their
 * labels, series by what they stand for, timing left to the Due column);
 * a base such as `netSales` reads "net sales"; amounts, rates and periods
 * use the shared formats in the deal's currency, unit and calendar.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, NumberOrFormula } from '../model/schema';
import { formatMoney } from '../format/money';
import { formatPercent } from '../format/percent';
import { formatContractDate, formatPeriod, isWithinTimeline, parseContractDate, periodOfValue } from '../format/dates';
import { sanitizeLine } from './sanitize';

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);
const TIME_NAMES = new Set(['t', 'year', 'terminated']);

/** "netSales" -> "net sales", "jointRevenue" -> "joint revenue", "pPhase2" -> "p phase 2". */
export function humanizeId(id: string): string {
  return id
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** The party's name, or its id when the deal names none (validation reports that separately). */
export function partyName(deal: Deal, id: string): string {
  return sanitizeLine(deal.parties.find((p) => p.id === id)?.name ?? id);
}

export function money(deal: Deal, amount: number): string {
  return formatMoney(amount, { currency: deal.currency, unit: deal.unit });
}

/** Splits a formula at its top-level `and`s (not inside parentheses). */
function topLevelConjuncts(formula: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const re = /[()]|\band\b/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) {
    if (m[0] === '(') depth++;
    else if (m[0] === ')') depth--;
    else if (depth === 0) {
      parts.push(formula.slice(start, m.index));
      start = m.index + 3;
    }
  }
  parts.push(formula.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function isTiming(part: string): boolean {
  return [...part.matchAll(IDENT)].some((m) => TIME_NAMES.has(m[0]));
}

/** A term or series name in words: an input's label, a simple series expanded one level, else the id humanized. */
function describeName(deal: Deal, name: string, depth: number): string {
  const input = deal.inputs[name];
  if (input) return input.label ? sanitizeLine(input.label) : humanizeId(name);
  const series = deal.series[name];
  if (series !== undefined && depth < 2 && /^[\sA-Za-z0-9_()]*$/.test(series) && !/\b(or|not)\b/.test(series)) {
    return describeCondition(deal, series, depth + 1) ?? humanizeId(name);
  }
  return humanizeId(name);
}

/**
 * A condition in words, or undefined when it only concerns timing (already in
 * the Due column). Conjuncts are joined with "; " because input labels may
 * themselves contain "and" or commas.
 */
export function describeCondition(deal: Deal, formula: NumberOrFormula, depth = 0): string | undefined {
  if (typeof formula === 'number') return formula ? undefined : 'never (condition is 0)';
  const parts = topLevelConjuncts(formula).filter((p) => !isTiming(p));
  if (parts.length === 0) return undefined;
  return parts
    .map((part) => {
      const bare = part.replace(/^\((.*)\)$/, '$1').trim();
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(bare)) return describeName(deal, bare, depth);
      return describeExpression(deal, part);
    })
    .join('; ');
}

/** Any expression with names in words and operators as symbols: "net sales × (1 − cost of goods, share of sales)". */
export function describeExpression(deal: Deal, formula: NumberOrFormula): string {
  if (typeof formula === 'number') return String(formula);
  const words = formula.replace(IDENT, (id) => {
    if (KEYWORDS.has(id)) return id;
    if (id === 't') return 'the period';
    if (deal.inputs[id]?.label) return sanitizeLine(deal.inputs[id].label);
    return humanizeId(id);
  });
  return sanitizeLine(words.replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/!=/g, '≠').replace(/==/g, '=').replace(/\*/g, '×'));
}

/** A money field: its amount, or "as modelled: <expression>" when it is a formula. */
export function describeMoney(deal: Deal, value: NumberOrFormula): string {
  return typeof value === 'number' ? money(deal, value) : `as modelled: ${describeExpression(deal, value)}`;
}

export function describeRate(deal: Deal, value: NumberOrFormula): string {
  return typeof value === 'number' ? formatPercent(value) : `as modelled: ${describeExpression(deal, value)}`;
}

/** A period field as a calendar date ("2029", "Q3 2027"), "after the term" when beyond the timeline. */
export function describePeriod(deal: Deal, value: NumberOrFormula): string {
  if (typeof value !== 'number') return `as modelled: ${describeExpression(deal, value)}`;
  return isWithinTimeline(deal.timeline, value) ? formatPeriod(deal.timeline, value) : 'after the term of the model';
}

/** A period field as the model reads it: "period 2 (2029)", a date "2029-Q3 (period 10)", "after the model horizon (never)". */
export function modelPeriod(deal: Deal, value: number | string): string {
  const date = typeof value === 'string' ? parseContractDate(value) : undefined;
  if (typeof value === 'string' && !date) return `as modelled: ${describeExpression(deal, value)}`;
  const first = periodOfValue(deal.timeline, value)!;
  const shown = date ? formatContractDate(date) : formatPeriod(deal.timeline, first);
  if (typeof value === 'number') return isWithinTimeline(deal.timeline, value) ? `period ${value} (${shown})` : 'after the model horizon (never)';
  return first < deal.timeline.periods ? `${shown} (period ${first})` : `${shown}, after the model horizon (never)`;
}

/** "year", "quarter", "month": the period a per-period threshold refers to. */
export function periodWord(deal: Deal): string {
  return deal.timeline.step;
}
