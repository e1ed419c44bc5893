/**
 * Where the zone of agreement is: every party's NPV distribution against its
 * walk-away for the scenario on screen, and, on request, a sweep of one
 * slider across its range showing where all parties beat their walk-aways.
 */
import { useMemo, useState } from 'react';
import type { ValuationResult } from '../../../shared/engine/results';
import type { Deal } from '../../../shared/model/schema';
import { buildZopaDistributionOption, buildZopaSweepOption, zopaDistributionTable, zopaSweepTable, agreementRanges } from '../../../shared/charts/zopa';
import { useAppStore } from '../store/app-store';
import { ChartView } from './chart-view';
import { moneyFormatOf } from './results-format';
import { orderedParties } from './party-order';
import { formatSliderValue, sliderKind, sliderLabel, sliderValue } from './what-if';

export function ZopaTab({ deal, result, seq, stale, scenarioId }: { deal: Deal; result: ValuationResult; seq: number; stale: boolean; scenarioId: string }) {
  const money = moneyFormatOf(deal);
  const sweep = useAppStore((s) => s.analysis.sweep);
  const whatIfs = useAppStore((s) => s.analysis.whatIfs);
  const actions = useAppStore((s) => s.analysisActions);
  const sliders = useMemo(() => deal.sliders ?? [], [deal]);
  const [path, setPath] = useState(sliders[0]?.path ?? '');
  const slider = sliders.find((s) => s.path === path);

  const distribution = useMemo(() => {
    const parties = orderedParties(deal).flatMap((p) => {
      const v = result.parties[p.id];
      return v ? [{ id: p.id, name: p.name, color: p.color, isUs: p.isUs, histogram: v.histogram, walkAway: p.walkAway, pAboveWalkAway: v.pAboveWalkAway, mean: v.npv.mean, p5: v.npv.p5, p95: v.npv.p95 }] : [];
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
    const kind = sliderKind(s.path);
    const label = sliderLabel(deal, s);
    const sliderFormat = kind === 'money' ? { kind, money: moneyFormatOf(deal) } : { kind };
    const input = {
      sliderLabel: label,
      sliderFormat,
      points: sweep.value.points,
      parties: orderedParties(deal).map((p) => ({ id: p.id, name: p.name, color: p.color, isUs: p.isUs, walkAway: p.walkAway })),
      current: sliderValue(deal, scenarioId, s, whatIfs) ?? s.min,
    };
    const zones = agreementRanges(input).map(([a, b]) => `${formatSliderValue(a, kind, moneyFormatOf(deal))} to ${formatSliderValue(b, kind, moneyFormatOf(deal))}`);
    return { label, option: buildZopaSweepOption(input), table: zopaSweepTable(input), zones };
  }, [sweep, sliders, deal, scenarioId, whatIfs]);

  return (
    <div className="zopa">
      <ChartView title="Zone of agreement: chance of at least x against each walk-away (P5–P95 shown)" option={distribution.option} table={distribution.table} money={money} renderToken={seq} stale={stale} height={300} />
      <section className="sweep" aria-label="Zone of agreement sweep">
        <div className="sweep-controls">
          <label>
            Sweep{' '}
            <select value={path} onChange={(e) => setPath(e.target.value)} disabled={sliders.length === 0}>
              {sliders.map((s) => (
                <option key={s.path} value={s.path}>
                  {sliderLabel(deal, s)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!slider || sweep.status === 'running'} onClick={() => slider && actions.runSweep(slider.path, slider.min, slider.max)}>
            {sweep.status === 'running' ? `Sweeping… ${sweep.note ?? ''}` : 'Sweep its range'}
          </button>
          <span className="muted small">11 valuations at 10,000 iterations each, what-ifs on the other sliders kept.</span>
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
                  Every party expects to beat its walk-away when {sweepView.label} is between <strong>{sweepView.zones.join(', or ')}</strong>.
                </>
              ) : (
                <>No value of {sweepView.label} in its slider range gives every party a mean NPV above its walk-away.</>
              )}
            </p>
            <ChartView title={`Zone of agreement as ${sweepView.label} moves`} option={sweepView.option} table={sweepView.table} money={money} height={280} />
          </>
        )}
      </section>
    </div>
  );
}
