/**
 * `{{path}}` and `{{path|format}}` in term-sheet text, resolved against the
 * scenario-applied deal so the prose always agrees with the numbers exported.
 *
 * A path is a number or value path (`terms.upfront.amount`,
 * `terms.royalty.tiers.0.rate`, `parties.licensee.name`) or a key of
 * `termSheet.placeholders` (`{{territory}}`). Formats: money, percent, number,
 * date/period (a period index as a calendar date), plain. Without a format a
 * number is formatted by what its field holds (amounts as money, rates as
 * percentages, `at`/`until`/`from` as dates).
 *
 * Contract figures print with every digit they have (contract-figures.ts). A
 * term field holding a formula prints as the term's trigger wording, never as
 * the formula.
 *
 * An unknown placeholder or format is a problem naming the text's location; a
 * counterparty document also refuses every placeholder the gate's allowlist
 * does not name (gate.ts), with the reason.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import { failureText } from '../problems';
import type { Problem } from '../problems';
import type { Deal, Term } from '../model/schema';
import { getValueAt } from '../model/paths';
import { contractMoney, contractPercent, plainDecimal, type MoneyStyle } from '../format/contract-figures';
import { groupWhole } from '../format/money';
import type { Audience } from './content';
import { counterpartyPlaceholder } from './gate';
import { contractDate, contractPeriod, formulaFieldWording } from './triggers';
import { parseContractDate } from '../format/dates';
import { parsePath, type DealPath } from '../model/paths';
import { termFieldSpec } from '../terms/term-fields';

export const PLACEHOLDER_FORMATS = ['money', 'percent', 'number', 'date', 'period', 'plain'] as const;
export type PlaceholderFormat = (typeof PLACEHOLDER_FORMATS)[number];

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export interface ResolveContext {
  /** The deal with the exported scenario applied (the gate judges paths against it). */
  deal: Deal;
  /**
   * The same deal as the other side may see it (gate.ts, redactForCounterparty):
   * a counterparty document reads values from it, so even an allowed path can
   * only ever yield what the redaction kept.
   */
  printable?: Deal;
  audience: Audience;
  /** `$25.0M` (default) or `USD 25 million`. */
  moneyStyle?: MoneyStyle;
}

export type Resolved = Result<{ text: string }>;

/** Fields outside terms holding money or a fraction. */
const MONEY_FIELDS = new Set(['walkAway']);
const PERCENT_FIELDS = new Set(['discountRate', 'p']);
const FORMAT_OF_VALUE = { amount: 'money', money: 'money', ceiling: 'money', rate: 'percent', share: 'percent', probability: 'percent', factor: 'percent', period: 'period', condition: 'number' } as const;

/** The description of the term field a path names, if it names one. */
function termFieldOf(deal: Deal, path: DealPath): { term: Term; spec: ReturnType<typeof termFieldSpec> } | undefined {
  if (path[0] !== 'terms') return undefined;
  const term = deal.terms.find((t) => t.id === path[1]);
  return term ? { term, spec: termFieldSpec(term.type, path.slice(2)) } : undefined;
}

/** The format a number gets when the placeholder names none, from the field that holds it (its kind's module says what it is). */
function defaultFormat(deal: Deal, path: DealPath): PlaceholderFormat {
  const field = termFieldOf(deal, path);
  if (field?.spec?.kind === 'value') return FORMAT_OF_VALUE[field.spec.is];
  const last = String(path.at(-1));
  if (MONEY_FIELDS.has(last)) return 'money';
  if (PERCENT_FIELDS.has(last)) return 'percent';
  return 'number';
}

function formatValue(value: number, format: PlaceholderFormat, ctx: ResolveContext): string {
  const { deal } = ctx;
  switch (format) {
    case 'money':
      return contractMoney(value, { currency: deal.currency, unit: deal.unit, style: ctx.moneyStyle });
    case 'percent':
      return contractPercent(value);
    case 'number':
      return plainDecimal(value).replace(/^(-?)(\d+)/, (_m, sign: string, whole: string) => `${sign}${groupWhole(whole)}`);
    case 'date':
    case 'period':
      return contractDate(deal, value);
    case 'plain':
      return String(value);
  }
}

/** One placeholder's text, or the message explaining why it cannot be resolved. */
function resolveOne(inner: string, ctx: ResolveContext): { ok: true; text: string } | { ok: false; message: string } {
  const bar = inner.indexOf('|');
  const path = (bar < 0 ? inner : inner.slice(0, bar)).trim();
  const formatName = bar < 0 ? undefined : inner.slice(bar + 1).trim();
  const shown = `"{{${inner}}}"`;
  if (formatName !== undefined && !(PLACEHOLDER_FORMATS as readonly string[]).includes(formatName)) {
    return { ok: false, message: `unknown format "${formatName}" in ${shown} (use one of ${PLACEHOLDER_FORMATS.join(', ')})` };
  }
  const format = formatName as PlaceholderFormat | undefined;
  const named = ctx.deal.termSheet?.placeholders;
  if (ctx.audience === 'counterparty') {
    const verdict = counterpartyPlaceholder(ctx.deal, path);
    if (!verdict.ok) return { ok: false, message: `${shown} ${verdict.reason}; it cannot appear in a document for the other side` };
  }
  if (!path.includes('.')) {
    if (named && Object.prototype.hasOwnProperty.call(named, path)) {
      if (format !== undefined && format !== 'plain') {
        return { ok: false, message: `${shown}: "${path}" is text, so it takes no "${format}" format` };
      }
      return { ok: true, text: named[path]! };
    }
    if (path === 'currency') return { ok: true, text: ctx.deal.currency };
    return { ok: false, message: `unknown placeholder ${shown} (not a path and not a key of termSheet.placeholders)` };
  }
  const source = ctx.audience === 'counterparty' && ctx.printable ? ctx.printable : ctx.deal;
  const found = getValueAt(source, path);
  if (!found.ok) {
    const inFull = source !== ctx.deal && getValueAt(ctx.deal, path).ok;
    return { ok: false, message: inFull ? `${shown} is internal; it cannot appear in a document for the other side` : `unknown placeholder ${shown}: ${failureText(found)}` };
  }
  const value = found.value;
  const parsed = parsePath(path);
  if (typeof value === 'number') return { ok: true, text: formatValue(value, format ?? defaultFormat(source, parsed), { ...ctx, deal: source }) };
  if (typeof value === 'string') {
    const field = termFieldOf(source, parsed);
    if (field?.spec?.kind === 'value') {
      // A contract date prints as a date; a formula as the term's trigger wording, never as the formula.
      const date = field.spec.is === 'period' ? parseContractDate(value) : undefined;
      if (date && (format === undefined || format === 'date' || format === 'period')) return { ok: true, text: contractPeriod(source, value) };
      if (!date) return { ok: true, text: formulaFieldWording(field.term) };
    }
    if (format !== undefined && format !== 'plain') {
      return { ok: false, message: `${shown}: "${path}" holds text or a formula, not a number, so it cannot be formatted as ${format}` };
    }
    return { ok: true, text: value };
  }
  return { ok: false, message: `${shown}: "${path}" is not a single value (it holds ${Array.isArray(value) ? 'a list' : 'several fields'})` };
}

/** The text with every placeholder replaced, or one problem per placeholder that cannot be resolved. */
export function resolvePlaceholders(text: string, location: string, ctx: ResolveContext): Resolved {
  const problems: Problem[] = [];
  const out = text.replace(PLACEHOLDER, (_match, inner: string) => {
    const r = resolveOne(inner, ctx);
    if (r.ok) return r.text;
    problems.push({ path: location, message: r.message });
    return '';
  });
  return problems.length ? { ok: false, problems } : { ok: true, text: out };
}

