/**
 * The analysis state: which scenario is being valued, the sliders' what-ifs,
 * the results on screen and where they came from, the run in flight, and the
 * on-demand analyses (scenario comparison, ZOPA sweep, tornado, goal seek).
 *
 * Live valuation: a slider move starts a preview at PREVIEW_ITERATIONS at
 * once (cancelling a full run in flight). While a preview is in flight,
 * further moves wait for it: it lands (shown, marked as behind the sliders)
 * and one preview of the latest position follows, so a drag shows a steady
 * stream of results instead of cancelling run after run. Once the hand has
 * been still for SETTLE_MS, a full run at the deal's iteration count replaces
 * the preview.
 * A cancelled or failed run leaves the previous results on screen, marked
 * stale. Runs go through ValuationRuns (event routing by run id).
 *
 * The host lets one valuation run per window (a newer one cancels the older),
 * so the scenario comparison and the ZOPA sweep run in the background: each
 * of their runs waits until no live run is in flight and, if a slider move
 * pre-empts it, runs again afterwards.
 *
 * The precision target goes to the engine with the full run: it values in
 * doubling stages of blocks and stops once our mean is within 1% at 95%
 * confidence or the iteration count is reached; the figures say which.
 *
 * The slice reads the deal through `selectDeal` and never edits it: sliders
 * are what-ifs on the active scenario (what-if.ts).
 */
import type { StateCreator } from 'zustand';
import type { Deal } from '../../../shared/model/schema';
import type { SensitivityResult, SolveResult, ValuationRequest, ValuationResult } from '../../../shared/engine/results';
import type { SweepPoint } from '../../../shared/charts/zopa';
import { dealWithWhatIfs, resolveScenarioId, type WhatIfs } from '../results/what-if';
import { ValuationRuns, describeError, type RunHandle, type RunOutcome, type ValuationPort } from '../results/valuation-runs';
import { analysisPort, type AnalysisPort } from '../results/analysis-port';
import type { AppState } from './app-store';

export const PREVIEW_ITERATIONS = 10_000;
/** How long the slider must be still before the full run starts. */
export const SETTLE_MS = 400;
/** The settle delay grows with slow previews, up to this. */
export const MAX_SETTLE_MS = 3000;
export const SWEEP_POINTS = 11;
export const PRECISION_RELATIVE = 0.01;
export const PRECISION_CONFIDENCE = 0.95;

export type RunKind = 'preview' | 'full';

export interface ShownValuation {
  result: ValuationResult;
  kind: RunKind;
  scenarioId: string;
  whatIfs: WhatIfs;
  /** Increments with every result shown: charts tag themselves with it once drawn. */
  seq: number;
  /** Null when the figures match the inputs on screen; otherwise why they do not. */
  stale: null | 'changed' | 'cancelled' | 'failed';
}

export interface ActiveRun {
  kind: RunKind;
  iterations: number;
  done: number;
  total: number;
}

export type Pending<T> = { status: 'idle' } | { status: 'running'; note?: string } | { status: 'done'; value: T } | { status: 'error'; message: string };

export interface ComparisonEntry {
  scenarioId: string;
  scenarioName: string;
  result: ValuationResult;
}

export interface AnalysisState {
  scenarioId: string | null;
  whatIfs: WhatIfs;
  /** Iterations of a full run; null means the deal's own `simulation.iterations`. */
  iterations: number | null;
  /** Stop a full run early once our mean is within 1% at 95% confidence. */
  precisionTarget: boolean;
  shown: ShownValuation | null;
  run: ActiveRun | null;
  error: string | null;
  /** One line about the last thing that happened to a run ("Run cancelled: ..."). */
  notice: string | null;
  comparison: Pending<{ iterations: number; seed: number; entries: ComparisonEntry[] }>;
  sweep: Pending<{ path: string; points: SweepPoint[] }>;
  sensitivity: Record<string, Pending<SensitivityResult>>;
  goalSeek: Pending<SolveResult>;
}

export interface AnalysisActions {
  /** Called when the deal changes (opened or edited): revalue, keeping what-ifs that still apply. */
  dealChanged: () => void;
  selectScenario: (scenarioId: string) => void;
  setWhatIf: (path: string, value: number) => void;
  clearWhatIfs: () => void;
  setIterations: (iterations: number | null) => void;
  setPrecisionTarget: (on: boolean) => void;
  runFull: () => void;
  cancelRun: () => void;
  runComparison: () => void;
  cancelComparison: () => void;
  runSweep: (path: string, min: number, max: number) => void;
  runSensitivity: (party: string) => void;
  solveGoal: (request: { path: string; party: string; target: number }) => void;
  clearGoalSeek: () => void;
  disposeAnalysis: () => void;
}

export interface ValuationSlice {
  analysis: AnalysisState;
  analysisActions: AnalysisActions;
}

export const selectDeal = (s: AppState): Deal | null => s.document?.deal ?? null;

const initialAnalysis: AnalysisState = {
  scenarioId: null,
  whatIfs: {},
  iterations: null,
  precisionTarget: false,
  shown: null,
  run: null,
  error: null,
  notice: null,
  comparison: { status: 'idle' },
  sweep: { status: 'idle' },
  sensitivity: {},
  goalSeek: { status: 'idle' },
};

export function createValuationSlice(port: () => AnalysisPort = analysisPort): StateCreator<AppState, [], [], ValuationSlice> {
  return (set, get) => {
    let runs: ValuationRuns | null = null;
    let current: RunHandle | null = null;
    let liveToken = 0;
    let currentKind: RunKind | null = null;
    /** How long the last preview took from request to result, in ms. */
    let lastPreviewMs = 0;
    /** The hand stopped while a preview was still running: start the full run when it lands. */
    let fullAfterPreview = false;
    /** The sliders moved while a preview was in flight: another preview follows when it lands. */
    let previewAgain = false;
    let backgroundLane: Promise<void> = Promise.resolve();
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    let comparisonHandle: RunHandle | null = null;
    let comparisonToken = 0;
    let sweepHandle: RunHandle | null = null;
    let sweepToken = 0;
    let seq = 0;

    const runner = (): ValuationRuns => (runs ??= new ValuationRuns(port() as ValuationPort));
    const patch = (p: Partial<AnalysisState>) => set((s) => ({ analysis: { ...s.analysis, ...p } }));
    const deal = () => selectDeal(get());
    const scenarioOf = (d: Deal) => resolveScenarioId(d, get().analysis.scenarioId);

    function clearTimers() {
      if (settleTimer) clearTimeout(settleTimer);
      settleTimer = null;
    }

    function markStale(reason: NonNullable<ShownValuation['stale']>) {
      const shown = get().analysis.shown;
      if (shown && shown.stale !== reason) patch({ shown: { ...shown, stale: reason } });
    }

    function request(d: Deal, iterations: number, precision?: ValuationRequest['precision']): ValuationRequest {
      const scenarioId = scenarioOf(d);
      return { deal: dealWithWhatIfs(d, scenarioId, get().analysis.whatIfs), scenarioId, iterations, seed: d.simulation.seed, ...(precision ? { precision } : {}) };
    }

    // Live runs: at most one in flight; waiters are background runs queued behind it.
    let idleWaiters: (() => void)[] = [];
    function setCurrent(handle: RunHandle | null) {
      current = handle;
      if (!handle) {
        const waiting = idleWaiters;
        idleWaiters = [];
        for (const w of waiting) w();
      }
    }
    const liveIdle = () => (current ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve());

    /** Runs one valuation as the live run, reporting progress; resolves null when superseded. */
    async function liveRun(req: ValuationRequest, kind: RunKind, token: number): Promise<RunOutcome | null> {
      current?.cancel();
      // Previews show no progress bar: re-rendering the pane for their progress would only delay their result.
      const handle = runner().start(req, (done, total) => {
        if (kind === 'full' && current === handle) patch({ run: { kind, iterations: req.iterations!, done, total } });
      });
      setCurrent(handle);
      currentKind = kind;
      patch({ run: { kind, iterations: req.iterations!, done: 0, total: req.iterations! }, error: null, notice: null });
      const outcome = await handle.outcome;
      if (token !== liveToken || current !== handle) return null;
      return outcome;
    }

    /** Starts a preview or full run, superseding whatever live run is in flight. */
    function start(kind: RunKind) {
      const d = deal();
      if (!d) return;
      const token = ++liveToken;
      const a = get().analysis;
      const whatIfs = a.whatIfs;
      const scenarioId = scenarioOf(d);
      const wanted = a.iterations ?? d.simulation.iterations;
      const startedAt = Date.now();
      void (async () => {
        const iterations = kind === 'preview' ? Math.min(PREVIEW_ITERATIONS, wanted) : wanted;
        // The engine runs in stages and stops once the target is met (result.stoppedAtPrecision).
        const precision = kind === 'full' && a.precisionTarget ? { relative: PRECISION_RELATIVE, confidence: PRECISION_CONFIDENCE } : undefined;
        const outcome = await liveRun(request(d, iterations, precision), kind, token);
        if (!outcome) return;
        if (outcome.status !== 'done') {
          setCurrent(null);
          if (outcome.status === 'failed') {
            patch({ run: null, error: outcome.message });
            markStale('failed');
          } else patch({ run: null });
          // The sliders have moved on since: value where they are now (once; a failure there stops).
          if (kind === 'preview' && previewAgain) {
            previewAgain = false;
            start('preview');
          }
          return;
        }
        const result = outcome.result;
        setCurrent(null);
        if (kind === 'preview') lastPreviewMs = Date.now() - startedAt;
        seq += 1;
        // A preview overtaken by later moves is still shown (a drag shows a stream of results), marked as behind.
        const behind = kind === 'preview' && previewAgain;
        patch({ run: null, shown: { result, kind, scenarioId, whatIfs, seq, stale: behind ? 'changed' : null }, error: null });
        // Tornado rows belong to the inputs on screen: refresh those already asked for.
        if (kind === 'full') refreshSensitivity();
        if (behind) {
          previewAgain = false;
          start('preview');
          return;
        }
        if (kind === 'preview' && fullAfterPreview) {
          // Still a grace period: a key press right after the preview lands must not find the
          // workers busy with a full run (a cancelled run holds them until a block boundary).
          fullAfterPreview = false;
          settleTimer = setTimeout(() => {
            settleTimer = null;
            start('full');
          }, SETTLE_MS);
        }
        return;
      })();
    }

    /**
     * A run of the comparison or the sweep: waits for the live run to finish, and runs again
     * if a live run pre-empted it, until it completes or is no longer wanted.
     */
    async function backgroundRun(req: ValuationRequest, wanted: () => boolean, onHandle: (h: RunHandle) => void): Promise<RunOutcome> {
      // One background run at a time too (the comparison and a sweep would otherwise pre-empt each other).
      const previous = backgroundLane;
      let release: () => void = () => {};
      backgroundLane = new Promise<void>((resolve) => (release = resolve));
      await previous;
      try {
        for (;;) {
          while (current) await liveIdle();
          if (!wanted()) return { status: 'cancelled' };
          const handle = runner().start(req);
          onHandle(handle);
          const outcome = await handle.outcome;
          if (outcome.status !== 'cancelled' || !wanted()) return outcome;
        }
      } finally {
        release();
      }
    }

    /** The live path: a preview now (or as soon as the one in flight lands), a full run once the hand is still. */
    function scheduleLive() {
      clearTimers();
      fullAfterPreview = false;
      if (current && currentKind === 'preview') {
        previewAgain = true;
      } else {
        previewAgain = false;
        if (current) {
          liveToken++;
          current.cancel();
          setCurrent(null);
        }
        // Requested before the page re-renders for the move, so the host works while the page does.
        start('preview');
      }
      markStale('changed');
      // "The hand has stopped" is relative to how fast previews come back: on a slow or busy
      // machine a full run started between two key presses would only be cancelled again, and a
      // cancelled run still holds the workers until they reach a block boundary.
      const settle = Math.max(SETTLE_MS, Math.min(MAX_SETTLE_MS, 2.5 * lastPreviewMs));
      settleTimer = setTimeout(() => {
        settleTimer = null;
        // Never cancel the preview the user is waiting for: the full run follows it.
        if (currentKind === 'preview' && current) fullAfterPreview = true;
        else start('full');
      }, settle);
    }

    function fullNow() {
      clearTimers();
      fullAfterPreview = false;
      previewAgain = false;
      markStale('changed');
      start('full');
    }

    function refreshSensitivity() {
      const asked = Object.keys(get().analysis.sensitivity);
      for (const party of asked) actions.runSensitivity(party);
    }

    const actions: AnalysisActions = {
      dealChanged: () => {
        const d = deal();
        if (!d) {
          actions.disposeAnalysis();
          return;
        }
        const scenarioId = scenarioOf(d);
        const sliderPaths = new Set((d.sliders ?? []).map((s) => s.path));
        const whatIfs = Object.fromEntries(Object.entries(get().analysis.whatIfs).filter(([path]) => sliderPaths.has(path)));
        patch({ scenarioId, whatIfs, comparison: { status: 'idle' }, sweep: { status: 'idle' } });
        if (get().analysis.shown) scheduleLive();
        else fullNow();
      },
      selectScenario: (scenarioId) => {
        patch({ scenarioId, whatIfs: {}, sensitivity: {}, goalSeek: { status: 'idle' }, sweep: { status: 'idle' } });
        fullNow();
      },
      setWhatIf: (path, value) => {
        patch({ whatIfs: { ...get().analysis.whatIfs, [path]: value } });
        scheduleLive();
      },
      clearWhatIfs: () => {
        patch({ whatIfs: {} });
        fullNow();
      },
      setIterations: (iterations) => patch({ iterations }),
      setPrecisionTarget: (on) => patch({ precisionTarget: on }),
      runFull: () => fullNow(),
      cancelRun: () => {
        clearTimers();
        fullAfterPreview = false;
        previewAgain = false;
        if (!current) return;
        liveToken++;
        current.cancel();
        setCurrent(null);
        patch({ run: null, notice: 'Run cancelled: the figures shown are from the previous run.' });
        markStale('cancelled');
      },
      runComparison: () => {
        const d = deal();
        if (!d) return;
        const token = ++comparisonToken;
        comparisonHandle?.cancel();
        const iterations = get().analysis.iterations ?? d.simulation.iterations;
        const seed = d.simulation.seed;
        const scenarios = d.scenarios.length > 0 ? d.scenarios : [{ id: 'base', name: 'Base case', set: {} }];
        const wanted = () => token === comparisonToken;
        void (async () => {
          const entries: ComparisonEntry[] = [];
          for (const [i, s] of scenarios.entries()) {
            patch({ comparison: { status: 'running', note: `Valuing ${s.name} (${i + 1} of ${scenarios.length})` } });
            // Scenarios as written in the document: the sliders' what-ifs are not part of the comparison.
            const outcome = await backgroundRun({ deal: d, scenarioId: s.id, iterations, seed }, wanted, (h) => (comparisonHandle = h));
            if (!wanted()) return;
            if (outcome.status !== 'done') {
              patch({ comparison: outcome.status === 'failed' ? { status: 'error', message: `${s.name}: ${outcome.message}` } : { status: 'idle' } });
              return;
            }
            entries.push({ scenarioId: s.id, scenarioName: s.name, result: outcome.result });
          }
          comparisonHandle = null;
          patch({ comparison: { status: 'done', value: { iterations, seed, entries } } });
        })();
      },
      cancelComparison: () => {
        comparisonToken++;
        comparisonHandle?.cancel();
        comparisonHandle = null;
        patch({ comparison: { status: 'idle' } });
      },
      runSweep: (path, min, max) => {
        const d = deal();
        if (!d) return;
        const token = ++sweepToken;
        sweepHandle?.cancel();
        const scenarioId = scenarioOf(d);
        const base = get().analysis.whatIfs;
        const values = Array.from({ length: SWEEP_POINTS }, (_, i) => min + ((max - min) * i) / (SWEEP_POINTS - 1));
        const wanted = () => token === sweepToken;
        void (async () => {
          const points: SweepPoint[] = [];
          for (const [i, value] of values.entries()) {
            patch({ sweep: { status: 'running', note: `${i} of ${values.length}` } });
            const req = { deal: dealWithWhatIfs(d, scenarioId, { ...base, [path]: value }), scenarioId, iterations: PREVIEW_ITERATIONS, seed: d.simulation.seed };
            const outcome = await backgroundRun(req, wanted, (h) => (sweepHandle = h));
            if (!wanted()) return;
            if (outcome.status !== 'done') {
              patch({ sweep: outcome.status === 'failed' ? { status: 'error', message: outcome.message } : { status: 'idle' } });
              return;
            }
            const r = outcome.result;
            const parties = Object.fromEntries(Object.entries(r.parties).map(([id, p]) => [id, { mean: p.npv.mean, pAboveWalkAway: p.pAboveWalkAway }]));
            points.push({ value, parties, pAllAboveWalkAway: r.pAllAboveWalkAway });
          }
          sweepHandle = null;
          patch({ sweep: { status: 'done', value: { path, points } } });
        })();
      },
      runSensitivity: (party) => {
        const d = deal();
        if (!d) return;
        const scenarioId = scenarioOf(d);
        const key = party;
        patch({ sensitivity: { ...get().analysis.sensitivity, [key]: { status: 'running' } } });
        port()
          .runSensitivity({ deal: dealWithWhatIfs(d, scenarioId, get().analysis.whatIfs), scenarioId, party, seed: d.simulation.seed })
          .then(
            (value) => patch({ sensitivity: { ...get().analysis.sensitivity, [key]: { status: 'done', value } } }),
            (err: unknown) => patch({ sensitivity: { ...get().analysis.sensitivity, [key]: { status: 'error', message: describeError(err) } } }),
          );
      },
      solveGoal: ({ path, party, target }) => {
        const d = deal();
        if (!d) return;
        const scenarioId = scenarioOf(d);
        patch({ goalSeek: { status: 'running' } });
        port()
          .solve({ deal: dealWithWhatIfs(d, scenarioId, get().analysis.whatIfs), scenarioId, path, party, target, seed: d.simulation.seed })
          .then(
            (value) => patch({ goalSeek: { status: 'done', value } }),
            (err: unknown) => patch({ goalSeek: { status: 'error', message: describeError(err) } }),
          );
      },
      clearGoalSeek: () => patch({ goalSeek: { status: 'idle' } }),
      disposeAnalysis: () => {
        clearTimers();
        fullAfterPreview = false;
        previewAgain = false;
        liveToken++;
        current?.cancel();
        setCurrent(null);
        comparisonToken++;
        comparisonHandle?.cancel();
        comparisonHandle = null;
        sweepToken++;
        sweepHandle?.cancel();
        sweepHandle = null;
        set({ analysis: initialAnalysis });
      },
    };

    return { analysis: initialAnalysis, analysisActions: actions };
  };
}
