/**
 * Paths only where the user chose, through the real handlers and dispatcher.
 * Before, the API let any caller write a .deal or .docx anywhere (outside the
 * documents folder, through `docs/../outside`, relative paths into the host's
 * working folder), and read any file's first characters through openFile's
 * errors; in Electron the same handlers took any path from the renderer.
 * Now: under Electron only dialog picks, the command line, recent files and
 * the examples; in the web host also its documents root, reached through
 * real folders, with absolute paths only.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogChoice, Envelope } from '../../../shared/api';
import { scriptedDialogs } from '../../../host/documents/dialog-port';
import { createHostHandlers } from '../../../host/host-handlers';
import { LaunchFiles } from '../../../host/launch-files';
import { createDispatcher } from '../../../host/rpc/dispatcher';

const root = resolve(import.meta.dirname, '..', '..', '..');
const exampleText = readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8');
const deal = JSON.parse(exampleText) as Record<string, unknown>;
const ctx = { emit: () => undefined };
let base = '';
let docs = '';
let outside = '';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'dealwright-paths-'));
  docs = join(base, 'docs');
  outside = join(base, 'outside');
  mkdirSync(join(docs, 'clients'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(docs, 'clients', 'mine.deal'), exampleText);
  writeFileSync(join(outside, 'secret.deal'), exampleText);
  writeFileSync(join(outside, 'notes.txt'), 'password=hunter2');
  symlinkSync(outside, join(docs, 'link-out'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function api(host: 'electron' | 'web', dialogs: DialogChoice[] = [], launch: string[] = []) {
  const launchFiles = new LaunchFiles();
  for (const p of launch) launchFiles.add(p);
  const dispatch = createDispatcher(
    createHostHandlers({
      resourcesDir: join(root, 'resources'),
      appVersion: '0.0.0-test',
      host,
      launchFiles,
      ...(host === 'web' ? { documentsRoot: docs } : {}),
      documents: { dataDir: join(base, `data-${host}-${Math.random()}`), dialogs: scriptedDialogs(dialogs) },
    }),
  );
  return async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const envelope = (await dispatch(method, args, ctx)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value;
  };
}

type Saved = { ok: boolean; problems?: { message: string }[] };
type Opened = { ok: boolean; problems?: { message: string }[] };

describe('Electron: only paths the user chose', () => {
  it('refuses to open, save or export where no dialog, command line or recent file pointed', async () => {
    const call = api('electron');
    const opened = await call<Opened>('openFile', join(outside, 'notes.txt'));
    expect(opened.ok).toBe(false);
    expect(JSON.stringify(opened)).not.toContain('hunter2');
    expect(opened.problems![0]!.message).toMatch(/not chosen in a dialog/);
    const target = join(outside, 'planted.deal');
    expect((await call<Saved>('saveFile', { path: target, deal })).ok).toBe(false);
    const exported = await call<Saved>('exportTermSheet', { deal, fileName: 'x.deal', audience: 'counterparty', paper: 'A4', outPath: join(outside, 'planted.docx') });
    expect(exported.ok).toBe(false);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(outside, 'planted.docx'))).toBe(false);
  });

  it('allows what a dialog picked, then what the command line named, then recent files', async () => {
    const picked = join(outside, 'secret.deal');
    const call = api('electron', [{ kind: 'chosen', path: picked }, { kind: 'chosen', path: join(outside, 'saved-as.deal') }], [join(docs, 'clients', 'mine.deal')]);
    expect((await call<Opened>('openFile', picked)).ok).toBe(false);
    await call('chooseOpenPath');
    expect((await call<Opened>('openFile', picked)).ok).toBe(true);
    await call('chooseSavePath', 'saved-as.deal');
    expect((await call<Saved>('saveFile', { path: join(outside, 'saved-as.deal'), deal })).ok).toBe(true);
    const launch = await call<string[]>('takeLaunchFiles');
    expect((await call<Opened>('openFile', launch[0])).ok).toBe(true);
  });

  it('the shipped examples may be read as a layout template, not written', async () => {
    const call = api('electron', [{ kind: 'chosen', path: join(outside, 'from-example.deal') }]);
    await call('chooseSavePath', 'from-example.deal');
    const example = join(root, 'resources', 'examples', 'pharma-licence.deal');
    expect((await call<Saved>('saveFile', { path: join(outside, 'from-example.deal'), deal, originalPath: example })).ok).toBe(true);
    expect(readFileSync(join(outside, 'from-example.deal'), 'utf8')).toBe(exampleText);
    expect((await call<Saved>('saveFile', { path: example, deal })).ok).toBe(false);
  });

  it('listing folders is for in-page dialogs only', async () => {
    const listing = await api('electron')<{ ok: boolean }>('listFolder', docs, 'deal');
    expect(listing.ok).toBe(false);
  });
});

describe('web host: inside the documents folder, by real folders, with full paths', () => {
  it('opens and saves inside the documents folder without a dialog pick', async () => {
    const call = api('web');
    expect((await call<Opened>('openFile', join(docs, 'clients', 'mine.deal'))).ok).toBe(true);
    expect((await call<Saved>('saveFile', { path: join(docs, 'clients', 'new.deal'), deal })).ok).toBe(true);
  });

  it.each([
    ['outside the folder', () => join(outside, 'secret.deal')],
    ['up and out with ..', () => `${docs}/clients/../../outside/secret.deal`],
    ['through a link that leads out', () => join(docs, 'link-out', 'secret.deal')],
    ['a relative path', () => 'clients/mine.deal'],
    ['a path with .', () => `${docs}/./clients/mine.deal`],
  ])('refuses %s, for reading and for writing', async (_what, path) => {
    const call = api('web');
    expect((await call<Opened>('openFile', path())).ok).toBe(false);
    const target = path().replace(/secret\.deal$|mine\.deal$/, 'planted.deal');
    expect((await call<Saved>('saveFile', { path: target, deal })).ok).toBe(false);
    expect(existsSync(join(outside, 'planted.deal'))).toBe(false);
    const exported = await call<Saved>('exportTermSheet', { deal, fileName: 'x.deal', audience: 'counterparty', paper: 'A4', outPath: target.replace(/\.deal$/, '.docx') });
    expect(exported.ok).toBe(false);
  });

  it('writes only .deal files as deals and .docx files as exports, in folders that exist', async () => {
    const call = api('web');
    expect((await call<Saved>('saveFile', { path: join(docs, 'clients', 'notes.txt'), deal })).ok).toBe(false);
    expect((await call<Saved>('saveFile', { path: join(docs, 'missing', 'x.deal'), deal })).ok).toBe(false);
  });

  it('browses folders inside the root, real ones only, and nothing above it', async () => {
    const call = api('web');
    const listing = await call<{ ok: boolean; parent: string | null; entries: { name: string; kind: string }[] }>('listFolder', docs, 'deal');
    expect(listing.ok).toBe(true);
    expect(listing.parent).toBeNull();
    expect(listing.entries).toEqual([{ name: 'clients', kind: 'folder' }]);
    const inner = await call<{ ok: boolean; parent: string; entries: { name: string }[] }>('listFolder', join(docs, 'clients'), 'deal');
    expect(inner.entries.map((e) => e.name)).toContain('mine.deal');
    expect(inner.parent).toBe(docs);
    expect((await call<{ ok: boolean }>('listFolder', base, 'deal')).ok).toBe(false);
    expect((await call<{ ok: boolean }>('listFolder', join(docs, 'link-out'), 'deal')).ok).toBe(false);
  });

  it('an autosave keeps a path only if the deal may be saved there', async () => {
    const call = api('web');
    await call('autosave', { docKey: 'k1', fileName: 'x.deal', path: join(outside, 'secret.deal'), deal });
    const restored = await call<{ ok: boolean; document: { path: string | null } }>('restoreRecovered', 'k1');
    expect(restored.document.path).toBeNull();
  });
});
