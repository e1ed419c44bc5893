/**
 * The portfolio methods of MainApi through the real dispatcher, handlers,
 * path policy and runner (in process, crossing the message boundary): a
 * portfolio is read only where the user may read, its deal files become
 * openable and savable once it is open (and only they), a deal changed on
 * disk gets a new stamp, valuing pushes progress and a result in which a
 * deal that does not validate fails its own row only, the brief is written
 * from a finished run, an autosave comes back as a portfolio with its deals,
 * and the table's CSV neutralises what a spreadsheet would run.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, MainEvents } from '../../../shared/api';
import { tableToCsv } from '../../../shared/charts/chart-table';
import type { OpenedPortfolio, PortfolioSaveResult } from '../../../shared/portfolio/documents';
import type { PortfolioEntryState } from '../../../shared/portfolio/entries';
import { portfolioCsvTable, portfolioRows } from '../../../shared/portfolio/table';
import type { PortfolioValuationResult } from '../../../shared/portfolio/valuation';
import { scriptedDialogs } from '../../../host/documents/dialog-port';
import { createHostHandlers } from '../../../host/host-handlers';
import { createDispatcher } from '../../../host/rpc/dispatcher';
import { createInProcessRunner } from '../../../host/valuation/in-process';

const root = resolve(import.meta.dirname, '..', '..', '..');
const examples = join(root, 'resources', 'examples');
let base = '';
let docs = '';
let outside = '';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'dealwright-portfolio-api-'));
  docs = join(base, 'docs');
  outside = join(base, 'outside');
  mkdirSync(join(docs, 'book'), { recursive: true });
  mkdirSync(outside);
  copyFileSync(join(examples, 'meridian-partnerships.dealbook'), join(docs, 'book', 'book.dealbook'));
  copyFileSync(join(examples, 'pharma-licence.deal'), join(docs, 'book', 'pharma-licence.deal'));
  cpSync(join(examples, 'portfolio'), join(docs, 'book', 'portfolio'), { recursive: true });
  copyFileSync(join(examples, 'meridian-partnerships.dealbook'), join(outside, 'book.dealbook'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

type Event = { name: keyof MainEvents; payload: unknown };

function api() {
  const events: Event[] = [];
  const runner = createInProcessRunner({ serialize: true });
  const dataDir = join(base, `data-${Math.random()}`);
  const dispatch = createDispatcher(
    createHostHandlers({
      resourcesDir: join(root, 'resources'),
      appVersion: '0.0.0-test',
      host: 'web',
      documentsRoot: docs,
      documents: { dataDir, dialogs: scriptedDialogs([]) },
      valuationRunner: () => runner,
    }),
  );
  const ctx = { emit: <E extends keyof MainEvents>(name: E, payload: MainEvents[E]) => void events.push({ name, payload }) };
  const call = async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const envelope = (await dispatch(method, args, ctx)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value;
  };
  /** The result event of a run, once it arrives. */
  const result = async (runId: string) => {
    for (let i = 0; i < 600; i++) {
      const done = events.find((e) => e.name === 'portfolio:result' && (e.payload as { runId: string }).runId === runId);
      if (done) return done.payload as { result?: PortfolioValuationResult; error?: unknown };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no result');
  };
  return { call, events, result };
}

const bookPath = () => join(docs, 'book', 'book.dealbook');
type Opened = { ok: true; portfolio: OpenedPortfolio } | { ok: false; problems: { path: string; message: string }[] };

describe('portfolio methods', () => {
  it('reads a portfolio only where the user may, and makes its deals openable and savable', async () => {
    const { call } = api();
    expect(await call<Opened>('openPortfolio', join(outside, 'book.dealbook'))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/outside the documents folder/) }] });
    await expect(call('reloadPortfolioDeals', join(outside, 'book.dealbook'), JSON.parse(readFileSync(bookPath(), 'utf8')))).rejects.toThrow(/cannot be read again/);
    const opened = await call<Opened>('openPortfolio', bookPath());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    // Recent files list portfolios too.
    expect(await call<{ path: string; exists: boolean }[]>('getRecentFiles')).toContainEqual({ path: bookPath(), fileName: 'book.dealbook', exists: true });
    const entry = opened.portfolio.entries[1]!;
    expect(entry.path).toBe(join(docs, 'book', 'portfolio', 'diagnostics-alliance.deal'));
    // The row's deal opens, and saves in place (its path came from the portfolio).
    expect(await call('openFile', entry.path)).toMatchObject({ ok: true, document: { fileName: 'diagnostics-alliance.deal' } });
    const saved = await call<{ ok: boolean }>('saveFile', { path: entry.path, deal: { ...entry.deal, title: 'Corvid alliance, renamed' } });
    expect(saved.ok).toBe(true);
    // Changed on disk: read again, the entry has a new stamp and the new deal.
    const again = await call<PortfolioEntryState[]>('reloadPortfolioDeals', bookPath(), opened.portfolio.book);
    expect(again[1]!.stamp).not.toBe(entry.stamp);
    expect(again[1]!.deal!.title).toBe('Corvid alliance, renamed');
    expect(again[0]!.stamp).toBe(opened.portfolio.entries[0]!.stamp);
    // A deal picked to join must be in the folder.
    expect(await call('portfolioEntryFor', bookPath(), join(outside, 'book.dealbook'))).toMatchObject({ ok: false });
    expect(await call('portfolioEntryFor', bookPath(), join(docs, 'book', 'portfolio', 'grid-offtake.deal'))).toMatchObject({ ok: true, file: 'portfolio/grid-offtake.deal' });
  });

  it('values on the pool with progress; a deal that does not validate fails its own row; the brief is written from the finished run', async () => {
    const { call, events, result } = api();
    const opened = await call<Opened>('openPortfolio', bookPath());
    if (!opened.ok) throw new Error('not opened');
    const { book, entries } = opened.portfolio;
    const members = entries.map((e) => ({ deal: e.deal, party: book.deals[e.place]!.party, position: book.deals[e.place]!.position, place: e.place }));
    // A deal the renderer might send broken: it fails its own row, not the run.
    const broken: unknown = { ...members[3]!.deal, unit: 'gazillion' };
    members[3] = { ...members[3]!, deal: broken as (typeof members)[number]['deal'] };
    const { runId } = await call<{ runId: string }>('startPortfolioValuation', { members, iterations: 6000 });
    const done = await result(runId);
    const valued = done.result!;
    expect(valued.members.map((m) => m.ok)).toEqual([true, true, true, false, true]);
    expect(valued.members[3]).toMatchObject({ ok: false, problems: [{ path: 'unit' }] });
    expect(valued.total!.deals).toBe(4);
    expect(events.some((e) => e.name === 'portfolio:progress' && (e.payload as { runId: string }).runId === runId)).toBe(true);

    const out = join(docs, 'brief.docx');
    expect(await call('exportPortfolioBrief', { runId: 'run-999999', book, fileName: 'book.dealbook', paper: 'A4', outPath: out })).toMatchObject({ ok: false, problems: [{ path: 'runId' }] });
    expect(await call('exportPortfolioBrief', { runId, book, fileName: 'book.dealbook', paper: 'A4', outPath: join(outside, 'brief.docx') })).toMatchObject({ ok: false, problems: [{ path: 'outPath' }] });
    const written = await call('exportPortfolioBrief', { runId, book, fileName: 'book.dealbook', paper: 'Letter', outPath: out, notValued: [{ place: 3, problems: ['unit: must be one of …'] }] });
    expect(written).toEqual({ ok: true, path: out });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('saves where it may (taking the deals along), never outside, and restores an autosave as a portfolio with its deals', async () => {
    const { call } = api();
    const opened = await call<Opened>('openExamplePortfolio', 'meridian-partnerships');
    if (!opened.ok) throw new Error('not opened');
    const { book, originalPath } = opened.portfolio;
    expect(await call<PortfolioSaveResult>('savePortfolio', { path: join(outside, 'x.dealbook'), book, originalPath })).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/outside the documents folder/) }] });
    expect(await call<PortfolioSaveResult>('savePortfolio', { path: join(docs, 'x.deal'), book, originalPath })).toMatchObject({ ok: false, problems: [{ message: 'the file name must end in .dealbook' }] });
    mkdirSync(join(docs, 'copy'));
    const saved = await call<PortfolioSaveResult>('savePortfolio', { path: join(docs, 'copy', 'mine.dealbook'), book, originalPath });
    expect(saved).toMatchObject({ ok: true, fileName: 'mine.dealbook' });
    expect(existsSync(join(docs, 'copy', 'portfolio', 'diagnostics-alliance.deal'))).toBe(true);

    const edited = { ...book, title: 'Meridian, unsaved' };
    await call('autosave', { docKey: 'book-1', fileName: 'mine.dealbook', path: join(docs, 'copy', 'mine.dealbook'), deal: edited });
    await call('autosave', { docKey: 'book-2', fileName: 'meridian-partnerships.dealbook', path: null, deal: edited, originalPath });
    const list = await call<{ documents: { docKey: string; kind: string }[] }>('listRecovered');
    expect(list.documents.map((d) => [d.docKey, d.kind]).sort()).toEqual([
      ['book-1', 'portfolio'],
      ['book-2', 'portfolio'],
    ]);
    for (const key of ['book-1', 'book-2']) {
      const restored = await call<Opened>('restorePortfolio', key);
      expect(restored.ok).toBe(true);
      if (restored.ok) {
        expect(restored.portfolio.book.title).toBe('Meridian, unsaved');
        expect(restored.portfolio.entries.every((e) => e.deal !== null)).toBe(true);
      }
    }
  });

  it('neutralises CSV cells a spreadsheet would run as formulas, and keeps numbers exact', () => {
    const book = JSON.parse(readFileSync(join(examples, 'meridian-partnerships.dealbook'), 'utf8'));
    book.deals[0].owner = '=HYPERLINK("http://evil","click")';
    book.deals[1].owner = '+1+1';
    book.deals[2].owner = '-2';
    book.deals[3].owner = '@SUM(A1)';
    const entries: PortfolioEntryState[] = book.deals.map((d: { file: string }, place: number) => ({ place, file: d.file, path: null, deal: null, stamp: null, problems: [] }));
    const csv = tableToCsv(portfolioCsvTable(book, portfolioRows(book, entries, null)));
    const lines = csv.split('\r\n');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(lines[2]).toContain(",'+1+1,");
    expect(lines[3]).toContain(",'-2,");
    expect(lines[4]).toContain(",'@SUM(A1),");
    for (const line of lines.slice(1, -1)) expect(line.split(',').some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });
});
