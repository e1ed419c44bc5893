/**
 * The S-curve (cumulative distribution) of each party's NPV, read from the
 * valuation's histogram, with the party's walk-away marked: the height of the
 * curve at the walk-away is the chance the party does worse than its BATNA.
 *
 * Intentionally has no platform imports.
 */
import type { EChartsOption } from 'echarts';
import type { Histogram } from '../engine/results';
import type { ChartTable } from './chart-table';
import { axisStyle, baseOption, chartColors, softColor } from './palette';

export interface SCurveParty {
  name: string;
  color: string;
  histogram: Histogram;
  walkAway: number;
  /** Emphasised (thicker line): the file owner's side. */
  isUs: boolean;
}

export interface SCurveInput {
  parties: SCurveParty[];
  /** e.g. "NPV, USD million" */
  valueAxisName: string;
}

/** Points (x = NPV at a bin's right edge, y = share of iterations at or below it), starting at (first edge, 0). */
export function cumulativePoints(histogram: Histogram): [number, number][] {
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  if (total === 0 || histogram.edges.length === 0) return [];
  const points: [number, number][] = [[histogram.edges[0]!, 0]];
  let running = 0;
  histogram.counts.forEach((count, i) => {
    running += count;
    points.push([histogram.edges[i + 1]!, running / total]);
  });
  return points;
}

export function buildSCurveOption(input: SCurveInput): EChartsOption {
  return {
    ...baseOption,
    color: input.parties.map((p) => p.color),
    grid: { left: 56, right: 24, top: 36, bottom: 44 },
    legend: { top: 4, left: 'center', itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: input.valueAxisName, nameLocation: 'middle', nameGap: 28, scale: true, ...axisStyle },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: 'P(NPV ≤ x)',
      nameLocation: 'end',
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: '{value}' },
    },
    series: input.parties.map((p) => ({
      type: 'line' as const,
      name: p.name,
      showSymbol: false,
      step: false,
      data: cumulativePoints(p.histogram),
      lineStyle: { width: p.isUs ? 2.5 : 1.5, color: p.color },
      itemStyle: { color: p.color },
      areaStyle: p.isUs ? { color: softColor(p.color, 0.08) } : undefined,
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: chartColors.walkAway, type: 'dashed', width: 1.5 },
        label: { formatter: `${p.name} walk-away`, color: chartColors.walkAway, position: 'insideEndTop', fontSize: 11 },
        data: [{ xAxis: p.walkAway }],
      },
    })),
  };
}

/** The same curve as a table: NPV and the cumulative share per party (one block of rows per party). */
export function sCurveTable(input: SCurveInput): ChartTable {
  const rows: ChartTable['rows'] = [];
  for (const p of input.parties) for (const [x, y] of cumulativePoints(p.histogram)) rows.push([p.name, x, y]);
  return {
    caption: `Cumulative NPV distribution (${input.valueAxisName}); walk-aways: ${input.parties.map((p) => `${p.name} ${p.walkAway}`).join(', ')}`,
    columns: ['Party', input.valueAxisName, 'Share of outcomes at or below'],
    rows,
  };
}
