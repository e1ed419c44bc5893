/**
 * The portfolio's charts: the total's distribution from the summed
 * iterations, value against risk, our expected cash flows by year, metrics
 * due in the next 36 months, and health over time per dimension. The same
 * option builders as the Word brief (shared/charts/portfolio-charts.ts), in
 * the app's chart frame (data table, image and CSV exports).
 */
import { useMemo } from 'react';
import { buildHistogramOption } from '../../../shared/charts/histogram';
import type { ChartTable } from '../../../shared/charts/chart-table';
import {
  STAKE_MEANING,
  buildCashFlowsOption,
  buildHealthOption,
  buildMetricsTimelineOption,
  buildValueRiskOption,
  cashFlowsTable,
  healthTable,
  metricsTable,
  valueRiskTable,
} from '../../../shared/charts/portfolio-charts';
import type { MoneyFormat } from '../../../shared/format/money';
import { moneyUnitCaption } from '../../../shared/format/money';
import { dealLabels, dueMetrics, healthSeries, valueRiskPoints, yearlyFlows } from '../../../shared/portfolio/chart-inputs';
import type { OpenedPortfolio } from '../../../shared/portfolio/documents';
import { monthOf } from '../../../shared/portfolio/table';
import type { PortfolioValuationResult } from '../../../shared/portfolio/valuation';
import { ChartView } from '../results/chart-view';

export function PortfolioCharts({ portfolio, result, money, stale }: { portfolio: OpenedPortfolio; result: PortfolioValuationResult | null; money: MoneyFormat; stale: boolean }) {
  const { book, entries } = portfolio;
  const valued = useMemo(() => {
    if (!result?.total) return null;
    const points = valueRiskPoints(book, entries, result);
    const flows = yearlyFlows(book, entries, result);
    const total = result.total;
    const totalTable: ChartTable = {
      caption: `Portfolio NPV, ${moneyUnitCaption(money)}`,
      columns: ['From', 'To', 'Share of outcomes'],
      kinds: ['money', 'money', 'probability'],
      rows: total.histogram.counts.map((c, i) => [total.histogram.edges[i]!, total.histogram.edges[i + 1]!, c / result.iterations]),
    };
    return {
      total: { option: buildHistogramOption({ histogram: total.histogram, money, walkAway: total.walkAway, mean: total.npv.mean, animation: false }), table: totalTable },
      risk: { option: buildValueRiskOption(points, money), table: valueRiskTable(points, money) },
      flows: { option: buildCashFlowsOption(flows, money), table: cashFlowsTable(flows, money) },
    };
  }, [book, entries, result, money]);
  const tracking = useMemo(() => {
    const metrics = dueMetrics(book, entries);
    const health = healthSeries(book, entries);
    return {
      metrics: { option: buildMetricsTimelineOption(metrics, dealLabels(book, entries), monthOf(new Date())), table: metricsTable(metrics) },
      health: { option: buildHealthOption(health), table: healthTable(health) },
      anyHealth: health.deals.length > 0,
    };
  }, [book, entries]);
  return (
    <section className="portfolio-charts" aria-label="Portfolio charts">
      {valued && (
        <>
          <ChartView title="Portfolio value: distribution of the total" option={valued.total.option} table={valued.total.table} money={money} stale={stale} renderToken={result?.elapsedMs} />
          <ChartView title={`Value against risk (${STAKE_MEANING})`} option={valued.risk.option} table={valued.risk.table} money={money} stale={stale} height={300} renderToken={result?.elapsedMs} />
          <ChartView title="Our expected cash flows by year" option={valued.flows.option} table={valued.flows.table} money={money} stale={stale} renderToken={result?.elapsedMs} />
        </>
      )}
      <ChartView title="Metrics due in the next 36 months" option={tracking.metrics.option} table={tracking.metrics.table} money={money} height={Math.max(180, 70 + 34 * book.deals.length)} />
      {tracking.anyHealth && <ChartView title="Health over time, per dimension" option={tracking.health.option} table={tracking.health.table} money={money} height={380} />}
    </section>
  );
}
