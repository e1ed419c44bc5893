/**
 * Goal seek: which value of one number gives a party a target mean NPV
 * ("what royalty rate is worth the same to us as a 40M upfront?"). The number
 * is chosen from a list of labelled numbers (the sliders first, then every
 * number of the deal); the search may go past the slider's range as far as
 * the number stays valid; answers and failures read in labels and formatted
 * figures. The answer can be kept as a new scenario (the active scenario's
 * overrides, the what-ifs, and the solved value with what moves with it),
 * which is an ordinary, undoable edit.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SolveResult } from '../../../shared/engine/results';
import type { Deal } from '../../../shared/model/schema';
import { formatMoney, formatMoneyEstimate, moneyUnitCaption, type MoneyFormat } from '../../../shared/format/money';
import { numberFields, numberLabel } from '../../../shared/model/number-fields';
import { withNumber } from '../../../shared/model/what-if-rules';
import { pinScenario } from '../edits/scenario-edits';
import { HelpLink } from '../help/help-link';
import { useAppStore } from '../store/app-store';
import { moneyFormatOf, formatIterations } from './results-format';
import { formatAtPath, sliderLabel, whatIfPosition } from './what-if';

/** A goal-seek answer or failure in the negotiator's words. */
export function describeSolve(deal: Deal, result: SolveResult, partyName: string, money: MoneyFormat, label = numberLabel(deal, result.path)): string {
  const fmt = (v: number) => formatAtPath(deal, result.path, v);
  const npv = (v: number) => formatMoneyEstimate(v, money);
  if (result.ok) {
    const slider = deal.sliders?.find((s) => s.path === result.path);
    const beyond = slider && (result.value < slider.min || result.value > slider.max) ? ` (outside the slider's range, ${fmt(slider.min)} to ${fmt(slider.max)})` : '';
    return `${label} = ${fmt(result.value)}${beyond} gives ${partyName} a mean NPV of ${npv(result.achievedMean)} (target ${formatMoney(result.target, money)}, ${formatIterations(result.iterations)} iterations).`;
  }
  if (result.jump) {
    return `${partyName}'s mean NPV jumps across ${formatMoney(result.target, money)} near ${label} = ${fmt(result.jump.near)} (closest ${npv(result.jump.closest)}): no value gives it exactly.`;
  }
  if (result.searched && result.reached && Number.isFinite(result.searched.from)) {
    return `No value of ${label} from ${fmt(result.searched.from)} to ${fmt(result.searched.to)} gives ${partyName} a mean NPV of ${formatMoney(result.target, money)}: it ranges from about ${npv(result.reached.lowest)} to ${npv(result.reached.highest)} there.`;
  }
  return result.message;
}

export function GoalSeekDialog({ deal, scenarioId, onClose }: { deal: Deal; scenarioId: string; onClose: () => void }) {
  const goal = useAppStore((s) => s.analysis.goalSeek);
  const whatIfs = useAppStore((s) => s.analysis.whatIfs);
  const actions = useAppStore((s) => s.analysisActions);
  const edit = useAppStore((s) => s.edit);
  const sliders = useMemo(() => deal.sliders ?? [], [deal]);
  const position = whatIfPosition(deal, scenarioId, whatIfs);
  const others = useMemo(() => {
    const onSliders = new Set(sliders.map((s) => s.path));
    return position.deal ? numberFields(position.deal).filter((f) => !onSliders.has(f.path)) : [];
  }, [position.deal, sliders]);
  const [path, setPath] = useState(sliders[0]?.path ?? others[0]?.path ?? '');
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
  const canSolve = path !== '' && target.trim() !== '' && Number.isFinite(targetNumber);
  const partyName = deal.parties.find((p) => p.id === party)?.name ?? party;
  const slider = sliders.find((s) => s.path === path);
  const label = slider ? sliderLabel(deal, slider) : numberLabel(deal, path);

  return (
    <dialog ref={dialogRef} className="goal-seek" aria-labelledby="goal-seek-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSolve) actions.solveGoal({ path, party, target: targetNumber });
        }}
      >
        <h2 id="goal-seek-title">
          Goal seek <HelpLink topic="goal-seek" />
        </h2>
        <p className="muted small">Find the value of one number that gives a party the mean NPV you name, in the scenario on screen with the current what-ifs.</p>
        <label>
          Number to vary
          <select value={path} onChange={(e) => setPath(e.target.value)} aria-describedby="goal-seek-path-hint">
            {sliders.length > 0 && (
              <optgroup label="Sliders">
                {sliders.map((s) => (
                  <option key={s.path} value={s.path}>
                    {sliderLabel(deal, s)}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Other numbers of the deal">
              {others.map((f) => (
                <option key={f.path} value={f.path}>
                  {f.label}
                </option>
              ))}
            </optgroup>
          </select>
          <span id="goal-seek-path-hint" className="muted small">
            {slider
              ? `Searches the slider's range (${formatAtPath(deal, path, slider.min)} to ${formatAtPath(deal, path, slider.max)}) first, then as far as the number stays valid.`
              : 'Searches outward from the current value, as far as the number stays valid.'}
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
          Target mean NPV ({moneyUnitCaption(money)})
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
              {describeSolve(deal, goal.value, partyName, money, label)}
            </p>
          )}
          {goal.status === 'done' && goal.value.ok && (
            <div className="goal-answer">
              <p aria-label="Goal seek answer">{describeSolve(deal, goal.value, partyName, money, label)}</p>
              <label>
                New scenario name
                <input value={name} placeholder={`${label} for ${partyName} at ${formatMoney(goal.value.target, money)}`} onChange={(e) => setName(e.target.value)} />
              </label>
              <button
                type="button"
                onClick={() => {
                  if (goal.status !== 'done' || !goal.value.ok || !position.deal) return;
                  const moved = withNumber(position.deal, goal.value.path, goal.value.value);
                  if (!moved.ok) return;
                  const scenarioName = name.trim() || `${label} for ${partyName} at ${formatMoney(goal.value.target, money)}`;
                  const ok = edit(pinScenario, { name: scenarioName, fromScenario: scenarioId, values: { ...position.changes, ...moved.value.changes } });
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
