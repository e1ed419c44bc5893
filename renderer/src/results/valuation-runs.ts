/**
 * Valuation runs as promises: starts a run through the host, routes the
 * host's `valuation:progress` / `valuation:result` events to it by run id and
 * cancels it on request. Events can overtake the reply that tells us the run
 * id (a tiny run may finish first), so events for ids not yet known are held
 * briefly and replayed when the id arrives.
 *
 * The analysis UI talks to the engine only through this and `ValuationPort`,
 * the slice of MainApi it needs, so it can run over any front door.
 */
import { formatProblems } from '../../../shared/problems';
import type { ValuationRequest, ValuationResult } from '../../../shared/engine/results';

export interface ProgressEvent {
  runId: string;
  done: number;
  total: number;
}

export type ResultEvent = { runId: string; result: ValuationResult } | { runId: string; error: unknown };

/** The part of MainApi that valuation runs use. */
export interface ValuationPort {
  startValuation(request: ValuationRequest): Promise<{ runId: string }>;
  cancelValuation(runId: string): Promise<unknown>;
  subscribe(event: 'valuation:progress', listener: (payload: ProgressEvent) => void): () => void;
  subscribe(event: 'valuation:result', listener: (payload: ResultEvent) => void): () => void;
}

export type RunOutcome =
  | { status: 'done'; result: ValuationResult }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' };

export interface RunHandle {
  outcome: Promise<RunOutcome>;
  /** Stops the run in the host; `outcome` resolves to cancelled at once. Idempotent. */
  cancel(): void;
}

interface Waiter {
  resolve: (outcome: RunOutcome) => void;
  onProgress?: (done: number, total: number) => void;
}

/** How many unclaimed runs' events to hold: enough for any burst of slider moves. */
const EARLY_EVENT_LIMIT = 64;

export function describeError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const e = error as { message?: unknown; problems?: { path?: string; message?: string }[] };
    if (Array.isArray(e.problems) && e.problems.length > 0) {
      return formatProblems(e.problems.map((p) => ({ path: p.path ?? '', message: p.message ?? '' }))).join('\n');
    }
    if (typeof e.message === 'string') return e.message;
  }
  return 'The valuation failed for an unknown reason.';
}

export class ValuationRuns {
  private readonly waiters = new Map<string, Waiter>();
  private readonly early = new Map<string, (ProgressEvent | ResultEvent)[]>();
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly port: ValuationPort) {
    this.unsubscribe = [
      port.subscribe('valuation:progress', (e) => this.route(e)),
      port.subscribe('valuation:result', (e) => this.route(e)),
    ];
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    for (const w of this.waiters.values()) w.resolve({ status: 'cancelled' });
    this.waiters.clear();
    this.early.clear();
  }

  start(request: ValuationRequest, onProgress?: (done: number, total: number) => void): RunHandle {
    let runId: string | null = null;
    let cancelled = false;
    let settle: (outcome: RunOutcome) => void = () => {};
    const outcome = new Promise<RunOutcome>((resolve) => {
      let settled = false;
      settle = (o) => {
        if (settled) return;
        settled = true;
        if (runId) this.waiters.delete(runId);
        resolve(o);
      };
    });
    this.port.startValuation(request).then(
      (started) => {
        runId = started.runId;
        if (cancelled) {
          void this.port.cancelValuation(started.runId).catch(() => undefined);
          this.early.delete(started.runId);
          return;
        }
        this.waiters.set(started.runId, { resolve: settle, onProgress });
        const held = this.early.get(started.runId);
        this.early.delete(started.runId);
        for (const e of held ?? []) this.route(e);
      },
      (err: unknown) => settle({ status: 'failed', message: describeError(err) }),
    );
    return {
      outcome,
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        if (runId) void this.port.cancelValuation(runId).catch(() => undefined);
        settle({ status: 'cancelled' });
      },
    };
  }

  private route(e: ProgressEvent | ResultEvent): void {
    const waiter = this.waiters.get(e.runId);
    if (!waiter) {
      const list = this.early.get(e.runId) ?? [];
      list.push(e);
      this.early.set(e.runId, list);
      if (this.early.size > EARLY_EVENT_LIMIT) this.early.delete(this.early.keys().next().value!);
      return;
    }
    if ('done' in e) waiter.onProgress?.(e.done, e.total);
    else if ('result' in e) waiter.resolve({ status: 'done', result: e.result });
    else {
      const code = (e.error as { code?: unknown } | null)?.code;
      waiter.resolve(code === 'cancelled' ? { status: 'cancelled' } : { status: 'failed', message: describeError(e.error) });
    }
  }
}
