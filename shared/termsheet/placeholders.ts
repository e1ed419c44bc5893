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
import { failureText } from '../problems';
import type { Problem } from '../api';
import type { Deal } from '../model/schema';
import { getValueAt } from '../model/paths';
import { contractMoney, contractPercent, plainDecimal, type MoneyStyle } from '../format/contract-figures';
import type { Audience } from './content';
import { counterpartyPlaceholder } from './gate';
import { contractDate, formulaFieldWording } from './triggers';

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

export type Resolved = { ok: true; text: string } | { ok: false; problems: Problem[] };

const MONEY_FIELDS = new Set(['amount', 'threshold', 'upTo', 'walkAway', 'cap']);
const PERCENT_FIELDS = new Set(['rate', 'discountRate', 'p', 'hazard', 'factor']);
const PERIOD_FIELDS = new Set(['at', 'until', 'from']);
/** Fields of a term that hold words or ids, not a number or formula. */
const TERM_TEXT_FIELDS = new Set(['label', 'trigger', 'note', 'id', 'type', 'party', 'to']);

/** The format a number gets when the placeholder names none, from the field that holds it. */
function defaultFormat(path: string): PlaceholderFormat {
  const segments = path.split('.');
  const field = segments[segments.length - 1]!;
  const parent = segments[segments.length - 2];
  if (parent === 'shares' || parent === 'stakes') return 'percent';
  if (MONEY_FIELDS.has(field)) return 'money';
  if (PERCENT_FIELDS.has(field)) return 'percent';
  if (segments[0] === 'terms' && PERIOD_FIELDS.has(field) && parent !== 'fee') return 'period';
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
      return plainDecimal(value).replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
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
  if (typeof value === 'number') return { ok: true, text: formatValue(value, format ?? defaultFormat(path), { ...ctx, deal: source }) };
  if (typeof value === 'string') {
    const segments = path.split('.');
    const term = segments[0] === 'terms' ? source.terms.find((t) => t.id === segments[1]) : undefined;
    const field = segments.at(-1)!;
    // `from` is a party id, except a termination's own `from` (a period).
    const isText = TERM_TEXT_FIELDS.has(field) || (field === 'from' && !(term?.type === 'termination' && segments.length === 3));
    // A term's number field holding a formula prints as the term's trigger wording, never as the formula.
    if (term && !isText) return { ok: true, text: formulaFieldWording(term) };
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

/** Every placeholder occurrence in a text (for editors that want to list or lint them). */
export function listPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim());
}
