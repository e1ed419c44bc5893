/**
 * The new-deal wizard: what kind of deal, who the parties are, currency, unit
 * and timeline. A licence, alliance or joint venture starts with its standard
 * term-sheet sections (resources/termsheet), ready to edit.
 */
import { useState } from 'react';
import type { Deal } from '../../../shared/model/schema';
import { buildNewDeal, DEAL_KINDS, type DealKind } from '../model/new-deal';
import { CURRENCIES, STEPS, UNITS } from '../sections/OverviewSection';
import { useAppStore } from '../store/app-store';
import { withStandardSectionsFor } from '../termsheet/standard-sections';
import { Modal } from './Modal';

export function NewDealWizard() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const loadDocument = useAppStore((s) => s.loadDocument);
  const showSection = useAppStore((s) => s.showSection);
  const notify = useAppStore((s) => s.notify);
  const [kind, setKind] = useState<DealKind>('licence');
  const [title, setTitle] = useState('');
  const [usName, setUsName] = useState('');
  const [themName, setThemName] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [unit, setUnit] = useState<Deal['unit']>('million');
  const [start, setStart] = useState(String(new Date().getFullYear() + 1));
  const [periods, setPeriods] = useState('10');
  const [step, setStep] = useState<Deal['timeline']['step']>('year');
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    const s = start.trim();
    if (!/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(s)) return setError('The start is a year such as 2027, or a month such as 2027-04.');
    const n = Number(periods);
    if (!Number.isInteger(n) || n < 1 || n > 1200) return setError('The number of periods is a whole number from 1 to 1,200.');
    if (!title.trim()) return setError('Give the deal a title.');
    const built = buildNewDeal({ kind, title, usName, themName, currency, unit, timeline: { start: /^\d{4}$/.test(s) ? Number(s) : s, periods: n, step } });
    const standard = kind === 'blank' ? { deal: built } : await withStandardSectionsFor(built, kind);
    const fileName = `${title.trim().replace(/[^A-Za-z0-9 _-]+/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'untitled'}.deal`;
    closeDialog();
    loadDocument({ path: null, fileName, deal: standard.deal, migrated: false }, false);
    notify(standard.error ? { tone: 'error', text: `The deal was created without its standard term-sheet sections: ${standard.error}` } : null);
    showSection(kind === 'blank' ? 'parties' : 'terms');
  };

  return (
    <Modal title="New deal" onCancel={closeDialog} className="wizard">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <fieldset className="kind-choice">
          <legend>Kind of deal</legend>
          {DEAL_KINDS.map((k) => (
            <label key={k.kind} className={kind === k.kind ? 'selected' : undefined}>
              <input type="radio" name="deal-kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
              <span className="kind-label">{k.label}</span>
              <span className="kind-hint">{k.hint}</span>
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          <div className="field wide">
            <label className="field-label" htmlFor="wiz-title">
              Deal title
            </label>
            <input id="wiz-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="wiz-us">
              Our company
            </label>
            <input id="wiz-us" type="text" value={usName} onChange={(e) => setUsName(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="wiz-them">
              Counterparty
            </label>
            <input id="wiz-them" type="text" value={themName} onChange={(e) => setThemName(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="wiz-currency">
              Currency
            </label>
            <select id="wiz-currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="wiz-unit">
              Amounts in
            </label>
            <select id="wiz-unit" value={unit} onChange={(e) => setUnit(e.target.value as Deal['unit'])}>
              {UNITS.map((u) => (
                <option key={u.value} value={u.value}>
                  {u.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="wiz-start">
              Starts (year or YYYY-MM)
            </label>
            <input id="wiz-start" type="text" value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="wiz-periods">
              Periods
            </label>
            <input id="wiz-periods" type="text" inputMode="numeric" value={periods} onChange={(e) => setPeriods(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="wiz-step">
              Period length
            </label>
            <select id="wiz-step" value={step} onChange={(e) => setStep(e.target.value as Deal['timeline']['step'])}>
              {STEPS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        {error && (
          <p className="field-message" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary">
            Create deal
          </button>
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
