/**
 * End-to-end support: start the real web host (the built bundle, as a child
 * process so tests can kill it like a crash) and launch Debian's Chromium
 * against it with a fresh profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** Stops the host gracefully (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills the host as a crash would (SIGKILL). */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Reuse an app data folder (recovery files, settings) across host restarts. */
  dataDir?: string;
  env?: Record<string, string>;
  /** Extra command-line arguments for the web host (e.g. a .deal file to open). */
  args?: string[];
  /** Another build's web host entry (bench:ui --against); out/web/main.js of this checkout by default. */
  script?: string;
}

export async function startWebHost(options: StartOptions = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dealwright-e2e-data-'));
  const child = spawn(process.execPath, [options.script ?? join(repoRoot, 'out', 'web', 'main.js'), ...(options.args ?? [])], {
    cwd: repoRoot,
    // The web host reads and writes only inside its documents folder: the tests' files live in the temp folder.
    env: { ...process.env, DEALWRIGHT_DATA_DIR: dataDir, DEALWRIGHT_DOCUMENTS_DIR: tmpdir(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start in 15 s\n${stdout}\n${stderr}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /Dealwright web host: (http:\/\/\S+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}\n${stdout}\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.pathname.split('/')[1] ?? '',
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** Starts a host and a browser, and opens the app. */
export async function openApp(options: StartOptions = {}): Promise<{ host: RunningHost; session: BrowserSession; page: Page; close(): Promise<void> }> {
  const host = await startWebHost(options);
  const session = await launchBrowser();
  await session.page.goto(host.url);
  return {
    host,
    session,
    page: session.page,
    async close() {
      await session.close();
      await host.stop();
      if (!options.dataDir) rmSync(host.dataDir, { recursive: true, force: true });
    },
  };
}
