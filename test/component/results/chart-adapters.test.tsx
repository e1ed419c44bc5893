/**
 * The chart adapters: data in, ECharts option (and data table) out. These are
 * the figures the negotiator reads, so the tests pin what each chart draws:
 * the band of a fan, where a walk-away line sits, which scenario is called best.
 */
import { describe, expect, it } from 'vitest';
import { buildFanChartOption, fanChartTable } from '../../../shared/charts/fan-chart';
import {
  agreementZones,
  buildZopaDistributionOption,
  buildZopaSweepProbabilityOption,
  buildZopaSweepValueOption,
  walkAwayCrossings,
  zopaSweepTable,
  type SweepPoint,
} from '../../../shared/charts/zopa';
import { exceedancePoints, sCurvePoints, shareBelow } from '../../../shared/engine/distribution-curve';
import { CURVE_LEVELS, type DistributionCurve } from '../../../shared/engine/results';
import { bestScenarioForUs, buildScenarioComparisonOption, scenarioComparisonMeasures, scenarioComparisonTable, type ComparisonParty, type ComparisonRow } from '../../../shared/charts/scenario-comparison';
import { exportFileName, tableToCsv } from '../../../shared/charts/chart-table';
import type { NpvStats } from '../../../shared/engine/results';

const money = { currency: 'USD', unit: 'million' as const };

type LineSeries = { type: string; name: string; data: unknown[]; stack?: string; stackStrategy?: string; markLine?: { data: Record<string, number>[] }; markArea?: { data: [Record<string, number>, Record<string, number>][] } };
const seriesOf = (option: { series?: unknown }) => option.series as LineSeries[];

describe('cash-flow fan chart', () => {
  const fan = { p10: [-30, -10, 5], p50: [-20, 0, 20], p90: [-5, 15, 60], mean: [-18, 2, 25] };
  const input = { partyName: 'Helix Bio', color: '#1f5fbf', fan, periods: ['2027', '2028', '2029'], money };

  it('draws the P10–P90 band as P10 plus a stacked height that also works below zero', () => {
    const [floor, band, median, mean] = seriesOf(buildFanChartOption(input));
    expect(floor!.data).toEqual([-30, -10, 5]);
    expect(band!.data).toEqual([25, 25, 55]);
    // "samesign" (the default) would stack a positive height on 0 when P10 is negative.
    expect(floor!.stackStrategy).toBe('all');
    expect(band!.stackStrategy).toBe('all');
    expect(floor!.stack).toBe(band!.stack);
    expect(median!.data).toEqual([-20, 0, 20]);
    expect(mean!.data).toEqual([-18, 2, 25]);
  });

  it('labels the periods on the axis and tabulates every period', () => {
    const option = buildFanChartOption(input) as { xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['2027', '2028', '2029']);
    const table = fanChartTable(input);
    expect(table.columns).toEqual(['Period', 'P10', 'Median', 'P90', 'Mean']);
    expect(table.rows[2]).toEqual(['2029', 5, 20, 60, 25]);
    expect(table.caption).toContain('USD million');
  });
});

describe('zone of agreement', () => {
  const parties = [
    { id: 'us', name: 'Helix Bio', color: '#1f5fbf', isUs: true, walkAway: 45 },
    { id: 'them', name: 'Northwind', color: '#8a6d3b', isUs: false, walkAway: 0 },
  ];
  const point = (value: number, usMean: number, themMean: number): SweepPoint => ({
    value,
    parties: { us: { mean: usMean, pAboveWalkAway: 0.5 }, them: { mean: themMean, pAboveWalkAway: 0.5 } },
    pAllAboveWalkAway: 0.3,
  });

  const input = (points: SweepPoint[], current = 55) => ({ sliderLabel: 'Upfront payment', kind: 'money' as const, money, points, parties, current });

  it('puts the zone between the points where a party’s mean crosses its walk-away, interpolated, not at sweep points', () => {
    // Upfront 0..80: we need at least 45 (reached at 35), they stop being happy above 60.
    const points = [point(0, 30, 40), point(20, 40, 25), point(40, 50, 10), point(60, 60, 0), point(80, 70, -10)];
    expect(walkAwayCrossings(points, parties[0]!)).toEqual([30]);
    expect(walkAwayCrossings(points, parties[1]!)).toEqual([60]);
    expect(agreementZones({ points, parties })).toEqual([{ from: { value: 30, by: { kind: 'crossing', party: 'us' } }, to: { value: 60, by: { kind: 'crossing', party: 'them' } } }]);
  });

  it('says when a zone runs to the end of the range swept rather than to a crossing', () => {
    const points = [point(0, 30, 40), point(40, 50, 30), point(80, 70, 20)];
    const [zone] = agreementZones({ points, parties });
    expect(zone!.from).toEqual({ value: 30, by: { kind: 'crossing', party: 'us' } });
    expect(zone!.to).toEqual({ value: 80, by: { kind: 'range-end' } });
  });

  it('reports no zone when the walk-aways never overlap, and separate zones separately', () => {
    expect(agreementZones({ points: [point(0, 10, 10), point(10, 30, -1)], parties })).toEqual([]);
    // We clear 45 near both ends only; they are always happy.
    const split = [point(0, 50, 1), point(10, 40, 1), point(20, 50, 1)];
    expect(agreementZones({ points: split, parties }).map((z) => [z.from.value, z.to.value])).toEqual([
      [0, 5],
      [15, 20],
    ]);
  });

  it('shades the zone on the mean-NPV chart, with each walk-away, and keeps the chances on a chart of their own', () => {
    const points = [point(80, 70, -10), point(40, 50, 10), point(60, 60, 0)];
    const value = seriesOf(buildZopaSweepValueOption(input(points)));
    expect(value.map((s) => s.name)).toEqual(['Helix Bio mean NPV (walk-away $45.0M)', 'Northwind mean NPV (walk-away $0.0M)']);
    // Points in slider order whatever order the runs finished in.
    expect(value[0]!.data.map((d) => (d as number[])[0])).toEqual([40, 60, 80]);
    expect(value[0]!.markArea!.data).toEqual([[{ xAxis: 40 }, { xAxis: 60 }]]);
    expect(value.map((s) => (s.markLine!.data as { yAxis?: number }[])[0]!.yAxis)).toEqual([45, 0]);
    const chances = seriesOf(buildZopaSweepProbabilityOption(input(points)));
    expect(chances.map((s) => s.name)).toEqual(['P(Helix Bio ≥ walk-away)', 'P(Northwind ≥ walk-away)', 'P(every party ≥ walk-away)']);
    // The joint line is drawn dashed on top, so a party's line under it stays visible.
    const all = chances.at(-1) as LineSeries & { lineStyle: { type: string }; z: number };
    expect(all.lineStyle.type).toBe('dashed');
    expect(all.markLine!.data).toEqual([{ xAxis: 55 }]);
    const table = zopaSweepTable(input(points));
    expect(table.columns).toEqual(['Upfront payment', 'Helix Bio mean NPV', 'P(Helix Bio ≥ walk-away)', 'Northwind mean NPV', 'P(Northwind ≥ walk-away)', 'P(every party ≥ walk-away)']);
    expect(table.rows[0]).toEqual([40, 50, 0.5, 10, 0.5, 0.3]);
  });

  /** A curve of 10 outcomes: 6 at -5 (a point mass), then 1, 2, 3, 4 (type-7 quantiles at every level). */
  function curveOf(values: number[], walkAway: number): DistributionCurve {
    const sorted = [...values].sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (sorted.length - 1) * p;
      const f = Math.floor(h);
      return sorted[f]! + (h - f) * (sorted[Math.min(sorted.length - 1, f + 1)]! - sorted[f]!);
    };
    return { values: CURVE_LEVELS.map(q), walkAway: { value: walkAway, below: sorted.filter((v) => v < walkAway).length / sorted.length } };
  }

  it('draws curves through the exact order statistics, a point mass as a vertical step, reading the exact share at the walk-away', () => {
    const curve = curveOf([-5, -5, -5, -5, -5, -5, 1, 2, 3, 4], 0);
    const points = sCurvePoints(curve);
    // Ascending in both coordinates.
    for (let i = 1; i < points.length; i++) {
      expect(points[i]![0]).toBeGreaterThanOrEqual(points[i - 1]![0]);
      expect(points[i]![1]).toBeGreaterThanOrEqual(points[i - 1]![1]);
    }
    // The point mass: several levels at -5, a vertical line.
    expect(points.filter(([x]) => x === -5).length).toBeGreaterThan(50);
    // At the walk-away the curve reads exactly the share below it (6 of 10), and the exceedance curve 40%.
    expect(shareBelow(points, 0)).toBe(0.6);
    expect(shareBelow(exceedancePoints(curve).map(([x, a]) => [x, 1 - a] as [number, number]), 0)).toBe(0.6);
  });

  it('draws every party on one axis with its walk-away line, cut to the range asked for', () => {
    const curve = curveOf([0, 5, 10, 15, 20], 10);
    const option = buildZopaDistributionOption({
      money,
      pAllAboveWalkAway: 0.44,
      range: [-5, 60],
      parties: parties.map((p) => ({ ...p, curve, pAboveWalkAway: 0.6, mean: 12 })),
    }) as { title: { text: string }; xAxis: { min: number; max: number }; series: LineSeries[] };
    expect(option.title.text).toBe('All parties beat their walk-away together: 44.0%');
    expect(option.series.map((s) => s.markLine!.data)).toEqual([[{ xAxis: 45 }], [{ xAxis: 0 }]]);
    expect([option.xAxis.min, option.xAxis.max]).toEqual([-5, 60]);
    // Each party's "satisfied" region runs from its walk-away to the right edge.
    expect(option.series[0]!.markArea!.data).toEqual([[{ xAxis: 45 }, { xAxis: 60 }]]);
  });
});

describe('scenario comparison', () => {
  const parties: ComparisonParty[] = [
    { id: 'licensor', name: 'Helix Bio', color: '#1f5fbf', isUs: true, walkAway: 45 },
    { id: 'licensee', name: 'Northwind Pharma', color: '#8a6d3b', isUs: false, walkAway: 0 },
  ];
  const stats = (mean: number): NpvStats => ({ mean, sd: 10, se: 0.1, p5: mean - 20, p10: mean - 15, p50: mean, p90: mean + 15, p95: mean + 20 });
  const row = (id: string, us: number, them: number): ComparisonRow => ({
    scenarioId: id,
    scenarioName: id.toUpperCase(),
    parties: { licensor: { npv: stats(us), pAboveWalkAway: 0.5 }, licensee: { npv: stats(them), pAboveWalkAway: 0.7 } },
    pAllAboveWalkAway: 0.4,
  });

  it('calls best the scenario worth most to us that the counterparty still expects to beat its walk-away with', () => {
    const rows = [row('base', 50, 20), row('ask', 80, -3), row('fallback', 60, 5)];
    expect(bestScenarioForUs({ parties, rows })).toBe('fallback');
    expect(bestScenarioForUs({ parties, rows: [row('ask', 80, -3)] })).toBeNull();
  });

  it('groups one bar per party per scenario, every bar and every scenario labelled, with each walk-away as a line', () => {
    const rows = ['base', 'ask', 'fallback', 'walk', 'open'].map((id, i) => row(id, 50 + i, 20 - i));
    const option = buildScenarioComparisonOption({ parties, rows, money }) as {
      xAxis: { data: string[]; axisLabel: { interval: number; rotate: number } };
      series: (LineSeries & { label: { show: boolean; formatter: (p: { value: number }) => string } })[];
    };
    expect(option.xAxis.data).toEqual(['BASE', 'ASK', 'FALLBACK', 'WALK', 'OPEN']);
    // Every category named (interval 0), none rotated.
    expect(option.xAxis.axisLabel.interval).toBe(0);
    expect(option.xAxis.axisLabel.rotate).toBe(0);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Helix Bio (walk-away $45.0M)', [50, 51, 52, 53, 54]],
      ['Northwind Pharma (walk-away $0.0M)', [20, 19, 18, 17, 16]],
    ]);
    expect(option.series.every((s) => s.label.show)).toBe(true);
    expect(option.series[0]!.label.formatter({ value: 52.04 })).toBe('$52.0M');
    expect(option.series.map((s) => s.markLine!.data)).toEqual([[{ yAxis: 45 }], [{ yAxis: 0 }]]);
  });

  it('tabulates every scenario and flags the best one', () => {
    const table = scenarioComparisonTable({ parties, rows: [row('base', 50, 20), row('ask', 80, -3)], money });
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]![0]).toBe('BASE');
    expect(table.rows[0]!.at(-1)).toBe('yes');
    expect(table.rows[1]!.at(-1)).toBe('');
    expect(table.columns).toHaveLength(table.kinds!.length);
    expect(table.rows[0]).toHaveLength(table.columns.length);
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting, keeps full precision and defuses spreadsheet formulas', () => {
    const csv = tableToCsv({ caption: 'x', columns: ['Scenario', 'Mean'], rows: [['Ask, "high"', 52.123456789], ['=HYPERLINK("x")', null], ['-5 cut', -5]] });
    expect(csv).toBe('Scenario,Mean\r\n"Ask, ""high""",52.123456789\r\n"\'=HYPERLINK(""x"")",\r\n\'-5 cut,-5\r\n');
  });

  it('derives safe file names from captions', () => {
    expect(exportFileName('Helix Bio: NPV distribution', 'png')).toBe('helix-bio-npv-distribution.png');
    expect(exportFileName('€/…', 'csv')).toBe('dealwright-chart.csv');
  });
});

describe('scenario comparison summary', () => {
  it('keeps to mean NPV and the chance of beating each walk-away, scenarios as columns, and marks the best one', () => {
    const stats = (mean: number) => ({ mean, sd: 1, se: 0.1, p5: mean, p10: mean, p50: mean, p90: mean, p95: mean });
    const measures = scenarioComparisonMeasures({
      money,
      parties: [
        { id: 'a', name: 'Us', color: '#000', isUs: true, walkAway: 10 },
        { id: 'b', name: 'Them', color: '#111', isUs: false, walkAway: 0 },
      ],
      rows: [
        { scenarioId: 'x', scenarioName: 'X', parties: { a: { npv: stats(20), pAboveWalkAway: 0.7 }, b: { npv: stats(5), pAboveWalkAway: 0.6 } }, pAllAboveWalkAway: 0.5 },
        { scenarioId: 'y', scenarioName: 'Y', parties: { a: { npv: stats(30), pAboveWalkAway: 0.8 }, b: { npv: stats(-1), pAboveWalkAway: 0.4 } }, pAllAboveWalkAway: 0.3 },
      ],
    });
    expect(measures.map((m) => [m.label, m.values])).toEqual([
      ['Us mean NPV', [20, 30]],
      ['P(Us ≥ walk-away)', [0.7, 0.8]],
      ['Them mean NPV', [5, -1]],
      ['P(Them ≥ walk-away)', [0.6, 0.4]],
      ['P(every party ≥ walk-away)', [0.5, 0.3]],
      ['Best for us (and acceptable to them)', ['✓', '']],
    ]);
    // The one colour rule: a mean against its party's walk-away.
    expect(measures[2]!.vsWalkAway).toEqual(['above', 'below']);
  });
});
