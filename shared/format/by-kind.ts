/**
 * A deal number as a person reads it, by what it holds (number-fields.ts):
 * money in the deal's format (`$25.0M`), a fraction as a percentage (`7.5%`),
 * a period as "period 3", anything else as a plain number with the digits that
 * matter (`301.8`, `1,400`, `0.0123`), never raw float noise.
 *
 * Intentionally has no platform imports.
 */
import type { NumberKind } from '../model/number-fields';
import { formatMoney, type MoneyFormat } from './money';
import { formatNumber, formatPercent } from './percent';

/** A plain number with about four significant digits, grouped. */
export function formatPlain(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  return formatNumber(value, Math.min(8, Math.max(0, 3 - magnitude)));
}

export function formatByKind(value: number, kind: NumberKind, money: MoneyFormat): string {
  switch (kind) {
    case 'money':
      return formatMoney(value, money);
    case 'fraction':
      return formatPercent(value);
    case 'period':
      return `period ${formatNumber(value, 2)}`;
    default:
      return formatPlain(value);
  }
}
