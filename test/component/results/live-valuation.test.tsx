/**
 * The slider path of the analysis store, over the real host valuation
 * handlers and the real engine (in process): a move requests its preview
 * before the store call returns; moves made while a preview is in flight wait
 * for it (it is shown, marked as behind the sliders) and then one preview of
 * the latest position follows; once the hand is still, a full run replaces it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { MainEvents } from '../../../shared/api';
import type { ValuationRequest } from '../../../shared/engine/results';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { createValuationHandlers } from '../../../host/valuation/valuation-handlers';
import type { AnalysisPort } from '../../../renderer/src/results/analysis-port';
import { createDocumentSlice } from '../../../renderer/src/store/document-slice';
import { createUiSlice } from '../../../renderer/src/store/ui-slice';
import { createNegotiationSlice } from '../../../renderer/src/store/negotiation-slice';
import { createHelpSlice } from '../../../renderer/src/store/help-slice';
import { createPortfolioSlice } from '../../../renderer/src/portfolio/portfolio-slice';
import type { AppState } from '../../../renderer/src/store/app-store';
import { createValuationSlice, PREVIEW_ITERATIONS, SETTLE_MS } from '../../../renderer/src/store/valuation-slice';
import { createWelcomeSlice } from '../../../renderer/src/store/welcome-slice';
import { applyScenarioById, getNumberAt } from '../../../shared/model/paths';
import { exampleDeal } from '../helpers';
import { updateRound } from '../../../renderer/src/edits/round-edits';

type Listener = (payload: never) => void;

/** The host's valuation handlers as the store's port, recording every request. */
function hostPort() {
  const handlers = createValuationHandlers(() => runner);
  const runner = createInProcessRunner();
  const listeners = new Map<string, Set<Listener>>();
  const requests: ValuationRequest[] = [];
  /** The next run fails in the host (as a runaway formula or a lost worker would). */
  const faults = { failNext: false };
  const ctx = {
    emit<E extends keyof MainEvents>(event: E, payload: MainEvents[E]) {
      for (const l of listeners.get(event) ?? []) (l as (p: MainEvents[E]) => void)(payload);
    },
  };
  let failed = 0;
  const port = {
    startValuation: async (request: ValuationRequest) => {
      requests.push(request);
      if (faults.failNext) {
        faults.failNext = false;
        const runId = `run-failed-${++failed}`;
        setTimeout(() => ctx.emit('valuation:result', { runId, error: { code: 'failed', message: 'the worker stopped' } }), 5);
        return { runId };
      }
      return handlers.startValuation(ctx, request);
    },
    cancelValuation: (runId: string) => handlers.cancelValuation(ctx, runId),
    runSensitivity: (request) => handlers.runSensitivity(ctx, request),
    solve: (request) => handlers.solve(ctx, request),
    runSweep: (request) => handlers.runSweep(ctx, request),
    subscribe: (event: string, listener: Listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  } as AnalysisPort;
  return { port, requests, faults, close: () => runner.close() };
}

function storeWith(port: AnalysisPort) {
  return create<AppState>()((...a) => ({
    ...createWelcomeSlice(...a),
    ...createDocumentSlice(...a),
    ...createUiSlice(...a),
    ...createValuationSlice(() => port)(...a),
    ...createHelpSlice(...a),
    ...createNegotiationSlice()(...a),
    ...createPortfolioSlice(...a),
  }));
}

const UPFRONT = 'terms.upfront.amount';
/** The upfront amount a request values (what-ifs travel as the active scenario's settings). */
function upfrontOf(r: ValuationRequest): number {
  const applied = applyScenarioById(r.deal, r.scenarioId);
  if (!applied.ok) throw new Error('the request names no scenario of its deal');
  const value = getNumberAt(applied.value.deal, UPFRONT);
  if (!value.ok) throw new Error('no upfront amount');
  return value.value;
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** A store over the host port holding the pharma example with the given iteration count. */
function openPharma(iterations: number) {
  const host = hostPort();
  const store = storeWith(host.port);
  cleanup = async () => {
    store.getState().analysisActions.disposeAnalysis();
    await host.close();
  };
  const deal = { ...exampleDeal('pharma-licence'), simulation: { iterations, seed: 7 } };
  store.getState().loadDocument({ path: '/tmp/x.deal', fileName: 'x.deal', deal, migrated: false }, true, `doc-${iterations}`);
  return { host, store };
}

describe('live valuation from the sliders', () => {
  it('previews at once, coalesces moves made during a preview, then settles on a full run', async () => {
    const { host, store } = openPharma(30_000);
    store.getState().analysisActions.dealChanged();
    await until(() => store.getState().analysis.shown?.kind === 'full');
    const initialRequests = host.requests.length;

    const { setWhatIf } = store.getState().analysisActions;
    setWhatIf(UPFRONT, 30);
    // The preview was requested before setWhatIf returned (nothing waits for a timer or a re-render).
    expect(host.requests.length).toBe(initialRequests + 1);
    expect(host.requests.at(-1)!.iterations).toBe(PREVIEW_ITERATIONS);
    setWhatIf(UPFRONT, 31);
    setWhatIf(UPFRONT, 32);
    // Moves during the preview wait for it: no more requests yet.
    expect(host.requests.length).toBe(initialRequests + 1);

    const seen: { kind: string; stale: string | null; upfront: unknown }[] = [];
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.analysis.shown && s.analysis.shown.seq !== prev.analysis.shown?.seq) {
        seen.push({ kind: s.analysis.shown.kind, stale: s.analysis.shown.stale, upfront: s.analysis.shown.whatIfs[UPFRONT] });
      }
    });
    await until(() => store.getState().analysis.shown?.kind === 'full' && store.getState().analysis.shown?.whatIfs[UPFRONT] === 32);
    unsubscribe();

    // First the preview of 30, shown but behind the sliders; then one preview of 32 (31 was never valued); then the full run.
    expect(seen).toEqual([
      { kind: 'preview', stale: 'changed', upfront: 30 },
      { kind: 'preview', stale: null, upfront: 32 },
      { kind: 'full', stale: null, upfront: 32 },
    ]);
    const later = host.requests.slice(initialRequests).map((r) => ({ iterations: r.iterations, upfront: upfrontOf(r) }));
    expect(later).toEqual([
      { iterations: PREVIEW_ITERATIONS, upfront: 30 },
      { iterations: PREVIEW_ITERATIONS, upfront: 32 },
      { iterations: 30_000, upfront: 32 },
    ]);
    expect(SETTLE_MS).toBeGreaterThan(0);
  });

  it('a move while a full run is in flight cancels it and previews at once', async () => {
    const { host, store } = openPharma(2_000_000);
    store.getState().analysisActions.dealChanged();
    await until(() => store.getState().analysis.run?.kind === 'full');
    const before = host.requests.length;
    store.getState().analysisActions.setWhatIf(UPFRONT, 40);
    expect(host.requests.length).toBe(before + 1);
    expect(host.requests.at(-1)!.iterations).toBe(PREVIEW_ITERATIONS);
    await until(() => store.getState().analysis.shown?.kind === 'preview');
    expect(store.getState().analysis.shown).toMatchObject({ kind: 'preview', stale: null, whatIfs: { [UPFRONT]: 40 } });
  });

  it('a failed run never sticks: the next move values again and its figures replace the stale ones', async () => {
    const { host, store } = openPharma(20_000);
    store.getState().analysisActions.dealChanged();
    await until(() => store.getState().analysis.shown?.kind === 'full');
    host.faults.failNext = true;
    store.getState().analysisActions.setWhatIf(UPFRONT, 30);
    await until(() => store.getState().analysis.shown?.stale === 'failed');
    expect(store.getState().analysis.error).toBe('the worker stopped');
    store.getState().analysisActions.setWhatIf(UPFRONT, 31);
    await until(() => store.getState().analysis.shown?.kind === 'full' && store.getState().analysis.shown?.whatIfs[UPFRONT] === 31);
    expect(store.getState().analysis.shown!.stale).toBeNull();
    expect(store.getState().analysis.error).toBeNull();
  });

  it('shows a preview as the last full run moved by the change on common draws, and says so', async () => {
    const { store } = openPharma(30_000);
    store.getState().analysisActions.dealChanged();
    await until(() => store.getState().analysis.shown?.kind === 'full');
    const full = store.getState().analysis.shown!.result;
    store.getState().analysisActions.setWhatIf(UPFRONT, 30);
    await until(() => store.getState().analysis.shown?.kind === 'preview');
    const preview = store.getState().analysis.shown!;
    expect(preview.basis).toBe('relative');
    // An upfront paid at signing moves every outcome by the same 5: the preview says exactly that.
    expect(preview.result.parties.licensor!.npv.mean - full.parties.licensor!.npv.mean).toBeCloseTo(5, 9);
    expect(preview.result.parties.licensee!.npv.mean - full.parties.licensee!.npv.mean).toBeCloseTo(-5, 9);
  });

  it('with the precision target on, the full run asks the engine to stop at ±1% (95%) and shows where it stopped', async () => {
    const { host, store } = openPharma(1_000_000);
    store.getState().analysisActions.setPrecisionTarget(true);
    store.getState().analysisActions.runFull();
    expect(host.requests.at(-1)).toMatchObject({ iterations: 1_000_000, precision: { relative: 0.01, confidence: 0.95 } });
    await until(() => store.getState().analysis.shown?.kind === 'full');
    const { result } = store.getState().analysis.shown!;
    expect(result.stoppedAtPrecision).toBe(true);
    expect(result.iterations).toBeLessThan(1_000_000);
    const npv = result.parties.licensor!.npv;
    expect((1.959963984540054 * npv.se) / Math.abs(npv.mean)).toBeLessThanOrEqual(0.01);
  });

  it('an edit that makes the deal invalid is not sent: the last figures stay, behind the edits, and the message names the problem', async () => {
    const { host, store } = openPharma(20_000);
    store.getState().analysisActions.dealChanged();
    await until(() => store.getState().analysis.shown?.kind === 'full');
    const before = host.requests.length;
    // A negotiator dates the counter before the opening offer.
    store.getState().edit(updateRound, { id: 'r2', patch: { date: '2020-01-01' } });
    store.getState().analysisActions.dealChanged();
    store.getState().analysisActions.runFull();
    await new Promise((r) => setTimeout(r, SETTLE_MS * 3));
    expect(host.requests.length).toBe(before);
    const a = store.getState().analysis;
    expect(a.run).toBeNull();
    expect(a.shown).toMatchObject({ kind: 'full', stale: 'blocked' });
    expect(a.error).toBeNull();
    expect(a.notice).toBe('The deal cannot be valued until this problem is fixed: negotiation.rounds.1.date: 2020-01-01 is before the round before it (2027-03-03): rounds are kept oldest first.');
    // Fixed: valued again, the message gone.
    store.getState().undo();
    store.getState().analysisActions.dealChanged();
    await until(() => store.getState().analysis.shown?.stale === null && store.getState().analysis.shown?.kind === 'full');
    expect(store.getState().analysis).toMatchObject({ error: null, notice: null });
    expect(host.requests.length).toBeGreaterThan(before);
  });
});
