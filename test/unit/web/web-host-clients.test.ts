/**
 * Each WebSocket connection is one client with its own handlers, and the
 * handlers hear when it closes (a closed or reloaded tab), which is what
 * cancels its valuations (host-handlers passes the signal on; the pool test
 * shows a cancelled run's result).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHostHandlers } from '../../../host/host-handlers';
import { startWebHost, type ClientInfo } from '../../../host/web/server';
import { repoRoot } from './web-host-process';

const dir = mkdtempSync(join(tmpdir(), 'dealwright-clients-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('web host clients', () => {
  it('a closed connection aborts its client signal', async () => {
    writeFileSync(join(dir, 'index.html'), '<html><head></head><body></body></html>');
    writeFileSync(join(dir, 'bridge.js'), '');
    const clients: ClientInfo[] = [];
    const host = await startWebHost({
      rendererDir: dir,
      bridgeFile: join(dir, 'bridge.js'),
      handlers: (client) => {
        clients.push(client);
        return createHostHandlers({ resourcesDir: join(repoRoot, 'resources'), appVersion: '0.0.0-test', host: 'web', documentsRoot: dir, documents: { dataDir: dir }, closed: client.closed });
      },
    });
    try {
      const origin = `http://127.0.0.1:${host.port}`;
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/${host.token}/__dealwright/api`, { headers: { Origin: origin } });
      await new Promise((r) => ws.once('open', r));
      expect(clients).toHaveLength(1);
      expect(clients[0]!.closed.aborted).toBe(false);
      ws.close();
      await expect.poll(() => clients[0]!.closed.aborted).toBe(true);
    } finally {
      await host.close();
    }
  });
});
