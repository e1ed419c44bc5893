/**
 * The cash-flow fan of one party: per period, the P10–P90 band, the median and
 * the mean of its nominal (undiscounted) cash flow. The band is drawn as a
 * transparent base plus a stacked band height, stacked with strategy "all" so
 * periods where P10 is negative (development costs) still draw correctly.
 *
 * Intentionally has no platform imports.
 */
import type { EChartsOption } from 'echarts';
import type { CashFlowFan } from '../engine/results';
import type { ChartTable } from './chart-table';
import { moneyUnitCaption, type MoneyFormat } from '../format/money';
import { axisStyle, baseOption, chartColors, moneyAxisLabel, softColor } from './palette';

export interface FanChartInput {
  partyName: string;
  color: string;
  fan: CashFlowFan;
  /** One label per period, e.g. from periodLabels(deal.timeline). */
  periods: string[];
  money: MoneyFormat;
}

export function buildFanChartOption(input: FanChartInput): EChartsOption {
  const { fan, color } = input;
  const n = Math.min(input.periods.length, fan.p10.length);
  const periods = input.periods.slice(0, n);
  const bandHeight = periods.map((_, i) => fan.p90[i]! - fan.p10[i]!);
  return {
    ...baseOption,
    grid: { left: 56, right: 20, top: 28, bottom: 68 },
    legend: { bottom: 0, left: 'center', itemWidth: 16, itemHeight: 8, data: ['P10–P90', 'Median', 'Mean'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods, boundaryGap: false, name: 'Period', nameLocation: 'middle', nameGap: 26, ...axisStyle, splitLine: { show: false } },
    yAxis: { type: 'value', name: `Cash flow (${moneyUnitCaption(input.money)})`, nameLocation: 'end', scale: true, ...axisStyle, axisLabel: moneyAxisLabel(input.money) },
    series: [
      {
        // The band's invisible floor: P10 itself.
        type: 'line',
        name: 'P10',
        data: fan.p10.slice(0, n),
        stack: 'band',
        stackStrategy: 'all',
        lineStyle: { opacity: 0 },
        showSymbol: false,
        silent: true,
        tooltip: { show: true },
      },
      {
        type: 'line',
        name: 'P10–P90',
        data: bandHeight,
        stack: 'band',
        stackStrategy: 'all',
        lineStyle: { opacity: 0 },
        showSymbol: false,
        areaStyle: { color: softColor(color, 0.22) },
        itemStyle: { color: softColor(color, 0.5) },
        silent: true,
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: 'Median',
        data: fan.p50.slice(0, n),
        showSymbol: false,
        lineStyle: { color, width: 2 },
        itemStyle: { color },
      },
      {
        type: 'line',
        name: 'Mean',
        data: fan.mean.slice(0, n),
        showSymbol: false,
        lineStyle: { color: chartColors.ink, width: 1.5, type: 'dashed' },
        itemStyle: { color: chartColors.ink },
      },
    ],
  };
}

export function fanChartTable(input: FanChartInput): ChartTable {
  const { fan } = input;
  return {
    caption: `${input.partyName} cash flow per period (${moneyUnitCaption(input.money)}, nominal)`,
    columns: ['Period', 'P10', 'Median', 'P90', 'Mean'],
    kinds: ['text', 'money', 'money', 'money', 'money'],
    rows: input.periods.map((label, i) => [label, fan.p10[i] ?? null, fan.p50[i] ?? null, fan.p90[i] ?? null, fan.mean[i] ?? null]),
  };
}
