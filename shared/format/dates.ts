/**
 * Periods of the deal's timeline as calendar dates: with a yearly timeline
 * starting 2027, period 2 is `2029`; quarters from "2027-01" make period 2
 * `Q3 2027`; months from "2027-01" make period 2 `Mar 2027`.
 *
 * A fractional or formula-derived period means the first period at or after
 * the value (deal-format.md, "Timing"), so indexes are rounded up.
 *
 * Contract dates (deal-format.md, "Dates wherever a period is asked for"):
 * `"2029"`, `"2029-06"` or `"2029-Q3"`, with a year from 1900 to 2199, in
 * `at`, `until` or a termination's `from`, mean the first period that starts
 * at or after that date. Any other string there is a formula.
 *
 * Intentionally has no platform imports.
 */
import type { Timeline } from '../model/schema';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The timeline start as a year and a 0-based month. */
function startOf(timeline: Timeline): { year: number; month: number } {
  if (typeof timeline.start === 'number') return { year: timeline.start, month: 0 };
  const [y, m] = timeline.start.split('-');
  return { year: Number(y), month: Number(m) - 1 };
}

const MONTHS_PER_STEP: Record<Timeline['step'], number> = { year: 12, quarter: 3, month: 1 };

const CONTRACT_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** A contract date: its year, 0-based first month, and how it was written. */
export interface ContractDate {
  year: number;
  month: number;
  form: 'year' | 'month' | 'quarter';
}

/** The date a string names, or undefined when it is not a date (then it is a formula). */
export function parseContractDate(text: string): ContractDate | undefined {
  const m = CONTRACT_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1900 || year > 2199) return undefined;
  if (m[2] !== undefined) return { year, month: Number(m[2]) - 1, form: 'month' };
  if (m[3] !== undefined) return { year, month: (Number(m[3]) - 1) * 3, form: 'quarter' };
  return { year, month: 0, form: 'year' };
}

export function isContractDate(value: unknown): value is string {
  return typeof value === 'string' && parseContractDate(value) !== undefined;
}

/**
 * The first period that starts at or after `date`: 0 for a date before the timeline, `periods` or
 * more (never) for a date after it.
 */
export function dateToPeriod(timeline: Timeline, date: ContractDate): number {
  const { year, month } = startOf(timeline);
  const months = date.year * 12 + date.month - (year * 12 + month);
  return Math.max(0, Math.ceil(months / MONTHS_PER_STEP[timeline.step]));
}

/** A period field's first period: a number rounded up (negatives are period 0), a date through the calendar; undefined for a formula. */
export function periodOfValue(timeline: Timeline, value: number | string): number | undefined {
  if (typeof value === 'number') return Math.max(0, Math.ceil(value));
  const date = parseContractDate(value);
  return date ? dateToPeriod(timeline, date) : undefined;
}

// Made on first use: ICU's first call costs milliseconds that a worker or the CLI's validate never needs.
let longMonths: Intl.DateTimeFormat | undefined;
let longDates: Intl.DateTimeFormat | undefined;

/** A contract date as a document prints it: "2029", "June 2029", "Q3 2029". */
export function formatContractDate(date: ContractDate): string {
  switch (date.form) {
    case 'year':
      return String(date.year);
    case 'quarter':
      return `Q${date.month / 3 + 1} ${date.year}`;
    case 'month':
      longMonths ??= new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
      return `${longMonths.format(Date.UTC(2000, date.month, 1))} ${date.year}`;
  }
}

/** The contract date of the start of period `index`, in the form that fits the timeline's step ("2029", "2029-Q3", "2029-06"). */
export function periodToDate(timeline: Timeline, index: number): string {
  const { year, month } = periodStart(timeline, Math.max(0, index));
  const mm = String(month + 1).padStart(2, '0');
  if (timeline.step === 'year' && month === 0) return String(year);
  if (timeline.step === 'quarter' && month % 3 === 0) return `${year}-Q${month / 3 + 1}`;
  return `${year}-${mm}`;
}

/** The first calendar month of period `index` (0-based), as a year and a 0-based month. */
export function periodStart(timeline: Timeline, index: number): { year: number; month: number } {
  const { year, month } = startOf(timeline);
  const total = year * 12 + month + Math.ceil(index) * MONTHS_PER_STEP[timeline.step];
  return { year: Math.floor(total / 12), month: total % 12 };
}

/** `2029`, `Q3 2027`, `Mar 2027` (or `Apr 2029` for a year step that starts in April). */
export function formatPeriod(timeline: Timeline, index: number): string {
  if (!Number.isFinite(index)) return 'n/a';
  const { year, month } = periodStart(timeline, index);
  switch (timeline.step) {
    case 'year':
      return startOf(timeline).month === 0 ? String(year) : `${MONTHS[month]} ${year}`;
    case 'quarter':
      // Calendar quarters only when the timeline is aligned to them; otherwise name the first month.
      return month % 3 === 0 ? `Q${month / 3 + 1} ${year}` : `${MONTHS[month]} ${year}`;
    case 'month':
      return `${MONTHS[month]} ${year}`;
  }
}

/** Whether `index` falls inside the timeline (a later period means "never"). */
export function isWithinTimeline(timeline: Timeline, index: number): boolean {
  return Math.ceil(index) >= 0 && Math.ceil(index) < timeline.periods;
}

/** "2027 to 2041", "Q1 2027 to Q4 2031": the span of the whole timeline. */
export function formatTimelineSpan(timeline: Timeline): string {
  return `${formatPeriod(timeline, 0)} to ${formatPeriod(timeline, timeline.periods - 1)}`;
}

/** "3 March 2027": the written date of a document (UTC, so every machine prints the same). */
export function formatLongDate(date: Date): string {
  longDates ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return longDates.format(date);
}
