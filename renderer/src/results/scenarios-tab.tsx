/**
 * Scenario comparison: every scenario valued with the same seed and
 * iterations, as a table and a grouped chart, with the scenario that is best
 * for us while acceptable to every other party called out.
 */
import { useMemo } from 'react';
import type { Deal } from '../../../shared/model/schema';
import { bestScenarioForUs, buildScenarioComparisonOption, scenarioComparisonSummaryTable, scenarioComparisonTable, type ScenarioComparisonInput } from '../../../shared/charts/scenario-comparison';
import { useAppStore } from '../store/app-store';
import { ChartView } from './chart-view';
import { DataTable } from './data-table';
import { formatIterations, moneyFormatOf } from './results-format';
import { orderedParties } from './party-order';
import { TableExport } from './table-export';

export function ScenariosTab({ deal }: { deal: Deal }) {
  const comparison = useAppStore((s) => s.analysis.comparison);
  const actions = useAppStore((s) => s.analysisActions);
  const money = moneyFormatOf(deal);
  const view = useMemo(() => {
    if (comparison.status !== 'done') return null;
    const input: ScenarioComparisonInput = {
      money: moneyFormatOf(deal),
      parties: orderedParties(deal).map((p) => ({ id: p.id, name: p.name, color: p.color, isUs: p.isUs, walkAway: p.walkAway })),
      rows: comparison.value.entries.map((e) => ({ scenarioId: e.scenarioId, scenarioName: e.scenarioName, parties: e.result.parties, pAllAboveWalkAway: e.result.pAllAboveWalkAway })),
    };
    const best = bestScenarioForUs(input);
    return { option: buildScenarioComparisonOption(input), table: scenarioComparisonTable(input), summary: scenarioComparisonSummaryTable(input), best: comparison.value.entries.find((e) => e.scenarioId === best)?.scenarioName ?? null };
  }, [comparison, deal]);

  return (
    <section className="scenarios" aria-label="Scenario comparison">
      <div className="sweep-controls">
        <button type="button" className="primary" disabled={comparison.status === 'running'} onClick={actions.runComparison}>
          {comparison.status === 'done' ? 'Compare again' : 'Compare all scenarios'}
        </button>
        {comparison.status === 'running' && (
          <>
            <span className="muted small" role="status">
              {comparison.note}
            </span>
            <button type="button" onClick={actions.cancelComparison}>
              Cancel
            </button>
          </>
        )}
        {comparison.status === 'done' && (
          <span className="muted small" aria-label="Comparison settings">
            {formatIterations(comparison.value.iterations)} iterations per scenario · seed {comparison.value.seed} · scenarios as written (slider what-ifs not applied)
          </span>
        )}
      </div>
      {comparison.status === 'error' && (
        <p className="error" role="alert">
          {comparison.message}
        </p>
      )}
      {view && (
        <>
          <p className="chart-note" aria-label="Best scenario">
            {view.best ? (
              <>
                Best for us while every other party still expects to beat its walk-away: <strong>{view.best}</strong>.
              </>
            ) : (
              <>No scenario gives every other party a mean NPV at or above its walk-away.</>
            )}
          </p>
          {/* On screen the summary; the CSV export has every statistic (std. errors, P10/P50/P90). */}
          <TableExport table={view.table}>
            <DataTable table={view.summary} money={money} className="comparison-table" />
          </TableExport>
          <ChartView title="Mean NPV by scenario" option={view.option} table={view.table} money={money} height={280} />
        </>
      )}
    </section>
  );
}
