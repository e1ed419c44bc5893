/**
 * Opening, saving and closing documents over MainApi. Every path that would
 * throw away unsaved work goes through `guardUnsaved` first, which asks. A
 * file that fails to open shows the validator's messages; a failed save shows
 * the host's problems and leaves the document dirty.
 */
import { formatProblems } from '../../../shared/problems';
import type { OpenResult } from '../../../shared/api';
import { fileTooBig } from '../../../shared/model/parse';
import { LIMITS, type Deal } from '../../../shared/model/schema';
import { mainApi } from '../api/main-api';
import { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/document-slice';
import { returnedFromDeal } from '../portfolio/portfolio-valuation';

const store = () => useAppStore.getState();

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}


/** Runs `then` now if nothing is unsaved, else after the user chose Save / Don't save in the dialog. */
export function guardUnsaved(then: () => void): void {
  if (selectDirty(store())) store().openDialog({ kind: 'unsaved', then });
  else then();
}

/** Shows an OpenResult: the document, or the validator's messages where the user looks. */
export function showOpenResult(result: OpenResult, options: { saved?: boolean; docKey?: string } = {}): boolean {
  const s = store();
  if (result.ok) {
    s.loadDocument(result.document, options.saved ?? true, options.docKey);
    s.setOpenFailure(null);
    s.notify(result.document.migrated ? { tone: 'info', text: `${result.document.fileName} was made by an older version and has been updated; saving writes the new format and keeps a .bak of the original.` } : null);
    s.showSection('overview');
    return true;
  }
  s.setOpenFailure({ fileName: result.fileName, problems: result.problems });
  return false;
}

async function attempt(what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    store().notify({ tone: 'error', text: `${what} failed: ${describe(err)}` });
  }
}

export function openExample(id: string): Promise<void> {
  return attempt('Opening the example', async () => {
    showOpenResult(await mainApi().openExample(id));
  });
}

export function openPath(path: string): Promise<void> {
  return attempt('Opening the file', async () => {
    showOpenResult(await mainApi().openFile(path));
  });
}

/**
 * Drag-and-drop: the size is checked before anything is read (a 20 MB file is
 * refused here, in the page), then the bytes go to the host, which decodes and
 * checks them like any file it opens (binary, UTF-16, …).
 */
export function openDroppedFile(file: File): void {
  guardUnsaved(() => {
    if (file.size > LIMITS.maxFileBytes) {
      showOpenResult({ ok: false, fileName: file.name, problems: [fileTooBig(file.size)] });
      return;
    }
    void attempt('Opening the dropped file', async () => {
      showOpenResult(await mainApi().openBytes(file.name, toBase64(new Uint8Array(await file.arrayBuffer()))));
    });
  });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and a call has only so many.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function chooseAndOpen(): void {
  guardUnsaved(() => {
    void attempt('Opening a file', async () => {
      const choice = await mainApi().chooseOpenPath();
      if (choice.kind === 'chosen') await openPath(choice.path);
      else if (choice.kind === 'in-app') store().openDialog({ kind: 'path', purpose: 'open', defaultDir: choice.defaultDir, suggestedName: '' });
    });
  });
}

/** Writes the deal to `path`; on success the document is clean and lives there. */
export function saveTo(path: string): Promise<boolean> {
  const s = store();
  const doc = s.document;
  if (!doc) return Promise.resolve(false);
  const deal: Deal = doc.deal;
  let saved = false;
  return attempt('Saving', async () => {
    const result = await mainApi().saveFile({ path, deal, originalPath: doc.originalPath ?? undefined, docKey: s.docKey ?? undefined });
    if (!result.ok) {
      store().notify({ tone: 'error', text: `${doc.fileName} was not saved: fix these first.`, details: formatProblems(result.problems) });
      return;
    }
    store().markSaved(result.path, result.fileName, deal);
    store().notify({ tone: 'info', text: `Saved ${result.fileName}.`, untilEdit: true });
    saved = true;
  }).then(() => saved);
}

export function saveAs(): Promise<boolean> {
  const doc = store().document;
  if (!doc) return Promise.resolve(false);
  let saved = false;
  return attempt('Save As', async () => {
    const suggested = doc.fileName.endsWith('.deal') ? doc.fileName : `${doc.fileName}.deal`;
    // The dialog starts in the folder of the document's own file, if it has one.
    const choice = await mainApi().chooseSavePath(suggested, doc.path ?? undefined);
    if (choice.kind === 'chosen') saved = await saveTo(choice.path);
    else if (choice.kind === 'in-app') store().openDialog({ kind: 'path', purpose: 'save', defaultDir: choice.defaultDir, suggestedName: suggested });
  }).then(() => saved);
}

/** Save in place when the document has a file of its own; otherwise Save As. */
export function save(): Promise<boolean> {
  const doc = store().document;
  if (!doc) return Promise.resolve(false);
  return doc.path ? saveTo(doc.path) : saveAs();
}

/**
 * "Don't save": the changes are given up, so is their recovery copy (it would
 * otherwise come back at the next start as "Recover unsaved work").
 */
export function discardChanges(): void {
  const s = store();
  discarded = s.document?.deal ?? null;
  if (s.docKey) void mainApi().discardRecovered(s.docKey).catch(() => undefined);
}

/** The deal the user chose not to save: not autosaved again while it is still the one on screen. */
let discarded: Deal | null = null;

export function closeDocument(): void {
  guardUnsaved(() => {
    const s = store();
    // A closed document's draft is no longer needed once the user chose to close it.
    const key = s.docKey;
    if (key) void mainApi().discardRecovered(key).catch(() => undefined);
    s.closeDocument();
    s.notify(null);
    // A deal opened from a portfolio's row: the portfolio is shown again, its row from its file.
    returnedFromDeal();
  });
}

export function autosaveNow(): Promise<void> {
  const s = store();
  const doc = s.document;
  if (!doc || !s.docKey || !selectDirty(s) || doc.deal === discarded) return Promise.resolve();
  return mainApi()
    .autosave({ docKey: s.docKey, fileName: doc.fileName, path: doc.path, deal: doc.deal })
    .then(() => undefined)
    .catch((err: unknown) => store().notify({ tone: 'error', text: `Autosave failed: ${describe(err)}` }));
}

export async function restoreRecovered(docKey: string): Promise<void> {
  await attempt('Restoring', async () => {
    const result = await mainApi().restoreRecovered(docKey);
    // A restored draft is unsaved work: dirty until saved, and it keeps its recovery key.
    showOpenResult(result, { saved: false, docKey });
  });
}
