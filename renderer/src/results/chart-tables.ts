/**
 * Data tables for the two charts whose option builders live with the term
 * sheet (shared/charts/histogram.ts, tornado.ts): what screen readers read and
 * what "Save data as CSV" writes for them.
 */
import type { ChartTable } from '../../../shared/charts/chart-table';
import type { Histogram, SensitivityResult } from '../../../shared/engine/results';
import { histogramShares } from '../../../shared/charts/histogram';
import { outcomeBarLabel } from '../../../shared/charts/tornado';
import { formatMoney, moneyUnitCaption, type MoneyFormat } from '../../../shared/format/money';
import { formatPercent } from '../../../shared/format/percent';

export function histogramTable(partyName: string, histogram: Histogram, walkAway: number, pAboveWalkAway: number, money: MoneyFormat): ChartTable {
  const { share, cumulative } = histogramShares(histogram);
  return {
    caption: `${partyName} NPV distribution (${moneyUnitCaption(money)}); walk-away ${formatMoney(walkAway, money)}, reached or beaten in ${formatPercent(pAboveWalkAway, 1)} of outcomes`,
    columns: ['From', 'To', 'Share of outcomes', 'Share up to here'],
    kinds: ['money', 'money', 'probability', 'probability'],
    rows: histogram.counts.map((_, i) => [histogram.edges[i]!, histogram.edges[i + 1]!, share[i]!, cumulative[i]!]),
  };
}

/** One row per continuous input (at P10 and P90) and per outcome of a chance or discrete input. */
export function tornadoTable(partyName: string, s: SensitivityResult, unitCaption: string): ChartTable {
  const rows = [...s.rows].sort((a, b) => b.swing - a.swing);
  return {
    caption: `What moves ${partyName}'s mean NPV (${unitCaption}): each continuous input at its 10th and 90th percentile, each chance or discrete input at each outcome`,
    columns: ['Input', 'Held at', 'Input value', 'Mean NPV', 'Swing'],
    kinds: ['text', 'text', 'number', 'money', 'money'],
    rows: rows.flatMap((r) =>
      r.outcomes
        ? r.outcomes.map((o, i) => [r.label || r.input, outcomeBarLabel(o), o.value, o.npv, i === 0 ? r.swing : null])
        : [
            [r.label || r.input, 'P10', r.lowInput, r.lowNpv, r.swing],
            [r.label || r.input, 'P90', r.highInput, r.highNpv, null],
          ],
    ),
  };
}
