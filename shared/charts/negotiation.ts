/**
 * The negotiation chart: every round a point at (our mean NPV, their mean
 * NPV), arrows from each round to the next, each side's walk-away as a line
 * (the corner where both clear theirs shaded), the efficient frontier when
 * one has been computed, and our target when we set one. Read it as a map:
 * up is better for them, right is better for us; a move up and to the right
 * made both sides better off, and the frontier is as far as any structure of
 * the numbers varied can go.
 *
 * Intentionally has no platform imports.
 */
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts';
import type { ChartTable } from './chart-table';
import { formatMoney, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { axisStyle, baseOption, chartColors, moneyAxisLabel, softColor } from './palette';

export interface NegotiationChartRound {
  id: string;
  /** A short label on the chart ("R2"); the table names the round in full. */
  label: string;
  name: string;
  date: string;
  /** Whether we made this offer (our colour) or the other side did. */
  ours: boolean;
  us: number;
  them: number;
}

export interface NegotiationChartInput {
  money: MoneyFormat;
  us: { name: string; walkAway: number };
  them: { name: string; walkAway: number };
  rounds: NegotiationChartRound[];
  /** The efficient frontier (our mean, their mean), from best for them to best for us. */
  frontier?: { us: number; them: number }[];
  /** Our target mean NPV. */
  target?: number;
}

/** The data range to show: every point, line and walk-away, with a margin, out to round numbers (the axis prints its ends). */
function extent(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || Math.max(1, Math.abs(hi) * 0.1);
  const raw = (hi - lo + 2 * pad) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10) * power;
  return [Math.floor((lo - pad) / step) * step, Math.ceil((hi + pad) / step) * step];
}

export function buildNegotiationOption(input: NegotiationChartInput): EChartsOption {
  const frontier = input.frontier ?? [];
  const xs = [...input.rounds.map((r) => r.us), ...frontier.map((p) => p.us), input.us.walkAway, ...(input.target === undefined ? [] : [input.target])];
  const ys = [...input.rounds.map((r) => r.them), ...frontier.map((p) => p.them), input.them.walkAway];
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const fmt = (v: number) => formatMoney(v, input.money);
  const arrows: NonNullable<LineSeriesOption['markLine']>['data'] = input.rounds.slice(1).map((r, i) => {
    const from = input.rounds[i]!;
    return [
      { coord: [from.us, from.them], lineStyle: { color: r.ours ? chartColors.us : chartColors.them, width: 1.8, type: 'solid' as const } },
      { coord: [r.us, r.them] },
    ];
  });
  const point = (ours: boolean): ScatterSeriesOption => ({
    type: 'scatter' as const,
    name: ours ? `Offers by ${input.us.name}` : `Offers by ${input.them.name}`,
    symbolSize: 13,
    itemStyle: { color: ours ? chartColors.us : chartColors.them, borderColor: '#ffffff', borderWidth: 1.5 },
    label: { show: true, position: 'top' as const, color: chartColors.ink, fontWeight: 'bold' as const },
    // Rounds close together (a small concession) would print their labels on top of each other: they
    // move apart, and one that still collides is left to the tooltip and the table.
    labelLayout: { moveOverlap: 'shiftY', hideOverlap: true },
    data: input.rounds.filter((r) => r.ours === ours).map((r) => ({ value: [r.us, r.them], name: `${r.label} ${r.name}`, label: { formatter: r.label } })),
    z: 4,
  });
  return {
    ...baseOption,
    grid: { left: 88, right: 24, top: 24, bottom: 64 },
    // The key is printed under the chart (the app's legend line, the document's caption): a legend here would crowd a narrow pane.
    legend: { show: false },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { seriesName: string; data: { name?: string; value: [number, number] } };
        const [us, them] = item.data.value;
        return `${item.data.name ?? item.seriesName}<br/>${input.us.name}: ${fmt(us)}<br/>${input.them.name}: ${fmt(them)}`;
      },
    },
    xAxis: {
      type: 'value',
      name: `${input.us.name}: mean NPV (${moneyUnitCaption(input.money)})`,
      nameLocation: 'middle',
      nameGap: 32,
      min: x0,
      max: x1,
      ...axisStyle,
      axisLabel: moneyAxisLabel(input.money),
    },
    yAxis: {
      type: 'value',
      name: `${input.them.name}: mean NPV`,
      nameLocation: 'middle',
      nameGap: 58,
      min: y0,
      max: y1,
      ...axisStyle,
      axisLabel: moneyAxisLabel(input.money),
    },
    series: [
      {
        type: 'line',
        name: 'Efficient frontier',
        data: frontier.map((p) => [p.us, p.them]),
        showSymbol: frontier.length <= 40,
        symbolSize: 5,
        lineStyle: { color: chartColors.both, width: 2 },
        itemStyle: { color: chartColors.both },
        z: 2,
        markArea: {
          silent: true,
          itemStyle: { color: softColor(chartColors.both, 0.08) },
          data: [[{ coord: [input.us.walkAway, input.them.walkAway] }, { coord: [x1, y1] }]],
        },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          label: { color: chartColors.walkAway, fontSize: 11 },
          lineStyle: { color: chartColors.walkAway, type: 'dashed', width: 1.2 },
          data: [
            { xAxis: input.us.walkAway, label: { formatter: `${input.us.name} walk-away ${fmt(input.us.walkAway)}`, position: 'insideEndTop' } },
            { yAxis: input.them.walkAway, label: { formatter: `${input.them.name} walk-away ${fmt(input.them.walkAway)}`, position: 'insideEndTop' } },
            ...(input.target === undefined
              ? []
              : [{ xAxis: input.target, lineStyle: { color: chartColors.us, type: 'dotted' as const, width: 1.5 }, label: { color: chartColors.us, formatter: `Our target ${fmt(input.target)}`, position: 'insideEndBottom' as const } }]),
          ],
        },
      },
      ({
        type: 'line',
        name: 'Moves',
        data: [],
        lineStyle: { color: chartColors.muted },
        markLine: { silent: true, symbol: ['none', 'arrow'], symbolSize: 9, label: { show: false }, data: arrows },
        z: 3,
      }) satisfies LineSeriesOption,
      point(true),
      point(false),
    ],
  };
}

/** The chart's data as a table (screen readers, CSV). */
export function negotiationTable(input: NegotiationChartInput): ChartTable {
  return {
    caption: `Negotiation rounds: mean NPV of ${input.us.name} and ${input.them.name}, ${moneyUnitCaption(input.money)}`,
    columns: ['Round', 'Date', 'Offer by', `${input.us.name} mean NPV`, `${input.them.name} mean NPV`],
    kinds: ['text', 'text', 'text', 'money', 'money'],
    rows: [
      ...input.rounds.map((r) => [`${r.label} ${r.name}`, r.date, r.ours ? input.us.name : input.them.name, r.us, r.them]),
      ...(input.frontier ?? []).map((p, i) => [`Frontier point ${i + 1}`, '', '', p.us, p.them]),
    ],
  };
}
