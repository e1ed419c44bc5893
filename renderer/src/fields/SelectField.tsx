/** A labelled native select (keyboard and screen-reader friendly for free) that commits on change. */
import { useId, useRef } from 'react';
import { useFieldProblem, useFocusRequest } from './field-hooks';

export interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  /** A disabled option is one the field cannot take here (its label says why); the current value is always selectable. */
  options: readonly { value: V; label: string; disabled?: boolean }[];
  onCommit: (value: V) => void;
  path?: string;
  hideLabel?: boolean;
  className?: string;
}

export function SelectField<V extends string>({ label, value, options, onCommit, path, hideLabel, className }: SelectFieldProps<V>) {
  const id = useId();
  const ref = useRef<HTMLSelectElement>(null);
  const problem = useFieldProblem(path);
  useFocusRequest(path, ref);
  const known = options.some((o) => o.value === value);
  return (
    <div className={`field ${problem ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <select
        id={id}
        ref={ref}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-msg` : undefined}
        onChange={(e) => onCommit(e.target.value as V)}
      >
        {!known && <option value={value}>{value || '(choose)'}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled && o.value !== value}>
            {o.label}
          </option>
        ))}
      </select>
      {problem && (
        <span id={`${id}-msg`} className="field-message" role="status">
          {problem.message}
        </span>
      )}
    </div>
  );
}
