/** Rank correlations between continuous inputs (Iman–Conover): which pair, and the target Spearman rank. */
import type { Deal } from '../../../shared/model/schema';
import { addCorrelation, removeCorrelation, updateCorrelation } from '../edits/correlation-edits';
import { SelectField } from '../fields/SelectField';
import { ValueField } from '../fields/ValueField';
import { useAppStore } from '../store/app-store';
import { EditableTableHead } from '../components/EditableTableHead';

const CONTINUOUS = new Set(['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'beta']);

export function CorrelationsTable({ deal }: { deal: Deal }) {
  const edit = useAppStore((s) => s.edit);
  const continuous = Object.entries(deal.inputs)
    .filter(([, i]) => CONTINUOUS.has(i.dist))
    .map(([id, i]) => ({ value: id, label: i.label ? `${id} (${i.label})` : id }));
  const correlations = deal.correlations ?? [];
  return (
    <section className="card" aria-label="Correlations">
      <h3>Rank correlations</h3>
      {correlations.length > 0 && (
        <table className="grid-table" aria-label="Correlation pairs">
          <EditableTableHead columns={['Input', 'With', 'Rank correlation (−1 to 1)']} />
          <tbody>
            {correlations.map((c, i) => (
              <tr key={i}>
                <td>
                  <SelectField hideLabel label={`Correlation ${i + 1} first input`} value={c.between[0]} options={continuous} path={`correlations.${i}.between.0`} onCommit={(a) => edit(updateCorrelation, { index: i, patch: { between: [a, c.between[1]] } })} />
                </td>
                <td>
                  <SelectField hideLabel label={`Correlation ${i + 1} second input`} value={c.between[1]} options={continuous} path={`correlations.${i}.between.1`} onCommit={(b) => edit(updateCorrelation, { index: i, patch: { between: [c.between[0], b] } })} />
                </td>
                <td>
                  <ValueField hideLabel label={`Correlation ${i + 1} rank`} value={c.rank} path={`correlations.${i}.rank`} onCommit={(rank) => typeof rank === 'number' && edit(updateCorrelation, { index: i, patch: { rank } })} />
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={`Remove correlation ${i + 1}`} onClick={() => edit(removeCorrelation, { index: i })}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <button type="button" disabled={continuous.length < 2} onClick={() => edit(addCorrelation, { between: [continuous[0]!.value, continuous[1]!.value] })}>
          Add correlation
        </button>
        <span className="hint">Only continuous inputs can be correlated; the achieved rank correlation is close to, not exactly, the target.</span>
      </div>
    </section>
  );
}
