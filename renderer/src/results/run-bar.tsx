/**
 * The valuation toolbar: which scenario, how many iterations, the precision
 * target, Run, the progress bar with Cancel for long runs, and the line that
 * says which run the figures on screen come from.
 */
import { useState } from 'react';
import type { Deal } from '../../../shared/model/schema';
import { LIMITS } from '../../../shared/model/schema';
import { useAppStore } from '../store/app-store';
import { HelpLink } from '../help/help-link';
import { PREVIEW_ITERATIONS } from '../store/valuation-slice';
import { formatIterations, runProvenance } from './results-format';
import { resolveScenarioId } from './what-if';
import { findPosition, roundName, roundsOf } from '../../../shared/model/rounds';

export function RunBar({ deal, onGoalSeek }: { deal: Deal; onGoalSeek: () => void }) {
  const analysis = useAppStore((s) => s.analysis);
  const actions = useAppStore((s) => s.analysisActions);
  const showHelp = useAppStore((s) => s.showHelp);
  const [iterationsText, setIterationsText] = useState<string | null>(null);
  const scenarioId = resolveScenarioId(deal, analysis.scenarioId);
  const position = findPosition(deal, scenarioId);
  const scenarioName = position ? (position.kind === 'round' ? `Round: ${position.name}` : position.name) : scenarioId;
  const rounds = roundsOf(deal);
  const iterations = analysis.iterations ?? deal.simulation.iterations;
  const run = analysis.run;
  const whatIfCount = Object.keys(analysis.whatIfs).length;

  function commitIterations(text: string) {
    setIterationsText(null);
    const n = Number(text.replace(/[,\s_]/g, ''));
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.maxIterations) return;
    actions.setIterations(n === deal.simulation.iterations ? null : n);
  }

  return (
    <div className="run-bar">
      <div className="run-controls">
        <label>
          {rounds.length ? 'Position' : 'Scenario'}{' '}
          <select value={scenarioId} onChange={(e) => actions.selectScenario(e.target.value)} aria-label={rounds.length ? 'Scenario or round' : undefined}>
            {rounds.length === 0 ? (
              deal.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))
            ) : (
              <>
                <optgroup label="Scenarios">
                  {deal.scenarios.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Negotiation rounds">
                  {rounds.map((r) => (
                    <option key={r.id} value={r.id}>
                      {`${r.date} · ${roundName(deal, r)}`}
                    </option>
                  ))}
                </optgroup>
              </>
            )}
          </select>
        </label>
        <label>
          Iterations{' '}
          <input
            className="iterations-input"
            inputMode="numeric"
            aria-label="Iterations per run"
            value={iterationsText ?? formatIterations(iterations)}
            onChange={(e) => setIterationsText(e.target.value)}
            onBlur={(e) => commitIterations(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                commitIterations(e.currentTarget.value);
                actions.runFull();
              }
            }}
          />
        </label>
        <label className="checkbox" title="Stop a full run early once our mean NPV is known to within 1% at 95% confidence">
          <input type="checkbox" checked={analysis.precisionTarget} onChange={(e) => actions.setPrecisionTarget(e.target.checked)} /> Stop at ±1% (95%)
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => {
            if (iterationsText !== null) commitIterations(iterationsText);
            actions.runFull();
          }}
        >
          Run
        </button>
        <button type="button" onClick={onGoalSeek}>
          Goal seek…
        </button>
        <button type="button" className="help-button" onClick={() => showHelp()} title="Help (F1)">
          Help
        </button>
        {/* Previews are too short for a progress bar: it would only flicker. */}
        {run?.kind === 'full' && (
          <span className="run-progress" role="group" aria-label="Valuation progress">
            <progress
              max={run.total || 1}
              value={run.done}
              aria-label={`Valuing ${formatIterations(run.total)} iterations`}
              aria-valuetext={`${formatIterations(run.done)} of ${formatIterations(run.total)} iterations`}
            />
            <span className="muted small">
              {formatIterations(run.done)} / {formatIterations(run.total)}
            </span>
            <button type="button" onClick={actions.cancelRun}>
              Cancel
            </button>
          </span>
        )}
      </div>
      <p className="provenance" aria-live="polite">
        {analysis.shown ? (
          <>
            <span aria-label="Results source" data-kind={analysis.shown.kind} data-basis={analysis.shown.basis ?? 'full'} data-stale={analysis.shown.stale ?? 'fresh'}>
              {runProvenance(analysis.shown, scenarioName, whatIfCount, PREVIEW_ITERATIONS)}
            </span>{' '}
            <HelpLink topic="preview" />
          </>
        ) : run ? (
          <span>Valuing {scenarioName}…</span>
        ) : null}
        {analysis.notice && (
          <span className="notice" role="status">
            {' '}
            {analysis.notice}
          </span>
        )}
      </p>
      {analysis.error && (
        <p className="error" role="alert">
          {analysis.error}
        </p>
      )}
    </div>
  );
}
