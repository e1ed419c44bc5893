/**
 * The open portfolio in the store: the portfolio and its entries as read,
 * its edit history (undo/redo over every edit), the deals opened from its
 * rows and brought back with changes of their own (parked: valued in the
 * portfolio as edited, and offered back as they were when the row is opened
 * again), the valuation on screen, and how the table is sorted. "Dirty" is
 * "not the portfolio last saved", so undoing back to it is clean again.
 */
import type { StateCreator } from 'zustand';
import type { OpenedDocument } from '../../../shared/api';
import type { Deal } from '../../../shared/model/schema';
import type { OpenedPortfolio } from '../../../shared/portfolio/documents';
import type { Dealbook } from '../../../shared/portfolio/schema';
import type { PortfolioValuationResult } from '../../../shared/portfolio/valuation';
import type { AppState } from '../store/app-store';
import type { PortfolioEdit } from './portfolio-edits';
import type { SortColumn } from './sort-rows';

const HISTORY_LIMIT = 500;

/** A deal document opened from a row and left with changes the portfolio does not have on disk. */
export interface ParkedDeal {
  document: OpenedDocument;
  savedDeal: Deal | null;
  docKey: string;
  past: AppState['past'];
  future: AppState['future'];
}

export type { SortColumn };

export interface PortfolioValuationState {
  status: 'idle' | 'running' | 'done' | 'failed';
  runId: string | null;
  done: number;
  total: number;
  /** The figures on screen (kept while a new run goes, dimmed). */
  result: PortfolioValuationResult | null;
  /** Which deals the figures on screen are of, and which the run in flight values (portfolioMembers' key). */
  resultKey: string | null;
  /** The run the figures on screen came from (the brief prints them: the host keeps its result). */
  resultRunId: string | null;
  runningKey: string | null;
  error: string | null;
}

export interface PortfolioSlice {
  portfolio: OpenedPortfolio | null;
  portfolioKey: string | null;
  savedBook: Dealbook | null;
  portfolioPast: { label: string; book: Dealbook }[];
  portfolioFuture: { label: string; book: Dealbook }[];
  parked: Record<number, ParkedDeal>;
  /** The row whose deal the document window shows, when it was opened from the portfolio. */
  openedFrom: number | null;
  selectedPlace: number | null;
  sort: { column: SortColumn; descending: boolean } | null;
  portfolioValuation: PortfolioValuationState;
  loadPortfolio: (portfolio: OpenedPortfolio, saved: boolean, key?: string) => void;
  editPortfolio: <A>(edit: PortfolioEdit<A>, args: A) => boolean;
  undoPortfolio: () => void;
  redoPortfolio: () => void;
  setPortfolio: (change: Partial<OpenedPortfolio>) => void;
  markPortfolioSaved: (path: string, fileName: string, book: Dealbook) => void;
  closePortfolio: () => void;
  setParked: (place: number, parked: ParkedDeal | null) => void;
  setOpenedFrom: (place: number | null) => void;
  selectPlace: (place: number | null) => void;
  sortBy: (column: SortColumn) => void;
  setPortfolioValuation: (change: Partial<PortfolioValuationState>) => void;
}

const idleValuation: PortfolioValuationState = { status: 'idle', runId: null, done: 0, total: 0, result: null, resultKey: null, resultRunId: null, runningKey: null, error: null };

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `book-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const selectPortfolioDirty = (s: AppState): boolean => s.portfolio !== null && s.portfolio.book !== s.savedBook;
/** Places of the deals opened from the portfolio and left with unsaved changes. */
export function dirtyParked(parked: Record<number, ParkedDeal>): number[] {
  return Object.entries(parked)
    .filter(([, p]) => p.document.deal !== p.savedDeal)
    .map(([place]) => Number(place));
}
/** For reading the state once (not as a component's selector: it makes a new list each time). */
export const selectParkedDirty = (s: AppState): number[] => dirtyParked(s.parked);

export const createPortfolioSlice: StateCreator<AppState, [], [], PortfolioSlice> = (set, get) => ({
  portfolio: null,
  portfolioKey: null,
  savedBook: null,
  portfolioPast: [],
  portfolioFuture: [],
  parked: {},
  openedFrom: null,
  selectedPlace: null,
  sort: null,
  portfolioValuation: idleValuation,
  loadPortfolio: (portfolio, saved, key) =>
    set({
      portfolio,
      portfolioKey: key ?? newKey(),
      savedBook: saved ? portfolio.book : null,
      portfolioPast: [],
      portfolioFuture: [],
      parked: {},
      openedFrom: null,
      selectedPlace: null,
      portfolioValuation: idleValuation,
    }),
  editPortfolio: (edit, args) => {
    const { portfolio, portfolioPast } = get();
    if (!portfolio) return false;
    const next = edit.perform(portfolio.book, args);
    if (next === portfolio.book || JSON.stringify(next) === JSON.stringify(portfolio.book)) return false;
    set({
      portfolio: { ...portfolio, book: next },
      portfolioPast: [...portfolioPast, { label: edit.label, book: portfolio.book }].slice(-HISTORY_LIMIT),
      portfolioFuture: [],
      ...(get().notice?.untilEdit ? { notice: null } : {}),
    });
    return true;
  },
  undoPortfolio: () => {
    const { portfolio, portfolioPast, portfolioFuture } = get();
    const entry = portfolioPast.at(-1);
    if (!portfolio || !entry) return;
    set({ portfolio: { ...portfolio, book: entry.book }, portfolioPast: portfolioPast.slice(0, -1), portfolioFuture: [...portfolioFuture, { label: entry.label, book: portfolio.book }] });
  },
  redoPortfolio: () => {
    const { portfolio, portfolioPast, portfolioFuture } = get();
    const entry = portfolioFuture.at(-1);
    if (!portfolio || !entry) return;
    set({ portfolio: { ...portfolio, book: entry.book }, portfolioPast: [...portfolioPast, { label: entry.label, book: portfolio.book }], portfolioFuture: portfolioFuture.slice(0, -1) });
  },
  setPortfolio: (change) => {
    const { portfolio } = get();
    if (portfolio) set({ portfolio: { ...portfolio, ...change } });
  },
  markPortfolioSaved: (path, fileName, book) => {
    const { portfolio } = get();
    if (portfolio) set({ portfolio: { ...portfolio, path, fileName, originalPath: path }, savedBook: book });
  },
  closePortfolio: () =>
    set({ portfolio: null, portfolioKey: null, savedBook: null, portfolioPast: [], portfolioFuture: [], parked: {}, openedFrom: null, selectedPlace: null, portfolioValuation: idleValuation }),
  setParked: (place, parked) =>
    set((s) => {
      const next = { ...s.parked };
      if (parked) next[place] = parked;
      else delete next[place];
      return { parked: next };
    }),
  setOpenedFrom: (openedFrom) => set({ openedFrom }),
  selectPlace: (selectedPlace) => set({ selectedPlace }),
  sortBy: (column) =>
    set((s) => ({ sort: s.sort?.column === column ? { column, descending: !s.sort.descending } : { column, descending: column === 'mean' || column === 'pAboveWalkAway' || column === 'health' } })),
  setPortfolioValuation: (change) => set((s) => ({ portfolioValuation: { ...s.portfolioValuation, ...change } })),
});
