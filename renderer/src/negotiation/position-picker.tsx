/** A labelled picker of a position: the file as written is never one; the scenarios, then the rounds. */
import { useId } from 'react';
import { positionsOf } from '../../../shared/model/rounds';
import type { Deal } from '../../../shared/model/schema';

export function PositionPicker({ deal, label, value, onChange }: { deal: Deal; label: string; value: string; onChange: (id: string) => void }) {
  const id = useId();
  const positions = positionsOf(deal);
  const group = (kind: 'scenario' | 'round') => positions.filter((p) => p.kind === kind);
  return (
    <label htmlFor={id} className="position-picker">
      {label}{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <optgroup label="Scenarios">
          {group('scenario').map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </optgroup>
        {group('round').length > 0 && (
          <optgroup label="Negotiation rounds">
            {group('round').map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.round!.date} · ${p.name}`}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
