/**
 * A timing field (`at`, `until`, `from`, a contribution's period): a period
 * number, a calendar date or a formula typed in the box, or a date picked from
 * the timeline's periods (years, quarters or months, as the timeline steps).
 * Beside it, what the model reads: "Q3 2029 (period 10)", "period 2 (2029)".
 */
import { useId } from 'react';
import type { NumberOrFormula } from '../../../shared/model/schema';
import { isContractDate, periodOfValue, periodToDate } from '../../../shared/format/dates';
import { modelPeriod } from '../../../shared/termsheet/wording';
import { ValueField } from '../fields/ValueField';
import { useAppStore } from '../store/app-store';

/** At most this many dates in the picker (a monthly timeline of 100 years has 1,200). */
const MAX_CHOICES = 240;

export function TimingField({
  label,
  value,
  optional,
  path,
  hideLabel,
  onCommit,
}: {
  label: string;
  value: NumberOrFormula | undefined;
  optional: boolean;
  path: string;
  hideLabel?: boolean | undefined;
  onCommit: (value: NumberOrFormula | undefined) => void;
}) {
  const deal = useAppStore((s) => s.document?.deal);
  const id = useId();
  if (!deal) return null;
  const { timeline } = deal;
  const first = value === undefined ? undefined : periodOfValue(timeline, value);
  const count = Math.min(timeline.periods, MAX_CHOICES);
  const choices = Array.from({ length: count }, (_, t) => periodToDate(timeline, t));
  const picked = typeof value === 'string' && isContractDate(value) ? value : first !== undefined && typeof value === 'number' && first < count ? periodToDate(timeline, first) : '';
  return (
    <div className="timing-field">
      <ValueField label={label} dates allowFormula optional={optional} value={value} path={path} hideLabel={hideLabel} onCommit={onCommit} />
      <select
        aria-label={`${label}: pick a date`}
        className="timing-pick"
        value={choices.includes(picked) ? picked : ''}
        onChange={(e) => e.target.value && onCommit(e.target.value)}
      >
        <option value="">{picked && !choices.includes(picked) ? picked : 'Pick a date…'}</option>
        {choices.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      {value !== undefined && (
        <span id={`${id}-reads`} className="timing-reads muted">
          {modelPeriod(deal, value)}
        </span>
      )}
    </div>
  );
}
