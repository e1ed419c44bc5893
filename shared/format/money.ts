/**
 * Money as negotiators read it: the deal's currency and unit, one convention
 * everywhere (app, charts, term sheets): a currency symbol where one is
 * unambiguous (`$`, `€`, `£`, `¥`), otherwise the ISO code and a space; the unit
 * as a suffix (`k`, `M`, `bn`). So 25 USD million is `$25.0M`, 1200 EUR thousand
 * is `€1,200k`, -5 GBP million is `-£5.0M`.
 *
 * Amounts stay in the file's unit: a negotiator who typed 25 (million) wants to
 * read 25 back, never 25,000,000 or 0.025bn.
 *
 * Intentionally has no platform imports: the renderer, host and term sheets share it.
 */
import type { Unit } from '../model/schema';

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

const SUFFIX: Record<Unit, string> = { one: '', thousand: 'k', million: 'M', billion: 'bn' };

/** Words for the unit, for captions such as "amounts in USD million". */
export const UNIT_WORDS: Record<Unit, string> = { one: '', thousand: 'thousand', million: 'million', billion: 'billion' };

export interface MoneyFormat {
  currency: string;
  unit: Unit;
  /** Fixed decimals; by default 1 for million/billion (`$25.0M`) and 0 otherwise, more when the amount needs them. */
  decimals?: number;
}

/** The prefix in front of a money amount: `$`, `€`, or `CHF ` for currencies without a safe symbol. */
export function currencyPrefix(currency: string): string {
  return SYMBOLS[currency] ?? `${currency} `;
}

/** Decimals that show the amount exactly (up to 2 more than the default), so 12.25 is never shown as 12.3. */
function decimalsFor(amount: number, base: number): number {
  for (let d = base; d < base + 2; d++) {
    if (Math.abs(Number(amount.toFixed(d)) - amount) < 1e-9 * Math.max(1, Math.abs(amount))) return d;
  }
  return base + 2;
}

let grouping: Intl.NumberFormat | undefined;

/**
 * A whole number written in digits, with its thousands grouped by commas ("1234567" -> "1,234,567"):
 * en-US through Intl, never the machine's locale (documents travel). Exact for any length (BigInt).
 */
export function groupWhole(digits: string): string {
  // Nothing to group below 1,000 (and ICU's first call costs ~10 ms that a CLI run need not pay).
  if (digits.length <= 3 || !/^\d+$/.test(digits)) return digits;
  grouping ??= new Intl.NumberFormat('en-US');
  return grouping.format(BigInt(digits));
}

/** Groups thousands with commas and fixes the decimals (locale-independent: documents travel). */
export function groupDigits(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, frac] = fixed.split('.');
  const grouped = groupWhole(whole!);
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** `$25.0M`, `€1,200k`, `-£5.0M`, `CHF 300k`. Non-finite amounts read "n/a" rather than "NaN". */
export function formatMoney(amount: number, fmt: MoneyFormat): string {
  if (!Number.isFinite(amount)) return 'n/a';
  const base = fmt.unit === 'million' || fmt.unit === 'billion' ? 1 : 0;
  const decimals = fmt.decimals ?? decimalsFor(amount, base);
  const digits = groupDigits(amount, decimals);
  const sign = amount < 0 && Number(digits.replace(/,/g, '')) !== 0 ? '-' : '';
  return `${sign}${currencyPrefix(fmt.currency)}${digits}${SUFFIX[fmt.unit]}`;
}

/**
 * A simulated statistic (a mean, a percentile): one decimal in millions and
 * billions, whole units otherwise, because more digits would claim a precision
 * a Monte Carlo estimate does not have. `$67.2M`, `€4,089k`.
 */
export function formatMoneyEstimate(amount: number, fmt: Pick<MoneyFormat, 'currency' | 'unit'>): string {
  return formatMoney(amount, { ...fmt, decimals: fmt.unit === 'million' || fmt.unit === 'billion' ? 1 : 0 });
}

/** "USD million", "EUR thousand", "GBP": the caption under a table or chart axis. */
export function moneyUnitCaption(fmt: Pick<MoneyFormat, 'currency' | 'unit'>): string {
  const words = UNIT_WORDS[fmt.unit];
  return words ? `${fmt.currency} ${words}` : fmt.currency;
}

/**
 * A change of a simulated mean with its standard error, at the precision the
 * error allows: `+$15.0M (exact)` when every simulated outcome moved by the
 * same amount, else `+$0.79M ± $0.03M` (the error to its first significant
 * digit, never fewer decimals than an estimate), `−` for a loss.
 */
export function formatMoneyChange(mean: number, se: number, fmt: Pick<MoneyFormat, 'currency' | 'unit'>): string {
  const sign = mean > 0 ? '+' : mean < 0 ? '−' : '';
  const base = fmt.unit === 'million' || fmt.unit === 'billion' ? 1 : 0;
  if (!(se > 0)) return `${sign}${formatMoney(Math.abs(mean), fmt)} (exact)`;
  const decimals = Math.min(6, Math.max(base, -Math.floor(Math.log10(se))));
  return `${sign}${formatMoney(Math.abs(mean), { ...fmt, decimals })} ± ${formatMoney(se, { ...fmt, decimals })}`;
}
