/**
 * The built web host (out/web/main.js) as a child process, for tests that try
 * to take it down: a crash shows as the process exiting, which `alive()`
 * checks, and `answers()` proves it still serves the page and MainApi.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

export interface HostProcess {
  url: string;
  port: number;
  token: string;
  origin: string;
  child: ChildProcess;
  stderr(): string;
  /** Still running (a crash would have ended the process). */
  alive(): boolean;
  /** The page loads and a MainApi call over a fresh WebSocket is answered. */
  answers(): Promise<boolean>;
  /** Opens an authorised WebSocket (the page's own origin and token). */
  connect(): Promise<WebSocket>;
  stop(): Promise<void>;
}

export async function startHostProcess(env: Record<string, string> = {}): Promise<HostProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dealwright-host-'));
  const child = spawn(process.execPath, [join(repoRoot, 'out', 'web', 'main.js')], {
    cwd: repoRoot,
    env: { ...process.env, DEALWRIGHT_DATA_DIR: dataDir, DEALWRIGHT_DOCUMENTS_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`web host did not start\n${out}\n${stderr}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Dealwright web host: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`web host exited with ${code}\n${stderr}`)));
  });
  const parsed = new URL(url);
  const port = Number(parsed.port);
  const token = parsed.pathname.split('/')[1]!;
  const origin = parsed.origin;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const connect = () =>
    new Promise<WebSocket>((done, fail) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/${token}/__dealwright/api`, { headers: { Origin: origin } });
      ws.once('open', () => done(ws));
      ws.once('error', fail);
      ws.once('unexpected-response', (_req, res) => fail(new Error(`the web host answered the handshake with ${res.statusCode}`)));
    });
  return {
    url,
    port,
    token,
    origin,
    child,
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    async answers() {
      const page = await fetch(url).catch(() => null);
      if (page?.status !== 200) return false;
      const ws = await connect().catch(() => null);
      if (!ws) return false;
      const reply = await new Promise<unknown>((done) => {
        const timer = setTimeout(() => done(null), 10_000);
        ws.on('message', (data: Buffer) => {
          clearTimeout(timer);
          done(JSON.parse(data.toString()));
        });
        ws.send(JSON.stringify({ id: 1, method: 'getAppInfo', args: [] }));
      });
      ws.close();
      return (reply as { envelope?: { ok?: boolean } } | null)?.envelope?.ok === true;
    },
    connect,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
