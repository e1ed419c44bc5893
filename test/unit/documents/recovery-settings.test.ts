/**
 * Crash recovery, recent files and settings through the real handlers and
 * dispatcher (the same path the renderer takes), on a temp data folder:
 * autosave, list after a "crash", restore, discard on save; corrupt or
 * truncated recovery files skipped with a message; a corrupt settings file set
 * aside, not silently reset.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialogChoice, Envelope } from '../../../shared/api';
import { scriptedDialogs } from '../../../host/documents/dialog-port';
import { createHostHandlers } from '../../../host/host-handlers';
import { createDispatcher } from '../../../host/rpc/dispatcher';
import { openConfSettings } from '../../../host/settings/conf-backend';
import { MAX_RECENT_FILES } from '../../../host/settings/settings-store';

const root = resolve(__dirname, '..', '..', '..');
const exampleText = readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8');
const deal = JSON.parse(exampleText) as Record<string, unknown>;
const ctx = { emit: () => undefined };
let dataDir = '';
let docsDir = '';

function host(dialogAnswers: DialogChoice[] = []) {
  const dispatch = createDispatcher(
    createHostHandlers({ resourcesDir: join(root, 'resources'), appVersion: '0.0.0-test', host: 'web', documentsRoot: docsDir, documents: { dataDir, dialogs: scriptedDialogs(dialogAnswers) } }),
  );
  return async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const envelope = (await dispatch(method, args, ctx)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value;
  };
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dealwright-data-'));
  docsDir = mkdtempSync(join(tmpdir(), 'dealwright-docs-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(docsDir, { recursive: true, force: true });
});

describe('crash recovery', () => {
  it('an autosaved edit survives a restart of the host and can be restored, then discarded', async () => {
    const edited = { ...deal, title: 'Edited before the crash' };
    await host()('autosave', { docKey: 'doc-1', fileName: 'pharma.deal', path: join(docsDir, 'pharma.deal'), deal: edited });

    // A new host on the same data folder stands for the app started again after a crash.
    const call = host();
    const list = await call<{ documents: { docKey: string; title: string }[]; skipped: unknown[] }>('listRecovered');
    expect(list.documents.map((d) => [d.docKey, d.title])).toEqual([['doc-1', 'Edited before the crash']]);
    expect(list.skipped).toEqual([]);
    const restored = await call<{ ok: boolean; document: { deal: { title: string }; path: string; originalPath: string } }>('restoreRecovered', 'doc-1');
    expect(restored.ok).toBe(true);
    expect(restored.document.deal.title).toBe('Edited before the crash');
    expect(restored.document.path).toBe(join(docsDir, 'pharma.deal'));

    await call('discardRecovered', 'doc-1');
    expect((await call<{ documents: unknown[] }>('listRecovered')).documents).toEqual([]);
  });

  it('a successful save discards the autosave of that document', async () => {
    const call = host();
    await call('autosave', { docKey: 'doc-2', fileName: 'x.deal', path: null, deal });
    const saved = await call<{ ok: boolean }>('saveFile', { path: join(docsDir, 'x.deal'), deal, docKey: 'doc-2' });
    expect(saved.ok).toBe(true);
    expect((await call<{ documents: unknown[] }>('listRecovered')).documents).toEqual([]);
  });

  it('keeps unsaved work that does not validate yet, and says why it cannot be restored as is', async () => {
    const call = host();
    await call('autosave', { docKey: 'half', fileName: 'half.deal', path: null, deal: { ...deal, us: 'nobody' } });
    const restored = await call<{ ok: boolean; problems: { path: string }[] }>('restoreRecovered', 'half');
    expect(restored.ok).toBe(false);
    expect(restored.problems[0]!.path).toBe('us');
    expect((await call<{ documents: unknown[] }>('listRecovered')).documents.length).toBe(1);
  });

  it('skips corrupt and truncated recovery files with a message, never a crash', async () => {
    const call = host();
    await call('autosave', { docKey: 'good', fileName: 'g.deal', path: null, deal });
    const dir = join(dataDir, 'recovery');
    const goodText = readFileSync(join(dir, 'good.json'), 'utf8');
    writeFileSync(join(dir, 'truncated.json'), goodText.slice(0, goodText.length / 2));
    writeFileSync(join(dir, 'garbage.json'), Buffer.from([0, 1, 2, 255, 254]));
    writeFileSync(join(dir, 'other.json'), '{"some": "json"}');
    const list = await call<{ documents: { docKey: string }[]; skipped: { file: string; message: string }[] }>('listRecovered');
    expect(list.documents.map((d) => d.docKey)).toEqual(['good']);
    expect(list.skipped.map((s) => s.file)).toEqual(['garbage.json', 'other.json', 'truncated.json']);
    expect(list.skipped.find((s) => s.file === 'truncated.json')!.message).toMatch(/^the recovery file is damaged \(not valid JSON: unexpected end of the file/);
    const restoreBad = await call<{ ok: boolean; problems: { message: string }[] }>('restoreRecovered', 'truncated');
    expect(restoreBad.ok).toBe(false);
  });

  it('refuses document keys that could reach outside the recovery folder', async () => {
    await expect(host()('restoreRecovered', '../settings')).rejects.toThrow(/^bad-arguments/);
    await expect(host()('autosave', { docKey: 'a/b', fileName: 'x', path: null, deal })).rejects.toThrow(/^bad-arguments/);
  });
});

describe('open, dialogs and recent files', () => {
  it('opening and saving files records them as recent, newest first, at most 10', async () => {
    const call = host();
    const paths: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = join(docsDir, `d${i}.deal`);
      writeFileSync(p, exampleText);
      paths.push(p);
      expect((await call<{ ok: boolean }>('openFile', p)).ok).toBe(true);
    }
    await call('openFile', paths[3]);
    const recent = await call<{ path: string; exists: boolean }[]>('getRecentFiles');
    expect(recent.length).toBe(MAX_RECENT_FILES);
    expect(recent[0]!.path).toBe(paths[3]);
    expect(recent[1]!.path).toBe(paths[11]);
    rmSync(paths[11]!);
    expect((await call<{ exists: boolean }[]>('getRecentFiles'))[1]!.exists).toBe(false);
  });

  it('a file that fails to open is not recorded', async () => {
    const call = host();
    writeFileSync(join(docsDir, 'bad.deal'), '{');
    const result = await call<{ ok: boolean; problems: { message: string }[] }>('openFile', join(docsDir, 'bad.deal'));
    expect(result.ok).toBe(false);
    expect(await call('getRecentFiles')).toEqual([]);
  });

  it('dropped text opens like a file, BOM and all', async () => {
    const result = await host()<{ ok: boolean; document: { path: null; fileName: string } }>('openBytes', 'dropped.deal', Buffer.from(`\uFEFF${exampleText}`).toString('base64'));
    expect(result.ok).toBe(true);
    expect(result.document).toMatchObject({ path: null, fileName: 'dropped.deal' });
  });

  it('dialogs answer through the port', async () => {
    const call = host([{ kind: 'chosen', path: '/tmp/a.deal' }, { kind: 'cancelled' }]);
    expect(await call('chooseOpenPath')).toEqual({ kind: 'chosen', path: '/tmp/a.deal' });
    expect(await call('chooseSavePath', 'Deal.deal')).toEqual({ kind: 'cancelled' });
  });

  it('validateDeal returns the problems the UI shows live', async () => {
    expect(await host()('validateDeal', deal)).toEqual([]);
    expect(await host()('validateDeal', { ...deal, currency: 'usd' })).toEqual([{ path: 'currency', message: 'must be an ISO 4217 code such as "USD"' }]);
  });
});

describe('settings file', () => {
  it('a corrupt settings file is set aside, not silently reset, and the user is told', () => {
    const first = openConfSettings(dataDir);
    first.addRecentFile('/tmp/one.deal');
    writeFileSync(join(dataDir, 'settings.json'), '{"recentFiles": ["/tmp/one.deal"');
    const second = openConfSettings(dataDir);
    expect(second.getRecentFiles()).toEqual([]);
    expect(second.notice).toMatch(/^Your settings file could not be read .*; it was kept as .*settings\.json\.corrupt-/);
    const aside = readdirSync(dataDir).filter((n) => n.startsWith('settings.json.corrupt-'));
    expect(aside.length).toBe(1);
    expect(readFileSync(join(dataDir, aside[0]!), 'utf8')).toBe('{"recentFiles": ["/tmp/one.deal"');
    second.addRecentFile('/tmp/two.deal');
    expect(openConfSettings(dataDir).getRecentFiles()).toEqual(['/tmp/two.deal']);
  });

  it('values of the wrong shape are ignored, window state is checked', () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ recentFiles: 'not a list', windowState: { width: 'wide' } }));
    const settings = openConfSettings(dataDir);
    expect(settings.getRecentFiles()).toEqual([]);
    expect(settings.getWindowState()).toBeUndefined();
    settings.setWindowState({ width: 1200, height: 800, maximized: true });
    expect(openConfSettings(dataDir).getWindowState()).toEqual({ width: 1200, height: 800, maximized: true });
  });
});
