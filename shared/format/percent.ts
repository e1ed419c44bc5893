/**
 * Rates and fractions as percentages: 0.07 is `7%`, 0.075 is `7.5%`, 0.1234 is
 * `12.34%`. Rounded in decimal, so 0.07 never prints as 7.000000000000001%.
 *
 * Intentionally has no platform imports.
 */
import { groupWhole } from './money';

/** `7%`, `7.5%`; `decimals` fixes the decimals (e.g. 1 for probabilities in a table column). */
export function formatPercent(fraction: number, decimals?: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const pct = Number((fraction * 100).toPrecision(12));
  if (decimals !== undefined) return `${pct.toFixed(decimals)}%`;
  // Up to 2 decimals, trailing zeros dropped.
  const text = Number(pct.toFixed(2)).toString();
  return `${text === '-0' ? '0' : text}%`;
}

/** A plain number for prose: grouped thousands, at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return 'n/a';
  const rounded = Number(value.toFixed(maxDecimals));
  const [whole, frac] = Math.abs(rounded).toString().split('.');
  const grouped = groupWhole(whole!);
  const sign = rounded < 0 ? '-' : '';
  return frac ? `${sign}${grouped}.${frac}` : `${sign}${grouped}`;
}
