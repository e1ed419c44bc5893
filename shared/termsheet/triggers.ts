/**
 * When a term is due, in contract words: the term's own `trigger` when the
 * deal has one ("within 30 days of first commercial sale in the United
 * States"), else a default from its type and timing ("on signing" for a
 * payment at period 0). The model's timing and conditions (`at`, `when`,
 * `hazard`) are never described here: they are the internal draft's appendix.
 *
 * Each kind's default wording is in its module (shared/terms/<kind>.ts).
 *
 * Intentionally has no platform imports.
 */
import type { Deal, Term } from '../model/schema';
import { formatContractDate, formatPeriod, parseContractDate } from '../format/dates';
import { termKind } from '../terms/registry';
import { contractMoney, NBSP } from '../format/contract-figures';
import { sanitizeLine } from './sanitize';

/** Open points a lawyer fills in are written in square brackets. */
export const TO_BE_AGREED = '[to be agreed]';

/** "calendar year", "year" (a year that starts in April), "calendar quarter", "month": the period a per-period figure refers to. */
export function periodNoun(deal: Deal): string {
  const start = deal.timeline.start;
  const month = typeof start === 'number' ? 1 : Number(start.split('-')[1]);
  switch (deal.timeline.step) {
    case 'year':
      return month === 1 ? 'calendar year' : 'year';
    case 'quarter':
      return (month - 1) % 3 === 0 ? 'calendar quarter' : 'quarter';
    case 'month':
      return 'month';
  }
}

/** A period field as a contract date: "2029", "Q3 2027", non-breaking; period 0 is signing. */
export function contractDate(deal: Deal, value: number): string {
  return formatPeriod(deal.timeline, value).replace(/ /g, NBSP);
}

/** Money in the deal's currency and unit as a contract prints it. */
export const contractMoneyOf = (deal: Deal, amount: number): string => contractMoney(amount, { currency: deal.currency, unit: deal.unit });

/** A label as the object of a sentence: "First approval (US or EU)" -> "first approval (US or EU)"; "EU approval" keeps its capitals. */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * A period field as a contract date, non-breaking: a period index as the date of its period ("2029",
 * "Q3 2027"), a contract date as written ("2029", "June 2029", "Q3 2029").
 */
export function contractPeriod(deal: Deal, value: number | string): string {
  if (typeof value === 'number') return contractDate(deal, value);
  const date = parseContractDate(value);
  return date ? formatContractDate(date).replace(/ /g, NBSP) : TO_BE_AGREED;
}

/** The wording a term gets when it has no `trigger` of its own (shown as the hint in the term's card). */
export function defaultTrigger(deal: Deal, term: Term): string {
  return termKind(term).defaultTrigger(deal, term);
}

/** The trigger a document prints: the term's own wording, sanitized, else the default. */
export function termTrigger(deal: Deal, term: Term): string {
  const own = term.trigger !== undefined ? sanitizeLine(term.trigger).trim() : '';
  return own || defaultTrigger(deal, term);
}

/** Sentence case for a table cell: "On signing". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What a term field holding a formula prints (the spec: "as the term's trigger
 * wording, never as the formula"): the term's own trigger when it has one,
 * else an open point for the lawyers.
 */
export function formulaFieldWording(term: Term): string {
  const own = term.trigger !== undefined ? sanitizeLine(term.trigger).trim() : '';
  return own || TO_BE_AGREED;
}
