/**
 * The web host cannot be killed from outside, and the token stays in the
 * page. Each repro of the issue, against the real built host in its own
 * process: before, a malformed %-escape, a WebSocket message `null`, a message
 * over 16 MB and a text frame with invalid UTF-8 each ended the process (and
 * every tab's unsaved work); the token was set as a cookie, which every other
 * local port receives.
 */
import { readFileSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { repoRoot, startHostProcess, type HostProcess } from './web-host-process';

let host: HostProcess;
beforeAll(async () => {
  host = await startHostProcess();
});
afterAll(async () => {
  await host.stop();
});

/** Sends raw bytes on a fresh TCP connection and returns what came back before it closed (or a timeout). */
function raw(bytes: string | Buffer, wait = 2_000): Promise<string> {
  return new Promise((done) => {
    const socket = tcp(host.port, '127.0.0.1');
    let reply = '';
    socket.on('data', (d) => (reply += d.toString('latin1')));
    socket.on('error', () => done(reply));
    socket.on('close', () => done(reply));
    socket.setTimeout(wait, () => socket.destroy());
    socket.write(bytes);
  });
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((done) => ws.once('close', (code) => done(code)));
}

describe('requests that used to kill the host', () => {
  it('a malformed %-escape in the path is a 400, and the host still answers', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/${host.token}/%E0%A4%A`);
    expect(res.status).toBe(400);
    const reply = await raw(`GET /${host.token}/assets/%zz%ff%%.js HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(host.alive()).toBe(true);
    expect(await host.answers()).toBe(true);
  });

  it.each([['null'], ['[]'], ['"text"'], ['42'], ['{"id": 1}'], ['{"id": 1, "method": "__proto__", "args": []}'], ['{"id": 1, "method": "getAppInfo", "args": null}'], ['{"id": "1", "method": "getAppInfo"}'], ['{']])(
    'a WebSocket message %s gets no crash',
    async (message) => {
      const ws = await host.connect();
      ws.send(message);
      // The same connection still works afterwards.
      const reply = await new Promise<{ id: number; envelope: { ok: boolean } }>((done) => {
        ws.on('message', (d: Buffer) => {
          const m = JSON.parse(d.toString()) as { id: number; envelope: { ok: boolean } };
          if (m.id === 7) done(m);
        });
        ws.send(JSON.stringify({ id: 7, method: 'getAppInfo', args: [] }));
      });
      expect(reply.envelope.ok).toBe(true);
      ws.close();
      expect(host.alive()).toBe(true);
    },
  );

  it('a message over 16 MB closes that connection only (1009), not the host', async () => {
    const ws = await host.connect();
    const closed = closeCode(ws);
    ws.send('x'.repeat(17 * 1024 * 1024));
    expect(await closed).toBe(1009);
    expect(host.alive()).toBe(true);
    expect(await host.answers()).toBe(true);
  });

  it('a text frame that is not UTF-8 closes that connection only (1007), not the host', async () => {
    const ws = await host.connect();
    const closed = closeCode(ws);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    expect(host.alive()).toBe(true);
    expect(await host.answers()).toBe(true);
  });

  it('sockets reset in the middle of a request, an upgrade or a message leave the host running', async () => {
    const resets = [
      `GET /${host.token}/ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`,
      `GET /${host.token}/__dealwright/api HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: ${host.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    ];
    for (const partial of resets) {
      await new Promise<void>((done) => {
        const socket = tcp(host.port, '127.0.0.1', () => {
          socket.write(partial);
          setTimeout(() => {
            socket.resetAndDestroy();
            done();
          }, 50);
        });
        socket.on('error', () => undefined);
      });
    }
    const ws = await host.connect();
    ws.send(JSON.stringify({ id: 1, method: 'listExamples', args: [] }).slice(0, 10));
    (ws as unknown as { _socket: { resetAndDestroy(): void } })._socket.resetAndDestroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(host.alive()).toBe(true);
    expect(await host.answers()).toBe(true);
  });

  it('never reads a request body: POST and PUT are refused at once and the connection closed', async () => {
    const reply = await raw(`POST /${host.token}/ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: 1000000000\r\n\r\nxxxx`);
    expect(reply).toMatch(/^HTTP\/1\.1 405/);
    expect(reply).toMatch(/Connection: close/i);
  });
});

describe('the token stays in the page', () => {
  it('is never set as a cookie; the page and its assets are served under the token only', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    // Every asset the page names is relative, so the browser asks for it under the token's path.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      expect(asset.startsWith('./')).toBe(true);
      const withToken = await fetch(new URL(asset, host.url));
      expect(withToken.status, asset).toBe(200);
      expect(withToken.headers.get('set-cookie')).toBeNull();
      const without = await fetch(`http://127.0.0.1:${host.port}/${asset.replace(/^\.\//, '')}`);
      expect(without.status, asset).toBe(401);
    }
  });

  it('a cookie with the token opens nothing', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`, { headers: { Cookie: `dealwright_token=${host.token}` } });
    expect(res.status).toBe(401);
  });

  it('the address printed by older versions leads to the page under the token', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/?token=${host.token}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/${host.token}/`);
  });

  it('a WebSocket handshake carries the token in its path, with the page\'s origin', async () => {
    const ws = await host.connect();
    ws.close();
    const refused = await new Promise<number>((done) => {
      // Whatever happens, an answer within 10 s: a refusal that never comes fails here, not as a test timeout.
      const timer = setTimeout(() => done(-3), 10_000);
      const answer = (code: number) => {
        clearTimeout(timer);
        done(code);
      };
      const other = new WebSocket(`ws://127.0.0.1:${host.port}/${host.token.slice(0, -1)}x/__dealwright/api`, { headers: { Origin: host.origin } });
      other.on('unexpected-response', (_req, res) => answer(res.statusCode ?? 0));
      other.on('error', () => answer(-1));
      other.on('close', () => answer(-2));
    });
    expect(refused).toBe(403);
  });
});

describe('large work stays off the thread that answers every window', () => {
  /** Calls a method on an open connection and resolves with the envelope. */
  function call(ws: WebSocket, id: number, method: string, args: unknown[]): Promise<{ ok: boolean; value?: unknown }> {
    return new Promise((done) => {
      const onMessage = (d: Buffer) => {
        const m = JSON.parse(d.toString()) as { id?: number; envelope?: { ok: boolean; value?: unknown } };
        if (m.id !== id) return;
        ws.off('message', onMessage);
        done(m.envelope!);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, args }));
    });
  }

  /** The slowest answer to a trivial call, asked every 20 ms while `work` runs on another connection. */
  async function slowestPing(work: (ws: WebSocket) => Promise<unknown>): Promise<number> {
    const a = await host.connect();
    const b = await host.connect();
    let slowest = 0;
    let running = true;
    const pings = (async () => {
      for (let id = 1; running; id++) {
        const t0 = performance.now();
        await call(b, id, 'getAppInfo', []);
        slowest = Math.max(slowest, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      await work(a);
    } finally {
      running = false;
      await pings;
      a.close();
      b.close();
    }
    return slowest;
  }

  it('validating four 30,000-term deals leaves other windows answered within a second', { timeout: 120_000 }, async () => {
    const base = JSON.parse(readFileSync(join(repoRoot, 'resources', 'examples', 'saas-alliance.deal'), 'utf8')) as { terms: unknown[]; parties: { id: string }[] };
    const terms = Array.from({ length: 30_000 }, (_, i) => ({ id: `c${i}`, type: 'cashflow', party: base.parties[0]!.id, amount: `t + ${i}` }));
    const big = { ...base, terms: [...base.terms, ...terms] };
    const slowest = await slowestPing(async (ws) => {
      const results = await Promise.all([1, 2, 3, 4].map((i) => call(ws, 1000 + i, 'validateDeal', [big])));
      for (const r of results) expect(r).toEqual({ ok: true, value: [] });
    });
    expect(slowest).toBeLessThan(1_000);
  });

  it('a density preview of a discrete input with a million values neither freezes the host nor takes long', { timeout: 120_000 }, async () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => i);
    const slowest = await slowestPing(async (ws) => {
      const r = await call(ws, 2000, 'sampleInput', [{ dist: 'discrete', values }, 20_000]);
      expect(r.ok).toBe(true);
    });
    expect(slowest).toBeLessThan(1_000);
  });
});
