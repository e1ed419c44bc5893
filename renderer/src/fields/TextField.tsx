/**
 * A text field that edits a draft and commits on Enter or when focus leaves,
 * like a spreadsheet cell: one undo step per change, Escape puts the value back.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useFieldProblem, useFocusRequest } from './field-hooks';

export interface TextFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  path?: string;
  /** A message shown under the field instead of (or before) the deal's own problem, e.g. an id already in use. */
  validate?: (value: string) => string | null;
  multiline?: boolean;
  placeholder?: string;
  hideLabel?: boolean;
  className?: string;
  inputRef?: (el: HTMLInputElement | HTMLTextAreaElement | null) => void;
  onSelectionChange?: (start: number, end: number) => void;
}

export function TextField({ label, value, onCommit, path, validate, multiline, placeholder, hideLabel, className, inputRef, onSelectionChange }: TextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const problem = useFieldProblem(path);
  useFocusRequest(path, ref);
  const id = useId();
  const shown = draft ?? value;
  const message = localError ?? problem?.message;

  const commit = () => {
    if (draft === null) return;
    const error = validate?.(draft) ?? null;
    setLocalError(error);
    if (error) return;
    setDraft(null);
    if (draft !== value) onCommit(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && draft !== null) {
      e.stopPropagation();
      setDraft(null);
      setLocalError(null);
    }
  };
  const common = {
    id,
    ref: (el: HTMLInputElement & HTMLTextAreaElement) => {
      ref.current = el;
      inputRef?.(el);
    },
    value: shown,
    placeholder,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': message ? `${id}-msg` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
    onSelect: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => onSelectionChange?.(e.currentTarget.selectionStart ?? 0, e.currentTarget.selectionEnd ?? 0),
  };
  return (
    <div className={`field ${className ?? ''} ${message ? 'field-invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {multiline ? <textarea {...common} rows={4} /> : <input type="text" {...common} />}
      {message && (
        <span id={`${id}-msg`} className="field-message" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
