/**
 * The field behind every number in the deal. It shows the value formatted the
 * way negotiators read it (`$25.0M`, `7.5%`) and switches to the plain
 * editable number on focus; it reads numbers in the user's locale. Where the
 * format allows (term fields), anything that is not a number is kept as a
 * formula, checked live by the same checker as the series.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { NumberOrFormula } from '../../../shared/model/schema';
import { formatMoney } from '../../../shared/format/money';
import { isContractDate } from '../../../shared/format/dates';
import { formatNumber, formatPercent } from '../../../shared/format/percent';
import { formatEditableNumber, parseLocaleNumber } from '../format/number-input';
import { useAppStore } from '../store/app-store';
import { useFieldProblem, useFocusRequest } from './field-hooks';

/**
 * How a number is entered and shown. `percent`: a rate, shown and typed as a percentage ("7.5" means 7.5%).
 * `fraction`: shown as a percentage, but typed as a plain number unless a % is typed ("0.12" and "12%" are
 * both 0.12): for numbers that read as percentages only because of their values (an input's parameters),
 * where a fresh field may hold a value of any size.
 */
export type ValueKind = 'number' | 'integer' | 'money' | 'percent' | 'fraction';

export interface ValueFieldProps {
  label: string;
  value: NumberOrFormula | undefined;
  onCommit: (value: NumberOrFormula | undefined) => void;
  kind?: ValueKind;
  /** Term fields accept formulas; party, input and slider fields take plain numbers. */
  allowFormula?: boolean;
  /** Optional fields may be emptied (the key is then removed from the file). */
  optional?: boolean;
  path?: string;
  hideLabel?: boolean;
  /** Show an integer without thousands separators (a seed is an identifier, not a quantity). */
  ungrouped?: boolean;
  /** A shorter visible label where the context says the rest (the accessible name stays `label`). */
  shortLabel?: string;
  placeholder?: string;
  className?: string;
  /** A period field: a contract date ("2029", "2029-06", "2029-Q3") is a value, not a formula. */
  dates?: boolean;
}

function useLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

export function ValueField({ label, value, onCommit, kind = 'number', allowFormula, optional, path, hideLabel, shortLabel, ungrouped, placeholder, className, dates }: ValueFieldProps) {
  const deal = useAppStore((s) => s.document?.deal);
  const locale = useLocale();
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  const problem = useFieldProblem(path);
  useFocusRequest(path, ref);
  const id = useId();
  const percent = kind === 'percent';
  const shownAsPercent = percent || kind === 'fraction';

  // A rate is edited as "7.5%" so the unit stays in sight while typing (the % is optional on input for a rate).
  const editable = value === undefined ? '' : typeof value === 'string' ? value : `${formatEditableNumber(value, { locale, percent: shownAsPercent })}${shownAsPercent ? '%' : ''}`;
  const display = (() => {
    if (value === undefined || typeof value === 'string') return editable;
    if (kind === 'money' && deal) return formatMoney(value, { currency: deal.currency, unit: deal.unit });
    if (shownAsPercent) return formatPercent(value);
    if (kind === 'integer' && !ungrouped) return formatNumber(value, 0);
    return editable;
  })();
  const shown = draft ?? (focused ? editable : display);
  const message = localError ?? problem?.message;
  const isFormula = typeof value === 'string' && !(dates && isContractDate(value));

  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    setDraft(null);
    if (text === '') {
      if (optional) {
        setLocalError(null);
        if (value !== undefined) onCommit(undefined);
      } else setLocalError('Enter a value.');
      return;
    }
    const parsed = parseLocaleNumber(text, { locale, percent });
    if (parsed.ok) {
      if (kind === 'integer' && !Number.isInteger(parsed.value)) {
        setLocalError('Enter a whole number.');
        return;
      }
      setLocalError(null);
      if (parsed.value !== value) onCommit(parsed.value);
      return;
    }
    if (!allowFormula) {
      setLocalError(parsed.message);
      return;
    }
    setLocalError(null);
    if (text !== value) onCommit(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && draft !== null) {
      e.stopPropagation();
      setDraft(null);
      setLocalError(null);
    }
  };
  return (
    <div className={`field value-field kind-${kind} ${isFormula ? 'is-formula' : ''} ${message ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {shortLabel ?? label}
      </label>
      <span className="value-input">
        {isFormula && !focused && (
          <span className="formula-badge" aria-hidden="true">
            ƒ
          </span>
        )}
        <input
          id={id}
          ref={ref}
          type="text"
          inputMode={allowFormula ? 'text' : 'decimal'}
          spellCheck={false}
          value={shown}
          placeholder={placeholder ?? (optional ? '—' : undefined)}
          aria-label={shortLabel ? label : undefined}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-msg` : undefined}
          onFocus={() => setFocused(true)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            setFocused(false);
            commit();
          }}
          onKeyDown={onKeyDown}
        />
      </span>
      {message && (
        <span id={`${id}-msg`} className="field-message" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
