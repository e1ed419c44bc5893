/**
 * The foundation, end to end: the real renderer in Debian's Chromium against
 * the real web host (the same MainApi as Electron's preload).
 */
import { expect, test } from '@playwright/test';
import { request } from 'node:http';
import WebSocket from 'ws';
import { openApp, startWebHost, type RunningHost } from './support/web-host';

test.describe('web host and welcome screen', () => {
  test('the welcome screen lists the three example deals and opens one', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();
      const titles = [
        'Helix Bio / Northwind Pharma: HX-201 licence',
        'Ledgerly / Atlas Cloud: embedded analytics alliance',
        'Solara / Kestrel Energy: storage joint venture',
      ];
      for (const title of titles) await expect(page.getByRole('button', { name: new RegExp(escape(title)) })).toBeVisible();
      await page.getByRole('button', { name: new RegExp(escape(titles[0]!)) }).click();
      await expect(page.getByRole('heading', { level: 1, name: titles[0] })).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('a .deal file named on the command line opens in the window', async () => {
    const app = await openApp({ args: ['resources/examples/saas-alliance.deal'] });
    try {
      await expect(
        app.page.getByRole('heading', { level: 1, name: 'Ledgerly / Atlas Cloud: embedded analytics alliance' }),
      ).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('the page has no Node.js: require and process are undefined', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();
      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        api: typeof (globalThis as Record<string, unknown>).dealwright,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: 'object' });
    } finally {
      await app.close();
    }
  });

  test('the page is served with a strict Content-Security-Policy', async () => {
    const app = await openApp();
    try {
      const response = await app.page.request.get(app.host.url);
      const csp = response.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
    } finally {
      await app.close();
    }
  });
});

test.describe('web host gatekeeping', () => {
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startWebHost();
  });
  test.afterAll(async () => {
    await host.stop();
  });

  function connect(url: string, headers: Record<string, string>): Promise<number | string> {
    return new Promise((resolve) => {
      const ws = new WebSocket(url, { headers });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', (err) => resolve(err.message));
    });
  }

  test('a WebSocket without the token is refused', async () => {
    const result = await connect(`ws://127.0.0.1:${host.port}/__dealwright/api`, { Origin: host.origin });
    expect(result).toBe(403);
  });

  test('a WebSocket with a wrong token is refused', async () => {
    const result = await connect(`ws://127.0.0.1:${host.port}/__dealwright/api?token=wrong`, { Origin: host.origin });
    expect(result).toBe(403);
  });

  test('a WebSocket from a foreign origin is refused even with the token', async () => {
    const result = await connect(`ws://127.0.0.1:${host.port}/__dealwright/api?token=${host.token}`, {
      Origin: 'http://evil.example',
    });
    expect(result).toBe(403);
  });

  test('a request with a foreign Host header (DNS rebinding) is refused', async () => {
    const result = await connect(`ws://127.0.0.1:${host.port}/__dealwright/api?token=${host.token}`, {
      Origin: host.origin,
      Host: `attacker.example:${host.port}`,
    });
    expect(result).toBe(403);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { Host: 'attacker.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  test('the token, the right origin and the right host are let in and can call MainApi', async () => {
    const reply = await new Promise<unknown>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/__dealwright/api?token=${host.token}`, {
        headers: { Origin: host.origin },
      });
      ws.on('open', () => ws.send(JSON.stringify({ id: 1, method: 'getAppInfo', args: [] })));
      ws.on('message', (data: Buffer) => {
        ws.close();
        resolve(JSON.parse(data.toString()));
      });
      ws.on('error', reject);
    });
    expect(reply).toMatchObject({ id: 1, envelope: { ok: true, value: { name: 'Dealwright', host: 'web' } } });
  });

  test('pages and assets without the token are refused', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(res.status).toBe(401);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
