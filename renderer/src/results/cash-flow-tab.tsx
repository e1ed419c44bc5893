/**
 * Cash flows per party per period: the P10–P90 fan, the median and the mean.
 */
import { useMemo } from 'react';
import type { ValuationResult } from '../../../shared/engine/results';
import type { Deal } from '../../../shared/model/schema';
import { buildFanChartOption, fanChartTable } from '../../../shared/charts/fan-chart';
import { formatPeriod } from '../../../shared/format/dates';
import { ChartView } from './chart-view';
import { moneyFormatOf } from './results-format';
import { orderedParties } from './party-order';

export function CashFlowTab({ deal, result, seq, stale }: { deal: Deal; result: ValuationResult; seq: number; stale: boolean }) {
  const money = moneyFormatOf(deal);
  const charts = useMemo(() => {
    const money = moneyFormatOf(deal);
    const periods = Array.from({ length: deal.timeline.periods }, (_, t) => formatPeriod(deal.timeline, t));
    return orderedParties(deal).flatMap((p) => {
      const v = result.parties[p.id];
      if (!v) return [];
      const input = { partyName: p.name, color: p.color, fan: v.fan, periods, money };
      return [{ id: p.id, title: `${p.name}: cash flow per period`, option: buildFanChartOption(input), table: fanChartTable(input) }];
    });
  }, [deal, result]);
  return (
    <div className="chart-grid">
      {charts.map((c) => (
        <ChartView key={c.id} title={c.title} option={c.option} table={c.table} money={money} renderToken={seq} stale={stale} help="cash-flows" />
      ))}
    </div>
  );
}
