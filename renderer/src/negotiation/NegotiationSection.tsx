/**
 * The Negotiation view: the rounds as a timeline (who offered what, when,
 * what became of it, each side's value and chance of beating its
 * walk-away), recording the other side's counter and answering it, the
 * selected round's terms and what each of its moves was worth, the
 * negotiation chart, the efficient frontier and the exchange rates. Every
 * change to the rounds is an edit (undo and redo cover it); every round is
 * valued again as soon as the deal changes, on the same draws.
 */
import { useEffect } from 'react';
import { roundName, roundsOf, STATUS_WORDS } from '../../../shared/model/rounds';
import { formatPercent } from '../../../shared/format/percent';
import { HelpLink } from '../help/help-link';
import { useAppStore } from '../store/app-store';
import { latest } from '../store/negotiation-slice';
import { answerWith, recordOffer } from '../edits/round-edits';
import { resolveScenarioId } from '../results/what-if';
import { formatIterations } from '../results/results-format';
import { FrontierCard } from './frontier-card';
import { NegotiationChartCard } from './negotiation-chart-card';
import { RoundCard } from './round-card';
import { TradesCard } from './trades-card';
import { useDealProblems } from '../fields/field-hooks';
import { addRoundAndOpen, fixProblemsFirst, money, newRoundBlocked, sidesOf, termsOnTable } from './negotiation-view';
import './negotiation.css';

export function NegotiationSection() {
  const deal = useAppStore((s) => s.document?.deal);
  const state = useAppStore((s) => s.negotiation);
  const docKey = useAppStore((s) => s.docKey);
  const actions = useAppStore((s) => s.negotiationActions);
  const active = useAppStore((s) => s.analysis.scenarioId);
  const selectPosition = useAppStore((s) => s.analysisActions.selectScenario);
  const focusRequest = useAppStore((s) => s.focusRequest);
  const problems = useDealProblems().length;
  // Every round is valued again when the deal changes (a recorded offer is valued as it is typed); an
  // invalid deal is not sent (the engine would refuse it): the last figures stay, dimmed, until it is fixed.
  useEffect(() => {
    if (deal && roundsOf(deal).length > 0 && problems === 0) actions.valueRounds();
  }, [deal, actions, problems]);
  // A problem in a round (from the problems list) opens that round.
  useEffect(() => {
    // The problems list names a round negotiation.rounds.1 (its fields below it); the file's own form is negotiation.rounds[1].
    const m = focusRequest ? /^negotiation\.rounds(?:\.(\d+)(?=\.|$)|\[(\d+)\])/.exec(focusRequest.path) : null;
    const index = m ? Number(m[1] ?? m[2]) : -1;
    const round = index >= 0 && deal ? roundsOf(deal)[index] : undefined;
    if (round) actions.selectRound(round.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request opens a round, not every edit
  }, [focusRequest, actions]);
  if (!deal) return null;
  const sides = sidesOf(deal);
  const rounds = roundsOf(deal);
  const mine = state.docKey === docKey;
  const valued = mine ? latest(state.rounds) : null;
  const fresh = valued?.for === deal;
  const selected = rounds.find((r) => r.id === state.selectedRound) ?? rounds.at(-1);
  const activeId = resolveScenarioId(deal, active);
  const blocked = newRoundBlocked(deal);

  const open = (id: string) => {
    actions.selectRound(id);
    selectPosition(id);
  };
  const recordTheirs = () => sides && addRoundAndOpen(recordOffer, { by: sides.them.id, set: termsOnTable(deal, activeId), name: `${sides.them.name} offer` });
  const answer = (from: string) => {
    if (!sides) return;
    const set = from === '' ? termsOnTable(deal, activeId) : { ...(deal.scenarios.find((s) => s.id === from)?.set ?? {}) };
    addRoundAndOpen(answerWith, { by: sides.us.id, set, name: 'Our offer' });
  };

  return (
    <div className="section-body negotiation">
      <section className="card" aria-label="Negotiation rounds">
        <div className="card-header">
          <h3>Rounds</h3>
          <HelpLink topic="negotiation" />
        </div>
        <div className="toolbar">
          <button type="button" className="primary" disabled={!sides || blocked !== null} onClick={recordTheirs} title={blocked ?? 'A new round by the other side, starting from the terms on the table: change the numbers they changed'}>
            Record their offer
          </button>
          <label className="answer-with">
            Answer with{' '}
            <select aria-label="Answer with" value="" disabled={!sides || blocked !== null} title={blocked ?? undefined} onChange={(e) => e.target.value !== 'choose' && answer(e.target.value === 'table' ? '' : e.target.value)}>
              <option value="choose" hidden>
                choose…
              </option>
              <option value="table">{rounds.length ? 'their terms, to edit' : 'the terms on screen'}</option>
              {deal.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  scenario {s.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {blocked && <p className="muted small">{blocked}</p>}
        {rounds.length === 0 ? (
          <p className="muted">No rounds yet. Record the other side's offer, or answer with a scenario, and each round is valued on the same draws as the others.</p>
        ) : (
          <>
            <table className="grid-table rounds-table" aria-label="Rounds">
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  <th scope="col" className="number">
                    {sides?.us.name ?? 'Us'}
                  </th>
                  <th scope="col" className="number">
                    {sides?.them.name ?? 'Them'}
                  </th>
                  <th scope="col" className="number" title="Chance that every party beats its walk-away">
                    All ≥ walk-away
                  </th>
                </tr>
              </thead>
              <tbody className={fresh ? undefined : 'stale'}>
                {rounds.map((r, i) => {
                  const v = valued?.value.rounds.find((x) => x.id === r.id);
                  const cell = (party: string | undefined) => (v && party ? `${money(deal, v.parties[party]!.mean)} · ${formatPercent(v.parties[party]!.pAboveWalkAway, 1)}` : '…');
                  const by = deal.parties.find((p) => p.id === r.by)?.name ?? r.by;
                  return (
                    <tr key={r.id} className={`${r.id === selected?.id ? 'selected' : ''} ${r.by === deal.us ? 'ours' : 'theirs'}`} aria-selected={r.id === selected?.id}>
                      <th scope="row">
                        <button type="button" className="link-button round-name" onClick={() => open(r.id)} aria-label={`Open round ${i + 1}: ${roundName(deal, r)}`}>
                          R{i + 1} · {roundName(deal, r)}
                        </button>
                        <span className="path">
                          {r.date} · {by} · <span className={`status status-${r.status}`}>{STATUS_WORDS[r.status]}</span>
                        </span>
                      </th>
                      <td className="number">{cell(sides?.us.id)}</td>
                      <td className="number">{cell(sides?.them.id)}</td>
                      <td className="number">{v ? formatPercent(v.pAllAboveWalkAway, 1) : '…'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="muted small" aria-live="polite" aria-label="Rounds valuation">
              {problems > 0 ? (
                <span className="field-message">{fixProblemsFirst(problems)}{valued ? ' The figures shown are from before the last edit.' : ''}</span>
              ) : state.rounds.status === 'error' && mine ? (
                <span className="field-message">{state.rounds.message}</span>
              ) : valued ? (
                <>
                  Mean NPV · chance of beating the walk-away; {formatIterations(valued.value.iterations)} iterations, seed {valued.value.seed}, the same draws for every round{fresh ? '' : ' · valuing the changes…'}
                </>
              ) : (
                'Valuing the rounds…'
              )}
            </p>
          </>
        )}
      </section>
      {selected && <RoundCard deal={deal} round={selected} index={rounds.indexOf(selected)} result={fresh ? (valued?.value ?? null) : null} stale={valued?.value ?? null} />}
      {rounds.length > 0 && sides && <NegotiationChartCard deal={deal} sides={sides} />}
      {sides && <FrontierCard deal={deal} sides={sides} />}
      {sides && <TradesCard deal={deal} sides={sides} />}
    </div>
  );
}
