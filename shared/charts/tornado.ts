/**
 * The tornado chart of a sensitivity run: for each input, the party's mean NPV
 * with the input at its 10th and at its 90th percentile, widest swing on top,
 * bars drawn from the base mean. A chance or discrete input gets one labelled
 * bar per outcome ("fails 65%", "succeeds 35%") in its row instead.
 *
 * Pure: data in, ECharts option out, shared by the app's canvas and the
 * term sheet's server-side rendering. Only types come from 'echarts'.
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { SensitivityResult } from '../engine/results';
import { formatMoney, formatMoneyEstimate, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { formatPercent } from '../format/percent';
import { edgeAxisLine } from './palette';

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
const OUTCOME = '#6b4c9a';
export const TORNADO_LOW_NAME = 'Input at its 10th percentile';
export const TORNADO_HIGH_NAME = 'Input at its 90th percentile';
export const TORNADO_OUTCOME_NAME = 'Chance or discrete input at each outcome';

/** "fails 9%", "6 (35%)": what an outcome bar says. */
export function outcomeBarLabel(o: { label: string; probability: number }): string {
  return `${o.label} ${formatPercent(o.probability, 0)}`;
}

// One bar per outcome, each in its own slice of the row, its label beyond its end: [rowIndex, base, npv, slot, slots].
function outcomeRenderer(labels: readonly string[]): CustomSeriesRenderItem {
  return (params, api) => {
    const row = api.value(0) as number;
    const base = api.value(1) as number;
    const npv = api.value(2) as number;
    const slot = api.value(3) as number;
    const slots = api.value(4) as number;
    const [xBase, yMid] = api.coord([base, row]) as [number, number];
    const [xEnd] = api.coord([npv, row]) as [number, number];
    const band = ((api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 20) * 0.8;
    const height = band / slots;
    const top = yMid - band / 2 + slot * height;
    const width = Math.abs(xEnd - xBase);
    const text = labels[params.dataIndex] ?? '';
    // Beyond the bar's end where there is room for it, inside a long bar (which would push it off the plot).
    const inside = width > 6.5 * text.length + 8;
    return {
      type: 'rect',
      shape: { x: Math.min(xBase, xEnd), y: top + 1, width: Math.max(1, width), height: Math.max(2, height - 2) },
      style: { fill: api.visual('color') as string },
      textContent: { type: 'text', style: { text, fontSize: slots > 2 ? 9 : 10, fill: inside ? '#ffffff' : '#1c2430' } },
      textConfig: { position: npv >= base ? (inside ? 'insideRight' : 'right') : inside ? 'insideLeft' : 'left', distance: 3 },
    };
  };
}

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
  const values = rows.flatMap((r) => [r.lowNpv, r.highNpv, s.baseMean, ...(r.outcomes ?? []).map((o) => o.npv)]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(s.baseMean) || 1) * 0.05;
  const continuous = rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.outcomes);
  const outcomeBars = rows.flatMap((r, i) => (r.outcomes ?? []).map((o, slot) => ({ value: [i, s.baseMean, o.npv, slot, r.outcomes!.length], label: outcomeBarLabel(o) })));
  const hasOutcomes = outcomeBars.length > 0;
  // Outcome labels sit beyond the bar's end: leave room on both sides for them.
  const labelRoom = hasOutcomes ? (hi - lo || 1) * 0.32 : 0;
  return {
    animation: input.animation ?? false,
    title: input.title ? { text: input.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'bold' } } : undefined,
    legend: { bottom: 0, data: [TORNADO_LOW_NAME, TORNADO_HIGH_NAME, ...(hasOutcomes ? [TORNADO_OUTCOME_NAME] : [])] },
    // Room above the plot for the title and the base line's label.
    grid: { left: 8, right: 24, top: input.title ? 56 : 28, bottom: 64, containLabel: true },
    xAxis: {
      type: 'value',
      min: lo - pad - labelRoom,
      max: hi + pad + labelRoom,
      name: `Mean NPV (${moneyUnitCaption(money)})`,
      nameLocation: 'middle',
      nameGap: 26,
      axisLine: edgeAxisLine,
      axisLabel: {
        formatter: (v: number) => formatMoney(v, { ...money, decimals: Number.isInteger(v) ? 0 : undefined }),
        hideOverlap: true,
        showMinLabel: false,
        showMaxLabel: false,
        rotate: 0,
      },
    },
    // Long input names wrap onto a second line rather than run into the bars.
    yAxis: { type: 'category', data: labels, axisTick: { show: false }, axisLine: edgeAxisLine, axisLabel: { width: 150, overflow: 'break', lineHeight: 12, fontSize: 11, rotate: 0 } },
    series: [
      {
        type: 'custom',
        name: TORNADO_LOW_NAME,
        itemStyle: { color: LOW },
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data: continuous.map(({ r, i }) => [i, s.baseMean, r.lowNpv]),
      },
      {
        type: 'custom',
        name: TORNADO_HIGH_NAME,
        itemStyle: { color: HIGH },
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data: continuous.map(({ r, i }) => [i, s.baseMean, r.highNpv]),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#1c2430', type: 'dashed' },
          label: { formatter: `Base ${formatMoneyEstimate(s.baseMean, money)}`, fontSize: 10 },
          data: [{ xAxis: s.baseMean }],
        },
      },
      {
        type: 'custom',
        name: TORNADO_OUTCOME_NAME,
        itemStyle: { color: OUTCOME },
        renderItem: outcomeRenderer(outcomeBars.map((b) => b.label)),
        encode: { x: [1, 2], y: 0 },
        data: outcomeBars.map((b) => b.value),
      },
    ],
  };
}
