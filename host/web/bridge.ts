/**
 * The web host's stand-in for Electron's preload: defines window.dealwright as
 * the MainApi over a WebSocket to the server that served this page, with the
 * same client as the preload (shared/api.ts, createApiClient). Built as a
 * plain browser script and injected before the renderer, so the renderer
 * cannot tell the two front doors apart except through MainApi itself.
 * Arguments are checked where they arrive (the host), so no validator is
 * bundled here.
 */
import { createApiClient, type ApiClient, type Envelope } from '../../shared/api';

type Pending = { resolve: (v: Envelope<unknown>) => void; reject: (e: unknown) => void };

function createBridge(): ApiClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  // Relative to the page, like every request it makes: the handshake carries the token in its path.
  const url = new URL('__dealwright/api', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  const socket = new WebSocket(url.href);
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
  const client = createApiClient({
    async call(method, args) {
      // Sent at once when connected, not a microtask later: a slider's valuation request is then on its
      // way before the page re-renders for the move, and the host works while the page does.
      if (!open) await ready;
      if (closed) throw new Error('the Dealwright web host closed the connection');
      const id = nextId++;
      return new Promise<Envelope<unknown>>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, method, args }));
      });
    },
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
      p?.resolve(msg.envelope);
    } else if (typeof msg.event === 'string') {
      client.deliver(msg.event, msg.payload);
    }
  });
  return client;
}

Object.defineProperty(window, 'dealwright', { value: createBridge().api, writable: false, configurable: false });
