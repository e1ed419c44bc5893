/**
 * One round, open: who made it, when, what became of it, its name and notes;
 * its terms (every number of the terms as this offer states it, edited in
 * place: an edit is an override of the round, a number set back to what the
 * file says is none); and its moves since the round before with what each was
 * worth to each side (on common random numbers, with the standard error of
 * the paired difference), and the round's total.
 */
import type { NegotiationResult } from '../../../shared/engine/negotiation';
import { coupledChanges } from '../../../shared/model/what-if-rules';
import { numberKind } from '../../../shared/model/number-fields';
import { roundMoves } from '../../../shared/model/round-moves';
import { roundName, roundsOf, STATUS_WORDS } from '../../../shared/model/rounds';
import { ROUND_STATUSES, type Deal, type Round } from '../../../shared/model/schema';
import { EditableTableHead } from '../components/EditableTableHead';
import { removeRound, roundToScenario, setRoundTerms, updateRound } from '../edits/round-edits';
import { useId, useRef } from 'react';
import { useDealProblems, useFieldProblem, useFocusRequest } from '../fields/field-hooks';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ValueField } from '../fields/ValueField';
import { useAppStore } from '../store/app-store';
import { formatAtPath } from '../results/what-if';
import { Worth } from './worth';
import { acceptBlocked, dealAt, negotiableNumbers, numberAt, sidesOf, worthText } from './negotiation-view';

/** The round's day: the browser's date picker, kept between the rounds around it; a problem of the file shows under it. */
function DateField({ path, value, min, max, onCommit }: { path: string; value: string; min: string | undefined; max: string | undefined; onCommit: (date: string) => void }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const problem = useFieldProblem(path);
  useFocusRequest(path, ref);
  return (
    <div className={`field ${problem ? 'field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        Date
      </label>
      <input ref={ref} id={id} type="date" value={value} min={min} max={max} aria-invalid={problem ? true : undefined} onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && onCommit(e.target.value)} />
      {problem && (
        <span className="field-message" role="status">
          {problem.message}
        </span>
      )}
    </div>
  );
}

export function RoundCard({ deal, round, index, result, stale }: { deal: Deal; round: Round; index: number; result: NegotiationResult | null; stale: NegotiationResult | null }) {
  const edit = useAppStore((s) => s.edit);
  const selectPosition = useAppStore((s) => s.analysisActions.selectScenario);
  const active = useAppStore((s) => s.analysis.scenarioId);
  const rounds = roundsOf(deal);
  const before = index > 0 ? rounds[index - 1]! : null;
  const moves = roundMoves(deal, index);
  const valued = (result ?? stale)?.rounds.find((r) => r.id === round.id);
  const sides = sidesOf(deal);
  const name = roundName(deal, round);
  // The problems list's form of the round's path (negotiation.rounds.1.date), so each field shows its own problem.
  const at = `negotiation.rounds.${index}`;
  // What the file says is wrong with the round as a whole (it follows an accepted round, its numbers make a term invalid).
  const roundProblems = useDealProblems().filter((p) => p.path === at);
  const kindOf = (path: string) => {
    const kind = numberKind(deal, path);
    return kind === 'money' ? 'money' : kind === 'fraction' ? 'percent' : 'number';
  };
  // The days this round may take: not before the round before it, not after the round after it.
  const minDate = before?.date;
  // Accepting a round ends the negotiation: only the last round can be, and only one.
  const cannotAccept = acceptBlocked(deal, round.id);
  const statusOptions = ROUND_STATUSES.map((s) => (s === 'accepted' && cannotAccept ? { value: s, label: `${STATUS_WORDS[s]} (${cannotAccept})`, disabled: true } : { value: s, label: STATUS_WORDS[s] }));
  const maxDate = rounds[index + 1]?.date;

  return (
    <section className="card round-card" aria-label={`Round ${index + 1}: ${name}`}>
      <div className="card-header">
        <h3>
          R{index + 1} · {name}
        </h3>
        <div className="card-actions">
          <button type="button" className="small" disabled={active === round.id} onClick={() => selectPosition(round.id)} title="Value this round in the results pane, with the sliders">
            {active === round.id ? 'In the results' : 'Show in results'}
          </button>
          <button type="button" className="small" onClick={() => edit(roundToScenario, { id: round.id })}>
            Copy as scenario
          </button>
          <button type="button" className="small danger" onClick={() => edit(removeRound, { id: round.id })}>
            Delete round
          </button>
        </div>
      </div>
      {roundProblems.length > 0 && (
        <ul className="field-message" role="status" aria-label="Problems of this round">
          {roundProblems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="form-grid">
        <TextField label="Round name" value={round.name ?? ''} placeholder={name} path={`${at}.name`} onCommit={(v) => edit(updateRound, { id: round.id, patch: { name: v } })} />
        <DateField path={`${at}.date`} value={round.date} min={minDate} max={maxDate} onCommit={(date) => edit(updateRound, { id: round.id, patch: { date } })} />
        <SelectField label="Offer by" value={round.by} path={`${at}.by`} options={deal.parties.map((p) => ({ value: p.id, label: p.name }))} onCommit={(by) => edit(updateRound, { id: round.id, patch: { by } })} />
        <SelectField label="Status" value={round.status} path={`${at}.status`} options={statusOptions} onCommit={(status) => edit(updateRound, { id: round.id, patch: { status } })} />
        <TextField label="Notes (internal)" className="wide" value={round.notes ?? ''} path={`${at}.notes`} onCommit={(notes) => edit(updateRound, { id: round.id, patch: { notes } })} />
      </div>

      <h4>Moves from {before ? roundName(deal, before) : 'the file as written'}</h4>
      {moves.length === 0 ? (
        <p className="muted small">No number moved.</p>
      ) : (
        <table className={`grid-table moves-table${result ? '' : ' stale'}`} aria-label="Moves">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">From → to</th>
              <th scope="col" className="number">
                Worth to {sides?.us.name ?? 'us'}
              </th>
              <th scope="col" className="number">
                Worth to {sides?.them.name ?? 'them'}
              </th>
            </tr>
          </thead>
          <tbody>
            {moves.map((m) => {
              const worth = valued?.moves.find((x) => x.path === m.path && x.from === m.from && x.to === m.to);
              return (
                <tr key={m.path}>
                  <th scope="row" title={m.path}>
                    {m.label}
                  </th>
                  <td>
                    {formatAtPath(deal, m.path, m.from)} → {formatAtPath(deal, m.path, m.to)}
                  </td>
                  {worth && !worth.worth ? (
                    <td colSpan={2} className="muted small" title={worth.note}>
                      only with the other moves ({worth.note?.replace(/^cannot be made on its own: /, '')})
                    </td>
                  ) : (
                    <>
                      <td className="number worth">{worth ? <Worth text={worthText(deal, worth.worth, sides?.us.id ?? '')} /> : '…'}</td>
                      <td className="number worth">{worth ? <Worth text={worthText(deal, worth.worth, sides?.them.id ?? '')} /> : '…'}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
          {valued && moves.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  The round, all moves together
                </th>
                <td className="number worth"><Worth text={worthText(deal, valued.total, sides?.us.id ?? '')} /></td>
                <td className="number worth"><Worth text={worthText(deal, valued.total, sides?.them.id ?? '')} /></td>
              </tr>
            </tfoot>
          )}
        </table>
      )}

      <h4>Terms of this offer</h4>
      <table className="grid-table round-terms" aria-label="Terms of this offer">
        <EditableTableHead columns={['Number', 'As written', 'In this offer']} />
        <tbody>
          {negotiableNumbers(deal, round.set).map((f) => {
            const value = numberAt(deal, round.id, f.path);
            const written = numberAt(deal, null, f.path);
            if (value === undefined) return null;
            const moved = moves.some((m) => m.path === f.path);
            return (
              <tr key={f.path} className={moved ? 'moved' : undefined}>
                <th scope="row" title={f.path}>
                  {f.label}
                </th>
                <td className="number muted">{written === undefined ? '' : formatAtPath(deal, f.path, written)}</td>
                <td>
                  <ValueField
                    hideLabel
                    label={`${f.label} in this offer`}
                    kind={kindOf(f.path)}
                    value={value}
                    onCommit={(v) => {
                      if (typeof v !== 'number') return;
                      // A share writes the other shares with it, as every editor of a number does.
                      edit(setRoundTerms, { id: round.id, values: coupledChanges(dealAt(deal, round.id), f.path, v) });
                    }}
                  />
                </td>
                <td>
                  {round.set[f.path] !== undefined && (
                    <button type="button" className="icon-button" aria-label={`Back to as written: ${f.label}`} title="Back to the file as written" onClick={() => edit(setRoundTerms, { id: round.id, values: { [f.path]: undefined } })}>
                      ↺
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
