/**
 * The negotiation chart in the view: every round at (our mean NPV, their
 * mean NPV) with arrows between rounds, both walk-aways, the efficient
 * frontier once one has been found, and our target, which the negotiator
 * types here (it is not saved in the file).
 */
import { useMemo } from 'react';
import { buildNegotiationOption, negotiationTable } from '../../../shared/charts/negotiation';
import type { Deal } from '../../../shared/model/schema';
import { negotiationChartInput } from '../../../shared/termsheet/negotiation-appendix';
import { ValueField } from '../fields/ValueField';
import { ChartView } from '../results/chart-view';
import { moneyFormatOf } from '../results/results-format';
import { useAppStore } from '../store/app-store';
import { latest } from '../store/negotiation-slice';
import type { Sides } from './negotiation-view';

export function NegotiationChartCard({ deal, sides }: { deal: Deal; sides: Sides }) {
  const state = useAppStore((s) => s.negotiation);
  const docKey = useAppStore((s) => s.docKey);
  const setTarget = useAppStore((s) => s.negotiationActions.setTarget);
  const mine = state.docKey === docKey;
  const valued = mine ? latest(state.rounds) : null;
  const frontier = mine && state.frontier.status === 'done' && state.frontier.value.other === sides.them.id ? state.frontier.value : null;
  const chart = useMemo(() => {
    if (!valued) return null;
    const input = negotiationChartInput(deal, valued.value, sides.them.id, {
      ...(frontier ? { frontier: frontier.points.map((p) => ({ us: p.parties[frontier.party]!.mean, them: p.parties[frontier.other]!.mean })) } : {}),
      ...(state.target !== null ? { target: state.target } : {}),
    });
    return { option: buildNegotiationOption(input), table: negotiationTable(input) };
  }, [deal, valued, sides, frontier, state.target]);

  return (
    <section className="card" aria-label="Negotiation chart">
      <div className="toolbar chart-toolbar">
        <ValueField label="Our target (mean NPV)" shortLabel="Our target" kind="money" optional value={state.target ?? undefined} onCommit={(v) => setTarget(typeof v === 'number' ? v : null)} placeholder="none" className="target-field" />
        <span className="muted small">{frontier ? `Frontier from ${frontier.scenario}: ${frontier.points.length} structures` : 'Find the frontier below to draw it here.'}</span>
      </div>
      {chart ? (
        <ChartView title={`The negotiation: ${sides.us.name} (across) and ${sides.them.name} (up)`} option={chart.option} table={chart.table} money={moneyFormatOf(deal)} height={340} stale={valued?.for !== deal} help="negotiation" />
      ) : (
        <p className="muted">Valuing the rounds…</p>
      )}
      <p className="chart-key small" aria-hidden="true">
        <span className="key-item"><span className="key-dot ours" /> {sides.us.name}'s offers</span>
        <span className="key-item"><span className="key-dot theirs" /> {sides.them.name}'s offers</span>
        {frontier && <span className="key-item"><span className="key-line frontier" /> efficient frontier</span>}
        <span className="key-item"><span className="key-line walk-away" /> walk-aways</span>
        {state.target !== null && <span className="key-item"><span className="key-line target" /> our target</span>}
      </p>
    </section>
  );
}
