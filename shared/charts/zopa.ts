/**
 * The zone of possible agreement, two ways:
 * - distributions: every party's exceedance curve (chance of an NPV of at
 *   least x) on one money axis, each with its walk-away and the region above
 *   it shaded, with the chance that all parties beat their walk-away together;
 * - sweep: as one slider's number moves across its range, the chance each
 *   party beats its walk-away and the chance all do, with the range where
 *   every party's mean NPV clears its walk-away shaded as the zone.
 *
 * Intentionally has no platform imports.
 */
import type { EChartsOption } from 'echarts';
import type { Histogram } from '../engine/results';
import type { ChartTable } from './chart-table';
import { formatMoney, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { formatPercent } from '../format/percent';
import { axisStyle, baseOption, chartColors, percentAxisLabel, rateAxisLabel, softColor, moneyAxisLabel } from './palette';

export interface ZopaParty {
  id: string;
  name: string;
  color: string;
  isUs: boolean;
  histogram: Histogram;
  walkAway: number;
  pAboveWalkAway: number;
  mean: number;
}

export interface ZopaDistributionInput {
  parties: ZopaParty[];
  pAllAboveWalkAway: number;
  money: MoneyFormat;
  /** The NPV range to show, e.g. from the lowest P5 to the highest P95 (long tails would squash the rest). */
  range?: [number, number];
}

/** The exceedance curve: at each bin edge x, the share of iterations with NPV at or above x. */
export function exceedancePoints(h: Histogram): [number, number][] {
  const total = h.counts.reduce((a, b) => a + b, 0);
  if (total === 0 || h.edges.length === 0) return [];
  const points: [number, number][] = [[h.edges[0]!, 1]];
  let below = 0;
  h.counts.forEach((c, i) => {
    below += c;
    points.push([h.edges[i + 1]!, Math.max(0, 1 - below / total)]);
  });
  return points;
}

/**
 * Every party's chance of reaching at least x, on one money axis: where a curve
 * crosses its party's walk-away line is that party's chance of beating it. Deal
 * NPVs are heavily skewed (a failed trial is a point mass), which exceedance
 * curves show legibly where densities would be one spike.
 */
export function buildZopaDistributionOption(input: ZopaDistributionInput): EChartsOption {
  const edgesLo = Math.min(...input.parties.map((p) => p.histogram.edges[0] ?? p.walkAway), ...input.parties.map((p) => p.walkAway));
  const edgesHi = Math.max(...input.parties.map((p) => p.histogram.edges[p.histogram.edges.length - 1] ?? p.walkAway), ...input.parties.map((p) => p.walkAway));
  const [lo, hi] = input.range ?? [edgesLo, edgesHi];
  return {
    ...baseOption,
    grid: { left: 48, right: 20, top: 30, bottom: 92 },
    title: {
      text: `All parties beat their walk-away together: ${formatPercent(input.pAllAboveWalkAway, 1)}`,
      left: 'center',
      top: 0,
      textStyle: { fontSize: 12, fontWeight: 'normal', color: chartColors.both },
    },
    legend: { bottom: 0, left: 'center', itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      min: lo,
      max: hi,
      name: `NPV (${moneyUnitCaption(input.money)})`,
      nameLocation: 'middle',
      nameGap: 30,
      ...axisStyle,
      // The cut ends are not round numbers: label the round ticks only.
      axisLabel: { ...moneyAxisLabel(input.money), showMinLabel: false, showMaxLabel: false },
    },
    yAxis: { type: 'value', min: 0, max: 1, ...axisStyle, axisLabel: percentAxisLabel },
    series: input.parties.map((p) => ({
      type: 'line' as const,
      // The walk-away is named here rather than on its line: walk-aways are often too close for two labels.
      name: `${p.name}: ${formatPercent(p.pAboveWalkAway, 1)} at or above walk-away ${formatMoney(p.walkAway, input.money)}`,
      showSymbol: false,
      data: exceedancePoints(p.histogram),
      lineStyle: { width: p.isUs ? 2.5 : 1.5, color: p.color },
      itemStyle: { color: p.color },
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: p.color, type: 'dashed', width: 1.5 },
        label: { show: false },
        data: [{ xAxis: p.walkAway }],
      },
      markArea: {
        silent: true,
        itemStyle: { color: softColor(p.color, 0.04) },
        data: [[{ xAxis: p.walkAway }, { xAxis: hi }]],
      },
    })),
  };
}

export function zopaDistributionTable(input: ZopaDistributionInput): ChartTable {
  return {
    caption: `Zone of agreement: every party's NPV against its walk-away (${moneyUnitCaption(input.money)}); all parties beat their walk-away in ${formatPercent(input.pAllAboveWalkAway, 1)} of outcomes`,
    columns: ['Party', 'Walk-away', 'Mean NPV', 'P(NPV ≥ walk-away)'],
    kinds: ['text', 'money', 'money', 'probability'],
    rows: input.parties.map((p) => [p.name, p.walkAway, p.mean, p.pAboveWalkAway]),
  };
}

/** One valuation of the sweep: the slider's number and what each party gets there. */
export interface SweepPoint {
  value: number;
  parties: Record<string, { mean: number; pAboveWalkAway: number }>;
  pAllAboveWalkAway: number;
}

export interface ZopaSweepInput {
  /** e.g. "Upfront payment" */
  sliderLabel: string;
  /** How the slider's values read on the axis: money in the deal's format, a rate as a percentage, or plain. */
  sliderFormat?: { kind: 'money'; money: MoneyFormat } | { kind: 'rate' } | { kind: 'number' };
  points: SweepPoint[];
  parties: { id: string; name: string; color: string; isUs: boolean; walkAway: number }[];
  /** The slider's current value, marked on the axis. */
  current: number;
}

/** The ranges of slider values (consecutive sweep points) where every party's mean NPV is at or above its walk-away. */
export function agreementRanges(input: Pick<ZopaSweepInput, 'points' | 'parties'>): [number, number][] {
  const ranges: [number, number][] = [];
  let start: number | null = null;
  let last: number | null = null;
  const sorted = [...input.points].sort((a, b) => a.value - b.value);
  for (const pt of sorted) {
    const ok = input.parties.every((p) => (pt.parties[p.id]?.mean ?? -Infinity) >= p.walkAway);
    if (ok) {
      if (start === null) start = pt.value;
      last = pt.value;
    } else if (start !== null) {
      ranges.push([start, last!]);
      start = null;
    }
  }
  if (start !== null) ranges.push([start, last!]);
  return ranges;
}

export function buildZopaSweepOption(input: ZopaSweepInput): EChartsOption {
  const sorted = [...input.points].sort((a, b) => a.value - b.value);
  const zones = agreementRanges(input);
  const series: NonNullable<EChartsOption['series']> = input.parties.map((p) => ({
    type: 'line' as const,
    name: `P(${p.name} ≥ walk-away)`,
    data: sorted.map((pt) => [pt.value, pt.parties[p.id]?.pAboveWalkAway ?? null]),
    showSymbol: true,
    symbolSize: 4,
    lineStyle: { width: p.isUs ? 2.5 : 1.5, color: p.color },
    itemStyle: { color: p.color },
  }));
  series.push({
    type: 'line',
    name: 'P(all ≥ walk-away)',
    data: sorted.map((pt) => [pt.value, pt.pAllAboveWalkAway]),
    showSymbol: true,
    symbolSize: 4,
    lineStyle: { width: 2.5, color: chartColors.both },
    itemStyle: { color: chartColors.both },
    areaStyle: { color: chartColors.bothSoft },
    markArea: {
      silent: true,
      itemStyle: { color: softColor(chartColors.both, 0.1) },
      label: { show: true, position: 'insideTop', color: chartColors.both, fontSize: 11, formatter: 'Zone of agreement' },
      data: zones.map(([a, b]) => [{ xAxis: a }, { xAxis: b }]),
    },
    markLine: {
      symbol: 'none',
      silent: true,
      lineStyle: { color: chartColors.ink, type: 'solid', width: 1 },
      label: { formatter: 'current', fontSize: 11, color: chartColors.ink },
      data: [{ xAxis: input.current }],
    },
  });
  return {
    ...baseOption,
    grid: { left: 48, right: 24, top: 28, bottom: 96 },
    legend: { bottom: 0, left: 'center', itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      name: input.sliderLabel,
      nameLocation: 'middle',
      nameGap: 30,
      scale: true,
      ...axisStyle,
      axisLabel: input.sliderFormat?.kind === 'money' ? moneyAxisLabel(input.sliderFormat.money) : input.sliderFormat?.kind === 'rate' ? rateAxisLabel : axisStyle.axisLabel,
    },
    yAxis: { type: 'value', min: 0, max: 1, name: 'Probability', nameLocation: 'end', ...axisStyle, axisLabel: percentAxisLabel },
    series,
  };
}

export function zopaSweepTable(input: ZopaSweepInput): ChartTable {
  const sorted = [...input.points].sort((a, b) => a.value - b.value);
  return {
    caption: `Zone of agreement as ${input.sliderLabel} moves`,
    columns: [
      input.sliderLabel,
      ...input.parties.flatMap((p) => [`${p.name} mean NPV`, `P(${p.name} ≥ walk-away)`]),
      'P(all ≥ walk-away)',
    ],
    kinds: ['number', ...input.parties.flatMap(() => ['money', 'probability'] as const), 'probability'],
    rows: sorted.map((pt) => [
      pt.value,
      ...input.parties.flatMap((p) => [pt.parties[p.id]?.mean ?? null, pt.parties[p.id]?.pAboveWalkAway ?? null]),
      pt.pAllAboveWalkAway,
    ]),
  };
}
