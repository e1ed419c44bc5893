/**
 * The Term sheet section: clauses (heading and text) with placeholders
 * inserted from a picker, the standard sections of a licence, alliance or
 * joint venture added in the lawyers' order, the success metrics at the
 * partnership review points (12 months and 3 years), and free-text
 * placeholders.
 */
import { useRef, useState } from 'react';
import type { StandardSectionsKind } from '../../../shared/api';
import { addStandardSectionsToDocument, inferKind, STANDARD_KINDS } from '../termsheet/standard-sections';
import { addMetric, addSection, moveSection, removeMetric, removeSection, setPlaceholder, updateMetric, updateSection } from '../edits/term-sheet-edits';
import { TextField } from '../fields/TextField';
import { insertAt, placeholderOptions } from '../model/placeholders';
import { useAppStore } from '../store/app-store';

export const REVIEW_POINTS = ['12 months', '3 years'] as const;

function ClauseText({ index, text, label }: { index: number; text: string; label: string }) {
  const edit = useAppStore((s) => s.edit);
  const deal = useAppStore((s) => s.document?.deal);
  const [draft, setDraft] = useState<string | null>(null);
  const selection = useRef({ start: text.length, end: text.length });
  const options = deal ? placeholderOptions(deal) : [];
  const commit = (value: string) => {
    setDraft(null);
    if (value !== text) edit(updateSection, { index, patch: { text: value } });
  };
  const remember = (el: HTMLTextAreaElement) => {
    selection.current = { start: el.selectionStart, end: el.selectionEnd };
  };
  return (
    <div className="field wide">
      <label className="field-label" htmlFor={`clause-${index}`}>
        {label}
      </label>
      <textarea
        id={`clause-${index}`}
        rows={3}
        value={draft ?? text}
        onChange={(e) => {
          setDraft(e.target.value);
          remember(e.target);
        }}
        onSelect={(e) => remember(e.currentTarget)}
        onBlur={(e) => {
          remember(e.currentTarget);
          if (draft !== null) commit(draft);
        }}
      />
      <div className="toolbar">
        <label htmlFor={`insert-${index}`}>Insert placeholder</label>
        <select
          id={`insert-${index}`}
          value=""
          onChange={(e) => {
            const token = e.target.value;
            if (!token) return;
            const current = draft ?? text;
            const { start, end } = selection.current;
            commit(insertAt(current, Math.min(start, current.length), Math.min(end, current.length), token));
            selection.current = { start: start + token.length, end: start + token.length };
          }}
        >
          <option value="">Choose a value…</option>
          {(['Deal', 'Parties', 'Numbers', 'Free text'] as const).map((g) => {
            const items = options.filter((o) => o.group === g);
            return items.length ? (
              <optgroup key={g} label={g}>
                {items.map((o) => (
                  <option key={o.token} value={o.token}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
      </div>
    </div>
  );
}

function StandardSections() {
  const deal = useAppStore((s) => s.document?.deal);
  const [kind, setKind] = useState<StandardSectionsKind | null>(null);
  const [busy, setBusy] = useState(false);
  if (!deal) return null;
  const chosen = kind ?? inferKind(deal);
  return (
    <div className="toolbar">
      <label htmlFor="standard-kind">Standard sections of a</label>
      <select id="standard-kind" value={chosen} onChange={(e) => setKind(e.target.value as StandardSectionsKind)}>
        {STANDARD_KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void addStandardSectionsToDocument(chosen).finally(() => setBusy(false));
        }}
      >
        Add standard sections
      </button>
    </div>
  );
}

export function TermSheetSection() {
  const deal = useAppStore((s) => s.document?.deal);
  const edit = useAppStore((s) => s.edit);
  const [placeholderName, setPlaceholderName] = useState('');
  if (!deal) return null;
  const sections = deal.termSheet?.sections ?? [];
  const metrics = deal.termSheet?.successMetrics ?? [];
  const placeholders = deal.termSheet?.placeholders ?? {};
  return (
    <div className="section-body">
      <h3>Clauses</h3>
      <p className="hint">
        Term sheets print the parties, the transaction summary (Overview), these clauses and the economic terms in the order lawyers expect; the tables of payments, termination rights and
        success metrics go into the clauses headed for them.
      </p>
      <StandardSections />
      {sections.map((s, i) => (
        <section key={i} className="card" aria-label={`Clause ${i + 1}`}>
          <div className="card-header">
            <TextField label={`Clause ${i + 1} heading`} value={s.heading} className="wide" onCommit={(heading) => edit(updateSection, { index: i, patch: { heading } })} />
            <div className="card-actions">
              <button type="button" className="icon-button" aria-label={`Move clause ${i + 1} up`} disabled={i === 0} onClick={() => edit(moveSection, { index: i, by: -1 })}>
                ↑
              </button>
              <button type="button" className="icon-button" aria-label={`Move clause ${i + 1} down`} disabled={i === sections.length - 1} onClick={() => edit(moveSection, { index: i, by: 1 })}>
                ↓
              </button>
              <button type="button" className="small danger" aria-label={`Delete clause ${i + 1}`} onClick={() => edit(removeSection, { index: i })}>
                Delete
              </button>
            </div>
          </div>
          <ClauseText index={i} text={s.text} label={`Clause ${i + 1} text`} />
        </section>
      ))}
      <div className="toolbar">
        <button type="button" onClick={() => edit(addSection, undefined)}>
          Add clause
        </button>
      </div>

      <h3>Success metrics</h3>
      <p className="hint">What both sides will check at the partnership reviews.</p>
      {REVIEW_POINTS.map((horizon) => (
        <section key={horizon} className="card" aria-label={`Success metrics at ${horizon}`}>
          <h4>At {horizon}</h4>
          {metrics.map((m, i) =>
            m.horizon === horizon ? (
              <div key={i} className="metric-row">
                <TextField label={`Metric (${horizon})`} value={m.metric} onCommit={(metric) => edit(updateMetric, { index: i, patch: { metric } })} />
                <TextField label={`Target (${horizon})`} value={m.target} className="wide" onCommit={(target) => edit(updateMetric, { index: i, patch: { target } })} />
                <button type="button" className="icon-button" aria-label={`Delete metric ${m.metric || i + 1} at ${horizon}`} onClick={() => edit(removeMetric, { index: i })}>
                  ✕
                </button>
              </div>
            ) : null,
          )}
          <button type="button" className="small" onClick={() => edit(addMetric, { horizon })}>
            Add metric at {horizon}
          </button>
        </section>
      ))}
      {metrics.some((m) => !REVIEW_POINTS.includes(m.horizon as (typeof REVIEW_POINTS)[number])) && (
        <section className="card" aria-label="Other success metrics">
          <h4>Other review points</h4>
          {metrics.map((m, i) =>
            REVIEW_POINTS.includes(m.horizon as (typeof REVIEW_POINTS)[number]) ? null : (
              <div key={i} className="metric-row">
                <TextField label="Horizon" value={m.horizon} onCommit={(h) => edit(updateMetric, { index: i, patch: { horizon: h } })} />
                <TextField label="Metric" value={m.metric} onCommit={(metric) => edit(updateMetric, { index: i, patch: { metric } })} />
                <TextField label="Target" value={m.target} className="wide" onCommit={(target) => edit(updateMetric, { index: i, patch: { target } })} />
                <button type="button" className="icon-button" aria-label={`Delete metric ${i + 1}`} onClick={() => edit(removeMetric, { index: i })}>
                  ✕
                </button>
              </div>
            ),
          )}
        </section>
      )}

      <h3>Free placeholders</h3>
      <p className="hint">
        Text used in clauses as <code>{'{{name}}'}</code>, e.g. a territory.
      </p>
      {Object.entries(placeholders).map(([name, value]) => (
        <div key={name} className="metric-row">
          <code className="placeholder-name">{`{{${name}}}`}</code>
          <TextField label={`Placeholder ${name}`} hideLabel value={value} className="wide" onCommit={(v) => edit(setPlaceholder, { name, value: v })} />
          <button type="button" className="icon-button" aria-label={`Delete placeholder ${name}`} onClick={() => edit(setPlaceholder, { name, value: undefined })}>
            ✕
          </button>
        </div>
      ))}
      <div className="toolbar">
        <label htmlFor="new-placeholder">New placeholder</label>
        <input id="new-placeholder" type="text" value={placeholderName} placeholder="territory" onChange={(e) => setPlaceholderName(e.target.value)} />
        <button
          type="button"
          disabled={!/^[A-Za-z][A-Za-z0-9_]*$/.test(placeholderName)}
          onClick={() => {
            edit(setPlaceholder, { name: placeholderName, value: '' });
            setPlaceholderName('');
          }}
        >
          Add placeholder
        </button>
      </div>
    </div>
  );
}
