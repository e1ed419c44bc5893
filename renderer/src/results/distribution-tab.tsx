/**
 * NPV distribution per party: histogram, S-curve, walk-away and mean
 * (shared/charts/histogram.ts, the same figure as the term-sheet appendix).
 */
import { useMemo } from 'react';
import type { EChartsOption, SeriesOption, XAXisComponentOption } from 'echarts';
import type { ValuationResult } from '../../../shared/engine/results';
import type { Deal } from '../../../shared/model/schema';
import { buildHistogramOption } from '../../../shared/charts/histogram';
import { ChartView } from './chart-view';
import { histogramTable } from './chart-tables';
import { moneyFormatOf } from './results-format';
import { orderedParties } from './party-order';

export function DistributionTab({ deal, result, seq, stale }: { deal: Deal; result: ValuationResult; seq: number; stale: boolean }) {
  const money = moneyFormatOf(deal);
  const charts = useMemo(() => {
    const money = moneyFormatOf(deal);
    return orderedParties(deal).flatMap((p) => {
        const v = result.parties[p.id];
        if (!v) return [];
        return [
          {
            id: p.id,
            title: `${p.name}: NPV distribution and S-curve (P5–P95 shown)`,
            option: focusOn(buildHistogramOption({ histogram: v.histogram, money, walkAway: p.walkAway, mean: v.npv.mean }), [v.npv.p5, v.npv.p95, p.walkAway, v.npv.mean]),
            table: histogramTable(p.name, v.histogram, p.walkAway, v.pAboveWalkAway, money),
          },
        ];
      });
  }, [deal, result]);
  return (
    <div className="chart-grid">
      {charts.map((c) => (
        <ChartView key={c.id} title={c.title} option={c.option} table={c.table} money={money} renderToken={seq} stale={stale} help="distribution" />
      ))}
    </div>
  );
}

/**
 * Deal NPVs have long tails (a blockbuster in 1 draw in 50): cut the money axis to
 * the P5–P95 span (and the walk-away and mean) so the part that matters is legible.
 * The S-curve (exact order statistics) still reads true at every point shown; bars beyond are clipped.
 */
function focusOn(option: EChartsOption, values: number[]): EChartsOption {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.06 || 1;
  const xAxis = option.xAxis as XAXisComponentOption;
  const series = (option.series as SeriesOption[]).map((s) => ({ ...s, clip: true }) as SeriesOption);
  return { ...option, xAxis: { ...xAxis, min: lo - pad, max: hi + pad } as XAXisComponentOption, series };
}
