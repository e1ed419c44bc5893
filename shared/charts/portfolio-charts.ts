/**
 * The portfolio's charts as ECharts options, pure data in, option out (the
 * app draws them on a canvas, the Word brief renders the same options to
 * images): value against risk (our mean NPV against the P10–P90 range, one
 * bubble per deal sized by what is at stake), our expected cash flows by
 * year stacked by deal, metrics due on a timeline of the next 36 months,
 * and health scores over time per dimension. Each builder has its data
 * table beside it (screen readers, "data as CSV").
 *
 * Intentionally has no platform imports; only types come from 'echarts'.
 */
import type { EChartsOption } from 'echarts';
import type { ChartTable } from './chart-table';
import { formatMoney, formatMoneyEstimate, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { axisStyle, baseOption, chartColors, moneyAxisLabel } from './palette';

/** One colour per deal, stable by its place in the list. */
const DEAL_COLORS = ['#1f5fbf', '#8a6d3b', '#2e7d32', '#6b4c9a', '#00838f', '#ad5a00', '#c2185b', '#5d4037', '#546e7a', '#7cb342'];
export const dealColor = (place: number): string => DEAL_COLORS[place % DEAL_COLORS.length]!;

export interface ValueRiskPoint {
  place: number;
  label: string;
  mean: number;
  p10: number;
  p90: number;
  /** What is at stake: our expected cash flows over the deal's life, in and out (Σ |mean flow|). */
  stake: number;
}

export const STAKE_MEANING = 'bubble area: our expected cash flows in and out over the deal (nominal)';

/**
 * An axis range around values with room for the bubbles at its ends, its ends
 * rounded out to a round step so the end labels read like the others ($80M, not $77.016M).
 */
export function paddedRange(values: readonly number[], share = 0.15): { min: number; max: number } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = (hi - lo || Math.abs(hi) || 1) * share;
  const min = lo < 0 ? lo - pad : lo;
  const max = hi + pad;
  const step = 10 ** Math.floor(Math.log10(max - min)) / 2;
  return { min: Math.floor(min / step) * step, max: Math.ceil(max / step) * step };
}

export function buildValueRiskOption(points: readonly ValueRiskPoint[], money: MoneyFormat): EChartsOption {
  const maxStake = Math.max(1e-12, ...points.map((p) => Math.abs(p.stake)));
  // Area, not radius, tracks the stake: a deal twice the size reads twice as big.
  const size = (stake: number) => 12 + 44 * Math.sqrt(Math.abs(stake) / maxStake);
  const x = paddedRange(points.map((p) => p.p90 - p.p10));
  const y = paddedRange(points.map((p) => p.mean), 0.2);
  return {
    ...baseOption,
    grid: { left: 76, right: 30, top: 24, bottom: 52 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: `P10 to P90 range of our NPV (${moneyUnitCaption(money)}): risk`, nameLocation: 'middle', nameGap: 30, min: x.min, max: x.max, ...axisStyle, axisLabel: moneyAxisLabel(money) },
    yAxis: { type: 'value', name: `Our mean NPV (${moneyUnitCaption(money)})`, nameLocation: 'middle', nameGap: 58, min: y.min, max: y.max, ...axisStyle, axisLabel: moneyAxisLabel(money) },
    series: points.map((p) => ({
      type: 'scatter',
      name: p.label,
      data: [{ value: [p.p90 - p.p10, p.mean], symbolSize: size(p.stake), name: p.label }],
      itemStyle: { color: dealColor(p.place), opacity: 0.75, borderColor: '#ffffff', borderWidth: 1 },
      label: { show: true, position: 'top', formatter: p.label, fontSize: 11, color: chartColors.ink },
      // Small deals sit together near the origin: their labels move apart rather than overprint.
      labelLayout: { moveOverlap: 'shiftY' },
      tooltip: { formatter: () => `${p.label}<br/>Mean ${formatMoneyEstimate(p.mean, money)}<br/>P10 ${formatMoneyEstimate(p.p10, money)} to P90 ${formatMoneyEstimate(p.p90, money)}<br/>At stake ${formatMoneyEstimate(p.stake, money)}` },
    })),
  };
}

export function valueRiskTable(points: readonly ValueRiskPoint[], money: MoneyFormat): ChartTable {
  return {
    caption: `Value against risk, ${moneyUnitCaption(money)}`,
    columns: ['Deal', 'Mean NPV', 'P10', 'P90', 'P10 to P90 range', 'At stake'],
    kinds: ['text', 'money', 'money', 'money', 'money', 'money'],
    rows: points.map((p) => [p.label, p.mean, p.p10, p.p90, p.p90 - p.p10, p.stake]),
  };
}

export interface YearlyFlows {
  years: number[];
  deals: { place: number; label: string; values: number[] }[];
}

export function buildCashFlowsOption(flows: YearlyFlows, money: MoneyFormat): EChartsOption {
  // Every deal's name shows (a document cannot page through a legend): rows of about four.
  const legendRows = Math.ceil(flows.deals.length / 4);
  return {
    ...baseOption,
    grid: { left: 70, right: 20, top: 18 + 22 * legendRows, bottom: 40 },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? formatMoney(v, money) : String(v)) },
    xAxis: { type: 'category', data: flows.years.map(String), ...axisStyle },
    yAxis: { type: 'value', name: `Our expected cash flow (${moneyUnitCaption(money)})`, nameLocation: 'middle', nameGap: 52, ...axisStyle, axisLabel: moneyAxisLabel(money) },
    series: flows.deals.map((d) => ({ type: 'bar', name: d.label, stack: 'flows', data: d.values, itemStyle: { color: dealColor(d.place) } })),
  };
}

export function cashFlowsTable(flows: YearlyFlows, money: MoneyFormat): ChartTable {
  return {
    caption: `Our expected cash flows by year, ${moneyUnitCaption(money)}`,
    columns: ['Year', ...flows.deals.map((d) => d.label), 'Total'],
    kinds: ['text', ...flows.deals.map(() => 'money' as const), 'money'],
    rows: flows.years.map((y, i) => [String(y), ...flows.deals.map((d) => d.values[i] ?? 0), flows.deals.reduce((s, d) => s + (d.values[i] ?? 0), 0)]),
  };
}

export interface DueMetric {
  place: number;
  deal: string;
  metric: string;
  horizon: string;
  /** YYYY-MM */
  due: string;
  status: string;
}

const STATUS_COLORS: Record<string, string> = { 'on track': chartColors.both, met: '#1b5e20', 'at risk': '#ad5a00', missed: chartColors.walkAway, 'not measured': chartColors.muted };

/** Months since year 0, and back (the timeline's axis is in months so a due month sits on its tick). */
const monthIndex = (yyyymm: string) => Number(yyyymm.slice(0, 4)) * 12 + Number(yyyymm.slice(5, 7)) - 1;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (index: number) => `${MONTHS[((index % 12) + 12) % 12]} ${Math.floor(index / 12)}`;

/** Metrics due from `from` (YYYY-MM) over the next 36 months, one row per deal, coloured by status; metrics due the same month in one deal sit one above the other. */
export function buildMetricsTimelineOption(metrics: readonly DueMetric[], deals: readonly string[], from: string): EChartsOption {
  const start = monthIndex(from);
  const end = start + 36;
  const shown = metrics.filter((m) => monthIndex(m.due) >= start && monthIndex(m.due) <= end);
  const statuses = [...new Set(shown.map((m) => m.status))];
  const rowOf = (m: DueMetric) => deals.indexOf(m.deal) >= 0 ? deals.indexOf(m.deal) : m.place;
  const together = new Map<string, DueMetric[]>();
  for (const m of shown) together.set(`${rowOf(m)}:${m.due}`, [...(together.get(`${rowOf(m)}:${m.due}`) ?? []), m]);
  const yOf = (m: DueMetric) => {
    const group = together.get(`${rowOf(m)}:${m.due}`)!;
    return rowOf(m) + (group.indexOf(m) - (group.length - 1) / 2) * 0.3;
  };
  return {
    ...baseOption,
    grid: { left: 150, right: 24, top: 30, bottom: 40 },
    legend: { top: 0, data: statuses },
    tooltip: { trigger: 'item' },
    // A month of margin before the first: a metric due this month is not drawn on the axis.
    xAxis: { type: 'value', min: start - 1, max: end, interval: 6, ...axisStyle, axisLabel: { color: chartColors.muted, formatter: (v: number) => (v >= start ? monthLabel(v) : ''), showMinLabel: false } },
    yAxis: {
      type: 'value',
      // Whole numbers at the ticks (one per deal), with a row of margin above and below.
      min: -1,
      max: deals.length,
      interval: 1,
      inverse: true,
      ...axisStyle,
      splitLine: { show: false },
      axisLabel: { color: chartColors.ink, width: 140, overflow: 'truncate', formatter: (v: number) => (Number.isInteger(v) ? (deals[v] ?? '') : '') },
    },
    series: statuses.map((status) => ({
      type: 'scatter',
      name: status,
      symbol: 'diamond',
      symbolSize: 12,
      itemStyle: { color: STATUS_COLORS[status] ?? chartColors.muted },
      data: shown.filter((m) => m.status === status).map((m) => ({ value: [monthIndex(m.due), yOf(m)], name: `${m.metric} (${m.horizon})` })),
      label: { show: true, position: 'right', formatter: '{b}', fontSize: 10, color: chartColors.ink },
      labelLayout: { hideOverlap: true },
      tooltip: { formatter: (p: unknown) => `${(p as { name: string }).name}: ${status}` },
    })),
  };
}

export function metricsTable(metrics: readonly DueMetric[]): ChartTable {
  return {
    caption: 'Success metrics by due date',
    columns: ['Deal', 'Metric', 'Horizon', 'Due', 'Status'],
    rows: [...metrics].sort((a, b) => a.due.localeCompare(b.due)).map((m) => [m.deal, m.metric, m.horizon, m.due, m.status]),
  };
}

export interface HealthSeries {
  dimensions: { key: string; label: string }[];
  deals: { place: number; label: string; checks: { date: string; scores: Partial<Record<string, number>> }[] }[];
}

/** Small multiples, one per dimension: each deal's scores (1 to 5) over time. */
export function buildHealthOption(health: HealthSeries): EChartsOption {
  const n = health.dimensions.length;
  const cols = 2;
  const rows = Math.ceil(n / cols);
  const grids = health.dimensions.map((_, i) => ({
    left: `${(i % cols) * 50 + 7}%`,
    width: '38%',
    top: `${Math.floor(i / cols) * (88 / rows) + 14}%`,
    height: `${88 / rows - 14}%`,
  }));
  return {
    ...baseOption,
    legend: { top: 0, data: health.deals.map((d) => d.label) },
    tooltip: { trigger: 'axis' },
    title: health.dimensions.map((d, i) => ({ text: d.label, left: grids[i]!.left, top: `${parseFloat(grids[i]!.top) - 6}%`, textStyle: { fontSize: 12, fontWeight: 'bold' } })),
    grid: grids,
    xAxis: health.dimensions.map((_, i) => ({ type: 'time', gridIndex: i, ...axisStyle, axisLabel: { color: chartColors.muted, hideOverlap: true } })),
    yAxis: health.dimensions.map((_, i) => ({ type: 'value', gridIndex: i, min: 1, max: 5, interval: 1, ...axisStyle })),
    series: health.dimensions.flatMap((dim, i) =>
      health.deals.map((d) => ({
        type: 'line',
        name: d.label,
        xAxisIndex: i,
        yAxisIndex: i,
        data: d.checks.filter((c) => c.scores[dim.key] !== undefined).map((c) => [c.date, c.scores[dim.key]!]),
        itemStyle: { color: dealColor(d.place) },
        lineStyle: { color: dealColor(d.place), width: 1.5 },
        symbolSize: 6,
      })),
    ),
  };
}

export function healthTable(health: HealthSeries): ChartTable {
  return {
    caption: 'Health checks (scores 1 to 5)',
    columns: ['Deal', 'Date', ...health.dimensions.map((d) => d.label)],
    rows: health.deals.flatMap((d) => [...d.checks].sort((a, b) => a.date.localeCompare(b.date)).map((c) => [d.label, c.date, ...health.dimensions.map((dim) => c.scores[dim.key] ?? null)])),
  };
}

/** A portfolio chart as a document carries it: which one, and its inputs. */
export type PortfolioChart =
  | { kind: 'valueRisk'; points: ValueRiskPoint[]; money: MoneyFormat }
  | { kind: 'cashFlows'; flows: YearlyFlows; money: MoneyFormat }
  | { kind: 'metrics'; metrics: DueMetric[]; deals: string[]; from: string }
  | { kind: 'health'; health: HealthSeries };

export function buildPortfolioChartOption(chart: PortfolioChart): EChartsOption {
  switch (chart.kind) {
    case 'valueRisk':
      return buildValueRiskOption(chart.points, chart.money);
    case 'cashFlows':
      return buildCashFlowsOption(chart.flows, chart.money);
    case 'metrics':
      return buildMetricsTimelineOption(chart.metrics, chart.deals, chart.from);
    case 'health':
      return buildHealthOption(chart.health);
  }
}
