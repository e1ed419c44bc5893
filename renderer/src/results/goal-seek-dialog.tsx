/**
 * Goal seek: which value of one number gives a party a target mean NPV
 * ("what royalty rate is worth the same to us as a 40M upfront?"). The answer
 * can be kept as a new scenario (the active scenario's overrides, the
 * what-ifs, and the solved value), which is an ordinary, undoable edit.
 */
import { useEffect, useRef, useState } from 'react';
import type { Deal } from '../../../shared/model/schema';
import { formatMoney } from '../../../shared/format/money';
import { pinScenario } from '../edits/scenario-edits';
import { useAppStore } from '../store/app-store';
import { moneyFormatOf, formatIterations } from './results-format';
import { formatSliderValue, sliderKind, sliderLabel } from './what-if';

export function GoalSeekDialog({ deal, scenarioId, onClose }: { deal: Deal; scenarioId: string; onClose: () => void }) {
  const goal = useAppStore((s) => s.analysis.goalSeek);
  const whatIfs = useAppStore((s) => s.analysis.whatIfs);
  const actions = useAppStore((s) => s.analysisActions);
  const edit = useAppStore((s) => s.edit);
  const sliders = deal.sliders ?? [];
  const [path, setPath] = useState(sliders[0]?.path ?? '');
  const [party, setParty] = useState(deal.us);
  const [target, setTarget] = useState('');
  const [name, setName] = useState('');
  const [applied, setApplied] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const money = moneyFormatOf(deal);

  useEffect(() => {
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    actions.clearGoalSeek();
  }, [actions]);

  const targetNumber = Number(target.replace(/[,\s]/g, ''));
  const canSolve = path.trim() !== '' && target.trim() !== '' && Number.isFinite(targetNumber);
  const partyName = deal.parties.find((p) => p.id === party)?.name ?? party;
  const knownSlider = sliders.find((s) => s.path === path);
  const label = knownSlider ? sliderLabel(deal, knownSlider) : path;

  return (
    <dialog ref={dialogRef} className="goal-seek" aria-labelledby="goal-seek-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSolve) actions.solveGoal({ path: path.trim(), party, target: targetNumber });
        }}
      >
        <h2 id="goal-seek-title">Goal seek</h2>
        <p className="muted small">Find the value of one number that gives a party the mean NPV you name, in the scenario on screen with the current what-ifs.</p>
        <label>
          Number to vary
          <input list="goal-seek-paths" value={path} onChange={(e) => setPath(e.target.value)} aria-describedby="goal-seek-path-hint" />
          <datalist id="goal-seek-paths">
            {sliders.map((s) => (
              <option key={s.path} value={s.path}>
                {sliderLabel(deal, s)}
              </option>
            ))}
          </datalist>
          <span id="goal-seek-path-hint" className="muted small">
            {knownSlider ? label : 'A number path such as terms.royalty.tiers.0.rate'}
          </span>
        </label>
        <label>
          Party
          <select value={party} onChange={(e) => setParty(e.target.value)}>
            {deal.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Target mean NPV ({money.currency} {deal.unit === 'one' ? '' : deal.unit})
          <input inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Target mean NPV" />
        </label>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!canSolve || goal.status === 'running'}>
            {goal.status === 'running' ? 'Solving…' : 'Solve'}
          </button>
          <button type="button" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
        <div aria-live="polite">
          {goal.status === 'error' && (
            <p className="error" role="alert">
              {goal.message}
            </p>
          )}
          {goal.status === 'done' && !goal.value.ok && (
            <p className="error" role="alert">
              {goal.value.message}
            </p>
          )}
          {goal.status === 'done' && goal.value.ok && (
            <div className="goal-answer">
              <p aria-label="Goal seek answer">
                {label} = <strong>{formatSliderValue(goal.value.value, sliderKind(goal.value.path), money)}</strong> gives {partyName} a mean NPV of{' '}
                {formatMoney(goal.value.achievedMean, money)} (target {formatMoney(goal.value.target, money)}, {formatIterations(goal.value.iterations)} iterations).
              </p>
              <label>
                New scenario name
                <input value={name} placeholder={`${label} for ${partyName} at ${formatMoney(goal.value.target, money)}`} onChange={(e) => setName(e.target.value)} />
              </label>
              <button
                type="button"
                onClick={() => {
                  if (goal.status !== 'done' || !goal.value.ok) return;
                  const scenarioName = name.trim() || `${label} for ${partyName} at ${formatMoney(goal.value.target, money)}`;
                  const ok = edit(pinScenario, { name: scenarioName, fromScenario: scenarioId, values: { ...whatIfs, [goal.value.path]: goal.value.value } });
                  setApplied(ok ? scenarioName : null);
                }}
              >
                Apply as new scenario
              </button>
              {applied && (
                <p role="status" className="small">
                  Added scenario “{applied}”.
                </p>
              )}
            </div>
          )}
        </div>
      </form>
    </dialog>
  );
}
