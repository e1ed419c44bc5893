/** The Series section: each per-period formula in its own Monaco editor, with its id, in evaluation-independent file order. */
import { freshId, idProblem } from '../edits/ids';
import { addSeries, removeSeries, renameSeries, setSeriesFormula } from '../edits/series-edits';
import { TextField } from '../fields/TextField';
import { FormulaEditor } from '../formula/FormulaEditor';
import { useAppStore } from '../store/app-store';

export function SeriesSection() {
  const deal = useAppStore((s) => s.document?.deal);
  const edit = useAppStore((s) => s.edit);
  const requestFocus = useAppStore((s) => s.requestFocus);
  if (!deal) return null;
  const entries = Object.entries(deal.series);
  const add = () => {
    const id = freshId(deal, 'series');
    if (edit(addSeries, { id })) setTimeout(() => requestFocus(`series.${id}.id`), 0);
  };
  return (
    <div className="section-body">
      <p className="hint">
        Each series is evaluated every period <code>t</code> (0-based). Use inputs, other series (same period), <code>t</code>, <code>year</code>, <code>terminated</code>, <code>prev(x)</code>, <code>cumsum(x)</code>, <code>min max abs sqrt exp log floor ceil round</code>, <code>and or not</code>, <code>? :</code>.
      </p>
      {entries.map(([id, formula], i) => (
        <section key={i} className="card series-card" aria-label={`Series ${id}`}>
          <div className="series-row">
            <TextField label={`Series ${i + 1} id`} hideLabel value={id} path={`series.${id}.id`} className="series-id" validate={(v) => idProblem(deal, v.trim(), id)} onCommit={(to) => edit(renameSeries, { from: id, to: to.trim() })} />
            <span className="equals" aria-hidden="true">
              =
            </span>
            <FormulaEditor key={id} label={`Formula of ${id}`} value={formula} scope="series" self={id} path={`series.${id}`} onCommit={(f) => edit(setSeriesFormula, { id, formula: f })} />
            <button type="button" className="icon-button" aria-label={`Remove series ${id}`} onClick={() => edit(removeSeries, { id })}>
              ✕
            </button>
          </div>
        </section>
      ))}
      <div className="toolbar">
        <button type="button" onClick={add}>
          Add series
        </button>
      </div>
    </div>
  );
}
