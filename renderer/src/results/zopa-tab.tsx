/**
 * Where the zone of agreement is: every party's NPV distribution against its
 * walk-away for the position on screen, and, on request, a sweep of any
 * slider's number (shared/charts/zopa.ts, store/analyses.ts): each party's
 * mean NPV at full precision on common random numbers, the zone's ends where
 * a party's mean crosses its walk-away, and the chances of beating the
 * walk-aways on a chart of their own.
 */
import { useMemo, useState } from 'react';
import type { ValuationResult } from '../../../shared/engine/results';
import type { Deal } from '../../../shared/model/schema';
import { numberKind } from '../../../shared/model/number-fields';
import { formatByKind } from '../../../shared/format/by-kind';
import { formatMoneyEstimate } from '../../../shared/format/money';
import {
  agreementZones,
  buildZopaDistributionOption,
  buildZopaSweepProbabilityOption,
  buildZopaSweepValueOption,
  zopaDistributionTable,
  zopaSweepTable,
  type AgreementZone,
  type ZopaSweepInput,
} from '../../../shared/charts/zopa';
import { HelpLink } from '../help/help-link';
import { useAppStore } from '../store/app-store';
import { ChartView } from './chart-view';
import { formatIterations, moneyFormatOf } from './results-format';
import { orderedParties } from './party-order';
import { sliderLabel, sliderValue } from './what-if';

/** "from $3.7M (where Helix Bio's mean reaches its walk-away) to beyond $160.0M (…)". */
function describeZone(zone: AgreementZone, input: ZopaSweepInput, range: [number, number]): string {
  // Interpolated ends are estimates: money at the precision of a Monte Carlo figure.
  const fmt = (v: number) => (input.kind === 'money' ? formatMoneyEstimate(v, input.money) : formatByKind(v, input.kind, input.money));
  const party = (id: string) => input.parties.find((p) => p.id === id)?.name ?? id;
  const end = (e: AgreementZone['from'], side: 'from' | 'to') => {
    if (e.by.kind === 'crossing') return `${fmt(e.value)} (where ${party(e.by.party)}'s mean NPV crosses its walk-away)`;
    const past = side === 'to' ? e.value > range[1] : e.value < range[0];
    return `${side === 'to' ? 'at least' : 'at most'} ${fmt(e.value)} (${past ? 'as far as the sweep went past the slider' : "the end of the range swept"}; the zone may go on)`;
  };
  return `from ${end(zone.from, 'from')} to ${end(zone.to, 'to')}`;
}

export function ZopaTab({ deal, result, seq, stale, scenarioId }: { deal: Deal; result: ValuationResult; seq: number; stale: boolean; scenarioId: string }) {
  const money = moneyFormatOf(deal);
  const sweep = useAppStore((s) => s.analysis.sweep);
  const whatIfs = useAppStore((s) => s.analysis.whatIfs);
  const actions = useAppStore((s) => s.analysisActions);
  const iterations = useAppStore((s) => s.analysis.iterations) ?? deal.simulation.iterations;
  const sliders = useMemo(() => deal.sliders ?? [], [deal]);
  const [path, setPath] = useState(sliders[0]?.path ?? '');
  const slider = sliders.find((s) => s.path === path);

  const distribution = useMemo(() => {
    const parties = orderedParties(deal).flatMap((p) => {
      const v = result.parties[p.id];
      return v ? [{ id: p.id, name: p.name, color: p.color, isUs: p.isUs, curve: v.histogram.curve, walkAway: p.walkAway, pAboveWalkAway: v.pAboveWalkAway, mean: v.npv.mean, p5: v.npv.p5, p95: v.npv.p95 }] : [];
    });
    // P5 to P95 of every party (and every walk-away): long tails would squash the part that matters.
    const lo = Math.min(...parties.map((p) => Math.min(p.p5, p.walkAway)));
    const hi = Math.max(...parties.map((p) => Math.max(p.p95, p.walkAway)));
    const pad = (hi - lo) * 0.05 || 1;
    const input = { money: moneyFormatOf(deal), pAllAboveWalkAway: result.pAllAboveWalkAway, parties, range: [lo - pad, hi + pad] as [number, number] };
    return { option: buildZopaDistributionOption(input), table: zopaDistributionTable(input) };
  }, [deal, result]);

  const sweepView = useMemo(() => {
    if (sweep.status !== 'done') return null;
    const s = sliders.find((x) => x.path === sweep.value.path);
    if (!s) return null;
    const label = sliderLabel(deal, s);
    const input: ZopaSweepInput = {
      sliderLabel: label,
      kind: numberKind(deal, s.path),
      money: moneyFormatOf(deal),
      points: sweep.value.points,
      parties: orderedParties(deal).map((p) => ({ id: p.id, name: p.name, color: p.color, isUs: p.isUs, walkAway: p.walkAway })),
      current: sliderValue(deal, scenarioId, s, whatIfs) ?? s.min,
    };
    const zones = agreementZones(input).map((z) => describeZone(z, input, sweep.value.range));
    return { label, iterations: sweep.value.iterations, value: buildZopaSweepValueOption(input), probability: buildZopaSweepProbabilityOption(input), table: zopaSweepTable(input), zones };
  }, [sweep, sliders, deal, scenarioId, whatIfs]);

  return (
    <div className="zopa">
      <ChartView
        title="Zone of agreement: chance of at least each NPV against each walk-away (P5–P95 shown)"
        option={distribution.option}
        table={distribution.table}
        money={money}
        renderToken={seq}
        stale={stale}
        height={300}
        help="zopa"
      />
      <section className="sweep" aria-label="Zone of agreement sweep">
        <div className="sweep-controls">
          <label>
            Sweep{' '}
            <select value={path} onChange={(e) => setPath(e.target.value)} disabled={sliders.length === 0} aria-label="Number to sweep">
              {sliders.map((s) => (
                <option key={s.path} value={s.path}>
                  {sliderLabel(deal, s)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!slider || sweep.status === 'running'} onClick={() => slider && actions.runSweep(slider.path)}>
            {sweep.status === 'running' ? `Sweeping… ${sweep.note ?? ''}` : 'Sweep its range'}
          </button>
          <span className="muted small">
            Each point valued at {formatIterations(iterations)} iterations with the same draws; the other sliders' what-ifs kept.{' '}
            <HelpLink topic="zopa" />
          </span>
        </div>
        {sweep.status === 'error' && (
          <p className="error" role="alert">
            {sweep.message}
          </p>
        )}
        {sweepView && (
          <>
            <p className="chart-note" aria-label="Zone of agreement range">
              {sweepView.zones.length > 0 ? (
                <>
                  Every party's mean NPV is at or above its walk-away when {sweepView.label} is <strong>{sweepView.zones.join('; or ')}</strong>.
                </>
              ) : (
                <>No value of {sweepView.label} swept gives every party a mean NPV at or above its walk-away.</>
              )}
            </p>
            <ChartView title={`Mean NPV as ${sweepView.label} moves`} option={sweepView.value} table={sweepView.table} money={money} height={300} help="zopa" />
            <ChartView title={`Chance of beating each walk-away as ${sweepView.label} moves`} option={sweepView.probability} table={sweepView.table} money={money} height={260} help="zopa" />
          </>
        )}
      </section>
    </div>
  );
}
