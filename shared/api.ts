/**
 * The MainApi contract: every request/response and every pushed event that
 * crosses a process boundary, typed once.
 *
 * Three front doors implement it: the Electron preload (ipcRenderer.invoke),
 * the web host bridge (a WebSocket) and, on the other side, the host handlers
 * that both dispatch to. Channel names are the keys of `apiArgs`; nobody types
 * them again by hand.
 *
 * Arguments are validated at the receiving end with the zod schemas of
 * api-args.ts, so a malformed call gets a clear error instead of reaching a
 * service; this module holds types, names and the client alone, so the
 * preload and the web bridge carry no validator. `createApiClient` is the
 * one client both front doors build `window.dealwright` with, over their
 * own transport.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from './problems';
import type { Deal } from './model/schema';
import type { Problem } from './problems';
import type { Skeleton } from './termsheet/skeleton';
import type { InputSample, SensitivityResult, SolveResult, ValuationResult } from './engine/results';
import type { SweepResult } from './engine/sweep';
import type { NegotiationResult } from './engine/negotiation';
import type { TradesResult } from './engine/exchange-rates';
import type { FrontierResult } from './engine/frontier';
import type { apiArgs, RedlineAgainst, StandardSectionsKind } from './api-args';
import type * as z from 'zod';
import type { PortfolioEntryState } from './portfolio/entries';
import type { PortfolioEntryChoice, PortfolioOpenResult, PortfolioSaveResult } from './portfolio/documents';
import type { PortfolioValuationResult } from './portfolio/valuation';

export type { RedlineAgainst, StandardSectionsKind };

export type { Problem } from './problems';

export interface AppInfo {
  name: string;
  version: string;
  /** Which front door serves this window; the renderer may show it, never branch on it for logic. */
  host: 'electron' | 'web';
  platform: string;
}

export interface ExampleSummary {
  id: string;
  title: string;
  description: string;
  fileName: string;
  /** An example deal (openExample) or portfolio (openExamplePortfolio). */
  kind: 'deal' | 'portfolio';
}

/** A document as the renderer holds it: the deal plus where it lives. */
export interface OpenedDocument {
  /** Absolute path, or null for an example or a new, never-saved deal. */
  path: string | null;
  fileName: string;
  deal: Deal;
  /** True when the file was migrated from an older version on open. */
  migrated: boolean;
  /**
   * The file this document was read from (for an example, the example file; for a
   * restored autosave, the document's own file). Pass it back as saveFile's
   * originalPath so the saved file keeps its layout (clean diffs) and, when
   * migrated, a .bak of the original is kept.
   */
  originalPath?: string | undefined;
}

export type OpenResult =
  | { ok: true; document: OpenedDocument }
  | { ok: false; fileName: string; problems: Problem[] };


// ---- Documents: open, save, recovery, recent files (host/documents, host/settings) ----

/** Where the user wants a file to go, or how the renderer should ask for it. */
export type DialogChoice =
  | { kind: 'chosen'; path: string }
  | { kind: 'cancelled' }
  /**
   * No native dialog here (web host): the renderer asks for a path itself, starting from defaultDir,
   * browsing with listFolder inside `root` (the documents folder), the only place the host reads and writes.
   */
  | { kind: 'in-app'; defaultDir: string; root: string };

/** One entry of a folder shown by an in-page file dialog. */
export interface FolderEntry {
  name: string;
  kind: 'folder' | 'file';
}

/** A folder inside the documents root as an in-page file dialog shows it: its sub-folders, then the files of the kind asked for. */
export type FolderListing = Result<{ folder: string; root: string; parent: string | null; entries: FolderEntry[]; truncated: boolean }>;

export type SaveResult = Result<{ path: string; fileName: string; savedAt: string }>;

export interface SaveRequest {
  /** Absolute path to write. */
  path: string;
  /** The deal as the renderer holds it; validated again here before anything is written. */
  deal: unknown;
  /** Where the document was opened from, if anywhere: its layout is kept and, if it was migrated, a .bak of it is kept. */
  originalPath?: string | undefined;
  /** The document's recovery key: its autosave is discarded once the save succeeds. */
  docKey?: string | undefined;
}

export interface AutosaveRequest {
  /** Stable per open document for the life of the window (letters, digits, - and _). */
  docKey: string;
  fileName: string;
  path: string | null;
  /** Unsaved work is kept even if it does not validate yet. */
  deal: unknown;
  /** A portfolio's: the .dealbook it was read from, whose folder holds its deals. */
  originalPath?: string | undefined;
}

export interface RecoveredDocument {
  docKey: string;
  fileName: string;
  path: string | null;
  /** ISO time of the autosave. */
  savedAt: string;
  title: string;
  /** A deal, or a portfolio (restored with restorePortfolio). */
  kind: 'deal' | 'portfolio';
}

export interface RecoveryList {
  documents: RecoveredDocument[];
  /** Recovery files that could not be read (corrupt, truncated): shown to the user, never a crash. */
  skipped: { file: string; message: string }[];
}

export interface RecentFile {
  path: string;
  fileName: string;
  exists: boolean;
}


export type ExportAudience = 'counterparty' | 'internal';
export type PaperSize = 'A4' | 'Letter';
export type ExportTermSheetResult = Result<{ path: string }>;
/** `opened` is false where the host cannot open a file manager (web host): the renderer then shows `folder`. */
export interface RevealResult {
  opened: boolean;
  folder: string;
}

export type MoneyWording = 'symbol' | 'words';






// ---- Portfolios (.dealbook): open, reload deals, save, value, brief (host/portfolio) ----

interface PortfolioResults {
  openPortfolio: PortfolioOpenResult;
  openExamplePortfolio: PortfolioOpenResult;
  openPortfolioBytes: PortfolioOpenResult;
  reloadPortfolioDeals: PortfolioEntryState[];
  savePortfolio: PortfolioSaveResult;
  restorePortfolio: PortfolioOpenResult;
  choosePortfolioSavePath: DialogChoice;
  portfolioEntryFor: PortfolioEntryChoice;
  startPortfolioValuation: { runId: string };
  cancelPortfolioValuation: { cancelled: boolean };
  exportPortfolioBrief: ExportTermSheetResult;
}

export interface ApiResults extends PortfolioResults {
  getAppInfo: AppInfo;
  listExamples: ExampleSummary[];
  openExample: OpenResult;
  takeLaunchFiles: string[];
  openFile: OpenResult;
  openBytes: OpenResult;
  chooseOpenPath: DialogChoice;
  chooseSavePath: DialogChoice;
  listFolder: FolderListing;
  saveFile: SaveResult;
  autosave: { ok: true; savedAt: string };
  listRecovered: RecoveryList;
  restoreRecovered: OpenResult;
  discardRecovered: { ok: true };
  getRecentFiles: RecentFile[];
  validateDeal: Problem[];
  startValuation: { runId: string };
  cancelValuation: { cancelled: boolean };
  runSensitivity: SensitivityResult;
  solve: SolveResult;
  runSweep: SweepResult;
  sampleInput: InputSample;
  exportTermSheet: ExportTermSheetResult;
  exportRedline: ExportTermSheetResult;
  chooseExportPath: DialogChoice;
  getAuthorName: string;
  setAuthorName: { ok: true };
  getStandardSections: Skeleton;
  revealInFolder: RevealResult;
  valueNegotiation: NegotiationResult;
  runTrades: TradesResult;
  startFrontier: { runId: string };
  cancelFrontier: { cancelled: boolean };
}

export type ApiMethod = keyof typeof apiArgs;
export type ApiArgs<K extends ApiMethod> = z.infer<(typeof apiArgs)[K]>;

/** Every method name, checked against the argument schemas so none is missing or extra. */
const methodTable: Record<ApiMethod, true> = {
  getAppInfo: true,
  listExamples: true,
  openExample: true,
  takeLaunchFiles: true,
  openFile: true,
  openBytes: true,
  chooseOpenPath: true,
  chooseSavePath: true,
  listFolder: true,
  saveFile: true,
  autosave: true,
  listRecovered: true,
  restoreRecovered: true,
  discardRecovered: true,
  getRecentFiles: true,
  validateDeal: true,
  startValuation: true,
  cancelValuation: true,
  runSensitivity: true,
  solve: true,
  runSweep: true,
  sampleInput: true,
  exportTermSheet: true,
  exportRedline: true,
  chooseExportPath: true,
  getAuthorName: true,
  setAuthorName: true,
  getStandardSections: true,
  revealInFolder: true,
  openPortfolio: true,
  openExamplePortfolio: true,
  openPortfolioBytes: true,
  reloadPortfolioDeals: true,
  savePortfolio: true,
  restorePortfolio: true,
  choosePortfolioSavePath: true,
  portfolioEntryFor: true,
  startPortfolioValuation: true,
  cancelPortfolioValuation: true,
  exportPortfolioBrief: true,
  valueNegotiation: true,
  runTrades: true,
  startFrontier: true,
  cancelFrontier: true,
};
export const apiMethods = Object.keys(methodTable) as ApiMethod[];

/** Events pushed from the host to the renderer. */
export interface MainEvents {
  /** Menu commands from the native menu (Electron) forwarded to the renderer. */
  'menu:command': { command: string };
  /** The OS or a second launch asked to open this file while the window is up. */
  'app:open-file': { path: string };
  /** A valuation started by startValuation is running: `done` of `total` iterations. */
  'valuation:progress': { runId: string; done: number; total: number };
  /** A valuation finished: its summary result, or why it did not (code 'cancelled' when cancelled). */
  'valuation:result': { runId: string; result: ValuationResult } | { runId: string; error: ApiErrorData };
  /** A frontier started by startFrontier: `done` structures valued of at most `total` (the grid). */
  'frontier:progress': { runId: string; done: number; total: number };
  'frontier:result': { runId: string; result: FrontierResult } | { runId: string; error: ApiErrorData };
  /** A portfolio valuation: `done` of `total` iterations over all its deals. */
  'portfolio:progress': { runId: string; done: number; total: number };
  'portfolio:result': { runId: string; result: PortfolioValuationResult } | { runId: string; error: ApiErrorData };
}
export type EventName = keyof MainEvents;
/** Every event name, checked against MainEvents so none is missing or extra. */
const eventTable: Record<EventName, true> = {
  'menu:command': true,
  'app:open-file': true,
  'valuation:progress': true,
  'valuation:result': true,
  'frontier:progress': true,
  'frontier:result': true,
  'portfolio:progress': true,
  'portfolio:result': true,
};
export const eventNames = Object.keys(eventTable) as EventName[];

export type Unsubscribe = () => void;

/** The two Electron IPC channels: every request goes over one, every pushed event over the other. */
export const IPC_CALL_CHANNEL = 'dealwright:call';
export const IPC_EVENT_CHANNEL = 'dealwright:event';

/** What the renderer sees as `window.dealwright`. */
export type MainApi = {
  [K in ApiMethod]: (...args: ApiArgs<K>) => Promise<ApiResults[K]>;
} & {
  subscribe<E extends EventName>(event: E, listener: (payload: MainEvents[E]) => void): Unsubscribe;
};

/** How a call result travels over IPC or WebSocket: errors as values, never thrown across. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

export interface ApiErrorData {
  code: 'unknown-method' | 'bad-arguments' | 'failed' | 'cancelled' | 'forbidden';
  message: string;
  problems?: Problem[];
}

/** The error a front door rejects with on the renderer side. */
export class ApiError extends Error {
  readonly code: ApiErrorData['code'];
  readonly problems: Problem[];
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.problems = data.problems ?? [];
  }
}

export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

/** How a front door carries calls to the host: one call, answered by the host's envelope. */
export interface ApiTransport {
  call(method: ApiMethod, args: unknown[]): Promise<Envelope<unknown>>;
}

/** A client of the host: the MainApi object, and the door pushed events come in by. */
export interface ApiClient {
  api: MainApi;
  /** Hands an event from the host to its listeners (unknown names are dropped). */
  deliver(event: unknown, payload: unknown): void;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set<string>(eventNames);

/**
 * `window.dealwright` over a transport: one named function per method, `subscribe` for known events
 * only. Used by the Electron preload (IPC) and the web host's bridge (WebSocket) alike.
 */
export function createApiClient(transport: ApiTransport): ApiClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const method of apiMethods) {
    api[method] = async (...given: unknown[]) => {
      // JSON has no undefined: a trailing optional argument left out is not sent at all (not as null).
      const args = [...given];
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      return unwrapEnvelope(await transport.call(method, args));
    };
  }
  api.subscribe = <E extends EventName>(event: E, listener: (payload: MainEvents[E]) => void): Unsubscribe => {
    if (!KNOWN_EVENTS.has(event)) throw new Error(`unknown event "${String(event)}"`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (p: unknown) => void);
    listeners.set(event, set);
    return () => {
      set.delete(listener as (p: unknown) => void);
    };
  };
  return {
    api: Object.freeze(api) as MainApi,
    deliver(event, payload) {
      if (typeof event !== 'string' || !KNOWN_EVENTS.has(event)) return;
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}
