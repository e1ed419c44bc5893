/**
 * The zone of possible agreement, two ways:
 * - distributions: every party's exceedance curve (chance of an NPV of at
 *   least x, drawn through the run's exact order statistics) on one money
 *   axis, each with its walk-away, where the curve reads the card's chance of
 *   beating it;
 * - sweep: as one number moves across its range (valued at full precision on
 *   common random numbers), each party's mean NPV against its walk-away, the
 *   zone where every party's mean clears its walk-away shaded between the
 *   points where a party's mean crosses its walk-away (interpolated between
 *   sweep points, not the range's ends); and, on a chart of their own, the
 *   chance each party, and every party together, beats its walk-away.
 *
 * Intentionally has no platform imports.
 */
import type { EChartsOption } from 'echarts';
import { exceedancePoints } from '../engine/distribution-curve';
import type { DistributionCurve } from '../engine/results';
import type { ChartTable } from './chart-table';
import { formatMoney, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { formatPercent } from '../format/percent';
import { formatByKind } from '../format/by-kind';
import type { NumberKind } from '../model/number-fields';
import { axisStyle, baseOption, chartColors, moneyAxisLabel, partyLine, percentAxisLabel, softColor } from './palette';

export interface ZopaParty {
  id: string;
  name: string;
  color: string;
  isUs: boolean;
  curve: DistributionCurve;
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

/**
 * Every party's chance of reaching at least x, on one money axis: where a curve
 * crosses its party's walk-away line is that party's chance of beating it. Deal
 * NPVs are heavily skewed (a failed trial is a point mass), which exceedance
 * curves show legibly where densities would be one spike.
 */
export function buildZopaDistributionOption(input: ZopaDistributionInput): EChartsOption {
  const ends = input.parties.flatMap((p) => [p.curve.values[0] ?? p.walkAway, p.curve.values.at(-1) ?? p.walkAway, p.walkAway]);
  const [lo, hi] = input.range ?? [Math.min(...ends), Math.max(...ends)];
  return {
    ...baseOption,
    grid: { left: 64, right: 20, top: 30, bottom: 92 },
    title: {
      text: `All parties beat their walk-away together: ${formatPercent(input.pAllAboveWalkAway, 1)}`,
      left: 'center',
      top: 0,
      textStyle: { fontSize: 12, fontWeight: 'normal', color: chartColors.ink },
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
    // Named along the axis: the top edge carries the chart's own title.
    yAxis: { type: 'value', min: 0, max: 1, name: 'Chance of at least x', nameLocation: 'middle', nameGap: 44, ...axisStyle, axisLabel: percentAxisLabel },
    series: input.parties.map((p) => ({
      type: 'line' as const,
      // The walk-away is named here rather than on its line: walk-aways are often too close for two labels.
      name: `${p.name}: ${formatPercent(p.pAboveWalkAway, 1)} at or above walk-away ${formatMoney(p.walkAway, input.money)}`,
      showSymbol: false,
      clip: true,
      data: exceedancePoints(p.curve),
      ...partyLine(p),
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

/** One valuation of the sweep: the number's value and what each party gets there. */
export interface SweepPoint {
  value: number;
  parties: Record<string, { mean: number; se?: number; pAboveWalkAway: number }>;
  pAllAboveWalkAway: number;
}

export interface SweepParty {
  id: string;
  name: string;
  color: string;
  isUs: boolean;
  walkAway: number;
}

export interface ZopaSweepInput {
  /** e.g. "Upfront payment" */
  sliderLabel: string;
  /** How the number reads (money in the deal's format, a percentage, a plain number). */
  kind: NumberKind;
  money: MoneyFormat;
  points: SweepPoint[];
  parties: SweepParty[];
  /** The number's current value, marked on the axis. */
  current: number;
}

/** Where one end of a zone comes from: a party's mean crossing its walk-away, or the end of the range swept. */
export type ZoneEnd = { value: number; by: { kind: 'crossing'; party: string } | { kind: 'range-end' } };

export interface AgreementZone {
  from: ZoneEnd;
  to: ZoneEnd;
}

function sorted(points: readonly SweepPoint[]): SweepPoint[] {
  return [...points].sort((a, b) => a.value - b.value);
}

/** A party's margin over its walk-away at each point (NaN where unknown). */
function margins(points: readonly SweepPoint[], party: SweepParty): number[] {
  return points.map((pt) => (pt.parties[party.id]?.mean ?? NaN) - party.walkAway);
}

/** Where a party's mean crosses its walk-away, interpolated linearly between neighbouring sweep points. */
export function walkAwayCrossings(points: readonly SweepPoint[], party: SweepParty): number[] {
  const pts = sorted(points);
  const m = margins(pts, party);
  const out: number[] = [];
  for (let i = 1; i < pts.length; i++) {
    const a = m[i - 1]!;
    const b = m[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if ((a < 0 && b >= 0) || (a >= 0 && b < 0)) out.push(pts[i - 1]!.value + ((0 - a) / (b - a)) * (pts[i]!.value - pts[i - 1]!.value));
  }
  return out;
}

/** A party's margin at x, interpolated between sweep points. */
function marginAt(points: readonly SweepPoint[], m: readonly number[], x: number): number {
  for (let i = 1; i < points.length; i++) {
    const x0 = points[i - 1]!.value;
    const x1 = points[i]!.value;
    if (x >= x0 && x <= x1) return x1 === x0 ? m[i]! : m[i - 1]! + ((x - x0) / (x1 - x0)) * (m[i]! - m[i - 1]!);
  }
  return NaN;
}

/**
 * The ranges of the swept number where every party's mean NPV is at or above
 * its walk-away, with each end at the interpolated point where a party's mean
 * crosses its walk-away, or at the end of the range swept (the zone may go on beyond it).
 */
export function agreementZones(input: Pick<ZopaSweepInput, 'points' | 'parties'>): AgreementZone[] {
  const pts = sorted(input.points);
  if (pts.length === 0) return [];
  const perParty = input.parties.map((p) => ({ party: p, m: margins(pts, p), crossings: walkAwayCrossings(pts, p) }));
  const breaks = [...new Set([pts[0]!.value, pts.at(-1)!.value, ...perParty.flatMap((p) => p.crossings)])].sort((a, b) => a - b);
  const ok = (x: number) => perParty.every((p) => marginAt(pts, p.m, x) >= -1e-12 * Math.max(1, Math.abs(p.party.walkAway)));
  const endAt = (x: number): ZoneEnd => {
    const crossing = perParty.find((p) => p.crossings.some((c) => c === x));
    return crossing ? { value: x, by: { kind: 'crossing', party: crossing.party.id } } : { value: x, by: { kind: 'range-end' } };
  };
  const zones: AgreementZone[] = [];
  if (breaks.length === 1) return ok(breaks[0]!) ? [{ from: endAt(breaks[0]!), to: endAt(breaks[0]!) }] : [];
  for (let i = 1; i < breaks.length; i++) {
    const a = breaks[i - 1]!;
    const b = breaks[i]!;
    if (!ok((a + b) / 2)) continue;
    const last = zones.at(-1);
    if (last && last.to.value === a) last.to = endAt(b);
    else zones.push({ from: endAt(a), to: endAt(b) });
  }
  return zones;
}

function sweepAxis(input: ZopaSweepInput) {
  return {
    type: 'value' as const,
    name: input.sliderLabel,
    nameLocation: 'middle' as const,
    nameGap: 30,
    scale: true,
    ...axisStyle,
    axisLabel: { ...axisStyle.axisLabel, hideOverlap: true, formatter: (v: number) => formatByKind(v, input.kind, input.money) },
  };
}

const currentMarker = (current: number) => ({
  symbol: 'none' as const,
  silent: true,
  lineStyle: { color: chartColors.ink, type: 'solid' as const, width: 1 },
  label: { formatter: 'now', fontSize: 11, color: chartColors.ink },
  data: [{ xAxis: current }],
});

/** Each party's mean NPV as the number moves, its walk-away dashed, the zone shaded between the crossings. */
export function buildZopaSweepValueOption(input: ZopaSweepInput): EChartsOption {
  const pts = sorted(input.points);
  const zones = agreementZones(input);
  const series: NonNullable<EChartsOption['series']> = input.parties.map((p, i) => ({
    type: 'line' as const,
    name: `${p.name} mean NPV (walk-away ${formatMoney(p.walkAway, input.money)})`,
    data: pts.map((pt) => [pt.value, pt.parties[p.id]?.mean ?? null]),
    showSymbol: true,
    symbolSize: 5,
    ...partyLine(p),
    markLine: {
      symbol: 'none',
      silent: true,
      lineStyle: { color: p.color, type: 'dashed', width: 1.5 },
      label: { formatter: `${p.name} walk-away`, position: 'insideEndTop', color: p.color, fontSize: 10 },
      data: [
        { yAxis: p.walkAway },
        ...(i === 0 ? [{ xAxis: input.current, lineStyle: { color: chartColors.ink, type: 'solid' as const, width: 1 }, label: { formatter: 'now', position: 'end' as const, color: chartColors.ink } }] : []),
      ],
    },
    ...(i === 0
      ? {
          markArea: {
            silent: true,
            itemStyle: { color: softColor(chartColors.both, 0.12) },
            label: { show: true, position: 'insideTop' as const, color: chartColors.both, fontSize: 11, formatter: 'Zone of agreement' },
            data: zones.map((z) => [{ xAxis: z.from.value }, { xAxis: z.to.value }] as [{ xAxis: number }, { xAxis: number }]),
          },
        }
      : {}),
  }));
  return {
    ...baseOption,
    grid: { left: 60, right: 24, top: 28, bottom: 84 },
    legend: { bottom: 0, left: 'center', itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: sweepAxis(input),
    yAxis: { type: 'value', name: `Mean NPV (${moneyUnitCaption(input.money)})`, nameLocation: 'end', scale: true, ...axisStyle, axisLabel: moneyAxisLabel(input.money) },
    series,
  };
}

/** The chance each party, and every party together, beats its walk-away as the number moves. */
export function buildZopaSweepProbabilityOption(input: ZopaSweepInput): EChartsOption {
  const pts = sorted(input.points);
  const series: NonNullable<EChartsOption['series']> = input.parties.map((p) => ({
    type: 'line' as const,
    name: `P(${p.name} ≥ walk-away)`,
    data: pts.map((pt) => [pt.value, pt.parties[p.id]?.pAboveWalkAway ?? null]),
    showSymbol: true,
    symbol: 'circle',
    symbolSize: 6,
    z: 3,
    ...partyLine(p),
  }));
  // Dashed, thin and on top with its own marker: where it coincides with one party's line, both stay visible.
  series.push({
    type: 'line',
    name: 'P(every party ≥ walk-away)',
    data: pts.map((pt) => [pt.value, pt.pAllAboveWalkAway]),
    showSymbol: true,
    symbol: 'diamond',
    symbolSize: 7,
    z: 4,
    lineStyle: { width: 1.5, color: chartColors.both, type: 'dashed' },
    itemStyle: { color: chartColors.both },
    markLine: currentMarker(input.current),
  });
  return {
    ...baseOption,
    grid: { left: 60, right: 24, top: 28, bottom: 84 },
    legend: { bottom: 0, left: 'center', itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: sweepAxis(input),
    yAxis: { type: 'value', min: 0, max: 1, name: 'Chance of beating the walk-away', nameLocation: 'end', ...axisStyle, axisLabel: percentAxisLabel },
    series,
  };
}

export function zopaSweepTable(input: ZopaSweepInput): ChartTable {
  const pts = sorted(input.points);
  return {
    caption: `Zone of agreement as ${input.sliderLabel} moves (${moneyUnitCaption(input.money)})`,
    columns: [input.sliderLabel, ...input.parties.flatMap((p) => [`${p.name} mean NPV`, `P(${p.name} ≥ walk-away)`]), 'P(every party ≥ walk-away)'],
    kinds: [input.kind === 'money' ? 'money' : input.kind === 'fraction' ? 'percent' : 'number', ...input.parties.flatMap(() => ['money', 'probability'] as const), 'probability'],
    rows: pts.map((pt) => [pt.value, ...input.parties.flatMap((p) => [pt.parties[p.id]?.mean ?? null, pt.parties[p.id]?.pAboveWalkAway ?? null]), pt.pAllAboveWalkAway]),
  };
}
