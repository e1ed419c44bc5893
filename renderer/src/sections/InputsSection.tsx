/**
 * The Inputs section: one row per uncertain input with its id, label,
 * distribution (drawn once per iteration, or every period) and parameters
 * edited in place, and a density preview from the engine's sampler.
 */
import type { DistName } from '../../../shared/model/schema';
import { idProblem, freshId } from '../edits/ids';
import { addInput, removeInput, renameInput, replaceInput, setInputDistribution } from '../edits/input-edits';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { CorrelationsTable } from '../inputs/CorrelationsTable';
import { DensityPreview } from '../inputs/DensityPreview';
import { InputParams } from '../inputs/InputParams';
import { useAppStore } from '../store/app-store';
import { EditableTableHead } from '../components/EditableTableHead';

export const DISTRIBUTIONS: readonly { value: DistName; label: string }[] = [
  { value: 'fixed', label: 'Fixed' },
  { value: 'uniform', label: 'Uniform' },
  { value: 'triangular', label: 'Triangular' },
  { value: 'pert', label: 'PERT' },
  { value: 'normal', label: 'Normal' },
  { value: 'lognormal', label: 'Lognormal' },
  { value: 'beta', label: 'Beta' },
  { value: 'chance', label: 'Chance (yes/no)' },
  { value: 'discrete', label: 'Discrete' },
];

export function InputsSection() {
  const deal = useAppStore((s) => s.document?.deal);
  const edit = useAppStore((s) => s.edit);
  const requestFocus = useAppStore((s) => s.requestFocus);
  if (!deal) return null;
  const entries = Object.entries(deal.inputs);
  const add = () => {
    const id = freshId(deal, 'input');
    if (edit(addInput, { id })) setTimeout(() => requestFocus(`inputs.${id}.id`), 0);
  };
  return (
    <div className="section-body">
      <table className="grid-table inputs-table" aria-label="Inputs">
        <EditableTableHead columns={['Id', 'Label', 'Distribution', 'Parameters', 'Preview']} />
        <tbody>
          {entries.map(([id, input], i) => (
            <tr key={i} aria-label={`Input ${id}`}>
              <td>
                <TextField hideLabel label={`Input ${i + 1} id`} value={id} path={`inputs.${id}.id`} validate={(v) => idProblem(deal, v.trim(), id)} onCommit={(to) => edit(renameInput, { from: id, to: to.trim() })} />
              </td>
              <td>
                <TextField hideLabel label={`${id} label`} value={input.label ?? ''} path={`inputs.${id}.label`} onCommit={(label) => edit(replaceInput, { id, input: { ...input, label: label || undefined } })} />
              </td>
              <td>
                <SelectField hideLabel label={`${id} distribution`} value={input.dist} options={DISTRIBUTIONS} path={`inputs.${id}.dist`} onCommit={(dist) => edit(setInputDistribution, { id, dist })} />
                <label className="per-period" title="Drawn afresh, independently, in every period (a year's price, a quarter's demand) instead of once per iteration">
                  <input
                    type="checkbox"
                    aria-label={`${id} drawn every period`}
                    checked={input.per === 'period'}
                    onChange={(e) => {
                      const { per: _per, ...rest } = input;
                      edit(replaceInput, { id, input: e.target.checked ? { ...rest, per: 'period' } : rest });
                    }}
                  />{' '}
                  Every period
                </label>
              </td>
              <td>
                <InputParams id={id} input={input} onCommit={(next) => edit(replaceInput, { id, input: next })} />
              </td>
              <td>
                <DensityPreview input={input} name={id} />
              </td>
              <td>
                <button type="button" className="icon-button" aria-label={`Remove input ${id}`} onClick={() => edit(removeInput, { id })}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button type="button" onClick={add}>
          Add input
        </button>
      </div>
      <p className="hint">Each input is drawn once per iteration, or afresh in every period when “Every period” is ticked (a year’s price, a quarter’s demand). Low and high always mean the 90% range: the 5th to 95th percentile.</p>
      <CorrelationsTable deal={deal} />
    </div>
  );
}
