/**
 * The MainApi contract: every request/response and every pushed event that
 * crosses a process boundary, typed once.
 *
 * Three front doors implement it: the Electron preload (ipcRenderer.invoke),
 * the web host bridge (a WebSocket) and, on the other side, the host handlers
 * that both dispatch to. Channel names are the keys of `apiArgs`; nobody types
 * them again by hand.
 *
 * Arguments are validated at the receiving end with the zod schemas below, so a
 * malformed call gets a clear error instead of reaching a service.
 *
 * Intentionally has no platform imports.
 */
import { z } from 'zod';
import type { Deal } from './model/schema';
import type { Problem } from './problems';
import type { Skeleton } from './termsheet/skeleton';
import type { InputSample, SensitivityResult, SolveResult, ValuationResult } from './engine/results';
import { runIdArg, sampleCountArg, sensitivityRequestArg, solveRequestArg, sweepRequestArg, valuationRequestArg } from './engine/requests';
import type { SweepResult } from './engine/sweep';

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

const exampleId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be an example id such as "pharma-licence"');

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
export type FolderListing =
  | { ok: true; folder: string; root: string; parent: string | null; entries: FolderEntry[]; truncated: boolean }
  | { ok: false; problems: Problem[] };

export type SaveResult =
  | { ok: true; path: string; fileName: string; savedAt: string }
  | { ok: false; problems: Problem[] };

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
}

export interface RecoveredDocument {
  docKey: string;
  fileName: string;
  path: string | null;
  /** ISO time of the autosave. */
  savedAt: string;
  title: string;
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

const docKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, - or _ (at most 64)');
const filePath = z.string().min(1, 'must not be empty').max(4096, 'is too long');
const fileName = z.string().min(1, 'must not be empty').max(255, 'is too long');
/** Base64 of at most 5 MB (the page checks the size before reading; the exact byte limit is checked by the host). */
const dealBytes = z
  .string()
  .max(Math.ceil((5 * 1024 * 1024) / 3) * 4 + 4, 'is larger than 5 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export type ExportAudience = 'counterparty' | 'internal';
export type PaperSize = 'A4' | 'Letter';
export type ExportTermSheetResult = { ok: true; path: string } | { ok: false; problems: Problem[] };
/** `opened` is false where the host cannot open a file manager (web host): the renderer then shows `folder`. */
export interface RevealResult {
  opened: boolean;
  folder: string;
}

export type MoneyWording = 'symbol' | 'words';

/** What every Word export takes besides the deal: the draft's label, the user's name, the money style. */
const documentOptions = {
  /** Printed instead of any internal name ("Draft 1" by default). */
  draft: z.string().max(200, 'is longer than 200 characters').optional(),
  /** The user's name: the document's author, and the tracked changes' author in a redline. */
  author: z.string().max(200, 'is longer than 200 characters').optional(),
  /** "$25.0M" (symbol, default) or "USD 25 million" (words). */
  moneyStyle: z.enum(['symbol', 'words']).optional(),
};

const exportTermSheetArg = z.strictObject({
  deal: z.unknown(),
  /** The .deal file's name: printed in internal documents only (traceability). */
  fileName,
  scenarioId: z.string().max(64).optional(),
  audience: z.enum(['counterparty', 'internal']),
  paper: z.enum(['A4', 'Letter']),
  /** Absolute path of the .docx to write. */
  outPath: z.string().min(1, 'must not be empty').max(4096, 'is too long'),
  ...documentOptions,
});

/** The old side of a redline ("Compare with…"): another scenario of the open deal, or another .deal file. */
const redlineAgainst = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scenario'), scenarioId: z.string().max(64) }),
  z.strictObject({ kind: z.literal('file'), path: filePath, scenarioId: z.string().max(64).optional() }),
]);
export type RedlineAgainst = z.infer<typeof redlineAgainst>;

const exportRedlineArg = z.strictObject({
  /** The new side: the open deal, in the scenario chosen. */
  deal: z.unknown(),
  fileName,
  scenarioId: z.string().max(64).optional(),
  against: redlineAgainst,
  paper: z.enum(['A4', 'Letter']),
  outPath: z.string().min(1, 'must not be empty').max(4096, 'is too long'),
  ...documentOptions,
});

/** The standard term-sheet skeleton of a kind of deal (resources/termsheet). */
export const standardSectionsKind = z.enum(['licence', 'alliance', 'jointVenture']);
export type StandardSectionsKind = z.infer<typeof standardSectionsKind>;

/**
 * Argument schemas of every request. The key is the channel name.
 * Later work adds methods here; each needs an entry in ApiResults too.
 */
export const apiArgs = {
  getAppInfo: z.tuple([]),
  listExamples: z.tuple([]),
  openExample: z.tuple([exampleId]),
  /** Paths the app was asked to open from outside (command line, OS); each is returned once. */
  takeLaunchFiles: z.tuple([]),
  openFile: z.tuple([filePath]),
  /** Drag-and-drop or upload: the bytes of a file the page already read (base64), decoded and checked by the host like any file. */
  openBytes: z.tuple([fileName, dealBytes]),
  chooseOpenPath: z.tuple([]),
  /** The suggested file name, and the open document's path (the dialog starts in its folder). */
  chooseSavePath: z.tuple([fileName, filePath.optional()]),
  /** In-page file dialogs (web host only): a folder inside the documents root, with its .deal or .docx files. */
  listFolder: z.tuple([filePath, z.enum(['deal', 'docx'])]),
  saveFile: z.tuple([
    z.strictObject({ path: filePath, deal: z.unknown(), originalPath: filePath.optional(), docKey: docKey.optional() }),
  ]),
  autosave: z.tuple([z.strictObject({ docKey, fileName, path: filePath.nullable(), deal: z.unknown() })]),
  listRecovered: z.tuple([]),
  restoreRecovered: z.tuple([docKey]),
  discardRecovered: z.tuple([docKey]),
  getRecentFiles: z.tuple([]),
  /** Every problem of a deal as the UI holds it (structure, cross-field rules, formulas, scenarios, sliders). */
  validateDeal: z.tuple([z.unknown()]),
  /** Starts a Monte Carlo valuation; progress and the result arrive as valuation:progress / valuation:result events. A newer run from the same window cancels the older one. */
  startValuation: z.tuple([valuationRequestArg]),
  cancelValuation: z.tuple([runIdArg]),
  /** Tornado rows for one party (default: the deal's `us`). */
  runSensitivity: z.tuple([sensitivityRequestArg]),
  /** Goal seek: the value of a number path that gives a party a target mean NPV. */
  solve: z.tuple([solveRequestArg]),
  /** Mean NPVs and chances of reaching the walk-aways at several positions of a deal, full precision, common random numbers (the ZOPA sweep). */
  runSweep: z.tuple([sweepRequestArg]),
  /** Density preview of one input: a histogram of n draws and its percentiles. */
  sampleInput: z.tuple([z.unknown(), sampleCountArg]),
  /** Writes a Word term sheet of one scenario for the counterparty (terms only) or for us (with the valuation appendix). */
  exportTermSheet: z.tuple([exportTermSheetArg]),
  /** Writes a redline (tracked changes) from another scenario or another .deal file to the open deal. */
  exportRedline: z.tuple([exportRedlineArg]),
  /** Asks where to save an exported document (.docx), starting in the folder of the deal's own file when given; the web host answers 'in-app'. */
  chooseExportPath: z.tuple([fileName, filePath.optional()]),
  /** The user's name for documents (author of tracked changes), from the settings; '' when never set. */
  getAuthorName: z.tuple([]),
  setAuthorName: z.tuple([z.string().max(200, 'is longer than 200 characters')]),
  /** The editable default sections of a licence, alliance or joint-venture term sheet. */
  getStandardSections: z.tuple([standardSectionsKind]),
  /** Shows a written file in the system's file manager, where the host can. */
  revealInFolder: z.tuple([filePath]),
} as const;

export interface ApiResults {
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
}

export type ApiMethod = keyof typeof apiArgs;
export type ApiArgs<K extends ApiMethod> = z.infer<(typeof apiArgs)[K]>;
export const apiMethods = Object.keys(apiArgs) as ApiMethod[];

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
}
export type EventName = keyof MainEvents;
/** Every event name, checked against MainEvents so none is missing or extra. */
const eventTable: Record<EventName, true> = {
  'menu:command': true,
  'app:open-file': true,
  'valuation:progress': true,
  'valuation:result': true,
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
