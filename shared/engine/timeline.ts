/**
 * The timeline of a deal: step length in years (for discounting and the
 * preferred return), the calendar year of each period (`year` in formulas) and
 * each party's discount factors (1 + r) ^ -(t * stepYears).
 *
 * Intentionally has no platform imports.
 */
import type { Timeline } from '../model/schema';

const MONTHS_PER_STEP = { year: 12, quarter: 3, month: 1 } as const;

export function stepYears(timeline: Timeline): number {
  return MONTHS_PER_STEP[timeline.step] / 12;
}

/** Calendar year of every period: start may be 2027 or "2027-04". */
export function periodYears(timeline: Timeline): Float64Array {
  let year: number;
  let month0: number;
  if (typeof timeline.start === 'number') {
    year = timeline.start;
    month0 = 0;
  } else {
    year = Number(timeline.start.slice(0, 4));
    month0 = Number(timeline.start.slice(5, 7)) - 1;
  }
  const out = new Float64Array(timeline.periods);
  const step = MONTHS_PER_STEP[timeline.step];
  for (let t = 0; t < timeline.periods; t++) out[t] = year + Math.floor((month0 + t * step) / 12);
  return out;
}

export function discountFactors(rate: number, timeline: Timeline): Float64Array {
  const out = new Float64Array(timeline.periods);
  const s = stepYears(timeline);
  for (let t = 0; t < timeline.periods; t++) out[t] = 1 / Math.pow(1 + rate, t * s);
  return out;
}
