/**
 * Calendar labels for the periods of a deal's timeline ("2027", "2027 Q2",
 * "2027-04"), used on every per-period axis and in per-period CSV exports.
 *
 * Intentionally has no platform imports.
 */
import type { Timeline } from '../model/schema';

/** The label of each period 0..periods-1. */
export function periodLabels(timeline: Timeline): string[] {
  const { year, month } = startOf(timeline.start);
  const out: string[] = [];
  for (let t = 0; t < timeline.periods; t++) {
    if (timeline.step === 'year') {
      out.push(String(year + t));
    } else {
      const monthsPerStep = timeline.step === 'quarter' ? 3 : 1;
      const m0 = month - 1 + t * monthsPerStep;
      const y = year + Math.floor(m0 / 12);
      const m = (m0 % 12) + 1;
      out.push(timeline.step === 'quarter' ? `${y} Q${Math.floor((m - 1) / 3) + 1}` : `${y}-${String(m).padStart(2, '0')}`);
    }
  }
  return out;
}

function startOf(start: Timeline['start']): { year: number; month: number } {
  if (typeof start === 'number') return { year: start, month: 1 };
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(String(start));
  if (!m) return { year: 0, month: 1 };
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 1 };
}
