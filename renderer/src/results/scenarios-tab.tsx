/**
 * Scenario comparison: the scenarios chosen, term by term (only the numbers
 * that differ, shared/model/position-diff.ts; rounds are positions too and
 * will join as more columns), then every scenario valued with the same seed
 * and iterations: each party's mean NPV and chance of beating its walk-away,
 * the scenario that is best for us while acceptable to every other party,
 * the mean NPVs as labelled bars, and each party's NPV distributions overlaid.
 */
import { useMemo, useState } from 'react';
import type { Deal } from '../../../shared/model/schema';
import { termDifferences, type Position } from '../../../shared/model/position-diff';
import { positionsOf, type PositionRef } from '../../../shared/model/rounds';
import {
  bestScenarioForUs,
  buildScenarioComparisonOption,
  buildScenarioDistributionOption,
  scenarioComparisonMeasures,
  scenarioComparisonTable,
  type ComparisonMeasure,
  type ScenarioComparisonInput,
} from '../../../shared/charts/scenario-comparison';
import type { MoneyFormat } from '../../../shared/format/money';
import type { ChartTable } from '../../../shared/charts/chart-table';
import { HelpLink } from '../help/help-link';
import { useAppStore } from '../store/app-store';
import { ChartView } from './chart-view';
import { formatCell } from './data-table';
import { formatIterations, moneyFormatOf } from './results-format';
import { orderedParties } from './party-order';
import { TableExport } from './table-export';
import { formatAtPath } from './what-if';

function TermTable({ deal, positions }: { deal: Deal; positions: Position[] }) {
  const rows = termDifferences(deal, positions);
  const table: ChartTable = {
    caption: `Terms that differ between ${positions.map((p) => p.name).join(', ')}`,
    columns: ['Term', ...positions.map((p) => p.name)],
    rows: rows.map((r) => [r.label, ...r.values]),
  };
  return (
    <TableExport table={table}>
      <table className="data-table term-table" aria-label="Terms that differ">
        <caption>{rows.length === 0 ? `${positions.map((p) => p.name).join(' and ')} set every term alike.` : table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Term</th>
            {positions.map((p) => (
              <th key={p.id} scope="col">
                {p.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.path}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, i) => (
                <td key={positions[i]!.id}>{v === null ? 'formula' : formatAtPath(deal, r.path, v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableExport>
  );
}

/** Each party's figures under each scenario valued, scenarios as columns (as in the table of terms above it). */
function ComparisonTable({ names, measures, money }: { names: string[]; measures: ComparisonMeasure[]; money: MoneyFormat }) {
  return (
    <table className="data-table comparison-table" aria-label="Scenario comparison">
      <caption>Each party's mean NPV and chance of beating its walk-away, by scenario ({money.currency} {money.unit === 'one' ? '' : money.unit})</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          {names.map((n) => (
            <th key={n} scope="col">
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <tr key={m.label}>
            <th scope="row">{m.label}</th>
            {m.values.map((v, i) => (
              <td key={names[i]} className={m.vsWalkAway?.[i] ?? (m.kind === 'text' && v ? 'best' : undefined)}>
                {formatCell(v, m.kind, money)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ScenariosTab({ deal }: { deal: Deal }) {
  const comparison = useAppStore((s) => s.analysis.comparison);
  const actions = useAppStore((s) => s.analysisActions);
  const money = moneyFormatOf(deal);
  // Scenarios and negotiation rounds can be compared alike; rounds are offered unticked (the scenarios are the default comparison).
  const all = positionsOf(deal);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const isChosen = (p: PositionRef) => (p.kind === 'scenario') !== toggled.has(p.id);
  const chosen = all.filter(isChosen);
  const positions: Position[] = chosen.map((s) => ({ id: s.id, name: s.kind === 'round' ? `Round: ${s.name}` : s.name, set: s.set }));

  const view = useMemo(() => {
    if (comparison.status !== 'done') return null;
    const input: ScenarioComparisonInput = {
      money: moneyFormatOf(deal),
      parties: orderedParties(deal).map((p) => ({ id: p.id, name: p.name, color: p.color, isUs: p.isUs, walkAway: p.walkAway })),
      rows: comparison.value.entries.map((e) => ({ scenarioId: e.scenarioId, scenarioName: e.scenarioName, parties: e.result.parties, pAllAboveWalkAway: e.result.pAllAboveWalkAway })),
    };
    const best = bestScenarioForUs(input);
    const distributions = input.parties.map((p) => {
      // P5 to P95 over every scenario, and the walk-away.
      const vs = comparison.value.entries.map((e) => e.result.parties[p.id]).filter((v) => v !== undefined);
      const lo = Math.min(p.walkAway, ...vs.map((v) => v.npv.p5));
      const hi = Math.max(p.walkAway, ...vs.map((v) => v.npv.p95));
      const pad = (hi - lo) * 0.05 || 1;
      return { party: p, option: buildScenarioDistributionOption(input, p.id, [lo - pad, hi + pad]) };
    });
    return {
      option: buildScenarioComparisonOption(input),
      table: scenarioComparisonTable(input),
      measures: scenarioComparisonMeasures(input),
      names: input.rows.map((r) => r.scenarioName),
      distributions,
      best: comparison.value.entries.find((e) => e.scenarioId === best)?.scenarioName ?? null,
    };
  }, [comparison, deal]);

  return (
    <section className="scenarios" aria-label="Scenario comparison">
      <fieldset className="scenario-choice">
        <legend>
          Scenarios to compare <HelpLink topic="scenarios" />
        </legend>
        {all.map((s) => (
          <label key={s.id}>
            <input
              type="checkbox"
              checked={isChosen(s)}
              onChange={() => {
                const next = new Set(toggled);
                if (next.has(s.id)) next.delete(s.id);
                else next.add(s.id);
                setToggled(next);
              }}
            />{' '}
            {s.kind === 'round' ? `Round: ${s.name}` : s.name}
          </label>
        ))}
      </fieldset>
      {positions.length > 1 && <TermTable deal={deal} positions={positions} />}
      <div className="sweep-controls">
        <button type="button" className="primary" disabled={comparison.status === 'running' || chosen.length === 0} onClick={() => actions.runComparison(chosen.map((s) => s.id))}>
          {comparison.status === 'done' ? 'Compare again' : chosen.length === deal.scenarios.length && chosen.every((p) => p.kind === 'scenario') ? 'Compare all scenarios' : `Compare ${chosen.length} ${chosen.some((p) => p.kind === 'round') ? 'positions' : 'scenarios'}`}
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
            <ComparisonTable names={view.names} measures={view.measures} money={money} />
          </TableExport>
          <ChartView title="Mean NPV by scenario" option={view.option} table={view.table} money={money} height={300} help="scenarios" />
          <div className="chart-grid">
            {view.distributions.map((d) => (
              <ChartView key={d.party.id} title={`${d.party.name}: NPV distribution by scenario (P5–P95 shown)`} option={d.option} table={view.table} money={money} height={300} help="scenarios" />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
