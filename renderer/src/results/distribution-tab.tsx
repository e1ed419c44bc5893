/**
 * NPV distribution per party: histogram, S-curve, walk-away and mean
 * (shared/charts/histogram.ts, the same figure as the term-sheet appendix).
 */
import { useMemo } from 'react';
import type { ValuationResult } from '../../../shared/engine/results';
import type { Deal } from '../../../shared/model/schema';
import { buildHistogramOption } from '../../../shared/charts/histogram';
import { moneyUnitCaption } from '../../../shared/format/money';
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
            title: `${p.name}: NPV distribution`,
            option: buildHistogramOption({ histogram: v.histogram, money, walkAway: p.walkAway, mean: v.npv.mean }),
            table: histogramTable(p.name, v.histogram, p.walkAway, moneyUnitCaption(money)),
          },
        ];
      });
  }, [deal, result]);
  return (
    <div className="chart-grid">
      {charts.map((c) => (
        <ChartView key={c.id} title={c.title} option={c.option} table={c.table} money={money} renderToken={seq} stale={stale} />
      ))}
    </div>
  );
}
