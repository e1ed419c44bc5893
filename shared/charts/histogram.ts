/**
 * The NPV histogram of one party with its S-curve (the share of outcomes
 * below each NPV, drawn through the run's exact order statistics, see
 * distribution-curve.ts) and the walk-away marked with the card's chance of
 * beating it: an ECharts option built from a valuation summary.
 *
 * Pure: data in, option out. The app renders it on a canvas, the host renders
 * the very same option to SVG (server-side) for the term sheet's appendix, so
 * a negotiator sees one chart in both places. Only types come from 'echarts'.
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Histogram, NpvHistogram } from '../engine/results';
import { formatMoney, formatMoneyEstimate, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { formatPercent } from '../format/percent';
import { sCurvePoints } from '../engine/distribution-curve';
import { edgeAxisLine } from './palette';

export interface HistogramChartInput {
  histogram: NpvHistogram;
  money: MoneyFormat;
  /** The party's walk-away NPV; drawn as a vertical line when given. */
  walkAway?: number;
  /** Mean NPV; drawn as a dashed line when given. */
  mean?: number;
  title?: string;
  /** Off for static rendering (documents, tests), on in the app. */
  animation?: boolean;
  /**
   * The x-axis ends where this share of outcomes is reached (default 0.99), so
   * a long thin tail does not squeeze the body of the distribution into one bar.
   * 1 shows every bin. The walk-away and the mean always stay in view.
   */
  tailShare?: number;
}

const BAR = '#4a78c2';
/** Tops of the bars' axis: each splits into five round steps (1%, 2%, 4%, 5%, 10%, 20%). */
const SHARE_AXIS_MAXIMA = [0.05, 0.1, 0.2, 0.25, 0.5, 1];
const CURVE = '#1c2430';
const WALK_AWAY = '#b42318';

/** Probability mass per bin and the cumulative share at each right edge, both in [0, 1]. */
export function histogramShares(h: Histogram): { share: number[]; cumulative: number[] } {
  const total = h.counts.reduce((a, b) => a + b, 0) || 1;
  let running = 0;
  const share = h.counts.map((c) => c / total);
  const cumulative = h.counts.map((c) => (running += c) / total);
  return { share, cumulative };
}

// Bars span their exact bin edges (a bar series on a value axis would guess widths).
const renderBin: CustomSeriesRenderItem = (_params, api) => {
  const from = api.value(0) as number;
  const to = api.value(1) as number;
  const share = api.value(2) as number;
  const [x0, y0] = api.coord([from, share]) as [number, number];
  const [x1, yBase] = api.coord([to, 0]) as [number, number];
  return {
    type: 'rect',
    shape: { x: x0, y: y0, width: Math.max(1, x1 - x0 - 1), height: yBase - y0 },
    style: { fill: BAR, opacity: 0.85 },
  };
};

export function buildHistogramOption(input: HistogramChartInput): EChartsOption {
  const { histogram: h, money } = input;
  const { share, cumulative } = histogramShares(h);
  const bins = h.counts.map((_, i) => [h.edges[i]!, h.edges[i + 1]!, share[i]!]);
  const curve = sCurvePoints(h.curve);
  const fmtMoney = (v: number) => formatMoney(v, { ...money, decimals: Number.isInteger(v) ? 0 : undefined });
  const markers: {
    xAxis: number;
    name: string;
    lineStyle: { color: string; type: 'solid' | 'dashed'; width: number };
    label: { position: 'end' | 'insideMiddleTop' };
  }[] = [];
  if (input.walkAway !== undefined && Number.isFinite(input.walkAway)) {
    const above = 1 - h.curve.walkAway.below;
    const odds = h.curve.walkAway.value === input.walkAway && Number.isFinite(above) ? `: ${formatPercent(above, 1)} at or above` : '';
    // Above the plot, level: the one label read with the card, kept clear of the bars.
    markers.push({ xAxis: input.walkAway, name: `Walk-away ${formatMoneyEstimate(input.walkAway, money)}${odds}`, lineStyle: { color: WALK_AWAY, type: 'solid', width: 2 }, label: { position: 'end' } });
  }
  if (input.mean !== undefined && Number.isFinite(input.mean)) {
    // Label lower down the line than the walk-away's, so the two never overlap when close.
    markers.push({ xAxis: input.mean, name: `Mean ${formatMoneyEstimate(input.mean, money)}`, lineStyle: { color: CURVE, type: 'dashed', width: 1 }, label: { position: 'insideMiddleTop' } });
  }
  const shareMax = SHARE_AXIS_MAXIMA.find((m) => m >= Math.max(0, ...share)) ?? 1;
  const tail = input.tailShare ?? 0.99;
  const lastBin = tail >= 1 ? h.counts.length - 1 : Math.max(0, cumulative.findIndex((c) => c >= tail));
  const span = (h.edges[lastBin + 1] ?? 1) - (h.edges[0] ?? 0);
  const lo = Math.min(h.edges[0] ?? 0, input.walkAway ?? Infinity, input.mean ?? Infinity);
  const hi = Math.max(h.edges[lastBin + 1] ?? 1, (input.walkAway ?? -Infinity) + span * 0.02, (input.mean ?? -Infinity) + span * 0.02);
  return {
    animation: input.animation ?? false,
    title: input.title ? { text: input.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'bold' } } : undefined,
    grid: { left: 62, right: 66, top: input.title ? 52 : 30, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      min: lo,
      max: hi,
      name: `NPV (${moneyUnitCaption(money)})`,
      nameLocation: 'middle',
      nameGap: 28,
      // The forced ends are bin edges, not round numbers: only the nice ticks get labels.
      axisLabel: { formatter: (v: number) => fmtMoney(v), hideOverlap: true, showMinLabel: false, showMaxLabel: false, rotate: 0 },
      axisLine: edgeAxisLine,
      splitLine: { show: false },
    },
    yAxis: [
      // Five intervals on both axes, so one set of grid lines serves the bars and the curve.
      // Axis titles run along their axes: the top edge carries the walk-away's label.
      { type: 'value', name: 'Share of outcomes', nameLocation: 'middle', nameGap: 40, min: 0, max: shareMax, interval: shareMax / 5, axisLabel: { formatter: (v: number) => formatPercent(v) }, axisLine: edgeAxisLine, splitLine: { lineStyle: { color: '#e5e8ee' } } },
      { type: 'value', name: 'Chance NPV is below', nameLocation: 'middle', nameGap: 44, min: 0, max: 1, interval: 0.2, axisLabel: { formatter: (v: number) => formatPercent(v) }, axisLine: edgeAxisLine, splitLine: { show: false } },
    ],
    series: [
      { type: 'custom', name: 'NPV distribution', renderItem: renderBin, encode: { x: [0, 1], y: 2 }, data: bins, clip: true },
      {
        type: 'line',
        name: 'Chance NPV is below (S-curve)',
        yAxisIndex: 1,
        data: curve,
        clip: true,
        showSymbol: false,
        smooth: false,
        lineStyle: { color: CURVE, width: 1.5 },
        itemStyle: { color: CURVE },
        markLine: markers.length
          ? {
              symbol: 'none',
              silent: true,
              // A white backing keeps the label readable where it crosses the bars.
              label: { formatter: '{b}', position: 'insideEndTop', fontSize: 10, backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3] },
              data: markers,
            }
          : undefined,
      },
    ],
  };
}
