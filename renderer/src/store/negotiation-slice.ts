/**
 * The negotiation view's analysis state (not the document: rounds themselves
 * are edits, round-edits.ts): every round valued with its moves' worth, the
 * sliders' exchange rates, the efficient frontier (a long run with progress
 * and cancel), our target, and which round is open in the view.
 *
 * Each figure remembers the deal it was computed for: when the document
 * changes, the figures on screen stay (marked stale) until the new ones land,
 * and the rounds are valued again at once (a recorded offer is valued as soon
 * as it is typed). Requests for a deal that has moved on are dropped.
 */
import type { StateCreator } from 'zustand';
import type { ApiErrorData } from '../../../shared/api';
import type { TradesRequest, TradesResult } from '../../../shared/engine/exchange-rates';
import type { FrontierRequest, FrontierResult } from '../../../shared/engine/frontier';
import type { NegotiationRequest, NegotiationResult } from '../../../shared/engine/negotiation';
import type { Deal } from '../../../shared/model/schema';
import { mainApi } from '../api/main-api';
import { dealProblems } from '../problems/deal-problems';
import { describeError } from '../results/valuation-runs';
import type { AppState } from './app-store';

/** The part of MainApi the negotiation view uses. */
export interface NegotiationPort {
  valueNegotiation(request: NegotiationRequest): Promise<NegotiationResult>;
  runTrades(request: TradesRequest): Promise<TradesResult>;
  startFrontier(request: FrontierRequest): Promise<{ runId: string }>;
  cancelFrontier(runId: string): Promise<unknown>;
  subscribe(event: 'frontier:progress', listener: (payload: { runId: string; done: number; total: number }) => void): () => void;
  subscribe(event: 'frontier:result', listener: (payload: { runId: string; result: FrontierResult } | { runId: string; error: ApiErrorData }) => void): () => void;
}

/** A figure and the deal it was computed for. */
export type Computed<T> =
  | { status: 'idle' }
  | { status: 'running'; for: Deal; previous?: { value: T; for: Deal } }
  | { status: 'done'; value: T; for: Deal }
  | { status: 'error'; message: string; for: Deal };

export type FrontierState =
  | { status: 'idle' }
  | { status: 'running'; runId: string | null; done: number; total: number; request: FrontierRequest }
  | { status: 'done'; value: FrontierResult; for: Deal; request: FrontierRequest }
  | { status: 'error'; message: string };

export interface NegotiationState {
  rounds: Computed<NegotiationResult>;
  trades: Computed<TradesResult>;
  frontier: FrontierState;
  /** Our target mean NPV, drawn on the negotiation chart (not saved in the file). */
  target: number | null;
  selectedRound: string | null;
  /** The document these figures belong to: another document's are not shown. */
  docKey: string | null;
}

export interface NegotiationActions {
  /** Values every round of the deal as it stands (again, if it changed). */
  valueRounds: () => void;
  runTrades: (scenarioId: string) => void;
  startFrontier: (request: Omit<FrontierRequest, 'deal'>) => void;
  cancelFrontier: () => void;
  setTarget: (target: number | null) => void;
  selectRound: (id: string | null) => void;
}

export interface NegotiationSlice {
  negotiation: NegotiationState;
  negotiationActions: NegotiationActions;
}

/** How long the deal must stay unchanged before its rounds are valued again. */
const ROUNDS_DEBOUNCE_MS = 250;

const initial: NegotiationState = { rounds: { status: 'idle' }, trades: { status: 'idle' }, frontier: { status: 'idle' }, target: null, selectedRound: null, docKey: null };

/** The last value computed, whatever the deal (shown, dimmed, while a new one is computed). */
export function latest<T>(c: Computed<T>): { value: T; for: Deal } | null {
  if (c.status === 'done') return { value: c.value, for: c.for };
  if (c.status === 'running') return c.previous ?? null;
  return null;
}

export function createNegotiationSlice(port: () => NegotiationPort = mainApi): StateCreator<AppState, [], [], NegotiationSlice> {
  return (set, get) => {
    /** A change for the open document; figures of another document are dropped first. */
    const patch = (p: Partial<NegotiationState>) =>
      set((s) => {
        const docKey = s.docKey;
        const base = s.negotiation.docKey === docKey ? s.negotiation : { ...initial, docKey };
        return { negotiation: { ...base, ...p } };
      });
    const deal = () => get().document?.deal ?? null;
    let subscribed = false;
    /** Frontier events that arrived before their run id did (a tiny run can finish first). */
    const early = new Map<string, (() => void)[]>();

    function onFrontierEvent(runId: string, apply: () => void) {
      const f = get().negotiation.frontier;
      if (f.status === 'running' && f.runId === runId) apply();
      else if (f.status === 'running' && f.runId === null) early.set(runId, [...(early.get(runId) ?? []), apply]);
    }

    function subscribe() {
      if (subscribed) return;
      subscribed = true;
      port().subscribe('frontier:progress', (e) =>
        onFrontierEvent(e.runId, () => {
          const f = get().negotiation.frontier;
          if (f.status === 'running') patch({ frontier: { ...f, done: e.done, total: e.total } });
        }),
      );
      port().subscribe('frontier:result', (e) =>
        onFrontierEvent(e.runId, () => {
          const f = get().negotiation.frontier;
          if (f.status !== 'running') return;
          if ('result' in e) patch({ frontier: { status: 'done', value: e.result, for: f.request.deal, request: f.request } });
          else patch({ frontier: e.error.code === 'cancelled' ? { status: 'idle' } : { status: 'error', message: describeError(e.error) } });
        }),
      );
    }

    /** Runs `work` for the deal as it is now; its answer is kept only if the deal has not moved on. */
    function compute<T>(key: 'rounds' | 'trades', work: (d: Deal) => Promise<T>): Promise<void> {
      const d = deal();
      if (!d) return Promise.resolve();
      const current = get().negotiation[key] as Computed<T>;
      if (current.status === 'running' && current.for === d) return Promise.resolve();
      const previous = latest(current);
      patch({ [key]: { status: 'running', for: d, ...(previous ? { previous } : {}) } });
      return work(d).then(
        (value) => {
          const now = get().negotiation[key] as Computed<T>;
          if (now.status === 'running' && now.for === d) patch({ [key]: { status: 'done', value, for: d } });
        },
        (err: unknown) => {
          const now = get().negotiation[key] as Computed<T>;
          if (now.status === 'running' && now.for === d) patch({ [key]: { status: 'error', message: describeError(err), for: d } });
        },
      );
    }

    /** The run bar's iteration count, when the user chose one (the deal's own otherwise). */
    const iterations = () => {
      const chosen = get().analysis.iterations;
      return chosen === null ? {} : { iterations: chosen };
    };

    // Typing an offer changes the deal at every keystroke that commits: the rounds are valued once the
    // typing pauses, one valuation at a time, the latest deal next (an answer cannot be cancelled).
    let roundsTimer: ReturnType<typeof setTimeout> | null = null;
    let roundsInFlight = false;
    let roundsAgain = false;
    const valueRoundsNow = () => {
      // An invalid deal is not sent (the engine refuses it with the problems the list already shows): the
      // last figures stay, dimmed, and the fixed deal is valued when the view asks again.
      const d = deal();
      if (!d || dealProblems(d).length > 0) return;
      if (roundsInFlight) {
        roundsAgain = true;
        return;
      }
      roundsInFlight = true;
      void compute('rounds', (d) => port().valueNegotiation({ deal: d, ...iterations() })).finally(() => {
        roundsInFlight = false;
        if (roundsAgain) {
          roundsAgain = false;
          valueRoundsNow();
        }
      });
    };

    const actions: NegotiationActions = {
      valueRounds: () => {
        if (roundsTimer) clearTimeout(roundsTimer);
        roundsTimer = setTimeout(() => {
          roundsTimer = null;
          valueRoundsNow();
        }, ROUNDS_DEBOUNCE_MS);
      },
      runTrades: (scenarioId) => void compute('trades', (d) => port().runTrades({ deal: d, scenarioId, ...iterations() })),
      startFrontier: (request) => {
        const d = deal();
        if (!d) return;
        subscribe();
        actions.cancelFrontier();
        const full: FrontierRequest = { ...request, deal: d };
        patch({ frontier: { status: 'running', runId: null, done: 0, total: 0, request: full } });
        port()
          .startFrontier(full)
          .then(
            ({ runId }) => {
              const f = get().negotiation.frontier;
              if (f.status !== 'running' || f.request !== full) {
                void port().cancelFrontier(runId).catch(() => undefined);
                return;
              }
              patch({ frontier: { ...f, runId } });
              const held = early.get(runId) ?? [];
              early.delete(runId);
              for (const apply of held) apply();
            },
            (err: unknown) => patch({ frontier: { status: 'error', message: describeError(err) } }),
          );
      },
      cancelFrontier: () => {
        const f = get().negotiation.frontier;
        if (f.status !== 'running') return;
        if (f.runId) void port().cancelFrontier(f.runId).catch(() => undefined);
        early.clear();
        patch({ frontier: { status: 'idle' } });
      },
      setTarget: (target) => patch({ target }),
      selectRound: (selectedRound) => patch({ selectedRound }),
    };
    return { negotiation: initial, negotiationActions: actions };
  };
}
