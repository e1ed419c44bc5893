/**
 * The tornado chart of a sensitivity run: for each input, the party's mean NPV
 * with the input at its 10th and at its 90th percentile, widest swing on top,
 * bars drawn from the base mean.
 *
 * Pure: data in, ECharts option out, shared by the app's canvas and the
 * term sheet's server-side rendering. Only types come from 'echarts'.
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { SensitivityResult } from '../engine/results';
import { formatMoney, formatMoneyEstimate, moneyUnitCaption, type MoneyFormat } from '../format/money';

export interface TornadoChartInput {
  sensitivity: SensitivityResult;
  money: MoneyFormat;
  /** At most this many rows (the widest swings); the default keeps a page readable. */
  maxRows?: number;
  title?: string;
  animation?: boolean;
}

const LOW = '#b8562b';
const HIGH = '#2f6db3';

// One bar per row from the base mean to the NPV at that percentile: [rowIndex, base, npv].
const renderBar: CustomSeriesRenderItem = (_params, api) => {
  const row = api.value(0) as number;
  const base = api.value(1) as number;
  const npv = api.value(2) as number;
  const [xBase, yMid] = api.coord([base, row]) as [number, number];
  const [xEnd] = api.coord([npv, row]) as [number, number];
  const band = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 20;
  const height = band * 0.6;
  return {
    type: 'rect',
    shape: { x: Math.min(xBase, xEnd), y: yMid - height / 2, width: Math.max(1, Math.abs(xEnd - xBase)), height },
    style: { fill: api.visual('color') as string },
  };
};

export function buildTornadoOption(input: TornadoChartInput): EChartsOption {
  const { sensitivity: s, money } = input;
  // Widest swing at the top: ECharts draws category 0 at the bottom.
  const rows = [...s.rows].sort((a, b) => b.swing - a.swing).slice(0, input.maxRows ?? 10).reverse();
  const labels = rows.map((r) => r.label || r.input);
  const values = rows.flatMap((r) => [r.lowNpv, r.highNpv, s.baseMean]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(s.baseMean) || 1) * 0.05;
  return {
    animation: input.animation ?? false,
    title: input.title ? { text: input.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'bold' } } : undefined,
    legend: { bottom: 0, data: ['Input at its 10th percentile', 'Input at its 90th percentile'] },
    // Room above the plot for the title and the base line's label.
    grid: { left: 8, right: 24, top: input.title ? 56 : 28, bottom: 64, containLabel: true },
    xAxis: {
      type: 'value',
      min: lo - pad,
      max: hi + pad,
      name: `Mean NPV (${moneyUnitCaption(money)})`,
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: {
        formatter: (v: number) => formatMoney(v, { ...money, decimals: Number.isInteger(v) ? 0 : undefined }),
        hideOverlap: true,
        showMinLabel: false,
        showMaxLabel: false,
      },
    },
    yAxis: { type: 'category', data: labels, axisTick: { show: false }, axisLabel: { width: 230, overflow: 'truncate' } },
    series: [
      {
        type: 'custom',
        name: 'Input at its 10th percentile',
        itemStyle: { color: LOW },
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data: rows.map((r, i) => [i, s.baseMean, r.lowNpv]),
      },
      {
        type: 'custom',
        name: 'Input at its 90th percentile',
        itemStyle: { color: HIGH },
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data: rows.map((r, i) => [i, s.baseMean, r.highNpv]),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#1c2430', type: 'dashed' },
          label: { formatter: `Base ${formatMoneyEstimate(s.baseMean, money)}`, fontSize: 10 },
          data: [{ xAxis: s.baseMean }],
        },
      },
    ],
  };
}
