/**
 * The selected deal's tracking, edited in place (each change one undo step):
 * its notes; its success metrics with due dates, dated actuals and their
 * statuses (and the deal's term-sheet metrics not yet tracked); its health
 * checks, scored 1 to 5 per dimension.
 */
import { useState } from 'react';
import type { Deal } from '../../../shared/model/schema';
import { HEALTH_DIMENSIONS, HEALTH_LABELS, METRIC_STATUSES, type DealbookEntry, type MetricStatus } from '../../../shared/portfolio/schema';
import { latestHealth, metricState } from '../../../shared/portfolio/table';
import { EditableTableHead } from '../components/EditableTableHead';
import { TextField } from '../fields/TextField';
import { useAppStore } from '../store/app-store';
import { portfolioEdits } from './portfolio-edits';

const today = () => new Date().toISOString().slice(0, 10);

function StatusSelect({ label, value, onChange }: { label: string; value: MetricStatus; onChange: (status: MetricStatus) => void }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as MetricStatus)}>
      {METRIC_STATUSES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
}
const DUE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

function RecordActual({ place, metric, label }: { place: number; metric: number; label: string }) {
  const editPortfolio = useAppStore((s) => s.editPortfolio);
  const [date, setDate] = useState(today);
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<MetricStatus>('on track');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="record-actual"
      aria-label={`Record an actual for ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('Enter the date as YYYY-MM-DD.');
        if (value.trim() === '') return setError('Enter what was measured.');
        setError(null);
        editPortfolio(portfolioEdits.addActual, { place, metric, actual: { date, value: value.trim(), status } });
        setValue('');
      }}
    >
      <label>
        <span className="field-label">Date</span>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label="Date of the actual" />
      </label>
      <label className="grow">
        <span className="field-label">Actual</span>
        <input type="text" value={value} onChange={(e) => setValue(e.target.value)} aria-label="Actual" placeholder="e.g. 400 of 400 samples tested" />
      </label>
      <label>
        <span className="field-label">Status</span>
        <StatusSelect label="Status" value={status} onChange={setStatus} />
      </label>
      <button type="submit">Record</button>
      {error && (
        <span className="field-message" role="status">
          {error}
        </span>
      )}
    </form>
  );
}

function Metrics({ place, entry, deal }: { place: number; entry: DealbookEntry; deal: Deal | null }) {
  const editPortfolio = useAppStore((s) => s.editPortfolio);
  const tracked = entry.metrics ?? [];
  const defined = deal?.termSheet?.successMetrics ?? [];
  const untracked = defined.filter((d) => !tracked.some((t) => t.horizon === d.horizon && t.metric === d.metric));
  return (
    <section aria-labelledby={`metrics-${place}`}>
      <h3 id={`metrics-${place}`}>Success metrics</h3>
      {tracked.length === 0 && <p className="muted">No metrics tracked yet.</p>}
      {tracked.map((m, i) => {
        const target = defined.find((d) => d.horizon === m.horizon && d.metric === m.metric)?.target;
        const label = `${m.metric} (${m.horizon})`;
        return (
          <div key={`${m.horizon}:${m.metric}:${i}`} className="card metric-card" aria-label={label} role="group">
            <div className="card-header">
              <h4>
                {m.metric} <span className="muted">· {m.horizon}</span>
              </h4>
              <span className={`status status-${metricState(m).replace(' ', '-')}`}>{metricState(m)}</span>
            </div>
            {target && <p className="muted small">Target: {target}</p>}
            <TextField
              label="Due (YYYY-MM)"
              className="due-field"
              value={m.due ?? ''}
              validate={(v) => (v === '' || DUE.test(v) ? null : 'Enter a month as YYYY-MM (or a date YYYY-MM-DD).')}
              onCommit={(due) => editPortfolio(portfolioEdits.setMetricDue, { place, metric: i, due })}
            />
            {(m.actuals ?? []).length > 0 && (
              <table className="grid-table actuals-table" aria-label={`Actuals of ${label}`}>
                <EditableTableHead columns={['Date', 'Actual', 'Status']} />
                <tbody>
                  {(m.actuals ?? []).map((a, j) => (
                    <tr key={j}>
                      <td>{a.date}</td>
                      <td>{a.value}</td>
                      <td>
                        <StatusSelect label={`Status of the actual of ${a.date}`} value={a.status} onChange={(status) => editPortfolio(portfolioEdits.setActual, { place, metric: i, index: j, actual: { ...a, status } })} />
                      </td>
                      <td>
                        <button type="button" className="icon-button" aria-label={`Remove the actual of ${a.date}`} onClick={() => editPortfolio(portfolioEdits.removeActual, { place, metric: i, index: j })}>
                          ✕
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <RecordActual place={place} metric={i} label={label} />
          </div>
        );
      })}
      {untracked.length > 0 && (
        <div className="toolbar">
          <span className="muted">Also in the deal's term sheet:</span>
          {untracked.map((d) => (
            <button key={`${d.horizon}:${d.metric}`} type="button" className="small" onClick={() => editPortfolio(portfolioEdits.trackMetric, { place, horizon: d.horizon, metric: d.metric })}>
              Track {d.metric} ({d.horizon})
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function Health({ place, entry }: { place: number; entry: DealbookEntry }) {
  const editPortfolio = useAppStore((s) => s.editPortfolio);
  const checks = entry.health ?? [];
  const [date, setDate] = useState(today);
  return (
    <section aria-labelledby={`health-${place}`}>
      <h3 id={`health-${place}`}>Health checks</h3>
      {checks.length > 0 ? (
        <table className="grid-table health-table" aria-label="Health checks">
          <EditableTableHead columns={['Date', ...HEALTH_DIMENSIONS.map((d) => HEALTH_LABELS[d])]} />
          <tbody>
            {checks.map((h, i) => (
              <tr key={i}>
                <td>{h.date}</td>
                {HEALTH_DIMENSIONS.map((d) => (
                  <td key={d}>
                    <select
                      aria-label={`${HEALTH_LABELS[d]} on ${h.date}`}
                      value={h.scores[d] ?? ''}
                      onChange={(e) => editPortfolio(portfolioEdits.setHealthScore, { place, index: i, dimension: d, score: e.target.value === '' ? null : Number(e.target.value) })}
                    >
                      <option value="">—</option>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
                <td>
                  <button type="button" className="icon-button" aria-label={`Remove the health check of ${h.date}`} onClick={() => editPortfolio(portfolioEdits.removeHealthCheck, { place, index: i })}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No health checks yet.</p>
      )}
      <form
        className="toolbar"
        aria-label="Add a health check"
        onSubmit={(e) => {
          e.preventDefault();
          if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
          // Starts from the latest scores: a check usually changes one or two of them.
          const scores = { ...(latestHealth(entry)?.scores ?? { strategic: 3, operational: 3, relationship: 3, governance: 3 }) };
          editPortfolio(portfolioEdits.addHealthCheck, { place, check: { date, scores } });
        }}
      >
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label="Date of the health check" />
        <button type="submit">Add a health check</button>
      </form>
    </section>
  );
}

export function DealDetails({ place }: { place: number }) {
  const entry = useAppStore((s) => s.portfolio?.book.deals[place]);
  const deal = useAppStore((s) => s.parked[place]?.document.deal ?? s.portfolio?.entries.find((e) => e.place === place)?.deal ?? null);
  const editPortfolio = useAppStore((s) => s.editPortfolio);
  if (!entry) return null;
  return (
    <section className="deal-details" aria-label={`Tracking of ${deal?.title ?? entry.file}`}>
      <h2>{deal?.title ?? entry.file}</h2>
      <TextField label="Notes" multiline value={entry.notes ?? ''} onCommit={(notes) => editPortfolio(portfolioEdits.setNotes, { place, notes })} />
      <div className="details-columns">
        <Metrics place={place} entry={entry} deal={deal} />
        <Health place={place} entry={entry} />
      </div>
    </section>
  );
}
