/**
 * The web host: serves the built renderer and MainApi over a WebSocket on
 * 127.0.0.1 only. It exists so the real renderer runs in real Chromium against
 * the real host services (this team cannot download Electron), and as a
 * fallback for laptops that forbid desktop apps.
 *
 * Security: a random token per launch (in the printed URL, then an HttpOnly
 * SameSite=Strict cookie); every request and upgrade must carry it; Host and
 * Origin must be this server's own loopback origin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, MainEvents } from '../../shared/api';
import { createDispatcher, type CallContext, type HostHandlers } from '../rpc/dispatcher';
import {
  contentSecurityPolicy,
  hostAllowed,
  newToken,
  originAllowed,
  TOKEN_COOKIE,
  tokenFromCookie,
  tokensEqual,
} from './security';

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

export interface WebHostOptions {
  port?: number;
  rendererDir: string;
  bridgeFile: string;
  handlers: (client: ClientInfo) => HostHandlers;
  token?: string;
}

export interface ClientInfo {
  id: number;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  let port = 0;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  let nextClient = 1;

  function authorised(req: IncomingMessage, url: URL): boolean {
    return tokensEqual(token, url.searchParams.get('token')) || tokensEqual(token, tokenFromCookie(req.headers.cookie));
  }

  async function serveFile(res: ServerResponse, pathname: string, setCookie: boolean): Promise<void> {
    const headers: Record<string, string> = {
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (setCookie) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (pathname === '/__dealwright/bridge.js') {
      const body = await readFile(options.bridgeFile);
      res.writeHead(200, { ...headers, 'Content-Type': MIME['.js'] });
      res.end(body);
      return;
    }
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const full = normalize(join(options.rendererDir, rel));
    if (!full.startsWith(normalize(options.rendererDir) + sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      let body: Buffer | string = await readFile(full);
      if (rel === 'index.html') {
        // The bridge defines window.dealwright before the renderer runs, as the preload does in Electron.
        body = body
          .toString('utf8')
          .replace('<head>', '<head>\n    <script src="/__dealwright/bridge.js"></script>');
      }
      res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(full)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('forbidden host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (!authorised(req, url)) {
      res.writeHead(401, { 'Content-Type': 'text/plain' }).end('Open Dealwright with the address printed when the web host started.');
      return;
    }
    void serveFile(res, url.pathname, url.searchParams.has('token'));
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ok =
      url.pathname === '/__dealwright/api' &&
      hostAllowed(req.headers.host, port) &&
      originAllowed(req.headers.origin, port) &&
      authorised(req, url);
    if (!ok) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onClient(ws));
  });

  function onClient(ws: WebSocket): void {
    const client: ClientInfo = { id: nextClient++ };
    const dispatch = createDispatcher(options.handlers(client));
    const ctx: CallContext = {
      emit<E extends EventName>(event: E, payload: MainEvents[E]) {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
      },
    };
    ws.on('message', (data) => {
      let msg: { id?: unknown; method?: unknown; args?: unknown };
      try {
        msg = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '') as typeof msg;
      } catch {
        return;
      }
      if (typeof msg.id !== 'number') return;
      const id = msg.id;
      void dispatch(msg.method, msg.args, ctx).then((envelope) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, envelope }));
      });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
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
