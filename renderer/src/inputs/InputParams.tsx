/**
 * The parameter fields of one input, for its distribution. `low`/`high` are
 * labelled as the 90% range (5th to 95th percentile). Normal and lognormal
 * inputs can be given either way (mean/sd or p50/p90, or the 90% range).
 * An input that reads as a percentage (a probability, growth of 3%–12%, see
 * number-fields.ts) is entered and shown as one.
 */
import type { Input } from '../../../shared/model/schema';
import { inputIsFraction } from '../../../shared/model/number-fields';
import { stripUndefined } from '../edits/ids';
import { niceNumber } from '../edits/distribution-switch';
import { ValueField } from '../fields/ValueField';
import { parseLocaleNumber } from '../format/number-input';
import { TextField } from '../fields/TextField';

type Commit = (next: Input) => void;

function Param({ id, input, field, label, onCommit, optional }: { id: string; input: Input; field: string; label: string; onCommit: Commit; optional?: boolean }) {
  const value = (input as Record<string, unknown>)[field];
  const percent = inputIsFraction(input) && field !== 'alpha' && field !== 'beta';
  return (
    <ValueField
      label={label}
      kind={percent ? 'fraction' : 'number'}
      optional={optional}
      value={typeof value === 'number' ? value : undefined}
      path={`inputs.${id}.${field}`}
      className="param"
      onCommit={(v) => onCommit(stripUndefined({ ...input, [field]: typeof v === 'number' ? v : undefined }) as Input)}
    />
  );
}

function ModeSwitch({ id, label, options, value, onChange }: { id: string; label: string; options: [string, string][]; value: string; onChange: (v: string) => void }) {
  return (
    <select aria-label={`${id} ${label}`} className="param-mode" value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
}

const Z95 = 1.6448536269514722;
const Z90 = 1.2815515655446004;

export function InputParams({ id, input, onCommit }: { id: string; input: Input; onCommit: Commit }) {
  const p = (field: string, label: string, optional?: boolean) => <Param id={id} input={input} field={field} label={label} onCommit={onCommit} optional={optional} />;
  switch (input.dist) {
    case 'fixed':
      return <div className="params">{p('value', 'Value')}</div>;
    case 'uniform':
      return (
        <div className="params">
          {p('min', 'Min')}
          {p('max', 'Max')}
        </div>
      );
    case 'triangular':
    case 'pert':
      return (
        <div className="params">
          {p('min', 'Min')}
          {p('mode', 'Most likely')}
          {p('max', 'Max')}
        </div>
      );
    case 'normal': {
      const byRange = input.low !== undefined || input.high !== undefined;
      const { label, note, min, max } = input;
      const keep = stripUndefined({ label, note, min, max });
      return (
        <div className="params">
          <ModeSwitch
            id={id}
            label="given as"
            value={byRange ? 'range' : 'moments'}
            options={[
              ['range', '90% range'],
              ['moments', 'Mean, sd'],
            ]}
            onChange={(v) => {
              const mean = byRange ? ((input.low ?? 0) + (input.high ?? 0)) / 2 : (input.mean ?? 0);
              const sd = byRange ? ((input.high ?? 0) - (input.low ?? 0)) / (2 * Z95) : (input.sd ?? 1);
              onCommit(v === 'range' ? { dist: 'normal', ...keep, low: niceNumber(mean - Z95 * sd), high: niceNumber(mean + Z95 * sd) } : { dist: 'normal', ...keep, mean: niceNumber(mean), sd: niceNumber(sd) });
            }}
          />
          {byRange ? p('low', 'Low (5%)') : p('mean', 'Mean')}
          {byRange ? p('high', 'High (95%)') : p('sd', 'Sd')}
          {p('min', 'Trunc. min', true)}
          {p('max', 'Trunc. max', true)}
        </div>
      );
    }
    case 'lognormal': {
      const byRange = input.low !== undefined || input.high !== undefined;
      const { label, note } = input;
      const keep = stripUndefined({ label, note });
      return (
        <div className="params">
          <ModeSwitch
            id={id}
            label="given as"
            value={byRange ? 'range' : 'median'}
            options={[
              ['range', '90% range'],
              ['median', 'Median, p90'],
            ]}
            onChange={(v) => {
              const lo = input.low ?? 1;
              const hi = input.high ?? 2;
              const mu = byRange ? (Math.log(lo) + Math.log(hi)) / 2 : Math.log(input.p50 ?? 1);
              const sigma = byRange ? (Math.log(hi) - Math.log(lo)) / (2 * Z95) : Math.log((input.p90 ?? 2) / (input.p50 ?? 1)) / Z90;
              onCommit(
                v === 'range'
                  ? { dist: 'lognormal', ...keep, low: niceNumber(Math.exp(mu - Z95 * sigma)), high: niceNumber(Math.exp(mu + Z95 * sigma)) }
                  : { dist: 'lognormal', ...keep, p50: niceNumber(Math.exp(mu)), p90: niceNumber(Math.exp(mu + Z90 * sigma)) },
              );
            }}
          />
          {byRange ? p('low', 'Low (5%)') : p('p50', 'Median')}
          {byRange ? p('high', 'High (95%)') : p('p90', 'p90')}
        </div>
      );
    }
    case 'beta':
      return (
        <div className="params">
          {p('alpha', 'Alpha')}
          {p('beta', 'Beta')}
        </div>
      );
    case 'chance':
      return (
        <div className="params">
          <ValueField label="Probability" kind="percent" value={input.p} path={`inputs.${id}.p`} className="param" onCommit={(v) => typeof v === 'number' && onCommit({ ...input, p: v })} />
        </div>
      );
    case 'discrete':
      return (
        <div className="params">
          <NumberListField id={id} label="Values" value={input.values} onCommit={(values) => values && values.length > 0 && onCommit({ ...input, values })} />
          <NumberListField id={id} label="Weights" value={input.weights} onCommit={(weights) => onCommit(stripUndefined({ ...input, weights: weights?.length ? weights : undefined }))} />
        </div>
      );
  }
}

/** A list of numbers typed as "2; 3" (semicolons, so decimal commas in other locales stay unambiguous). */
function NumberListField({ id, label, value, onCommit }: { id: string; label: string; value: number[] | undefined; onCommit: (v: number[] | undefined) => void }) {
  return (
    <TextField
      label={`${label} (separated by ;)`}
      className="param param-list"
      value={(value ?? []).join('; ')}
      path={`inputs.${id}.${label.toLowerCase()}`}
      validate={(text) => {
        if (text.trim() === '') return null;
        const bad = text.split(';').map((s) => parseLocaleNumber(s)).find((r) => !r.ok);
        return bad && !bad.ok ? bad.message : null;
      }}
      onCommit={(text) => {
        if (text.trim() === '') return onCommit(undefined);
        onCommit(text.split(';').map((s) => parseLocaleNumber(s)).flatMap((r) => (r.ok ? [r.value] : [])));
      }}
    />
  );
}
