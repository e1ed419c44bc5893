/**
 * The web host: serves the built renderer and MainApi over a WebSocket on
 * 127.0.0.1 only. It exists so the real renderer runs in real Chromium against
 * the real host services (this team cannot download Electron), and as a
 * fallback for laptops that forbid desktop apps.
 *
 * Security: a random token per launch, carried in the path of every request
 * the page makes (`/<token>/…`: the page, its scripts, styles, workers and
 * the WebSocket handshake, all loaded relative to the page) and nowhere else.
 * No cookie: a cookie is not scoped by port, so any local server a browser
 * visited would receive it. Host and Origin must be this server's own
 * loopback origin.
 *
 * Robustness: nothing a page or a local process sends can stop the host.
 * Every request and message is handled inside a guard that answers with an
 * error; request bodies are never read (GET and HEAD only); a WebSocket
 * message over the size limit, a text frame that is not UTF-8 or a broken
 * socket closes that connection only. A closed connection cancels its runs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventName, MainEvents } from '../../shared/api';
import { createDispatcher, type CallContext, type HostHandlers } from '../rpc/dispatcher';
import { contentSecurityPolicy, hostAllowed, newToken, originAllowed, tokensEqual } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The largest WebSocket message: a dropped 5 MB file as base64 (about 7 MB) or a deal, with room to spare. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

const API_PATH = '__dealwright/api';
const BRIDGE_PATH = '__dealwright/bridge.js';

export interface WebHostOptions {
  port?: number;
  rendererDir: string;
  bridgeFile: string;
  handlers: (client: ClientInfo) => HostHandlers;
  token?: string;
}

export interface ClientInfo {
  id: number;
  /** Aborted when the client's connection closes: its runs are cancelled. */
  closed: AbortSignal;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const noop = () => undefined;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  let port = 0;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let nextClient = 1;

  /** The part of the path after `/<token>/`, or undefined when the path does not start with the token. */
  function afterToken(pathname: string): string | undefined {
    const slash = pathname.indexOf('/', 1);
    const first = slash < 0 ? pathname.slice(1) : pathname.slice(1, slash);
    if (!tokensEqual(token, first)) return undefined;
    return slash < 0 ? '' : pathname.slice(slash + 1);
  }

  function baseHeaders(): Record<string, string> {
    return {
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
  }

  function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // Connection: close, so whatever else the client sends on this connection (a body) is never read.
    res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', ...extra }).end(text);
  }

  async function serveFile(res: ServerResponse, rel: string, head: boolean): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      plain(res, 400, 'bad request: malformed %-escape in the path');
      return;
    }
    const file = decoded === '' ? 'index.html' : decoded;
    const full = file === BRIDGE_PATH ? options.bridgeFile : normalize(join(options.rendererDir, file));
    if (file !== BRIDGE_PATH && (file.includes('\0') || !full.startsWith(normalize(options.rendererDir) + sep))) {
      plain(res, 404, 'not found');
      return;
    }
    let body: Buffer | string;
    try {
      body = await readFile(full);
    } catch {
      plain(res, 404, 'not found');
      return;
    }
    if (file === 'index.html') {
      // The bridge defines window.dealwright before the renderer runs, as the preload does in Electron.
      // Relative, like every asset: it is fetched under the token's path too.
      body = body.toString('utf8').replace('<head>', `<head>\n    <script src="./${BRIDGE_PATH}"></script>`);
    }
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': MIME[extname(full)] ?? 'application/octet-stream' });
    res.end(head ? undefined : body);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return plain(res, 403, 'forbidden host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return plain(res, 400, 'bad request');
    }
    const rel = afterToken(url.pathname);
    if (rel !== undefined) {
      // `/<token>` without the slash: relative asset paths need the page to sit in the token's folder.
      if (url.pathname === `/${token}`) return plain(res, 302, 'moved', { Location: `/${token}/` });
      return serveFile(res, rel, req.method === 'HEAD');
    }
    // The address printed by older versions (`/?token=…`) still opens the app, at its new place.
    if (url.pathname === '/' && tokensEqual(token, url.searchParams.get('token'))) return plain(res, 302, 'moved', { Location: `/${token}/` });
    return plain(res, 401, 'Open Dealwright with the address printed when the web host started.');
  }

  const server = createServer((req, res) => {
    res.on('error', noop);
    onRequest(req, res).catch(() => plain(res, 500, 'internal error'));
  });
  // Malformed requests (bad headers, oversized headers) are answered by Node; the socket must not throw either.
  server.on('clientError', (_err, socket: Duplex) => {
    socket.on('error', noop);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.on('connection', (socket) => socket.on('error', noop));

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', noop);
    // The answer is written before the socket goes: destroying it at once could drop the 403 unsent and
    // leave the client with a reset (or, with some clients, nothing at all) instead of a refusal.
    const refuse = () => {
      if (socket.writable) socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n', () => socket.destroy());
      else socket.destroy();
    };
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const byPath = afterToken(url.pathname) === API_PATH;
      const byQuery = url.pathname === `/${API_PATH}` && tokensEqual(token, url.searchParams.get('token'));
      const ok = (byPath || byQuery) && hostAllowed(req.headers.host, port) && originAllowed(req.headers.origin, port);
      if (!ok) return refuse();
      wss.handleUpgrade(req, socket, head, (ws) => onClient(ws));
    } catch {
      refuse();
    }
  });

  function onClient(ws: WebSocket): void {
    const closed = new AbortController();
    const client: ClientInfo = { id: nextClient++, closed: closed.signal };
    let dispatch: ReturnType<typeof createDispatcher>;
    try {
      dispatch = createDispatcher(options.handlers(client));
    } catch {
      ws.terminate();
      return;
    }
    const send = (message: unknown) => {
      if (ws.readyState !== ws.OPEN) return;
      try {
        ws.send(JSON.stringify(message));
      } catch {
        // A reply that cannot be sent is lost with its connection; the host goes on.
      }
    };
    const ctx: CallContext = {
      emit<E extends EventName>(event: E, payload: MainEvents[E]) {
        send({ event, payload });
      },
    };
    // Too large a message, a text frame that is not UTF-8, a broken socket: ws closes this connection itself
    // (with 1009 or 1007); the listener only keeps the error from being thrown.
    ws.on('error', noop);
    ws.on('close', () => closed.abort());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      try {
        onMessage(data, isBinary);
      } catch {
        // A message that makes no sense gets no answer; it cannot take the host down.
      }
    });

    function onMessage(data: RawData, isBinary: boolean): void {
      if (isBinary || !Buffer.isBuffer(data)) return;
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString('utf8'));
      } catch {
        return;
      }
      if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) return;
      const { id, method, args } = msg as { id?: unknown; method?: unknown; args?: unknown };
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) return;
      dispatch(method, args, ctx).then(
        (envelope) => send({ id, envelope }),
        (err: unknown) => send({ id, envelope: { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } } }),
      );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', noop);
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
