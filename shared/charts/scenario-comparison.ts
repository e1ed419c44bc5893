/**
 * Scenario comparison: every scenario's mean NPV per party side by side (a
 * grouped bar chart with each party's walk-away), the table behind it, and the
 * answer negotiators open it for: which scenario is best for us while still
 * acceptable to every other party (mean NPV at or above its walk-away).
 *
 * Intentionally has no platform imports.
 */
import type { EChartsOption } from 'echarts';
import type { NpvStats } from '../engine/results';
import type { ChartTable } from './chart-table';
import { formatMoney, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { axisStyle, baseOption, moneyAxisLabel } from './palette';

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
  parties: Record<string, { npv: NpvStats; pAboveWalkAway: number }>;
  pAllAboveWalkAway: number;
}

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
  return {
    ...baseOption,
    grid: { left: 56, right: 24, top: 28, bottom: 56 },
    legend: { bottom: 0, left: 'center', itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: input.rows.map((r) => r.scenarioName), ...axisStyle, splitLine: { show: false } },
    yAxis: { type: 'value', name: `Mean NPV (${moneyUnitCaption(input.money)})`, nameLocation: 'end', ...axisStyle, axisLabel: moneyAxisLabel(input.money) },
    series: input.parties.map((p) => ({
      type: 'bar' as const,
      name: p.name,
      barMaxWidth: 36,
      data: input.rows.map((r) => r.parties[p.id]?.npv.mean ?? null),
      itemStyle: { color: p.color, opacity: p.isUs ? 1 : 0.75 },
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: p.color, type: 'dashed', width: 1.5 },
        label: { formatter: `${p.name} walk-away ${formatMoney(p.walkAway, input.money)}`, color: p.color, fontSize: 11, position: 'insideEndTop' },
        data: [{ yAxis: p.walkAway }],
      },
    })),
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

/** The same comparison narrowed to what fits beside the model: mean NPV and the chance of beating the walk-away per party. */
export function scenarioComparisonSummaryTable(input: ScenarioComparisonInput): ChartTable {
  const best = bestScenarioForUs(input);
  return {
    caption: `Scenario comparison, mean NPV (${moneyUnitCaption(input.money)}) and chance of beating each walk-away`,
    columns: ['Scenario', ...input.parties.flatMap((p) => [`${p.name} mean NPV`, `P(${p.name} ≥ walk-away)`]), 'P(all ≥ walk-away)', 'Best for us'],
    kinds: ['text', ...input.parties.flatMap(() => ['money', 'probability'] as const), 'probability', 'text'],
    rows: input.rows.map((r) => [
      r.scenarioName,
      ...input.parties.flatMap((p) => {
        const v = r.parties[p.id];
        return v ? [v.npv.mean, v.pAboveWalkAway] : [null, null];
      }),
      r.pAllAboveWalkAway,
      r.scenarioId === best ? '✓' : '',
    ]),
  };
}
