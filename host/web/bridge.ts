/**
 * The web host's stand-in for Electron's preload: defines window.dealwright as
 * the MainApi over a WebSocket to the server that served this page. Built as a
 * plain browser script and injected before the renderer, so the renderer cannot
 * tell the two front doors apart except through MainApi itself.
 */
import {
  apiMethods,
  unwrapEnvelope,
  type EventName,
  type MainApi,
  type MainEvents,
  type Envelope,
} from '../../shared/api';

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

function createBridge(): MainApi {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  // Relative to the page, like every request it makes: the handshake carries the token in its path.
  const api = new URL('__dealwright/api', location.href);
  api.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  api.search = '';
  api.hash = '';
  const socket = new WebSocket(api.href);
  let open = false;
  const ready = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      open = true;
      resolve();
    });
    socket.addEventListener('error', () => reject(new Error('cannot reach the Dealwright web host')));
  });
  let closed = false;
  socket.addEventListener('close', () => {
    closed = true;
    for (const p of pending.values()) p.reject(new Error('the Dealwright web host closed the connection'));
    pending.clear();
  });
  socket.addEventListener('message', (ev) => {
    let msg: { id?: number; envelope?: Envelope<unknown>; event?: string; payload?: unknown };
    try {
      msg = JSON.parse(String(ev.data)) as typeof msg;
    } catch {
      return;
    }
    if (msg === null || typeof msg !== 'object') return;
    if (typeof msg.id === 'number' && msg.envelope) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      try {
        p.resolve(unwrapEnvelope(msg.envelope));
      } catch (err) {
        p.reject(err);
      }
    } else if (typeof msg.event === 'string') {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
    }
  });

  async function call(method: string, given: unknown[]): Promise<unknown> {
    // JSON has no undefined: a trailing optional argument left out must not arrive as null.
    const args = [...given];
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    // Sent at once when connected, not a microtask later: a slider's valuation request is then on its
    // way before the page re-renders for the move, and the host works while the page does.
    if (!open) await ready;
    if (closed) throw new Error('the Dealwright web host closed the connection');
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, args }));
    });
  }

  const bridge: Record<string, unknown> = {};
  for (const method of apiMethods) bridge[method] = (...args: unknown[]) => call(method, args);
  bridge.subscribe = <E extends EventName>(event: E, listener: (payload: MainEvents[E]) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (p: unknown) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (p: unknown) => void);
  };
  return Object.freeze(bridge) as MainApi;
}

Object.defineProperty(window, 'dealwright', { value: createBridge(), writable: false, configurable: false });
