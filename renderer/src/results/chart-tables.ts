/**
 * Data tables for the two charts whose option builders live with the term
 * sheet (shared/charts/histogram.ts, tornado.ts): what screen readers read and
 * what "Save data as CSV" writes for them.
 */
import type { ChartTable } from '../../../shared/charts/chart-table';
import type { Histogram, SensitivityResult } from '../../../shared/engine/results';
import { histogramShares } from '../../../shared/charts/histogram';

export function histogramTable(partyName: string, histogram: Histogram, walkAway: number, unitCaption: string): ChartTable {
  const { share, cumulative } = histogramShares(histogram);
  return {
    caption: `${partyName} NPV distribution (${unitCaption}); walk-away ${walkAway}`,
    columns: ['From', 'To', 'Share of outcomes', 'Cumulative share'],
    kinds: ['money', 'money', 'probability', 'probability'],
    rows: histogram.counts.map((_, i) => [histogram.edges[i]!, histogram.edges[i + 1]!, share[i]!, cumulative[i]!]),
  };
}

export function tornadoTable(partyName: string, s: SensitivityResult, unitCaption: string): ChartTable {
  const rows = [...s.rows].sort((a, b) => b.swing - a.swing);
  return {
    caption: `What moves ${partyName}'s mean NPV (${unitCaption}): each input at its 10th and 90th percentile`,
    columns: ['Input', 'Input at P10', 'Input at P90', 'Mean NPV at P10', 'Mean NPV at P90', 'Swing'],
    kinds: ['text', 'number', 'number', 'money', 'money', 'money'],
    rows: rows.map((r) => [r.label || r.input, r.lowInput, r.highInput, r.lowNpv, r.highNpv, r.swing]),
  };
}
