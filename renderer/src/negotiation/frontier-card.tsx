/**
 * The efficient frontier in the view: which numbers to vary (up to 4 of the
 * sliders, each within its range), from which position, optionally only
 * structures that give the other side a chance of beating its walk-away; a
 * long run with progress and Cancel; then the structures on the frontier,
 * each of which becomes a scenario or our next round in one edit.
 */
import { useState } from 'react';
import type { FrontierPoint, FrontierResult } from '../../../shared/engine/frontier';
import { formatPercent } from '../../../shared/format/percent';
import type { Deal } from '../../../shared/model/schema';
import { answerWith } from '../edits/round-edits';
import { addScenario } from '../edits/scenario-edits';
import { ValueField } from '../fields/ValueField';
import { HelpLink } from '../help/help-link';
import { formatAtPath, resolveScenarioId, sliderLabel } from '../results/what-if';
import { useAppStore } from '../store/app-store';
import { useDealProblems } from '../fields/field-hooks';
import { addRoundAndOpen, fixProblemsFirst, startingPosition, money, newRoundBlocked, setWithValues, type Sides } from './negotiation-view';
import { PositionPicker } from './position-picker';

/** Rows shown before "Show all": enough to read the shape of the frontier. */
const SHOWN = 12;
const MAX_NUMBERS = 4;

/** Every k-th point, the ends always kept. */
function thinned<T>(points: readonly T[], n: number): T[] {
  if (points.length <= n) return [...points];
  return Array.from({ length: n }, (_, i) => points[Math.round((i * (points.length - 1)) / (n - 1))]!);
}

function pointName(deal: Deal, f: FrontierResult, p: FrontierPoint): string {
  return f.axes.map((a) => `${a.label} ${formatAtPath(deal, a.path, p.set[a.path]!)}`).join(', ');
}

export function FrontierCard({ deal, sides }: { deal: Deal; sides: Sides }) {
  const state = useAppStore((s) => s.negotiation.frontier);
  const mine = useAppStore((s) => s.negotiation.docKey === s.docKey);
  const actions = useAppStore((s) => s.negotiationActions);
  const edit = useAppStore((s) => s.edit);
  const active = useAppStore((s) => s.analysis.scenarioId);
  // A structure is an offer: the terms' numbers. Assumptions (inputs) and walk-aways have sliders for
  // what-ifs, but an offer that moved one would write a market assumption or a reservation into a round.
  const sliders = (deal.sliders ?? []).filter((s) => s.path.startsWith('terms.'));
  const negotiable = sliders;
  const [picked, setPicked] = useState<string[] | null>(null);
  const chosen = (picked ?? negotiable.slice(0, 2).map((s) => s.path)).filter((p) => sliders.some((s) => s.path === p));
  const [from, setFrom] = useState<string | null>(null);
  const base = startingPosition(deal, from, resolveScenarioId(deal, active));
  const [floor, setFloor] = useState<number | undefined>(undefined);
  const [points, setPoints] = useState<number | undefined>(undefined);
  // The run bar's iteration count (the deal's own by default) values every structure.
  const iterations = useAppStore((s) => s.analysis.iterations) ?? deal.simulation.iterations;
  const [all, setAll] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);
  const running = mine && state.status === 'running';
  const problems = useDealProblems().length;
  const noRound = newRoundBlocked(deal);
  const done = mine && state.status === 'done' ? state : null;

  const toggle = (path: string) => setPicked(chosen.includes(path) ? chosen.filter((p) => p !== path) : [...chosen, path].slice(-MAX_NUMBERS));
  const apply = (f: FrontierResult, p: FrontierPoint, as: 'scenario' | 'round') => {
    const set = setWithValues(deal, f.scenario, p.set);
    if (!set.ok) return setApplied(`Not applied: ${set.message}`);
    const name = pointName(deal, f, p);
    if (as === 'scenario') {
      if (edit(addScenario, { name: `Frontier: ${name}`, set: set.set })) setApplied(`Added the scenario "Frontier: ${name}".`);
      return;
    }
    const added = addRoundAndOpen(answerWith, { by: sides.us.id, set: set.set, name: 'Our offer (frontier)' });
    if (added) setApplied(`Recorded as our next round (${added}): ${name}.`);
  };

  return (
    <section className="card frontier-card" aria-label="Efficient frontier">
      <div className="card-header">
        <h3>Efficient frontier</h3>
        <HelpLink topic="frontier" />
      </div>
      {sliders.length === 0 ? (
        <p className="muted">The frontier varies the terms' numbers within their sliders' ranges: add a slider on a term's number (an amount, a rate, a share) in Scenarios first.</p>
      ) : (
        <>
          <fieldset className="frontier-numbers">
            <legend>Terms to vary (up to {MAX_NUMBERS}, each within its slider's range)</legend>
            {sliders.map((s) => (
              <label key={s.path}>
                <input type="checkbox" checked={chosen.includes(s.path)} onChange={() => toggle(s.path)} /> {sliderLabel(deal, s)}
              </label>
            ))}
          </fieldset>
          <div className="toolbar">
            <PositionPicker deal={deal} label="From" value={base} onChange={setFrom} />
            <ValueField label="Their chance of beating the walk-away, at least" shortLabel="Floor for them" kind="percent" optional value={floor} placeholder="none" onCommit={(v) => setFloor(typeof v === 'number' ? v : undefined)} className="floor-field" />
            <ValueField
              label="Points per number (the sliders' steps when empty)"
              shortLabel="Points per number"
              kind="integer"
              optional
              value={points}
              placeholder="slider steps"
              onCommit={(v) => setPoints(typeof v === 'number' && v >= 2 ? Math.min(4096, Math.round(v)) : undefined)}
              className="floor-field"
            />
          </div>
          <div className="toolbar">
            {running ? (
              <span className="run-progress" role="group" aria-label="Frontier progress">
                <progress max={state.total || 1} value={state.done} aria-label="Structures valued" />
                <span className="muted small">
                  {Math.round(state.done)} structures valued{state.total ? ` (of at most ${state.total})` : ''}
                </span>
                <button type="button" onClick={actions.cancelFrontier}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" className="primary" disabled={chosen.length === 0 || problems > 0} title={problems > 0 ? fixProblemsFirst(problems) : undefined} onClick={() => actions.startFrontier({ paths: chosen, scenarioId: base, party: sides.us.id, other: sides.them.id, iterations, ...(floor === undefined ? {} : { floor }), ...(points === undefined ? {} : { points }) })}>
                Find the frontier
              </button>
            )}
            {problems > 0 && !running && <span className="muted small">{fixProblemsFirst(problems)}</span>}
          </div>
          {mine && state.status === 'error' && (
            <p className="error" role="alert">
              {state.message}
            </p>
          )}
          {done && (
            <>
              <p className="muted small" aria-label="Frontier summary">
                {done.value.points.length} structures on the frontier, from {done.value.scenario}; {done.value.valued} of the grid's {done.value.gridPoints} structures valued ({formatPercent(done.value.valued / done.value.gridPoints, 0)})
                {done.value.fullGridBecause ? ` (${done.value.fullGridBecause})` : ''}; {done.value.iterations.toLocaleString('en-US')} iterations each, the same draws.
                {done.for !== deal ? ' Found before the last edit.' : ''}
              </p>
              <table className="grid-table frontier-table" aria-label="Frontier structures">
                <thead>
                  <tr>
                    {done.value.axes.map((a) => (
                      <th key={a.path} scope="col">
                        {a.label}
                      </th>
                    ))}
                    <th scope="col" className="number">
                      {sides.us.name}
                    </th>
                    <th scope="col" className="number">
                      {sides.them.name}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Apply</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(all ? done.value.points : thinned(done.value.points, SHOWN)).map((p) => {
                    const key = JSON.stringify(p.set);
                    const name = pointName(deal, done.value, p);
                    return (
                      <tr key={key}>
                        {done.value.axes.map((a) => (
                          <td key={a.path}>{formatAtPath(deal, a.path, p.set[a.path]!)}</td>
                        ))}
                        <td className="number">{money(deal, p.parties[done.value.party]!.mean)}</td>
                        <td className="number">
                          {money(deal, p.parties[done.value.other]!.mean)} · {formatPercent(p.parties[done.value.other]!.pAboveWalkAway, 0)}
                        </td>
                        <td className="row-actions">
                          <button type="button" className="small" aria-label={`As scenario: ${name}`} onClick={() => apply(done.value, p, 'scenario')}>
                            Scenario
                          </button>
                          <button type="button" className="small" aria-label={`As our next round: ${name}`} disabled={noRound !== null} title={noRound ?? undefined} onClick={() => apply(done.value, p, 'round')}>
                            Next round
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {done.value.points.length > SHOWN && (
                <button type="button" className="link-button" onClick={() => setAll(!all)}>
                  {all ? `Show ${SHOWN}` : `Show all ${done.value.points.length}`}
                </button>
              )}
              {applied && (
                <p className="muted small" role="status">
                  {applied}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
