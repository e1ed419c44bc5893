/**
 * Contract figures: a rate or an amount written into a term sheet exactly as
 * the deal holds it. 0.07125 prints as `7.125%`, 0.0012345 as `0.12345%`,
 * 9876543210.99 (unit "one") as `$9,876,543,210.99`: a document never rounds
 * a number a party agreed to. The digits are the shortest decimal that reads
 * back as the same double (what the .deal file holds), moved by string
 * arithmetic, never by multiplying in floating point (0.07 * 100 is
 * 7.000000000000001).
 *
 * Two money styles: `symbol` (`$25.0M`, the app's convention) and `words`
 * (`USD 25 million`, as many lawyers write it). A figure never breaks across
 * lines: the spaces inside it are non-breaking.
 *
 * Estimates (simulated means, percentiles) are not contract figures: they keep
 * money.ts's `formatMoneyEstimate`.
 *
 * Intentionally has no platform imports.
 */
import type { Unit } from '../model/schema';
import { currencyPrefix, groupWhole } from './money';

export type MoneyStyle = 'symbol' | 'words';

/** Non-breaking space: keeps "USD 25 million" and "Q1 2028" on one line. */
export const NBSP = '\u00A0';

export interface ContractMoneyFormat {
  currency: string;
  unit: Unit;
  style?: MoneyStyle;
}

/** The shortest round-trip decimal of a finite number, without an exponent: 1e-7 is "0.0000001". */
export function plainDecimal(n: number): string {
  const text = String(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return sign + text;
  const digits = m[1]! + (m[2] ?? '');
  const point = m[1]!.length + Number(m[3]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Moves the decimal point of a plain decimal `k` places to the right (exact: string arithmetic). */
export function shiftDecimal(decimal: string, k: number): string {
  const sign = decimal.startsWith('-') ? '-' : '';
  const [whole, frac = ''] = decimal.replace(/^-/, '').split('.');
  let digits = whole! + frac;
  let point = whole!.length + k;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  return `${sign}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

/** How many decimals a plain decimal has. */
export function decimalsOf(decimal: string): number {
  const dot = decimal.indexOf('.');
  return dot < 0 ? 0 : decimal.length - dot - 1;
}

/** Groups thousands and pads the decimals to at least `minDecimals`: "1234.5", 2 -> "1,234.50". */
function grouped(decimal: string, minDecimals: number): string {
  const sign = decimal.startsWith('-') ? '-' : '';
  const [whole, frac = ''] = decimal.replace(/^-/, '').split('.');
  const padded = frac.padEnd(minDecimals, '0');
  return `${sign}${groupWhole(whole!)}${padded ? `.${padded}` : ''}`;
}

/** A rate as a percentage with every digit it has: 0.07125 -> "7.125%"; `minDecimals` pads a column to one style. */
export function contractPercent(fraction: number, minDecimals = 0): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  return `${grouped(percentDigits(fraction), minDecimals)}%`;
}

/** The digits of a rate as a percentage (for counting a column's decimals). */
export function percentDigits(fraction: number): string {
  return shiftDecimal(plainDecimal(fraction), 2);
}

const SYMBOL_SUFFIX: Record<Unit, string> = { one: '', thousand: 'k', million: 'M', billion: 'bn' };
const WORDS: Record<Unit, string> = { one: '', thousand: '', million: 'million', billion: 'billion' };

/**
 * The digits a money amount is written with in a style: the file's unit for
 * symbols (25 -> "25"), whole currency units for words in thousands
 * (1200 thousand -> "1200000", since "EUR 1,200 thousand" is not how anyone writes).
 */
export function moneyDigits(amount: number, fmt: ContractMoneyFormat): string {
  const digits = plainDecimal(amount);
  return fmt.style === 'words' && fmt.unit === 'thousand' ? shiftDecimal(digits, 3) : digits;
}

/** The decimals an amount shows at least: one in millions and billions with symbols (`$25.0M`), none otherwise. */
export function baseMoneyDecimals(fmt: ContractMoneyFormat): number {
  return (fmt.style ?? 'symbol') === 'symbol' && (fmt.unit === 'million' || fmt.unit === 'billion') ? 1 : 0;
}

/** `$25.0M`, `€1,200k`, `$9,876,543,210.99`; in words `USD 25 million`, `EUR 1,200,000`. Spaces inside are non-breaking. */
export function contractMoney(amount: number, fmt: ContractMoneyFormat, minDecimals = 0): string {
  if (!Number.isFinite(amount)) return 'n/a';
  const digits = moneyDigits(amount, fmt);
  const sign = digits.startsWith('-') && /[1-9]/.test(digits) ? '-' : '';
  const body = grouped(digits.replace(/^-/, ''), Math.max(minDecimals, baseMoneyDecimals(fmt)));
  if (fmt.style === 'words') {
    const word = WORDS[fmt.unit];
    return `${sign}${fmt.currency}${NBSP}${body}${word ? `${NBSP}${word}` : ''}`;
  }
  return `${sign}${currencyPrefix(fmt.currency).replace(/ $/, NBSP)}${body}${SYMBOL_SUFFIX[fmt.unit]}`;
}

/** The decimals to give every figure of a column so that all of them show every digit in one style. */
export function columnDecimals(digits: readonly string[]): number {
  return Math.max(0, ...digits.map(decimalsOf));
}
