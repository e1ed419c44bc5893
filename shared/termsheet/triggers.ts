/**
 * When a term is due, in contract words: the term's own `trigger` when the
 * deal has one ("within 30 days of first commercial sale in the United
 * States"), else a default from its type and timing ("on signing" for a
 * payment at period 0). The model's timing and conditions (`at`, `when`,
 * `hazard`) are never described here: they are the internal draft's appendix.
 *
 * One function per type of term, so each type's wording can move to its own
 * module (shared/terms/<kind>.ts) without touching the others.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, Term, TermOf, TermType } from '../model/schema';
import { formatPeriod, isWithinTimeline } from '../format/dates';
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

const money = (deal: Deal, amount: number) => contractMoney(amount, { currency: deal.currency, unit: deal.unit });

/** A label as the object of a sentence: "First approval (US or EU)" -> "first approval (US or EU)"; "EU approval" keeps its capitals. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function paymentTrigger(deal: Deal, t: TermOf<'payment'>): string {
  // An event-driven payment is due after its event, which its label names.
  const event = t.label !== undefined ? sanitizeLine(t.label).trim() : '';
  if (t.when !== undefined) return event ? `within 30 days of ${inSentence(event)}` : 'within 30 days of achievement';
  if (t.at === undefined || typeof t.at !== 'number') return 'on the agreed date';
  if (Math.ceil(t.at) <= 0) return 'on signing';
  return isWithinTimeline(deal.timeline, t.at) ? `in ${contractDate(deal, t.at)}` : 'on the agreed date';
}

function salesMilestoneTrigger(deal: Deal, t: TermOf<'salesMilestone'>): string {
  const noun = periodNoun(deal);
  const threshold = typeof t.threshold === 'number' ? ` exceed ${money(deal, t.threshold)}` : ' first reach the agreed threshold';
  return `within 60 days after the end of the first ${noun} in which Net Sales${threshold}`;
}

const royaltyTrigger = (): string => 'within 45 days after the end of each calendar quarter';
const revenueShareTrigger = (): string => 'within 30 days after the end of each calendar quarter';
const costShareTrigger = (): string => 'invoiced quarterly in arrears and payable within 30 days';
const equityTrigger = (): string => 'at closing';
const cashflowTrigger = (): string => '';
const terminationTrigger = (): string => 'on written notice';

const DEFAULT_TRIGGERS: { [K in TermType]: (deal: Deal, term: TermOf<K>) => string } = {
  payment: paymentTrigger,
  salesMilestone: salesMilestoneTrigger,
  royalty: royaltyTrigger,
  revenueShare: revenueShareTrigger,
  costShare: costShareTrigger,
  equity: equityTrigger,
  cashflow: cashflowTrigger,
  termination: terminationTrigger,
};

/** The wording a term gets when it has no `trigger` of its own (shown as the hint in the term's card). */
export function defaultTrigger(deal: Deal, term: Term): string {
  return (DEFAULT_TRIGGERS[term.type] as (deal: Deal, term: Term) => string)(deal, term);
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
