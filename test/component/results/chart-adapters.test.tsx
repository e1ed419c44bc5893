/**
 * The chart adapters: data in, ECharts option (and data table) out. These are
 * the figures the negotiator reads, so the tests pin what each chart draws:
 * the band of a fan, where a walk-away line sits, which scenario is called best.
 */
import { describe, expect, it } from 'vitest';
import { buildFanChartOption, fanChartTable } from '../../../shared/charts/fan-chart';
import { agreementRanges, buildZopaDistributionOption, buildZopaSweepOption, exceedancePoints, zopaSweepTable, type SweepPoint } from '../../../shared/charts/zopa';
import { bestScenarioForUs, buildScenarioComparisonOption, scenarioComparisonSummaryTable, scenarioComparisonTable, type ComparisonParty, type ComparisonRow } from '../../../shared/charts/scenario-comparison';
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

  it('finds the slider range where every party expects to beat its walk-away', () => {
    // Upfront 0..80: we need at least 45, they stop being happy above 60.
    const points = [point(0, 30, 40), point(20, 40, 25), point(40, 50, 10), point(60, 60, 0), point(80, 70, -10)];
    expect(agreementRanges({ points, parties })).toEqual([[40, 60]]);
  });

  it('reports no zone when the walk-aways never overlap, and separate zones separately', () => {
    expect(agreementRanges({ points: [point(0, 10, 10), point(10, 60, -1)], parties })).toEqual([]);
    const split = [point(0, 50, 1), point(1, 40, 1), point(2, 50, 1)];
    expect(agreementRanges({ points: split, parties })).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });

  it('shades the zone and marks the current value on the sweep chart', () => {
    const points = [point(80, 70, -10), point(40, 50, 10), point(60, 60, 0)];
    const series = seriesOf(buildZopaSweepOption({ sliderLabel: 'Upfront payment', points, parties, current: 55 }));
    const all = series.find((s) => s.name === 'P(all ≥ walk-away)')!;
    expect(all.markArea!.data).toEqual([[{ xAxis: 40 }, { xAxis: 60 }]]);
    expect(all.markLine!.data).toEqual([{ xAxis: 55 }]);
    // Points are drawn in slider order whatever order the runs finished in.
    expect(all.data.map((d) => (d as number[])[0])).toEqual([40, 60, 80]);
    const table = zopaSweepTable({ sliderLabel: 'Upfront payment', points, parties, current: 55 });
    expect(table.columns).toEqual(['Upfront payment', 'Helix Bio mean NPV', 'P(Helix Bio ≥ walk-away)', 'Northwind mean NPV', 'P(Northwind ≥ walk-away)', 'P(all ≥ walk-away)']);
    expect(table.rows[0]).toEqual([40, 50, 0.5, 10, 0.5, 0.3]);
  });

  it('plots each party’s chance of reaching at least x, so the chance of beating a walk-away reads off the curve', () => {
    // 10 outcomes: 6 at [0,10), 1 at [10,20), 3 at [20,30).
    const points = exceedancePoints({ edges: [0, 10, 20, 30], counts: [6, 1, 3] });
    expect(points.map(([x]) => x)).toEqual([0, 10, 20, 30]);
    [1, 0.4, 0.3, 0].forEach((p, i) => expect(points[i]![1]).toBeCloseTo(p, 12));
    expect(exceedancePoints({ edges: [], counts: [] })).toEqual([]);
  });

  it('draws every party on one axis with its walk-away line, cut to the range asked for', () => {
    const h = { edges: [0, 10, 20], counts: [1, 3] };
    const option = buildZopaDistributionOption({
      money,
      pAllAboveWalkAway: 0.44,
      range: [-5, 60],
      parties: parties.map((p) => ({ ...p, histogram: h, pAboveWalkAway: 0.6, mean: 12 })),
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

  it('groups one bar per party per scenario, with each walk-away as a line', () => {
    const rows = [row('base', 50, 20), row('ask', 80, -3)];
    const option = buildScenarioComparisonOption({ parties, rows, money }) as { xAxis: { data: string[] }; series: LineSeries[] };
    expect(option.xAxis.data).toEqual(['BASE', 'ASK']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Helix Bio', [50, 80]],
      ['Northwind Pharma', [20, -3]],
    ]);
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
  it('keeps to mean NPV and the chance of beating each walk-away, and marks the best scenario', () => {
    const stats = (mean: number) => ({ mean, sd: 1, se: 0.1, p5: mean, p10: mean, p50: mean, p90: mean, p95: mean });
    const table = scenarioComparisonSummaryTable({
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
    expect(table.columns).toEqual(['Scenario', 'Us mean NPV', 'P(Us ≥ walk-away)', 'Them mean NPV', 'P(Them ≥ walk-away)', 'P(all ≥ walk-away)', 'Best for us']);
    expect(table.rows).toEqual([
      ['X', 20, 0.7, 5, 0.6, 0.5, '✓'],
      ['Y', 30, 0.8, -1, 0.4, 0.3, ''],
    ]);
  });
});
