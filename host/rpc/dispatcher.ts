/**
 * The host side of MainApi: a map of handlers, one per method, and a dispatcher
 * that every front door (Electron IPC, the web host's WebSocket) calls with the
 * raw method name and arguments it received.
 *
 * The dispatcher owns the boundary checks: an unknown method or arguments that
 * do not match the method's schema are refused with a clear error before any
 * service runs, and whatever a handler throws comes back as an error value.
 */
import type * as z from 'zod';
import { apiArgs } from '../../shared/api-args';
import { type ApiArgs, type ApiMethod, type ApiResults, type Envelope, type EventName, type MainEvents } from '../../shared/api';
import { HostError } from './host-error';

/** An error a handler may throw to control the code and problems the caller sees (host-error.ts). */
export { HostError };

/** Per-call context: who is calling, and how to push events back to that caller. */
export interface CallContext {
  emit<E extends EventName>(event: E, payload: MainEvents[E]): void;
}

export type HostHandlers = {
  [K in ApiMethod]: (ctx: CallContext, ...args: ApiArgs<K>) => Promise<ApiResults[K]>;
};

function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length ? `argument ${issue.path.map(String).join('.')}` : 'arguments';
    return `${where}: ${issue.message}`;
  });
  return `${method}: ${parts.join('; ')}`;
}

export type Dispatch = (method: unknown, args: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: HostHandlers): Dispatch {
  return async (method, args, ctx) => {
    if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(apiArgs, method)) {
      return {
        ok: false,
        error: { code: 'unknown-method', message: `unknown method ${JSON.stringify(String(method)).slice(0, 80)}` },
      };
    }
    const name = method as ApiMethod;
    const schema = apiArgs[name] as unknown as z.ZodType<unknown[]>;
    const parsed = schema.safeParse(Array.isArray(args) ? args : [args]);
    if (!Array.isArray(args) || !parsed.success) {
      const message = parsed.success
        ? `${name}: arguments must be an array`
        : describeIssues(name, parsed.error);
      return { ok: false, error: { code: 'bad-arguments', message } };
    }
    const handler = handlers[name] as (ctx: CallContext, ...a: unknown[]) => Promise<unknown>;
    try {
      const value = await handler(ctx, ...parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof HostError) return { ok: false, error: err.data };
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, error: { code: 'failed', message: `${name}: ${message}` } };
    }
  };
}
