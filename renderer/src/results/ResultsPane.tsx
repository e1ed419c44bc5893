/**
 * The analysis side of the workbench: what the deal is worth to each party
 * and how sure we are (party cards), live what-ifs (sliders), and the charts
 * that answer the rest (distributions, cash flows, drivers, zone of agreement,
 * scenario comparison). Mounted by the document layout.
 */
import { useEffect, useState } from 'react';
import './results.css';
import { useAppStore } from '../store/app-store';
import { selectDeal } from '../store/valuation-slice';
import { CashFlowTab } from './cash-flow-tab';
import { DistributionTab } from './distribution-tab';
import { DriversTab } from './drivers-tab';
import { GoalSeekDialog } from './goal-seek-dialog';
import { PartyCards } from './party-cards';
import { RunBar } from './run-bar';
import { ScenariosTab } from './scenarios-tab';
import { SliderPanel } from './slider-panel';
import { ZopaTab } from './zopa-tab';
import { resolveScenarioId } from './what-if';

const TABS = [
  { id: 'distribution', label: 'Distribution' },
  { id: 'flows', label: 'Cash flows' },
  { id: 'drivers', label: 'Drivers' },
  { id: 'zopa', label: 'ZOPA' },
  { id: 'scenarios', label: 'Scenarios' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function ResultsPane() {
  const deal = useAppStore(selectDeal);
  const analysis = useAppStore((s) => s.analysis);
  const actions = useAppStore((s) => s.analysisActions);
  const [tab, setTab] = useState<TabId>('distribution');
  const [goalSeekOpen, setGoalSeekOpen] = useState(false);

  // Every new or edited deal is revalued; leaving the document stops all runs.
  useEffect(() => {
    actions.dealChanged();
  }, [deal, actions]);
  useEffect(() => () => actions.disposeAnalysis(), [actions]);

  if (!deal) return null;
  const scenarioId = resolveScenarioId(deal, analysis.scenarioId);
  const shown = analysis.shown;
  const stale = shown?.stale != null;

  return (
    <section className="analysis-pane" aria-label="Valuation" data-result-seq={shown?.seq ?? 0}>
      <RunBar deal={deal} onGoalSeek={() => setGoalSeekOpen(true)} />
      {shown ? <PartyCards deal={deal} result={shown.result} stale={stale} /> : <p className="muted">{analysis.run ? 'Valuing…' : 'No results yet.'}</p>}
      <SliderPanel deal={deal} scenarioId={scenarioId} />
      <div className="results-main">
          <div role="tablist" aria-label="Analysis views" className="tabs">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === 'scenarios' ? (
              <ScenariosTab deal={deal} />
            ) : tab === 'drivers' ? (
              <DriversTab deal={deal} stale={stale} />
            ) : !shown ? null : tab === 'distribution' ? (
              <DistributionTab deal={deal} result={shown.result} seq={shown.seq} stale={stale} />
            ) : tab === 'flows' ? (
              <CashFlowTab deal={deal} result={shown.result} seq={shown.seq} stale={stale} />
            ) : (
              <ZopaTab deal={deal} result={shown.result} seq={shown.seq} stale={stale} scenarioId={scenarioId} />
            )}
          </div>
      </div>
      {goalSeekOpen && <GoalSeekDialog deal={deal} scenarioId={scenarioId} onClose={() => setGoalSeekOpen(false)} />}
    </section>
  );
}
