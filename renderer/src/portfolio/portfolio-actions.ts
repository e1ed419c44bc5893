/**
 * Opening, creating, saving and closing portfolios over MainApi, opening a
 * row's deal and coming back, adding a deal, and the exports (the brief in
 * Word, the table as CSV). Like a deal's file actions: nothing unsaved is
 * thrown away without asking, a failed open shows the validator's messages,
 * a failed save leaves the portfolio dirty with the host's problems shown.
 */
import type { DialogChoice, Problem } from '../../../shared/api';
import { tableToCsv, exportFileName } from '../../../shared/charts/chart-table';
import type { PortfolioOpenResult } from '../../../shared/portfolio/documents';
import { DEALBOOK_FORMAT, DEALBOOK_VERSION, type Dealbook } from '../../../shared/portfolio/schema';
import { portfolioCsvTable, portfolioRows } from '../../../shared/portfolio/table';
import { mainApi } from '../api/main-api';
import { autosaveNow, guardUnsaved } from '../documents/file-actions';
import { downloadText } from '../results/download';
import { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/document-slice';
import { portfolioEdits } from './portfolio-edits';
import { selectParkedDirty, selectPortfolioDirty } from './portfolio-slice';
import { refreshPortfolio, valuePortfolio } from './portfolio-valuation';

const store = () => useAppStore.getState();
const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));
const lines = (problems: Problem[]) => problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

async function attempt(what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    store().notify({ tone: 'error', text: `${what} failed: ${describe(err)}` });
  }
}

/** Runs `then` once nothing unsaved would be lost: the deal on screen, the portfolio, and deals brought back from its rows. */
export function guardPortfolio(then: () => void): void {
  guardUnsaved(() => {
    const s = store();
    if (!selectPortfolioDirty(s) && selectParkedDirty(s).length === 0) then();
    else s.openDialog({ kind: 'portfolio-unsaved', then });
  });
}

/** Shows an opened portfolio (any deal on screen is closed first) and values it, or the reasons it could not be opened. */
export function showPortfolio(result: PortfolioOpenResult, options: { saved?: boolean; key?: string } = {}): boolean {
  const s = store();
  if (!result.ok) {
    s.setOpenFailure({ fileName: result.fileName, problems: result.problems });
    return false;
  }
  if (s.docKey && !selectDirty(s)) void mainApi().discardRecovered(s.docKey).catch(() => undefined);
  s.closeDocument();
  s.loadPortfolio(result.portfolio, options.saved ?? true, options.key);
  s.setOpenFailure(null);
  s.notify(null);
  void valuePortfolio(true);
  return true;
}

export function openPortfolioPath(path: string): Promise<void> {
  return attempt('Opening the portfolio', async () => {
    const result = await mainApi().openPortfolio(path);
    guardPortfolio(() => showPortfolio(result));
  });
}

export function openExamplePortfolio(id: string): void {
  guardPortfolio(() => void attempt('Opening the example portfolio', async () => void showPortfolio(await mainApi().openExamplePortfolio(id))));
}

/** A dropped .dealbook, with the other files dropped with it as its deals. */
export function openDroppedPortfolio(file: { name: string; base64: string }, companions: { name: string; base64: string }[]): void {
  guardPortfolio(() =>
    void attempt('Opening the dropped portfolio', async () => {
      // Like a dropped deal: nothing changed yet, and Save asks where (it has no path).
      showPortfolio(await mainApi().openPortfolioBytes(file.name, file.base64, companions.map((c) => ({ name: c.name, bytes: c.base64 }))));
    }),
  );
}

export async function restorePortfolio(docKey: string): Promise<void> {
  await attempt('Restoring the portfolio', async () => {
    showPortfolio(await mainApi().restorePortfolio(docKey), { saved: false, key: docKey });
  });
}

/** A new portfolio lives in a folder from the start (its deals are named relative to it): Save As first. */
export function newPortfolio(): void {
  guardPortfolio(() =>
    void attempt('Creating a portfolio', async () => {
      const choice = await mainApi().choosePortfolioSavePath('Partnerships.dealbook');
      await onSavePath(choice, 'new-portfolio', 'Partnerships.dealbook');
    }),
  );
}

async function onSavePath(choice: DialogChoice, purpose: 'new-portfolio' | 'save-portfolio', suggestedName: string): Promise<boolean> {
  if (choice.kind === 'chosen') return purpose === 'new-portfolio' ? createPortfolioAt(choice.path) : savePortfolioTo(choice.path);
  if (choice.kind === 'in-app') store().openDialog({ kind: 'path', purpose, defaultDir: choice.defaultDir, suggestedName });
  return false;
}

export async function createPortfolioAt(path: string): Promise<boolean> {
  const name = baseName(path.replace(/\\/g, '/')).replace(/\.dealbook$/i, '');
  const book: Dealbook = { format: DEALBOOK_FORMAT, version: DEALBOOK_VERSION, title: name || 'Partnerships', currency: 'USD', unit: 'million', deals: [] };
  let created = false;
  await attempt('Creating the portfolio', async () => {
    const result = await mainApi().savePortfolio({ path, book });
    if (!result.ok) {
      store().notify({ tone: 'error', text: 'The portfolio was not created.', details: lines(result.problems) });
      return;
    }
    created = showPortfolio({ ok: true, portfolio: { path: result.path, fileName: result.fileName, book, originalPath: result.path, entries: [] } });
    store().notify({ tone: 'info', text: `Created ${result.fileName}. Add the deals of its folder with Add deal….` });
  });
  return created;
}

export function savePortfolioTo(path: string): Promise<boolean> {
  const s = store();
  const portfolio = s.portfolio;
  if (!portfolio) return Promise.resolve(false);
  const book = portfolio.book;
  let saved = false;
  return attempt('Saving the portfolio', async () => {
    const result = await mainApi().savePortfolio({ path, book, originalPath: portfolio.originalPath, docKey: s.portfolioKey ?? undefined });
    if (!result.ok) {
      store().notify({ tone: 'error', text: `${portfolio.fileName} was not saved.`, details: lines(result.problems) });
      return;
    }
    store().markPortfolioSaved(result.path, result.fileName, book);
    store().setPortfolio({ entries: result.entries });
    const copied = result.copied.length ? ` Its ${result.copied.length} deal file${result.copied.length === 1 ? ' was' : 's were'} copied beside it.` : '';
    store().notify({ tone: 'info', text: `Saved ${result.fileName}.${copied}`, untilEdit: true });
    saved = true;
    void valuePortfolio();
  }).then(() => saved);
}

export function savePortfolioAs(): Promise<boolean> {
  const portfolio = store().portfolio;
  if (!portfolio) return Promise.resolve(false);
  let saved = false;
  return attempt('Save As', async () => {
    const suggested = /\.dealbook$/i.test(portfolio.fileName) ? portfolio.fileName : `${portfolio.fileName}.dealbook`;
    saved = await onSavePath(await mainApi().choosePortfolioSavePath(suggested, portfolio.path ?? undefined), 'save-portfolio', suggested);
  }).then(() => saved);
}

export function savePortfolio(): Promise<boolean> {
  const portfolio = store().portfolio;
  if (!portfolio) return Promise.resolve(false);
  return portfolio.path ? savePortfolioTo(portfolio.path) : savePortfolioAs();
}

/** Closes the portfolio once nothing unsaved would be lost; its autosave goes with it. */
export function closePortfolio(): void {
  guardPortfolio(() => {
    const s = store();
    for (const key of [s.portfolioKey, ...Object.values(s.parked).map((p) => p.docKey)]) if (key) void mainApi().discardRecovered(key).catch(() => undefined);
    s.closePortfolio();
    s.notify(null);
  });
}

export function autosavePortfolioNow(): Promise<void> {
  const s = store();
  const portfolio = s.portfolio;
  if (!portfolio || !s.portfolioKey || !selectPortfolioDirty(s)) return Promise.resolve();
  return mainApi()
    .autosave({ docKey: s.portfolioKey, fileName: portfolio.fileName, path: portfolio.path, deal: portfolio.book, originalPath: portfolio.originalPath })
    .then(() => undefined)
    .catch((err: unknown) => store().notify({ tone: 'error', text: `Autosave of the portfolio failed: ${describe(err)}` }));
}

/** Opens a row's deal in the document window (as it was left, when it was brought back with changes). */
export function openRow(place: number): void {
  const s = store();
  const entry = s.portfolio?.entries.find((e) => e.place === place);
  const parked = s.parked[place];
  if (parked) {
    useAppStore.setState({ document: parked.document, savedDeal: parked.savedDeal, docKey: parked.docKey, past: parked.past, future: parked.future });
  } else if (entry?.deal) {
    s.loadDocument({ path: entry.path, fileName: baseName(entry.file), deal: entry.deal, migrated: false, originalPath: entry.originalPath }, true);
  } else {
    s.notify({ tone: 'error', text: `${entry?.file ?? 'This deal'} cannot be opened.`, details: lines(entry?.problems ?? []) });
    return;
  }
  s.setOpenedFrom(place);
  s.selectPlace(place);
  s.showSection('overview');
  s.notify(null);
}

/**
 * Back from a row's deal: a deal left with changes the portfolio's file does not have (unsaved, or saved
 * elsewhere) is parked and valued as edited; the deals are read again and the portfolio valued again if
 * anything changed.
 */
export function backToPortfolio(): void {
  const s = store();
  const place = s.openedFrom;
  const doc = s.document;
  if (place === null || !doc) return;
  const entry = s.portfolio?.entries.find((e) => e.place === place);
  if (selectDirty(s) || doc.path !== (entry?.path ?? null)) {
    void autosaveNow();
    s.setParked(place, { document: doc, savedDeal: s.savedDeal, docKey: s.docKey ?? '', past: s.past, future: s.future });
  } else {
    s.setParked(place, null);
  }
  s.closeDocument();
  s.setOpenedFrom(null);
  s.notify(null);
  void refreshPortfolio();
}

/** Add deal…: a .deal file in the portfolio's folder (or below), chosen in a dialog. */
export function addDeal(): void {
  const portfolio = store().portfolio;
  const anchor = portfolio?.path ?? null;
  if (!portfolio || !anchor) {
    store().notify({ tone: 'error', text: 'Save the portfolio first: its deals are named relative to its folder.' });
    return;
  }
  void attempt('Adding a deal', async () => {
    const choice = await mainApi().chooseOpenPath();
    if (choice.kind === 'chosen') await addDealAt(choice.path);
    else if (choice.kind === 'in-app') store().openDialog({ kind: 'path', purpose: 'add-deal', defaultDir: anchor.slice(0, Math.max(anchor.lastIndexOf('/'), anchor.lastIndexOf('\\'))), suggestedName: '' });
  });
}

export async function addDealAt(path: string): Promise<void> {
  const s = store();
  const anchor = s.portfolio?.path;
  if (!anchor) return;
  await attempt('Adding the deal', async () => {
    const chosen = await mainApi().portfolioEntryFor(anchor, path);
    if (!chosen.ok) {
      store().notify({ tone: 'error', text: 'That deal cannot join this portfolio.', details: lines(chosen.problems) });
      return;
    }
    const { deal, file } = chosen;
    store().editPortfolio(portfolioEdits.addDeal, { entry: { file, party: deal.us, stage: 'identified' }, money: { currency: deal.currency, unit: deal.unit } });
    await refreshPortfolio();
  });
}

/** The table as CSV, downloaded by the page (cells a spreadsheet would run as formulas are neutralised). */
export function exportPortfolioCsv(): void {
  const s = store();
  if (!s.portfolio) return;
  const rows = portfolioRows(s.portfolio.book, s.portfolio.entries, s.portfolioValuation.result);
  downloadText(tableToCsv(portfolioCsvTable(s.portfolio.book, rows)), exportFileName(s.portfolio.book.title, 'csv'));
}

/** The brief in Word: where to write it, then the host writes it from the valuation on screen. */
export function exportPortfolioBrief(): void {
  const s = store();
  const portfolio = s.portfolio;
  if (!portfolio) return;
  if (!s.portfolioValuation.result) {
    s.notify({ tone: 'error', text: 'Value the portfolio first: the brief prints the figures on screen.' });
    return;
  }
  const name = `${exportFileName(portfolio.book.title, 'csv').replace(/\.csv$/, '')}-brief.docx`;
  void attempt('Exporting the brief', async () => {
    const choice = await mainApi().chooseExportPath(name, portfolio.path ?? undefined);
    if (choice.kind === 'chosen') await writeBriefTo(choice.path);
    else if (choice.kind === 'in-app') store().openDialog({ kind: 'path', purpose: 'portfolio-brief', defaultDir: choice.defaultDir, suggestedName: name });
  });
}

export async function writeBriefTo(outPath: string): Promise<void> {
  const s = store();
  const portfolio = s.portfolio;
  const runId = s.portfolioValuation.result ? s.portfolioValuation.resultRunId : null;
  if (!portfolio || !runId) return;
  const rows = portfolioRows(portfolio.book, portfolio.entries, s.portfolioValuation.result);
  const notValued = rows.filter((r) => r.problems.length > 0).map((r) => ({ place: r.place, problems: r.problems.slice(0, 50) }));
  await attempt('Exporting the brief', async () => {
    const result = await mainApi().exportPortfolioBrief({ runId, book: portfolio.book, fileName: portfolio.fileName, paper: 'A4', outPath, notValued });
    if (!result.ok) store().notify({ tone: 'error', text: 'The brief was not written.', details: lines(result.problems) });
    else store().notify({ tone: 'info', text: `Wrote ${result.path}.` });
  });
}
