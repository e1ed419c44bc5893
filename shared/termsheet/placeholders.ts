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
 * An unknown placeholder or format is a problem naming the text's location; a
 * counterparty document also refuses placeholders that would disclose our
 * valuation (discount rates, walk-aways, model inputs, simulation settings).
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import type { Deal } from '../model/schema';
import { getValueAt } from '../model/paths';
import { formatMoney } from '../format/money';
import { formatNumber, formatPercent } from '../format/percent';
import { formatPeriod } from '../format/dates';
import type { Audience } from './content';

export const PLACEHOLDER_FORMATS = ['money', 'percent', 'number', 'date', 'period', 'plain'] as const;
export type PlaceholderFormat = (typeof PLACEHOLDER_FORMATS)[number];

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export interface ResolveContext {
  /** The deal with the exported scenario applied. */
  deal: Deal;
  audience: Audience;
}

export type Resolved = { ok: true; text: string } | { ok: false; problems: Problem[] };

const MONEY_FIELDS = new Set(['amount', 'threshold', 'upTo', 'walkAway']);
const PERCENT_FIELDS = new Set(['rate', 'discountRate', 'p', 'hazard']);
const PERIOD_FIELDS = new Set(['at', 'until', 'from']);

/** The format a number gets when the placeholder names none, from the field that holds it. */
function defaultFormat(path: string): PlaceholderFormat {
  const segments = path.split('.');
  const field = segments[segments.length - 1]!;
  const parent = segments[segments.length - 2];
  if (parent === 'shares' || parent === 'stakes') return 'percent';
  if (MONEY_FIELDS.has(field)) return 'money';
  if (PERCENT_FIELDS.has(field)) return 'percent';
  if (segments[0] === 'terms' && PERIOD_FIELDS.has(field)) return 'period';
  return 'number';
}

/** Why a path must not appear in a document sent to the other side, or undefined when it may. */
function confidentialReason(path: string): string | undefined {
  const segments = path.split('.');
  if (segments[0] === 'parties' && (segments[2] === 'discountRate' || segments[2] === 'walkAway')) {
    return `discloses a party's ${segments[2] === 'walkAway' ? 'walk-away' : 'discount rate'}`;
  }
  if (segments[0] === 'inputs' || segments[0] === 'correlations' || segments[0] === 'series') return 'discloses our model assumptions';
  if (segments[0] === 'simulation') return 'discloses our valuation settings';
  return undefined;
}

function formatValue(value: number, format: PlaceholderFormat, deal: Deal): string {
  switch (format) {
    case 'money':
      return formatMoney(value, { currency: deal.currency, unit: deal.unit });
    case 'percent':
      return formatPercent(value);
    case 'number':
      return formatNumber(value);
    case 'date':
    case 'period':
      return formatPeriod(deal.timeline, value);
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
  if (!path.includes('.')) {
    if (named && Object.prototype.hasOwnProperty.call(named, path)) {
      if (format !== undefined && format !== 'plain') {
        return { ok: false, message: `${shown}: "${path}" is text, so it takes no "${format}" format` };
      }
      return { ok: true, text: named[path]! };
    }
    return { ok: false, message: `unknown placeholder ${shown} (not a path and not a key of termSheet.placeholders)` };
  }
  if (ctx.audience === 'counterparty') {
    const reason = confidentialReason(path);
    if (reason) return { ok: false, message: `${shown} ${reason}; it cannot appear in a counterparty term sheet` };
  }
  const found = getValueAt(ctx.deal, path);
  if (!found.ok) return { ok: false, message: `unknown placeholder ${shown}: ${found.message}` };
  const value = found.value;
  if (typeof value === 'number') return { ok: true, text: formatValue(value, format ?? defaultFormat(path), ctx.deal) };
  if (typeof value === 'string') {
    if (format !== undefined && format !== 'plain') {
      // A number field holding a formula has no single value to print.
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
