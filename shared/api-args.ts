/**
 * The arguments of every MainApi method as zod schemas, checked where calls
 * arrive (host/rpc/dispatcher.ts): a malformed call gets a clear error
 * instead of reaching a service. Only the receiving side bundles this (and
 * zod); the preload and the web bridge import the contract's types and
 * method list alone (api.ts).
 *
 * Intentionally has no platform imports.
 */
import * as z from 'zod';
import { runIdArg, sampleCountArg, sensitivityRequestArg, solveRequestArg, sweepRequestArg, valuationRequestArg } from './engine/requests';
import { frontierRequestArg, negotiationRequestArg, tradesRequestArg } from './engine/negotiation-requests';
import { portfolioValuationArg } from './portfolio/requests';
import { PORTFOLIO_LIMITS } from './portfolio/schema';

const exampleId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be an example id such as "pharma-licence"');

const docKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, - or _ (at most 64)');
const filePath = z.string().min(1, 'must not be empty').max(4096, 'is too long');
const fileName = z.string().min(1, 'must not be empty').max(255, 'is too long');
/** Base64 of at most 5 MB (the page checks the size before reading; the exact byte limit is checked by the host). */
const dealBytes = z
  .string()
  .max(Math.ceil((5 * 1024 * 1024) / 3) * 4 + 4, 'is larger than 5 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

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
const standardSectionsKind = z.enum(['licence', 'alliance', 'jointVenture']);
export type StandardSectionsKind = z.infer<typeof standardSectionsKind>;

// ---- Portfolios (.dealbook): open, reload deals, save, value, brief (host/portfolio) ----

const anchorPath = filePath;
const portfolioCompanions = z.array(z.strictObject({ name: fileName, bytes: dealBytes })).max(PORTFOLIO_LIMITS.maxDeals);
const exportPortfolioBriefArg = z.strictObject({
  /** The portfolio valuation whose figures the brief prints (the host keeps the last few). */
  runId: runIdArg,
  /** The portfolio as the renderer holds it (stages, owners, metrics and health as edited). */
  book: z.unknown(),
  fileName,
  paper: z.enum(['A4', 'Letter']),
  outPath: z.string().min(1, 'must not be empty').max(4096, 'is too long'),
  author: documentOptions.author,
  /** Why the deals left out of the valuation were left out, as the app shows them. */
  notValued: z
    .array(z.strictObject({ place: z.number().int().min(0).max(PORTFOLIO_LIMITS.maxDeals - 1), problems: z.array(z.string().max(2000)).max(50) }))
    .max(PORTFOLIO_LIMITS.maxDeals)
    .optional(),
});

const portfolioArgs = {
  openPortfolio: z.tuple([filePath]),
  openExamplePortfolio: z.tuple([exampleId]),
  /** A dropped .dealbook with the files dropped with it (its deals are matched by name). */
  openPortfolioBytes: z.tuple([fileName, dealBytes, portfolioCompanions]),
  /** Reads the deals again (a file changed on disk is valued again), relative to the .dealbook at the anchor path. */
  reloadPortfolioDeals: z.tuple([anchorPath, z.unknown()]),
  savePortfolio: z.tuple([z.strictObject({ path: filePath, book: z.unknown(), originalPath: filePath.optional(), docKey: docKey.optional() })]),
  restorePortfolio: z.tuple([docKey]),
  /** A save dialog for a .dealbook file, starting in the folder of `near` when given. */
  choosePortfolioSavePath: z.tuple([fileName, filePath.optional()]),
  /** A deal file picked to join the portfolio at the anchor path: it must be in that folder or below. */
  portfolioEntryFor: z.tuple([anchorPath, filePath]),
  /** Values every deal in its position on the worker pool; progress and the result arrive as portfolio:progress / portfolio:result events. */
  startPortfolioValuation: z.tuple([portfolioValuationArg]),
  cancelPortfolioValuation: z.tuple([runIdArg]),
  /** Writes the internal portfolio brief (table, charts, metrics, health) to Word. */
  exportPortfolioBrief: z.tuple([exportPortfolioBriefArg]),
} as const;

/**
 * Argument schemas of every request. The key is the channel name.
 * Later work adds methods here; each needs an entry in ApiResults (api.ts) too.
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
  autosave: z.tuple([z.strictObject({ docKey, fileName, path: filePath.nullable(), deal: z.unknown(), originalPath: filePath.optional() })]),
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
  ...portfolioArgs,

  // ---- The negotiation (issue 13): rounds valued, exchange rates, the efficient frontier ----
  /** Every round valued at full precision on common random numbers, with what each move was worth to each party. */
  valueNegotiation: z.tuple([negotiationRequestArg]),
  /** For every slider, each party's change for one step up and down, cheap concessions, and pairs of moves that raise both. */
  runTrades: z.tuple([tradesRequestArg]),
  /** Starts an efficient frontier; progress and the result arrive as frontier:progress / frontier:result events. */
  startFrontier: z.tuple([frontierRequestArg]),
  cancelFrontier: z.tuple([runIdArg]),
} as const;
