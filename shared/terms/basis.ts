/**
 * How royalty tiers and sales thresholds are measured (`basis`,
 * deal-format.md "How tiers and sales thresholds are measured"): on the
 * period's base, on the base summed over the calendar year to date (the sum
 * restarts in the first period of each calendar year), or on the base summed
 * since period 0. Only positive bases accumulate. Shared by the royalty and
 * sales-milestone modules: the field, its kernel code and its words.
 *
 * Intentionally has no platform imports.
 */
import type { Deal } from '../model/schema';
import { periodNoun } from '../termsheet/triggers';
import { choice } from './fields';

export type Basis = 'period' | 'calendarYear' | 'cumulative';

export const BASIS = (label: string) =>
  choice<['period', 'calendarYear', 'cumulative']>(
    label,
    [
      { value: 'period', label: 'each period' },
      { value: 'calendarYear', label: 'over the calendar year to date' },
      { value: 'cumulative', label: 'in total since the start' },
    ],
    'period',
  );

/** Kernel code adding this period's positive base `b` to the accumulator `acc` (restarting it with each calendar year). */
export function accumulate(basis: Exclude<Basis, 'period'>, acc: string, b: string): string {
  const restart = basis === 'calendarYear' ? `if (t > 0 && yrs[t] !== yrs[t - 1]) ${acc} = 0; ` : '';
  return `${restart}{ const x = ${b}; ${acc} += x > 0 ? x : 0; }`;
}

/** "Net Sales in a calendar quarter", "Net Sales in a calendar year", "Cumulative Net Sales": a table's base column. */
export function basisHeader(deal: Deal, basis: Basis, what: string): string {
  if (basis === 'cumulative') return `Cumulative ${what}`;
  if (basis === 'calendarYear' && deal.timeline.step !== 'year') return `${what} in a calendar year`;
  return `${what} in a ${periodNoun(deal)}`;
}

/** How the model states the measure: "" (the period's), "calendar-year-to-date ", "cumulative ". */
export function basisPrefix(basis: Basis): string {
  return basis === 'calendarYear' ? 'calendar-year-to-date ' : basis === 'cumulative' ? 'cumulative ' : '';
}
