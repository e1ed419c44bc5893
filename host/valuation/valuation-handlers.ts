/**
 * The valuation methods of MainApi: start/cancel a valuation (progress and
 * result pushed as events), tornado rows, goal seek, and the inputs editor's
 * density preview. Deals arrive as untrusted JSON and are validated in full
 * before anything is compiled. One worker pool serves every window; within a
 * handler set (one window or web client) a newer valuation cancels the older,
 * which is what the slider path wants.
 */
import { readFile } from 'node:fs/promises';
import type { ApiErrorData } from '../../shared/api';
import type { Deal } from '../../shared/model/schema';
import { compileInBackground, sampleInBackground, validateInBackground } from '../background/background';
import { HostError, type HostHandlers } from '../rpc/dispatcher';
import { CancelledError, ValuationError, type ValuationRunner } from './runner';
import { createWorkerPoolRunner } from './worker-pool';

type ValuationMethods = Pick<HostHandlers, 'startValuation' | 'cancelValuation' | 'runSensitivity' | 'solve' | 'runSweep' | 'sampleInput'>;

let sharedPool: ValuationRunner | undefined;

/** The host's one warm worker pool (started on first use); large deals compile off the thread that serves every window. */
export function sharedValuationRunner(): ValuationRunner {
  sharedPool ??= createWorkerPoolRunner({ compile: compileInBackground });
  return sharedPool;
}

/**
 * Warms the shared pool in the background when an app host starts: workers
 * started, and the sampling, Iman–Conover, statistics and compile paths run
 * hot (one mid-size run, then a few slider-sized runs of changed deals), so
 * the first full run and the first slider move are as quick as later ones
 * (cold, the first 10k preview after opening a deal took ~120 ms instead of
 * ~10). `dealPath` is an example shipped with the app; if it cannot be read
 * the pool simply starts cold. Runs the user asks for queue behind at most
 * one of these short runs.
 */
export function warmUpValuation(dealPath: string): Promise<void> {
  return (async () => {
    try {
      const deal = await checkedDeal(JSON.parse(await readFile(dealPath, 'utf8')));
      const runner = sharedValuationRunner();
      await runner.value({ deal, iterations: 40_000 });
      for (let i = 1; i <= 4; i++) {
        // A changed number is a new deal to compile, as a slider move is.
        await runner.value({ deal: { ...deal, simulation: { ...deal.simulation, seed: deal.simulation.seed + i } }, iterations: 10_000 });
      }
    } catch {
      // Only an optimisation: the pool starts cold instead.
    }
  })();
}

let runCounter = 0;

/** A fresh run id (`run-N`, unique in this host) for a run whose progress and result come as events. */
export const nextRunId = (): string => `run-${++runCounter}`;

/** The deal, validated in full (on the background thread when it is large), or a HostError with its problems. */
export async function checkedDeal(raw: unknown): Promise<Deal> {
  const result = await validateInBackground(raw);
  if (!result.ok) {
    throw new HostError({ code: 'failed', message: 'the deal has problems to fix before it can be valued', problems: result.problems });
  }
  return result.deal;
}

/** What a failed run looks like across the boundary. */
export function apiErrorOf(err: unknown): ApiErrorData {
  if (err instanceof CancelledError) return { code: 'cancelled', message: err.message };
  if (err instanceof ValuationError) return { code: 'failed', message: err.message, problems: err.problems };
  if (err instanceof HostError) return err.data;
  return { code: 'failed', message: err instanceof Error ? err.message : String(err) };
}

export async function rethrowAsHostError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new HostError(apiErrorOf(err));
  }
}

export function createValuationHandlers(runner: () => ValuationRunner = sharedValuationRunner, closed?: AbortSignal): ValuationMethods {
  const runs = new Map<string, AbortController>();
  // Nobody is left to see the results: a closed tab's runs give the pool back at once.
  closed?.addEventListener('abort', () => {
    for (const controller of runs.values()) controller.abort();
  });
  return {
    startValuation: async (ctx, request) => {
      const deal = await checkedDeal(request.deal);
      for (const [, older] of runs) older.abort();
      const runId = nextRunId();
      const controller = new AbortController();
      runs.set(runId, controller);
      const { deal: _raw, ...rest } = request;
      runner()
        .value({ ...rest, deal }, { signal: controller.signal, onProgress: (done, total) => ctx.emit('valuation:progress', { runId, done, total }) })
        .then(
          (result) => ctx.emit('valuation:result', { runId, result }),
          (err: unknown) => ctx.emit('valuation:result', { runId, error: apiErrorOf(err) }),
        )
        .finally(() => runs.delete(runId));
      return { runId };
    },
    cancelValuation: async (_ctx, runId) => {
      const controller = runs.get(runId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    runSensitivity: async (_ctx, request) => {
      const deal = await checkedDeal(request.deal);
      return rethrowAsHostError(() => runner().sensitivity({ ...request, deal }, closed ? { signal: closed } : {}));
    },
    solve: async (_ctx, request) => {
      const deal = await checkedDeal(request.deal);
      return rethrowAsHostError(() => runner().solve({ ...request, deal }, closed ? { signal: closed } : {}));
    },
    runSweep: async (_ctx, request) => {
      const deal = await checkedDeal(request.deal);
      return rethrowAsHostError(() => runner().sweep({ ...request, deal }, closed ? { signal: closed } : {}));
    },
    sampleInput: async (_ctx, input, n) => sampleInBackground(input, n),
  };
}
