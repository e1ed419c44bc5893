/**
 * Where the negotiator is in the document window: the section shown, the
 * selected term, which dialog is open, the last notice,
 * and a request to focus the field at a deal path (from the problems list).
 * None of this is saved in the deal or undone by undo.
 */
import type { StateCreator } from 'zustand';
import type { Problem } from '../../../shared/api';
import type { AppState } from './app-store';

export { SECTIONS, SECTION_LABELS, type SectionId } from '../../../shared/commands';
import type { SectionId } from '../../../shared/commands';

/** What an in-page path dialog is for: a deal's open and save, and the portfolio's. */
export type PathPurpose = 'open' | 'save' | 'new-portfolio' | 'save-portfolio' | 'add-deal' | 'portfolio-brief';

export type Dialog =
  | { kind: 'new-deal' }
  /** The export dialog; `redline` opens it on "Compare with…" (another scenario or file). */
  | { kind: 'export'; mode?: 'termSheet' | 'redline' }
  | { kind: 'path'; purpose: PathPurpose; defaultDir: string; suggestedName: string }
  /** Closing or replacing a portfolio whose own edits, or deals brought back from its rows, are unsaved. */
  | { kind: 'portfolio-unsaved'; then: () => void }
  /** Unsaved changes: `then` is what to do once the user has chosen (close, open another file, start a new deal). */
  | { kind: 'unsaved'; then: () => void }
  /** Every command by name, to run one by typing (Ctrl+Shift+P). */
  | { kind: 'palette' }
  /** The app's name, version and where it runs (Help > About). */
  | { kind: 'about' };

export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** Problems behind an error, shown as a list under the text. */
  details?: string[];
  /** True for news about the document as it was ("Saved x.deal"): the next edit makes it stale, so it goes. */
  untilEdit?: boolean;
}

export interface UiSlice {
  section: SectionId;
  selectedTermId: string | null;
  dialog: Dialog | null;
  notice: Notice | null;
  /** A file that failed to open, with the validator's messages; shown until the next open. */
  openFailure: { fileName: string; problems: Problem[] } | null;
  /** Bumped nonce so asking twice for the same path still moves focus. */
  focusRequest: { path: string; nonce: number } | null;
  showSection: (section: SectionId) => void;
  selectTerm: (id: string | null) => void;
  openDialog: (dialog: Dialog) => void;
  closeDialog: () => void;
  notify: (notice: Notice | null) => void;
  setOpenFailure: (failure: { fileName: string; problems: Problem[] } | null) => void;
  requestFocus: (path: string) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  section: 'overview',
  selectedTermId: null,
  dialog: null,
  notice: null,
  openFailure: null,
  focusRequest: null,
  showSection: (section) => set({ section }),
  selectTerm: (selectedTermId) => set({ selectedTermId }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  notify: (notice) => set({ notice }),
  setOpenFailure: (openFailure) => set({ openFailure }),
  requestFocus: (path) => set((s) => ({ focusRequest: { path, nonce: (s.focusRequest?.nonce ?? 0) + 1 } })),
});
