/**
 * The negotiation methods of MainApi: every round valued with what each move
 * was worth, the sliders' exchange rates, and the efficient frontier as a long
 * run (progress and result pushed as events, cancelled by its run id, by a
 * newer frontier from the same window, or when the window goes away). Deals
 * arrive as untrusted JSON and are validated in full first, as for any
 * valuation. A frontier is not stopped by the slider's live runs: it runs
 * beside them on the shared pool, whose workers interleave the two.
 */
import type { MainEvents } from '../../shared/api';
import type { HostHandlers } from '../rpc/dispatcher';
import type { ValuationRunner } from './runner';
import { apiErrorOf, checkedDeal, nextRunId, rethrowAsHostError, sharedValuationRunner } from './valuation-handlers';

type NegotiationMethods = Pick<HostHandlers, 'valueNegotiation' | 'runTrades' | 'startFrontier' | 'cancelFrontier'>;

export function createNegotiationHandlers(runner: () => ValuationRunner = sharedValuationRunner, closed?: AbortSignal): NegotiationMethods {
  const frontiers = new Map<string, AbortController>();
  closed?.addEventListener('abort', () => {
    for (const controller of frontiers.values()) controller.abort();
  });
  const options = closed ? { signal: closed } : {};
  return {
    valueNegotiation: async (_ctx, request) => {
      const deal = await checkedDeal(request.deal);
      return rethrowAsHostError(() => runner().negotiation({ ...request, deal }, options));
    },
    runTrades: async (_ctx, request) => {
      const deal = await checkedDeal(request.deal);
      return rethrowAsHostError(() => runner().trades({ ...request, deal }, options));
    },
    startFrontier: async (ctx, request) => {
      const deal = await checkedDeal(request.deal);
      for (const older of frontiers.values()) older.abort();
      const runId = nextRunId();
      const controller = new AbortController();
      frontiers.set(runId, controller);
      // Settled runs leave the map before their result is heard, so a cancel after the result finds nothing to cancel.
      const settle = (payload: MainEvents['frontier:result']) => {
        frontiers.delete(runId);
        ctx.emit('frontier:result', payload);
      };
      runner()
        .frontier({ ...request, deal }, { signal: controller.signal, onProgress: (done, total) => ctx.emit('frontier:progress', { runId, done, total }) })
        .then(
          (result) => settle({ runId, result }),
          (err: unknown) => settle({ runId, error: apiErrorOf(err) }),
        );
      return { runId };
    },
    cancelFrontier: async (_ctx, runId) => {
      const controller = frontiers.get(runId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}
