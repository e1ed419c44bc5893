/**
 * The Overview section: title, the internal description, the transaction
 * summary the term sheets print, currency and unit, timeline, simulation settings.
 */
import type { Deal } from '../../../shared/model/schema';
import { formatTimelineSpan } from '../../../shared/format/dates';
import { setDealMeta, setSimulation, setTimeline } from '../edits/overview-edits';
import { setSummary } from '../edits/term-sheet-edits';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ValueField } from '../fields/ValueField';
import { useAppStore } from '../store/app-store';

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CNY', 'CAD', 'AUD', 'SEK', 'DKK', 'NOK', 'INR', 'SGD'] as const;
export const UNITS: readonly { value: Deal['unit']; label: string }[] = [
  { value: 'one', label: 'Units (1)' },
  { value: 'thousand', label: 'Thousands' },
  { value: 'million', label: 'Millions' },
  { value: 'billion', label: 'Billions' },
];
export const STEPS: readonly { value: Deal['timeline']['step']; label: string }[] = [
  { value: 'year', label: 'Years' },
  { value: 'quarter', label: 'Quarters' },
  { value: 'month', label: 'Months' },
];

export function OverviewSection() {
  const deal = useAppStore((s) => s.document?.deal);
  const edit = useAppStore((s) => s.edit);
  if (!deal) return null;
  const currencyOptions = [...new Set([deal.currency, ...CURRENCIES])].map((c) => ({ value: c, label: c }));
  return (
    <div className="section-body">
      <div className="card">
        <div className="form-grid">
          <TextField label="Title" className="wide" value={deal.title} path="title" onCommit={(title) => edit(setDealMeta, { title })} />
          <TextField label="Description (internal, never printed)" className="wide" multiline value={deal.description ?? ''} path="description" onCommit={(description) => edit(setDealMeta, { description })} />
          <TextField
            label="Transaction summary (printed in term sheets)"
            className="wide"
            multiline
            value={deal.termSheet?.summary ?? ''}
            placeholder="Helix Bio grants Northwind Pharma an exclusive licence to …"
            path="termSheet.summary"
            onCommit={(summary) => edit(setSummary, { summary })}
          />
          <SelectField label="Currency" value={deal.currency} options={currencyOptions} path="currency" onCommit={(currency) => edit(setDealMeta, { currency })} />
          <SelectField label="Amounts in" value={deal.unit} options={UNITS} path="unit" onCommit={(unit) => edit(setDealMeta, { unit })} />
        </div>
      </div>
      <div className="card">
        <h3>Timeline</h3>
        <div className="form-grid">
          <TextField
            label="Starts (year or YYYY-MM)"
            value={String(deal.timeline.start)}
            path="timeline.start"
            validate={(v) => (/^\d{4}$/.test(v.trim()) || /^\d{4}-(0[1-9]|1[0-2])$/.test(v.trim()) ? null : 'Enter a year such as 2027, or a month such as 2027-04.')}
            onCommit={(v) => edit(setTimeline, { start: /^\d{4}$/.test(v.trim()) ? Number(v.trim()) : v.trim() })}
          />
          <ValueField label="Periods" kind="integer" value={deal.timeline.periods} path="timeline.periods" onCommit={(periods) => typeof periods === 'number' && edit(setTimeline, { periods })} />
          <SelectField label="Period length" value={deal.timeline.step} options={STEPS} path="timeline.step" onCommit={(step) => edit(setTimeline, { step })} />
          <p className="hint">{formatTimelineSpan(deal.timeline)}</p>
        </div>
      </div>
      <div className="card">
        <h3>Simulation</h3>
        <div className="form-grid">
          <ValueField label="Iterations" kind="integer" value={deal.simulation.iterations} path="simulation.iterations" onCommit={(iterations) => typeof iterations === 'number' && edit(setSimulation, { iterations })} />
          <ValueField label="Seed" kind="integer" ungrouped value={deal.simulation.seed} path="simulation.seed" onCommit={(seed) => typeof seed === 'number' && edit(setSimulation, { seed })} />
        </div>
      </div>
    </div>
  );
}
