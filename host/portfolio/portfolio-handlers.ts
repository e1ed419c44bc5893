/**
 * The MainApi methods for portfolios: open (a path, an example, a dropped
 * file with its deals), read the deals again, save, restore an autosave,
 * pick a deal to add, value on the shared worker pool (progress and result
 * as events, cancel), and write the portfolio brief to Word.
 * host-handlers.ts spreads these into the full handler map.
 *
 * Paths go through the host's PathPolicy like every other handler's: a
 * portfolio is read only where the user chose it (or among the examples), and
 * opening one grants its deal files (each checked to be inside its folder),
 * so a row can open and save its deal.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Deal } from '../../shared/model/schema';
import type { PortfolioEntryState } from '../../shared/portfolio/entries';
import type { OpenedPortfolio, PortfolioOpenResult } from '../../shared/portfolio/documents';
import { validateDealbook } from '../../shared/portfolio/validate';
import type { MemberValuation, PortfolioMemberRequest, PortfolioValuationResult } from '../../shared/portfolio/valuation';
import { validateInBackground } from '../background/background';
import type { DialogPort } from '../documents/dialog-port';
import { granting, startFolder } from '../documents/document-handlers';
import { openDealFile } from '../documents/load';
import type { PathPolicy } from '../documents/path-policy';
import { discardRecovered, readRecovered } from '../documents/recovery';
import type { HostHandlers } from '../rpc/dispatcher';
import type { SettingsStore } from '../settings/settings-store';
import { apiErrorOf } from '../valuation/valuation-handlers';
import type { ValuationRunner } from '../valuation/runner';
import { entriesFromDropped, loadEntries, openPortfolioFile, readDealbookBytes } from './load-portfolio';
import { writePortfolioBrief } from './portfolio-brief-docx';
import { savePortfolioFile } from './save-portfolio';

export interface PortfolioPorts {
  resourcesDir: string;
  dataDir: string;
  dialogs: DialogPort;
  settings: () => SettingsStore;
  paths: PathPolicy;
  runner: () => ValuationRunner;
  /** Aborted when the window or connection goes away: its portfolio runs stop. */
  closed?: AbortSignal | undefined;
  /** The user's name for documents, from the settings, when a request gives none. */
  author: () => string | undefined;
}

type PortfolioMethods =
  | 'openPortfolio'
  | 'openExamplePortfolio'
  | 'openPortfolioBytes'
  | 'reloadPortfolioDeals'
  | 'savePortfolio'
  | 'restorePortfolio'
  | 'choosePortfolioSavePath'
  | 'portfolioEntryFor'
  | 'startPortfolioValuation'
  | 'cancelPortfolioValuation'
  | 'exportPortfolioBrief';

/** Example portfolios: `<id>.dealbook` files among the examples. */
export function examplePortfolioPath(resourcesDir: string, id: string): string {
  return join(resourcesDir, 'examples', `${id}.dealbook`);
}

/** The last few finished runs per window, for the brief (its figures are the ones on screen, not a new draw). */
const KEPT_RUNS = 4;

let runCounter = 0;

export function createPortfolioHandlers(ports: PortfolioPorts): Pick<HostHandlers, PortfolioMethods> {
  const { paths } = ports;
  const runs = new Map<string, AbortController>();
  const finished = new Map<string, { members: PortfolioMemberRequest[]; result: PortfolioValuationResult }>();
  ports.closed?.addEventListener('abort', () => {
    for (const controller of runs.values()) controller.abort();
  });
  const remember = (path: string) => {
    try {
      ports.settings().addRecentFile(path);
    } catch {
      // Recent files are a convenience: failing to record one must not fail an open or a save.
    }
  };
  /** Deal files a row may open and save: each was checked to be inside the portfolio's folder. */
  const grantEntries = (entries: readonly PortfolioEntryState[]) => {
    for (const e of entries) if (e.path) paths.grant(e.path);
  };
  const opened = (result: PortfolioOpenResult): PortfolioOpenResult => {
    if (result.ok) grantEntries(result.portfolio.entries);
    return result;
  };
  const isExample = (path: string) => {
    const rel = relative(join(ports.resourcesDir, 'examples'), path);
    return !rel.startsWith('..') && !isAbsolute(rel);
  };

  return {
    openPortfolio: async (_ctx, path) => {
      const refused = await paths.checkRead(path);
      if (refused) return { ok: false, fileName: basename(path), problems: [refused] };
      const result = await openPortfolioFile(path);
      if (result.ok) remember(path);
      return opened(result);
    },
    openExamplePortfolio: async (_ctx, id) => {
      const result = await openPortfolioFile(examplePortfolioPath(ports.resourcesDir, id), { asExample: true });
      if (!result.ok && result.problems[0]?.message === 'the file does not exist') return { ok: false, fileName: `${id}.dealbook`, problems: [{ path: '', message: `no example portfolio called "${id}"` }] };
      return result;
    },
    openPortfolioBytes: async (_ctx, fileName, base64, companions) => {
      const parsed = readDealbookBytes(Buffer.from(base64, 'base64'));
      if (!parsed.ok) return { ok: false, fileName: basename(fileName), problems: parsed.problems };
      const entries = await entriesFromDropped(
        parsed.book,
        companions.map((c) => ({ name: basename(c.name), bytes: Buffer.from(c.bytes, 'base64') })),
      );
      const portfolio: OpenedPortfolio = { path: null, fileName: basename(fileName), book: parsed.book, entries };
      return { ok: true, portfolio };
    },
    reloadPortfolioDeals: async (_ctx, anchor, raw) => {
      const refused = await paths.checkRead(anchor);
      if (refused) throw new Error(`the portfolio's deals cannot be read again: ${refused.message}`);
      const checked = validateDealbook(raw);
      if (!checked.ok) throw new Error(`the portfolio has problems: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      const entries = await loadEntries(checked.book, dirname(anchor), !isExample(anchor));
      grantEntries(entries);
      return entries;
    },
    savePortfolio: async (_ctx, request) => {
      const refused = await paths.checkWrite(request.path, 'dealbook');
      if (refused) return { ok: false, problems: [refused] };
      const original = request.originalPath !== undefined && (await paths.checkRead(request.originalPath)) === undefined ? request.originalPath : undefined;
      const result = await savePortfolioFile({ path: request.path, book: request.book, originalPath: original }, true);
      if (result.ok) {
        remember(result.path);
        for (const copy of result.copied) paths.grant(copy);
        grantEntries(result.entries);
        if (request.docKey) await discardRecovered(ports.dataDir, request.docKey);
      }
      return result;
    },
    restorePortfolio: async (_ctx, docKey) => {
      const read = await readRecovered(ports.dataDir, docKey);
      if (!read.ok) return { ok: false, fileName: `${docKey}.json`, problems: [{ path: '', message: read.message }] };
      const { envelope } = read;
      const checked = validateDealbook(envelope.deal);
      // The recovery file stays until the user saves or discards, so a portfolio that no longer validates is not lost.
      if (!checked.ok) return { ok: false, fileName: envelope.fileName, problems: checked.problems };
      if (envelope.path) paths.grant(envelope.path);
      const anchor = envelope.path ?? envelope.originalPath;
      // Only a file the renderer may read anchors the deals (the autosave checked it too; settings may have changed since).
      const readable = anchor !== undefined && (await paths.checkRead(anchor)) === undefined;
      const entries = anchor && readable ? await loadEntries(checked.book, dirname(anchor), envelope.path !== null) : checked.book.deals.map((e, place) => unanchored({ place, file: e.file, path: null, deal: null, stamp: null, problems: [] }));
      grantEntries(entries);
      return { ok: true, portfolio: { path: envelope.path, fileName: envelope.fileName, book: checked.book, originalPath: anchor, entries } };
    },
    choosePortfolioSavePath: async (_ctx, suggestedName, near) => {
      const choice = granting(paths, await ports.dialogs.chooseSavePath(basename(suggestedName), near, 'dealbook'));
      return startFolder(paths, choice, near);
    },
    portfolioEntryFor: async (_ctx, anchor, dealPath) => {
      const refused = (await paths.checkRead(anchor)) ?? (await paths.checkRead(dealPath));
      if (refused) return { ok: false, problems: [refused] };
      const file = await relativeInside(dirname(anchor), dealPath);
      if (!file.ok) return { ok: false, problems: [{ path: '', message: file.message }] };
      const deal = await openDealFile(dealPath);
      if (!deal.ok) return { ok: false, problems: deal.problems.map((p) => ({ ...p, path: p.path ? `${basename(dealPath)}: ${p.path}` : basename(dealPath) })) };
      paths.grant(dealPath);
      return { ok: true, file: file.file, deal: deal.document.deal };
    },
    startPortfolioValuation: async (ctx, request) => {
      const { members, invalid } = await checkedMembers(request.members);
      for (const [, older] of runs) older.abort();
      const runId = `run-${++runCounter}`;
      const controller = new AbortController();
      runs.set(runId, controller);
      ports
        .runner()
        .portfolio({ ...request, members }, { signal: controller.signal, onProgress: (done, total) => ctx.emit('portfolio:progress', { runId, done, total }) })
        .then(
          (valued) => {
            const result = { ...valued, members: [...valued.members, ...invalid].sort((a, b) => a.place - b.place) };
            finished.set(runId, { members, result });
            while (finished.size > KEPT_RUNS) finished.delete(finished.keys().next().value!);
            ctx.emit('portfolio:result', { runId, result });
          },
          (err: unknown) => ctx.emit('portfolio:result', { runId, error: apiErrorOf(err) }),
        )
        .finally(() => runs.delete(runId));
      return { runId };
    },
    cancelPortfolioValuation: async (_ctx, runId) => {
      const controller = runs.get(runId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    exportPortfolioBrief: async (_ctx, request) => {
      const refused = await paths.checkWrite(request.outPath, 'docx');
      if (refused) return { ok: false, problems: [{ ...refused, path: 'outPath' }] };
      const run = finished.get(request.runId);
      if (!run) return { ok: false, problems: [{ path: 'runId', message: 'that valuation is no longer held: value the portfolio again, then export' }] };
      const checked = validateDealbook(request.book);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      if (!isAbsolute(request.outPath)) return { ok: false, problems: [{ path: 'outPath', message: `"${request.outPath}" must be a full path to a .docx file` }] };
      return writePortfolioBrief({ book: checked.book, members: run.members, result: run.result, notValued: request.notValued, outPath: request.outPath, paper: request.paper, author: request.author ?? ports.author() });
    },
  };
}

/** Every member's deal validated in full (on the background thread when large); a deal with problems fails its own row only. */
async function checkedMembers(list: readonly { deal: unknown; party: string; position?: string | undefined; place: number }[]): Promise<{ members: PortfolioMemberRequest[]; invalid: MemberValuation[] }> {
  const members: PortfolioMemberRequest[] = [];
  const invalid: MemberValuation[] = [];
  for (const m of list) {
    const checked = await validateInBackground(m.deal);
    if (checked.ok) members.push({ deal: checked.deal as Deal, party: m.party, position: m.position, place: m.place });
    else invalid.push({ place: m.place, ok: false, problems: checked.problems });
  }
  return { members, invalid };
}

/** An entry of a portfolio whose folder is not known (a restored draft of a dropped file): nothing can be read. */
function unanchored(entry: PortfolioEntryState): PortfolioEntryState {
  return { ...entry, path: null, deal: null, stamp: null, problems: [{ path: `deals[${entry.place}]`, message: `${entry.file}: the portfolio's folder is not known; save the portfolio beside its deals and open it again` }] };
}

/** `dealPath` relative to `folder` with "/" between folders, if it is inside it on disk (links followed). */
async function relativeInside(folder: string, dealPath: string): Promise<{ ok: true; file: string } | { ok: false; message: string }> {
  try {
    const [realFolder, realDeal] = await Promise.all([realpath(folder), realpath(dealPath)]);
    const rel = relative(realFolder, realDeal);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      return { ok: false, message: `${basename(dealPath)} is not in the portfolio's folder ${folder}; a portfolio lists deals in its folder or below it (move or copy the deal there first)` };
    }
    return { ok: true, file: rel.split(sep).join('/') };
  } catch {
    return { ok: false, message: `${basename(dealPath)} cannot be read` };
  }
}

