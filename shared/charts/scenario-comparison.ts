/**
 * Scenario comparison: every scenario's mean NPV per party side by side (a
 * grouped bar chart with each party's walk-away, every bar and every scenario
 * labelled), each party's NPV distributions overlaid (one exceedance curve per
 * scenario, from the runs' exact order statistics), the table behind them, and
 * the answer negotiators open it for: which scenario is best for us while
 * still acceptable to every other party (mean NPV at or above its walk-away).
 *
 * Intentionally has no platform imports.
 */
import type { EChartsOption } from 'echarts';
import { exceedancePoints } from '../engine/distribution-curve';
import type { DistributionCurve, NpvStats } from '../engine/results';
import type { ChartTable } from './chart-table';
import { formatMoney, formatMoneyEstimate, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { formatPercent } from '../format/percent';
import { axisStyle, baseOption, chartColors, moneyAxisLabel, percentAxisLabel } from './palette';

export interface ComparisonParty {
  id: string;
  name: string;
  color: string;
  isUs: boolean;
  walkAway: number;
}

export interface ComparisonRow {
  scenarioId: string;
  scenarioName: string;
  parties: Record<string, { npv: NpvStats; pAboveWalkAway: number; histogram?: { curve: DistributionCurve } }>;
  pAllAboveWalkAway: number;
}

/** One colour per scenario, in the order compared (parties keep their own colours in the bar chart). */
export const SCENARIO_COLORS = ['#1f5fbf', '#b8562b', '#2e7d32', '#6b4c9a', '#00838f', '#ad5a00', '#5b6676', '#c2185b'];

export interface ScenarioComparisonInput {
  parties: ComparisonParty[];
  rows: ComparisonRow[];
  money: MoneyFormat;
}

/** Every other party's mean NPV is at or above its walk-away. */
export function isAcceptableToOthers(row: ComparisonRow, parties: ComparisonParty[]): boolean {
  return parties.filter((p) => !p.isUs).every((p) => (row.parties[p.id]?.npv.mean ?? -Infinity) >= p.walkAway);
}

/** The acceptable scenario with the highest mean NPV for us, or null when no scenario is acceptable. */
export function bestScenarioForUs(input: Pick<ScenarioComparisonInput, 'parties' | 'rows'>): string | null {
  const us = input.parties.find((p) => p.isUs);
  if (!us) return null;
  let best: ComparisonRow | null = null;
  for (const row of input.rows) {
    if (!isAcceptableToOthers(row, input.parties)) continue;
    const mean = row.parties[us.id]?.npv.mean;
    if (mean === undefined) continue;
    if (!best || mean > best.parties[us.id]!.npv.mean) best = row;
  }
  return best?.scenarioId ?? null;
}

export function buildScenarioComparisonOption(input: ScenarioComparisonInput): EChartsOption {
  const many = input.rows.length * input.parties.length > 8;
  return {
    ...baseOption,
    grid: { left: 64, right: 24, top: 36, bottom: 64 },
    legend: { bottom: 0, left: 'center', itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: input.rows.map((r) => r.scenarioName),
      ...axisStyle,
      // Every scenario named, wrapped rather than skipped or rotated.
      axisLabel: { ...axisStyle.axisLabel, interval: 0, rotate: 0, width: Math.max(60, Math.floor(560 / Math.max(1, input.rows.length))), overflow: 'break' },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', name: `Mean NPV (${moneyUnitCaption(input.money)})`, nameLocation: 'end', ...axisStyle, axisLabel: moneyAxisLabel(input.money) },
    series: input.parties.map((p) => ({
      type: 'bar' as const,
      // The walk-away is named in the legend: a label on its line would sit on the bars.
      name: `${p.name} (walk-away ${formatMoney(p.walkAway, input.money)})`,
      barMaxWidth: 36,
      data: input.rows.map((r) => r.parties[p.id]?.npv.mean ?? null),
      itemStyle: { color: p.color, opacity: p.isUs ? 1 : 0.75 },
      // Every bar carries its figure; with many bars the label turns to run along the bar instead of colliding.
      label: {
        show: true,
        position: many ? 'insideBottom' : 'top',
        rotate: many ? 90 : 0,
        align: many ? 'left' : 'center',
        verticalAlign: 'middle',
        fontSize: 10,
        color: many ? '#ffffff' : chartColors.ink,
        formatter: (params: { value?: unknown }) => (typeof params.value === 'number' ? formatMoneyEstimate(params.value, input.money) : ''),
      },
      labelLayout: { hideOverlap: false },
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: p.color, type: 'dashed', width: 1.5 },
        label: { show: false },
        data: [{ yAxis: p.walkAway }],
      },
    })),
  };
}

/** One party's NPV distribution under every scenario compared: exceedance curves overlaid, its walk-away marked. */
export function buildScenarioDistributionOption(input: ScenarioComparisonInput, partyId: string, range?: [number, number]): EChartsOption {
  const party = input.parties.find((p) => p.id === partyId);
  const rows = input.rows.filter((r) => r.parties[partyId]?.histogram);
  return {
    ...baseOption,
    grid: { left: 56, right: 20, top: 28, bottom: 84 },
    legend: { bottom: 0, left: 'center', itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      ...(range ? { min: range[0], max: range[1] } : {}),
      name: `${party?.name ?? partyId} NPV (${moneyUnitCaption(input.money)})`,
      nameLocation: 'middle',
      nameGap: 30,
      ...axisStyle,
      axisLabel: { ...moneyAxisLabel(input.money), showMinLabel: false, showMaxLabel: false },
    },
    yAxis: { type: 'value', min: 0, max: 1, name: 'Chance of at least x', nameLocation: 'end', ...axisStyle, axisLabel: percentAxisLabel },
    series: rows.map((r, i) => {
      const v = r.parties[partyId]!;
      const color = SCENARIO_COLORS[i % SCENARIO_COLORS.length]!;
      return {
        type: 'line' as const,
        name: `${r.scenarioName}: ${formatPercent(v.pAboveWalkAway, 1)} ≥ walk-away`,
        showSymbol: false,
        clip: true,
        data: exceedancePoints(v.histogram!.curve),
        lineStyle: { width: 2, color },
        itemStyle: { color },
        ...(i === 0 && party
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                // Ink, dashed: a red line would read as one more scenario.
                lineStyle: { color: chartColors.ink, type: 'dashed' as const, width: 1.5 },
                label: { formatter: `Walk-away ${formatMoney(party.walkAway, input.money)}`, fontSize: 10, color: chartColors.ink },
                data: [{ xAxis: party.walkAway }],
              },
            }
          : {}),
      };
    }),
  };
}

export function scenarioComparisonTable(input: ScenarioComparisonInput): ChartTable {
  const best = bestScenarioForUs(input);
  return {
    caption: `Scenario comparison (${moneyUnitCaption(input.money)})`,
    columns: [
      'Scenario',
      ...input.parties.flatMap((p) => [`${p.name} mean NPV`, `${p.name} NPV std. error`, `${p.name} P10`, `${p.name} P50`, `${p.name} P90`, `P(${p.name} ≥ walk-away)`]),
      'P(all ≥ walk-away)',
      'Best for us and acceptable to them',
    ],
    kinds: ['text', ...input.parties.flatMap(() => ['money', 'money', 'money', 'money', 'money', 'probability'] as const), 'probability', 'text'],
    rows: input.rows.map((r) => [
      r.scenarioName,
      ...input.parties.flatMap((p) => {
        const v = r.parties[p.id];
        return v ? [v.npv.mean, v.npv.se, v.npv.p10, v.npv.p50, v.npv.p90, v.pAboveWalkAway] : [null, null, null, null, null, null];
      }),
      r.pAllAboveWalkAway,
      r.scenarioId === best ? 'yes' : '',
    ]),
  };
}

/** One row of the comparison as it reads on screen: a measure, and its value under each scenario (the scenarios are columns). */
export interface ComparisonMeasure {
  label: string;
  kind: 'money' | 'probability' | 'text';
  values: (number | string | null)[];
  /** For mean NPVs: whether each value is at or above the party's walk-away (the one colour rule). */
  vsWalkAway?: ('above' | 'below' | null)[];
}

/**
 * The comparison narrowed to what fits beside the model, scenarios as columns
 * (so it lines up with the table of terms that differ, and negotiation rounds
 * can join as further columns): each party's mean NPV and chance of beating
 * its walk-away, the chance every party does, and which scenario is best for us.
 */
export function scenarioComparisonMeasures(input: ScenarioComparisonInput): ComparisonMeasure[] {
  const best = bestScenarioForUs(input);
  return [
    ...input.parties.flatMap((p): ComparisonMeasure[] => [
      {
        label: `${p.name} mean NPV`,
        kind: 'money',
        values: input.rows.map((r) => r.parties[p.id]?.npv.mean ?? null),
        vsWalkAway: input.rows.map((r) => {
          const m = r.parties[p.id]?.npv.mean;
          return m === undefined ? null : m >= p.walkAway ? 'above' : 'below';
        }),
      },
      { label: `P(${p.name} ≥ walk-away)`, kind: 'probability', values: input.rows.map((r) => r.parties[p.id]?.pAboveWalkAway ?? null) },
    ]),
    { label: 'P(every party ≥ walk-away)', kind: 'probability', values: input.rows.map((r) => r.pAllAboveWalkAway) },
    { label: 'Best for us (and acceptable to them)', kind: 'text', values: input.rows.map((r) => (r.scenarioId === best ? '✓' : '')) },
  ];
}
