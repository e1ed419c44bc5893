/**
 * Periods of the deal's timeline as calendar dates: with a yearly timeline
 * starting 2027, period 2 is `2029`; quarters from "2027-01" make period 2
 * `Q3 2027`; months from "2027-01" make period 2 `Mar 2027`.
 *
 * A fractional or formula-derived period means the first period at or after
 * the value (deal-format.md, "Timing"), so indexes are rounded up.
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

/** Years per period: 1, 0.25 or 1/12 (discounting uses `t * stepYears`). */
export function stepYears(timeline: Timeline): number {
  return MONTHS_PER_STEP[timeline.step] / 12;
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
  const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${date.getUTCDate()} ${long[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
