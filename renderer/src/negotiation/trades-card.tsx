/**
 * What each move is worth to each side ("exchange rates"): for every slider,
 * each side's change of mean NPV for one step up and one step down from a
 * position (on common random numbers, ± the standard error of the paired
 * difference), the rate between the sides, the concessions that cost us less
 * than they give them, and pairs of moves measured to raise both sides'
 * value, each of which becomes our next round in one edit.
 */
import { useState } from 'react';
import type { SliderRate, TradePair } from '../../../shared/engine/exchange-rates';
import { formatNumber } from '../../../shared/format/percent';
import type { Deal } from '../../../shared/model/schema';
import { answerWith } from '../edits/round-edits';
import { HelpLink } from '../help/help-link';
import { formatAtPath, resolveScenarioId } from '../results/what-if';
import { useAppStore } from '../store/app-store';
import { latest } from '../store/negotiation-slice';
import { useDealProblems } from '../fields/field-hooks';
import { Worth } from './worth';
import { addRoundAndOpen, fixProblemsFirst, startingPosition, newRoundBlocked, setWithValues, worthText, type Sides } from './negotiation-view';
import { PositionPicker } from './position-picker';

function pairName(deal: Deal, pair: TradePair): string {
  return pair.moves.map((m) => `${m.label} ${formatAtPath(deal, m.path, m.from)} → ${formatAtPath(deal, m.path, m.to)}`).join(' and ');
}

export function TradesCard({ deal, sides }: { deal: Deal; sides: Sides }) {
  const state = useAppStore((s) => s.negotiation.trades);
  const mine = useAppStore((s) => s.negotiation.docKey === s.docKey);
  const actions = useAppStore((s) => s.negotiationActions);
  const active = useAppStore((s) => s.analysis.scenarioId);
  const [from, setFrom] = useState<string | null>(null);
  const base = startingPosition(deal, from, resolveScenarioId(deal, active));
  const valued = mine ? latest(state) : null;
  const result = valued?.value ?? null;
  const stale = valued?.for !== deal || result?.scenario !== base;
  const problems = useDealProblems().length;
  const noRound = newRoundBlocked(deal);

  const offer = (pair: TradePair) => {
    if (!result) return;
    const set = setWithValues(deal, result.scenario, Object.fromEntries(pair.moves.map((m) => [m.path, m.to])));
    if (!set.ok) return;
    addRoundAndOpen(answerWith, { by: sides.us.id, set: set.set, name: 'Our offer (trade)' });
  };
  const rows = (rate: SliderRate) =>
    rate.steps.map((s) => (
      <tr key={`${rate.path}:${s.direction}`} className={rate.cheapConcession?.direction === s.direction ? 'cheap' : undefined}>
        <th scope="row" title={rate.path}>
          {rate.label}
          {!rate.negotiable && <span className="path">an assumption, not a term</span>}
        </th>
        <td>
          {formatAtPath(deal, rate.path, rate.from)} → {formatAtPath(deal, rate.path, s.to)}
        </td>
        <td className="number worth"><Worth text={worthText(deal, s.change, sides.us.id)} /></td>
        <td className="number worth"><Worth text={worthText(deal, s.change, sides.them.id)} /></td>
        <td className="number">{s.direction === 'up' && rate.rate !== null ? `1 : ${formatNumber(rate.rate, 2)}` : rate.cheapConcession?.direction === s.direction ? 'cheap for us' : ''}</td>
      </tr>
    ));

  return (
    <section className="card trades-card" aria-label="Exchange rates">
      <div className="card-header">
        <h3>What each move is worth</h3>
        <HelpLink topic="trades" />
      </div>
      <div className="toolbar">
        <PositionPicker deal={deal} label="From" value={base} onChange={setFrom} />
        <button type="button" className="primary" disabled={(deal.sliders ?? []).length === 0 || state.status === 'running' || problems > 0} title={problems > 0 ? fixProblemsFirst(problems) : undefined} onClick={() => actions.runTrades(base)}>
          {state.status === 'running' ? 'Measuring…' : result ? 'Measure again' : 'Measure each slider'}
        </button>
        {problems > 0 && <span className="muted small">{fixProblemsFirst(problems)}</span>}
      </div>
      {mine && state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {result && (
        <div className={stale ? 'stale' : undefined}>
          <table className="grid-table trades-table" aria-label="Exchange rates">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">One step</th>
                <th scope="col" className="number">
                  {sides.us.name}
                </th>
                <th scope="col" className="number">
                  {sides.them.name}
                </th>
                <th scope="col" className="number" title="What each 1 we gain on a step up costs them">
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>{result.rates.map(rows)}</tbody>
          </table>
          <p className="muted small">
            From {result.scenario}; {result.iterations.toLocaleString('en-US')} iterations, the same draws for every step. Rate 1 : 1.4 means each 1 we gain costs them 1.4; a step marked cheap for us gives them more than it costs us.
          </p>
          <h4>Pairs of moves that raise both sides' value</h4>
          {result.pairs.length === 0 ? (
            <p className="muted small">None found among the sliders: every pair of steps takes from one side what it gives the other.</p>
          ) : (
            <ul className="trade-pairs" aria-label="Pairs of moves">
              {result.pairs.map((pair) => (
                <li key={pairName(deal, pair)}>
                  <span>
                    {pairName(deal, pair)}: {sides.us.name} {worthText(deal, pair.change, sides.us.id)}, {sides.them.name} {worthText(deal, pair.change, sides.them.id)}
                  </span>{' '}
                  <button type="button" className="small" disabled={noRound !== null} title={noRound ?? undefined} onClick={() => offer(pair)}>
                    Offer as our next round
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
