/**
 * The MainApi methods for documents: open (a path or a dropped file's bytes), the
 * open/save dialogs (and, for in-page dialogs, listing a folder), save,
 * autosave and crash recovery, recent files and live validation.
 * host-handlers.ts spreads these into the full handler map.
 *
 * Every path from the renderer goes through the PathPolicy first: read and
 * write only where the user chose (a dialog pick, the command line, recent
 * files) or, in the web host, inside the documents root.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { DialogChoice, OpenResult } from '../../shared/api';
import type { HostHandlers } from '../rpc/dispatcher';
import { problemsInBackground } from '../background/background';
import type { SettingsStore } from '../settings/settings-store';
import type { DialogPort } from './dialog-port';
import { listFolder } from './folder-browser';
import { openDealFile, readDealBytes } from './load';
import type { PathPolicy } from './path-policy';
import { autosave, discardRecovered, listRecovered, restoreRecovered } from './recovery';
import { saveDealFile } from './save';

export interface DocumentPorts {
  /** The app's own data folder: recovery/ lives here. */
  dataDir: string;
  dialogs: DialogPort;
  /** Made on first use, so hosts that never touch settings never create the file. */
  settings: () => SettingsStore;
  /** Where the renderer may read and write (shared with the export handlers). */
  paths: PathPolicy;
}

type DocumentMethods =
  | 'openFile'
  | 'openBytes'
  | 'chooseOpenPath'
  | 'chooseSavePath'
  | 'listFolder'
  | 'saveFile'
  | 'autosave'
  | 'listRecovered'
  | 'restoreRecovered'
  | 'discardRecovered'
  | 'getRecentFiles'
  | 'validateDeal';

/** A dialog's answer, with a chosen path granted: the user picked it. */
export function granting(paths: PathPolicy, choice: DialogChoice): DialogChoice {
  if (choice.kind === 'chosen') paths.grant(choice.path);
  return choice;
}

/** Where an in-page dialog starts: the folder of `near` when that is inside the documents root, else the root. */
export async function startFolder(paths: PathPolicy, choice: DialogChoice, near: string | undefined): Promise<DialogChoice> {
  if (choice.kind !== 'in-app' || near === undefined) return choice;
  const folder = dirname(near);
  return (await paths.checkRead(folder)) === undefined && folder !== near ? { ...choice, defaultDir: folder } : choice;
}

export function createDocumentHandlers(ports: DocumentPorts): Pick<HostHandlers, DocumentMethods> {
  const { paths } = ports;
  const remember = (path: string) => {
    try {
      ports.settings().addRecentFile(path);
    } catch {
      // Recent files are a convenience: failing to record one must not fail an open or a save.
    }
  };
  return {
    openFile: async (_ctx, path): Promise<OpenResult> => {
      const refused = await paths.checkRead(path);
      if (refused) return { ok: false, fileName: basename(path), problems: [refused] };
      const result = await openDealFile(path);
      if (result.ok) remember(path);
      return result;
    },
    openBytes: async (_ctx, fileName, base64) => readDealBytes(basename(fileName), Buffer.from(base64, 'base64'), null),
    chooseOpenPath: async () => granting(paths, await ports.dialogs.chooseOpenPath()),
    chooseSavePath: async (_ctx, suggestedName, near) => {
      const choice = granting(paths, await ports.dialogs.chooseSavePath(basename(suggestedName), near));
      return startFolder(paths, choice, near);
    },
    listFolder: async (_ctx, folder, show) => listFolder(paths, folder, show),
    saveFile: async (_ctx, request) => {
      const refused = await paths.checkWrite(request.path, 'deal');
      if (refused) return { ok: false, problems: [refused] };
      // The layout template is read only from a file the renderer may read; otherwise the default layout is used.
      const original = request.originalPath !== undefined && (await paths.checkRead(request.originalPath)) === undefined ? request.originalPath : undefined;
      const result = await saveDealFile({ ...request, originalPath: original });
      if (result.ok) {
        remember(result.path);
        if (request.docKey) await discardRecovered(ports.dataDir, request.docKey);
      }
      return result;
    },
    // The recovery file keeps the document's path only if it is one the user may save to, so that a
    // restored draft cannot carry a path the renderer made up.
    autosave: async (_ctx, request) => {
      const kind = request.path !== null && /\.dealbook$/i.test(request.path) ? 'dealbook' : 'deal';
      const path = request.path !== null && (await paths.checkWrite(request.path, kind)) === undefined ? request.path : null;
      // A portfolio's anchor is kept only if it is a file the renderer may read (its own, or an example).
      const originalPath = request.originalPath !== undefined && (await paths.checkRead(request.originalPath)) === undefined ? request.originalPath : undefined;
      return autosave(ports.dataDir, { ...request, path, originalPath });
    },
    listRecovered: async () => listRecovered(ports.dataDir),
    restoreRecovered: async (_ctx, docKey) => {
      const result = await restoreRecovered(ports.dataDir, docKey);
      if (result.ok && result.document.path) paths.grant(result.document.path);
      return result;
    },
    discardRecovered: async (_ctx, docKey) => discardRecovered(ports.dataDir, docKey),
    getRecentFiles: async () => {
      const recent = ports.settings().getRecentFiles();
      return Promise.all(
        recent.map(async (path) => ({
          path,
          fileName: basename(path),
          exists: await stat(path).then((s) => s.isFile(), () => false),
        })),
      );
    },
    validateDeal: async (_ctx, deal) => problemsInBackground(deal),
  };
}
