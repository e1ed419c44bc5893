/**
 * Which input matters most: a tornado per party (each continuous input at its
 * 10th and 90th percentile, each chance or discrete input at each of its
 * outcomes, widest swing on top), computed on demand for the scenario and
 * what-ifs on screen, and refreshed after each full run.
 */
import { useEffect, useMemo } from 'react';
import type { Deal } from '../../../shared/model/schema';
import type { SensitivityResult } from '../../../shared/engine/results';
import { buildTornadoOption } from '../../../shared/charts/tornado';
import { formatMoneyEstimate, moneyUnitCaption } from '../../../shared/format/money';
import { useAppStore } from '../store/app-store';
import { ChartView } from './chart-view';
import { tornadoTable } from './chart-tables';
import { moneyFormatOf } from './results-format';
import { orderedParties } from './party-order';

export function DriversTab({ deal, stale }: { deal: Deal; stale: boolean }) {
  const sensitivity = useAppStore((s) => s.analysis.sensitivity);
  const actions = useAppStore((s) => s.analysisActions);
  const parties = useMemo(() => orderedParties(deal), [deal]);
  useEffect(() => {
    for (const p of parties) if (!sensitivity[p.id]) actions.runSensitivity(p.id);
  }, [parties, sensitivity, actions]);
  return (
    <div className="chart-grid">
      {parties.map((p) => {
        const s = sensitivity[p.id];
        if (!s || s.status === 'idle' || s.status === 'running') {
          return (
            <div key={p.id} className="chart placeholder" aria-busy="true">
              Working out what moves {p.name}'s NPV…
            </div>
          );
        }
        if (s.status === 'error') {
          return (
            <div key={p.id} className="chart placeholder error" role="alert">
              {p.name}: {s.message}{' '}
              <button type="button" onClick={() => actions.runSensitivity(p.id)}>
                Retry
              </button>
            </div>
          );
        }
        return <TornadoView key={p.id} deal={deal} partyName={p.name} sensitivity={s.value} stale={stale} />;
      })}
    </div>
  );
}

function TornadoView({ deal, partyName, sensitivity, stale }: { deal: Deal; partyName: string; sensitivity: SensitivityResult; stale: boolean }) {
  const view = useMemo(() => {
    const money = moneyFormatOf(deal);
    return {
      option: buildTornadoOption({ sensitivity, money }),
      table: tornadoTable(partyName, sensitivity, moneyUnitCaption(money)),
      top: [...sensitivity.rows].sort((a, b) => b.swing - a.swing)[0],
    };
  }, [deal, partyName, sensitivity]);
  const money = moneyFormatOf(deal);
  return (
    <div>
      <ChartView
        title={`${partyName}: what moves the mean NPV`}
        option={view.option}
        table={view.table}
        money={money}
        height={Math.max(200, 70 + sensitivity.rows.slice(0, 10).reduce((h, r) => h + (r.outcomes && r.outcomes.length > 2 ? 14 * r.outcomes.length : 30), 0))}
        stale={stale}
        help="drivers"
      />
      {view.top && (
        <p className="chart-note" aria-label={`${partyName} main driver`}>
          Matters most: <strong>{view.top.label || view.top.input}</strong> (swing {formatMoneyEstimate(view.top.swing, money)})
        </p>
      )}
    </div>
  );
}
