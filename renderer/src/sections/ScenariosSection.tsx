/**
 * The Scenarios section: create, duplicate, rename and delete scenarios; the
 * overrides of the selected scenario listed beside the value as written in
 * the file, each entered and shown in its own unit ("5%" stays 5%); pin
 * values as a new scenario; and the sliders (which numbers get one, with
 * range and step). Numbers are named by their labels, never their paths.
 *
 * Setting one party's share or stake here also writes the others' (the rest
 * pro rata, what-if-rules.ts), visibly, as overrides of their own: the file
 * then says exactly what the scenario values. A scenario read from a file is
 * never changed silently; one that leaves shares not summing to 1 is a
 * problem the validator names.
 */
import { useState } from 'react';
import type { Deal } from '../../../shared/model/schema';
import { getNumberAt } from '../../../shared/model/paths';
import { applyScenario } from '../../../shared/model/paths';
import { numberFields, numberKind } from '../../../shared/model/number-fields';
import { coupledChanges, couplingOf } from '../../../shared/model/what-if-rules';
import { addScenario, addSlider, duplicateScenario, pinScenario, removeScenario, removeSlider, renameScenarioId, scenarioIdProblem, setOverride, setOverrides, updateScenario, updateSlider } from '../edits/scenario-edits';
import { TextField } from '../fields/TextField';
import { ValueField, type ValueKind } from '../fields/ValueField';
import { formatAtPath } from '../results/what-if';
import { useAppStore } from '../store/app-store';
import { EditableTableHead } from '../components/EditableTableHead';

/** How the number at `path` is entered: money and rates in their unit; an input's parameter that reads as a percentage is shown as one. */
function fieldKindOf(deal: Deal, path: string): ValueKind {
  const kind = numberKind(deal, path);
  if (kind === 'money') return 'money';
  if (kind === 'fraction') return path.startsWith('inputs.') ? 'fraction' : 'percent';
  return 'number';
}

function PathPicker({ deal, label, exclude, onPick }: { deal: Deal; label: string; exclude: ReadonlySet<string>; onPick: (path: string) => void }) {
  const [path, setPath] = useState('');
  const options = numberFields(deal).filter((p) => !exclude.has(p.path));
  return (
    <div className="toolbar">
      <label htmlFor={`pick-${label}`}>{label}</label>
      <select id={`pick-${label}`} value={path} onChange={(e) => setPath(e.target.value)}>
        <option value="">Choose a number…</option>
        {options.map((o) => (
          <option key={o.path} value={o.path}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!path}
        onClick={() => {
          onPick(path);
          setPath('');
        }}
      >
        Add
      </button>
    </div>
  );
}

export function ScenariosSection() {
  const deal = useAppStore((s) => s.document?.deal);
  const edit = useAppStore((s) => s.edit);
  // The scenario shown here is the active one: the one the results pane values.
  const selected = useAppStore((s) => s.analysis.scenarioId);
  const select = useAppStore((s) => s.analysisActions.selectScenario);
  const whatIfs = useAppStore((s) => s.analysis.whatIfs);
  const [newName, setNewName] = useState('');
  if (!deal) return null;
  const scenario = deal.scenarios.find((s) => s.id === selected) ?? deal.scenarios[0];
  const labels = new Map(numberFields(deal).map((p) => [p.path, p.label]));
  const sliders = deal.sliders ?? [];
  const sliderValues = () => Object.fromEntries(sliders.flatMap((s) => {
    const v = scenario?.set[s.path] ?? (getNumberAt(deal, s.path).ok ? (getNumberAt(deal, s.path) as { value: number }).value : undefined);
    return v === undefined ? [] : [[s.path, v]];
  }));
  return (
    <div className="section-body">
      <div className="card">
        <h3>Scenarios</h3>
        <ul className="scenario-list" aria-label="Scenarios">
          {deal.scenarios.map((s, i) => (
            <li key={s.id} className={s.id === scenario?.id ? 'selected' : undefined}>
              <button type="button" aria-pressed={s.id === scenario?.id} onClick={() => select(s.id)}>
                {s.name}
                {i === 0 && <span className="muted"> (default)</span>}
                <span className="count">{Object.keys(s.set).length} overrides</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="toolbar">
          <label htmlFor="new-scenario-name">New scenario</label>
          <input id="new-scenario-name" type="text" value={newName} placeholder="e.g. Our opening ask" onChange={(e) => setNewName(e.target.value)} />
          <button
            type="button"
            disabled={!newName.trim()}
            onClick={() => {
              edit(addScenario, { name: newName.trim() });
              const added = useAppStore.getState().document?.deal.scenarios.at(-1);
              if (added) select(added.id);
              setNewName('');
            }}
          >
            Create scenario
          </button>
          <button
            type="button"
            disabled={!sliders.length}
            title="A new scenario holding the active scenario's overrides and where every slider stands now"
            onClick={() => {
              edit(pinScenario, { name: `Pinned ${new Date().toLocaleString()}`, fromScenario: scenario?.id, values: { ...sliderValues(), ...whatIfs } });
              const added = useAppStore.getState().document?.deal.scenarios.at(-1);
              if (added) select(added.id);
            }}
          >
            Pin current values as new scenario
          </button>
        </div>
      </div>
      {scenario && (
        <section className="card" aria-label={`Scenario ${scenario.name}`}>
          <div className="form-grid">
            <TextField label="Scenario name" value={scenario.name} path={`scenarios.${scenario.id}.name`} onCommit={(name) => name.trim() && edit(updateScenario, { id: scenario.id, patch: { name: name.trim() } })} />
            <TextField
              label="Scenario id"
              value={scenario.id}
              path={`scenarios.${scenario.id}.id`}
              validate={(v) => scenarioIdProblem(deal, v.trim(), scenario.id)}
              onCommit={(to) => {
                edit(renameScenarioId, { from: scenario.id, to: to.trim() });
                select(to.trim());
              }}
            />
            <TextField label="Notes" className="wide" value={scenario.notes ?? ''} onCommit={(notes) => edit(updateScenario, { id: scenario.id, patch: { notes } })} />
          </div>
          <div className="toolbar">
            <button type="button" onClick={() => edit(duplicateScenario, { id: scenario.id })}>
              Duplicate scenario
            </button>
            <button type="button" className="danger" disabled={deal.scenarios.length <= 1} onClick={() => edit(removeScenario, { id: scenario.id })}>
              Delete scenario
            </button>
          </div>
          <table className="grid-table" aria-label="Overrides">
            <EditableTableHead columns={['Number', 'As written', 'In this scenario']} />
            <tbody>
              {Object.entries(scenario.set).map(([path, value]) => {
                const base = getNumberAt(deal, path);
                const coupling = couplingOf(deal, path);
                return (
                  <tr key={path}>
                    <th scope="row" title={path}>
                      {labels.get(path) ?? path}
                      {coupling?.kind === 'whole' && <span className="path">Setting it sets the other {coupling.what}s too, so they stay whole.</span>}
                    </th>
                    <td className="number">{base.ok ? formatAtPath(deal, path, base.value) : <span className="field-message">{base.problems[0]?.message}</span>}</td>
                    <td>
                      <ValueField
                        hideLabel
                        label={`Override ${path}`}
                        kind={fieldKindOf(deal, path)}
                        value={value}
                        onCommit={(v) => {
                          if (typeof v !== 'number') return;
                          if (coupling?.kind !== 'whole') {
                            edit(setOverride, { id: scenario.id, path, value: v });
                            return;
                          }
                          // The scenario as it stands, so the others move pro rata from their scenario values.
                          const applied = applyScenario(deal, scenario);
                          edit(setOverrides, { id: scenario.id, values: coupledChanges(applied.ok ? applied.value : deal, path, v) });
                        }}
                      />
                    </td>
                    <td>
                      <button type="button" className="icon-button" aria-label={`Remove override ${path}`} onClick={() => edit(setOverride, { id: scenario.id, path, value: undefined })}>
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
              {Object.keys(scenario.set).length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    No overrides: this scenario values the deal as written.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <PathPicker
            deal={deal}
            label="Override a number"
            exclude={new Set(Object.keys(scenario.set))}
            onPick={(path) => {
              const base = getNumberAt(deal, path);
              edit(setOverride, { id: scenario.id, path, value: base.ok ? base.value : 0 });
            }}
          />
        </section>
      )}
      <section className="card" aria-label="Sliders">
        <h3>Sliders</h3>
        <table className="grid-table sliders-table" aria-label="Slider settings">
          <EditableTableHead columns={['Number', 'Min', 'Max', 'Step', 'Label']} />
          <tbody>
            {sliders.map((s, i) => (
              <tr key={i}>
                <th scope="row" title={s.path}>
                  {s.label || (labels.get(s.path) ?? s.path)}
                </th>
                <td>
                  <ValueField hideLabel label={`Slider ${s.path} min`} kind={fieldKindOf(deal, s.path)} value={s.min} path={`sliders.${i}.min`} onCommit={(v) => typeof v === 'number' && edit(updateSlider, { index: i, patch: { min: v } })} />
                </td>
                <td>
                  <ValueField hideLabel label={`Slider ${s.path} max`} kind={fieldKindOf(deal, s.path)} value={s.max} path={`sliders.${i}.max`} onCommit={(v) => typeof v === 'number' && edit(updateSlider, { index: i, patch: { max: v } })} />
                </td>
                <td>
                  <ValueField hideLabel label={`Slider ${s.path} step`} kind={fieldKindOf(deal, s.path)} value={s.step} path={`sliders.${i}.step`} onCommit={(v) => typeof v === 'number' && edit(updateSlider, { index: i, patch: { step: v } })} />
                </td>
                <td>
                  <TextField hideLabel label={`Slider ${s.path} label`} value={s.label ?? ''} onCommit={(label) => edit(updateSlider, { index: i, patch: { label } })} />
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={`Remove slider ${s.path}`} onClick={() => edit(removeSlider, { index: i })}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <PathPicker deal={deal} label="Add a slider for" exclude={new Set(sliders.map((s) => s.path))} onPick={(path) => edit(addSlider, { path })} />
      </section>
    </div>
  );
}
