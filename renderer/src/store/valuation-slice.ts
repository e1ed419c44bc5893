/**
 * The analysis state: which scenario is being valued, the sliders' what-ifs,
 * the results on screen and where they came from, the run in flight, and the
 * on-demand analyses (analyses.ts: scenario comparison, ZOPA sweep, tornado,
 * goal seek).
 *
 * Live valuation: a slider move starts a preview at PREVIEW_ITERATIONS at
 * once (cancelling a full run in flight). While a preview is in flight,
 * further moves wait for it: it lands (shown, marked as behind the sliders)
 * and one preview of the latest position follows, so a drag shows a steady
 * stream of results instead of cancelling run after run. Once the hand has
 * been still for SETTLE_MS, a full run at the deal's iteration count replaces
 * the preview.
 *
 * What a preview shows (shared/engine/preview-estimate.ts): every full run
 * also reports its head, the statistics of its first PREVIEW_ITERATIONS
 * iterations, which is exactly what a preview of that position gives. A
 * preview elsewhere is shown as the full run's figures moved by the change
 * between its own short run and that head, on the same draws, so it lands
 * where the full run will land. (With no full run to start from, the short
 * run is shown as it is, and the figures say so.)
 *
 * A cancelled or failed run leaves the previous results on screen, marked
 * stale; the next move values again from scratch, so a failure never sticks.
 * What-ifs follow the what-if rules (what-if.ts), so a slider cannot send a
 * deal the validator would refuse.
 *
 * The precision target goes to the engine with the full run: it values in
 * doubling stages of blocks and stops once our mean is within 1% at 95%
 * confidence or the iteration count is reached; the figures say which.
 *
 * The slice reads the deal through `selectDeal` and never edits it.
 */
import type { StateCreator } from 'zustand';
import { cannotValueText, dealProblems } from '../problems/deal-problems';
import type { Deal } from '../../../shared/model/schema';
import type { ValuationRequest, ValuationResult } from '../../../shared/engine/results';
import { PREVIEW_ITERATIONS, previewEstimate } from '../../../shared/engine/preview-estimate';
import { dealWithWhatIfs, positionIsValid, resolveScenarioId, whatIfPosition, type WhatIfs } from '../results/what-if';
import { ValuationRuns, type RunHandle, type RunOutcome, type ValuationPort } from '../results/valuation-runs';
import { analysisPort, type AnalysisPort } from '../results/analysis-port';
import { createAnalyses, initialAnalyses, type AnalysesActions, type AnalysesState } from './analyses';
import type { AppState } from './app-store';

export type { ComparisonEntry, Pending } from './analyses';

export { PREVIEW_ITERATIONS } from '../../../shared/engine/preview-estimate';
/** How long the slider must be still before the full run starts. */
export const SETTLE_MS = 400;
/** The settle delay grows with slow previews, up to this. */
export const MAX_SETTLE_MS = 3000;
export const PRECISION_RELATIVE = 0.01;
export const PRECISION_CONFIDENCE = 0.95;

export type RunKind = 'preview' | 'full';

/**
 * How a preview's figures were made: `relative` (the last full run moved by the short run's change on common
 * draws), `exact` (the short run is the full run: a deal of few iterations, or back where the full run was),
 * `short` (the short run alone: no full run to start from).
 */
export type PreviewBasis = 'relative' | 'exact' | 'short';

export interface ShownValuation {
  result: ValuationResult;
  kind: RunKind;
  /** For previews: how the figures were made. */
  basis?: PreviewBasis;
  scenarioId: string;
  whatIfs: WhatIfs;
  /** Increments with every result shown: charts tag themselves with it once drawn. */
  seq: number;
  /** Null when the figures match the inputs on screen; otherwise why they do not. */
  /** Why the figures are behind the deal: it changed (a run follows), a run was cancelled or failed, or the deal has problems (no run until fixed). */
  stale: null | 'changed' | 'cancelled' | 'failed' | 'blocked';
}

export interface ActiveRun {
  kind: RunKind;
  iterations: number;
  done: number;
  total: number;
}

export interface AnalysisState extends AnalysesState {
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
}

export interface AnalysisActions extends AnalysesActions {
  /** Called when the deal changes (opened or edited): revalue, keeping what-ifs that still apply. */
  dealChanged: () => void;
  selectScenario: (scenarioId: string) => void;
  setWhatIf: (path: string, value: number) => void;
  clearWhatIfs: () => void;
  setIterations: (iterations: number | null) => void;
  setPrecisionTarget: (on: boolean) => void;
  runFull: () => void;
  cancelRun: () => void;
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
  ...initialAnalyses,
};

/** What identifies a position for the engine: two requests with the same key value the same numbers. */
function positionKey(req: ValuationRequest): string {
  return JSON.stringify([req.scenarioId ?? null, req.seed ?? null, req.deal]);
}

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
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    let seq = 0;
    /** The last full run and the position it valued: previews are shown relative to it. */
    let reference: { key: string; full: ValuationResult } | null = null;

    const runner = (): ValuationRuns => (runs ??= new ValuationRuns(port() as ValuationPort));
    const patch = (p: Partial<AnalysisState>) => set((s) => ({ analysis: { ...s.analysis, ...p } }));
    const deal = () => selectDeal(get());
    const scenarioOf = (d: Deal) => resolveScenarioId(d, get().analysis.scenarioId);
    const fullIterations = (d: Deal) => get().analysis.iterations ?? d.simulation.iterations;

    function clearTimers() {
      if (settleTimer) clearTimeout(settleTimer);
      settleTimer = null;
    }

    function markStale(reason: NonNullable<ShownValuation['stale']>) {
      const shown = get().analysis.shown;
      if (shown && shown.stale !== reason) patch({ shown: { ...shown, stale: reason } });
    }

    function request(d: Deal, iterations: number, extra: Partial<ValuationRequest> = {}): ValuationRequest {
      const scenarioId = scenarioOf(d);
      return { deal: dealWithWhatIfs(d, scenarioId, get().analysis.whatIfs), scenarioId, iterations, seed: d.simulation.seed, ...extra };
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

    /** What a preview shows, and how it was made (see the module header). */
    function previewFigures(req: ValuationRequest, result: ValuationResult, full: number): { result: ValuationResult; basis: PreviewBasis } {
      if (result.iterations >= full) return { result, basis: 'exact' };
      if (!reference) return { result, basis: 'short' };
      if (reference.key === positionKey(req)) return { result: reference.full, basis: 'exact' };
      const head = reference.full.head;
      const estimate = head && head.iterations === result.iterations ? previewEstimate(reference.full, head, result) : null;
      return estimate ? { result: estimate, basis: 'relative' } : { result, basis: 'short' };
    }

    /** Starts a preview or full run, superseding whatever live run is in flight. */
    function start(kind: RunKind) {
      const d = deal();
      if (!d) return;
      // An invalid deal is not sent (the engine would refuse it with a bare list): the last figures stay,
      // marked as behind the edits, and a notice names the problem that stops the valuation (not a failed
      // run: the Problems list and the field say the rest).
      const problems = dealProblems(d);
      if (problems.length > 0) {
        patch({ run: null, error: null, notice: cannotValueText(problems) });
        markStale('blocked');
        return;
      }
      const token = ++liveToken;
      const a = get().analysis;
      const whatIfs = a.whatIfs;
      const scenarioId = scenarioOf(d);
      // The what-if rules keep every slider position valid; should one not be, say so instead of valuing it.
      const position = whatIfPosition(d, scenarioId, whatIfs);
      if (!positionIsValid(position)) {
        patch({ run: null, error: position.problems.map((p) => p.message).join('\n') || 'The slider what-ifs do not make a valid deal.' });
        markStale('failed');
        return;
      }
      const wanted = fullIterations(d);
      const startedAt = Date.now();
      void (async () => {
        const iterations = kind === 'preview' ? Math.min(PREVIEW_ITERATIONS, wanted) : wanted;
        // The engine runs in stages and stops once the target is met (result.stoppedAtPrecision).
        const precision = kind === 'full' && a.precisionTarget ? { relative: PRECISION_RELATIVE, confidence: PRECISION_CONFIDENCE } : undefined;
        const req = request(d, iterations, { ...(precision ? { precision } : {}), ...(kind === 'full' && wanted > PREVIEW_ITERATIONS ? { head: PREVIEW_ITERATIONS } : {}) });
        const outcome = await liveRun(req, kind, token);
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
        setCurrent(null);
        let shownResult = outcome.result;
        let basis: PreviewBasis | undefined;
        if (kind === 'full') reference = { key: positionKey(req), full: outcome.result };
        else {
          lastPreviewMs = Date.now() - startedAt;
          ({ result: shownResult, basis } = previewFigures(req, outcome.result, wanted));
        }
        seq += 1;
        // A preview overtaken by later moves is still shown (a drag shows a stream of results), marked as behind.
        const behind = kind === 'preview' && previewAgain;
        patch({ run: null, shown: { result: shownResult, kind, ...(basis ? { basis } : {}), scenarioId, whatIfs, seq, stale: behind ? 'changed' : null }, error: null });
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
      })();
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
      // A deal with problems is not valued: its figures say so rather than "updating…".
      const d = deal();
      if (!d || dealProblems(d).length === 0) markStale('changed');
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

    const analyses = createAnalyses({
      port,
      deal,
      scenarioId: scenarioOf,
      whatIfs: () => get().analysis.whatIfs,
      iterations: fullIterations,
      get: () => get().analysis,
      patch,
      liveIdle,
      liveBusy: () => current !== null,
      startRun: (req) => runner().start(req),
    });

    function refreshSensitivity() {
      const asked = Object.keys(get().analysis.sensitivity);
      for (const party of asked) analyses.actions.runSensitivity(party);
    }

    const actions: AnalysisActions = {
      ...analyses.actions,
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
        // The latest move is applied last (it wins where two what-ifs couple the same numbers).
        const { [path]: _previous, ...rest } = get().analysis.whatIfs;
        patch({ whatIfs: { ...rest, [path]: value } });
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
      disposeAnalysis: () => {
        clearTimers();
        fullAfterPreview = false;
        previewAgain = false;
        liveToken++;
        current?.cancel();
        setCurrent(null);
        reference = null;
        analyses.dispose();
        set({ analysis: initialAnalysis });
      },
    };

    return { analysis: initialAnalysis, analysisActions: actions };
  };
}
