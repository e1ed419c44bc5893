/**
 * The open document and its edit history. Every change to the deal goes
 * through `edit(command, args)`, which records the previous deal so undo/redo
 * cover every edit. Deals are immutable values: "dirty" is simply "the deal
 * is not the one last saved", so undoing back to the saved state is clean again.
 */
import type { StateCreator } from 'zustand';
import type { OpenedDocument } from '../../../shared/api';
import type { Deal } from '../../../shared/model/schema';
import type { EditCommand } from '../commands/edit-command';
import type { AppState } from './app-store';

/** How many edits can be undone; older ones are forgotten. */
export const HISTORY_LIMIT = 500;

interface HistoryEntry {
  label: string;
  deal: Deal;
}

export interface DocumentSlice {
  document: OpenedDocument | null;
  /** Names this document's autosave in the recovery folder; kept across restore so the draft is replaced, not duplicated. */
  docKey: string | null;
  /** The deal as last saved or opened; null for a deal never saved anywhere. */
  savedDeal: Deal | null;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Runs a named edit on the open deal. Returns false when there is no document or nothing changed. */
  edit: <A>(command: EditCommand<A>, args: A) => boolean;
  undo: () => void;
  redo: () => void;
  /** Shows a freshly opened (or new) document; `saved` is false for a new deal or a restored draft. */
  loadDocument: (document: OpenedDocument, saved: boolean, docKey?: string) => void;
  /** After a successful save: the document now lives at `path` and is clean. */
  markSaved: (path: string | null, fileName: string, deal: Deal) => void;
  closeDocument: () => void;
}

function newDocKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `doc-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A notice about the document as it was ("Saved x.deal") goes once the document changes. */
function staleNotice(state: AppState): Partial<AppState> {
  return state.notice?.untilEdit ? { notice: null } : {};
}

export const selectDirty = (s: AppState): boolean => s.document !== null && s.document.deal !== s.savedDeal;
export const selectUndoLabel = (s: AppState): string | null => s.past.at(-1)?.label ?? null;
export const selectRedoLabel = (s: AppState): string | null => s.future.at(-1)?.label ?? null;

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => ({
  document: null,
  docKey: null,
  savedDeal: null,
  past: [],
  future: [],
  edit: (command, args) => {
    const { document, past } = get();
    if (!document) return false;
    const next = command.perform(document.deal, args);
    if (next === document.deal || JSON.stringify(next) === JSON.stringify(document.deal)) return false;
    set({
      document: { ...document, deal: next },
      past: [...past, { label: command.label, deal: document.deal }].slice(-HISTORY_LIMIT),
      future: [],
      ...staleNotice(get()),
    });
    return true;
  },
  undo: () => {
    const { document, past, future } = get();
    const entry = past.at(-1);
    if (!document || !entry) return;
    set({
      document: { ...document, deal: entry.deal },
      past: past.slice(0, -1),
      future: [...future, { label: entry.label, deal: document.deal }],
      ...staleNotice(get()),
    });
  },
  redo: () => {
    const { document, past, future } = get();
    const entry = future.at(-1);
    if (!document || !entry) return;
    set({
      document: { ...document, deal: entry.deal },
      past: [...past, { label: entry.label, deal: document.deal }],
      future: future.slice(0, -1),
      ...staleNotice(get()),
    });
  },
  loadDocument: (document, saved, docKey) => {
    set({ document, docKey: docKey ?? newDocKey(), savedDeal: saved ? document.deal : null, past: [], future: [] });
  },
  markSaved: (path, fileName, deal) => {
    const { document } = get();
    if (!document) return;
    set({ document: { ...document, path, fileName }, savedDeal: deal });
  },
  closeDocument: () => {
    set({ document: null, docKey: null, savedDeal: null, past: [], future: [] });
  },
});
