/**
 * The MainApi methods for documents: open (a path or dropped text), the
 * open/save dialogs, save, autosave and crash recovery, recent files and live
 * validation. host-handlers.ts spreads these into the full handler map.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HostHandlers } from '../rpc/dispatcher';
import { dealProblems } from '../../shared/model/validate';
import type { SettingsStore } from '../settings/settings-store';
import type { DialogPort } from './dialog-port';
import { openDealBytes, openDealFile } from './load';
import { autosave, discardRecovered, listRecovered, restoreRecovered } from './recovery';
import { saveDealFile } from './save';

export interface DocumentPorts {
  /** The app's own data folder: recovery/ lives here. */
  dataDir: string;
  dialogs: DialogPort;
  /** Made on first use, so hosts that never touch settings never create the file. */
  settings: () => SettingsStore;
}

type DocumentMethods =
  | 'openFile'
  | 'openText'
  | 'chooseOpenPath'
  | 'chooseSavePath'
  | 'saveFile'
  | 'autosave'
  | 'listRecovered'
  | 'restoreRecovered'
  | 'discardRecovered'
  | 'getRecentFiles'
  | 'validateDeal';

export function createDocumentHandlers(ports: DocumentPorts): Pick<HostHandlers, DocumentMethods> {
  const remember = (path: string) => {
    try {
      ports.settings().addRecentFile(path);
    } catch {
      // Recent files are a convenience: failing to record one must not fail an open or a save.
    }
  };
  return {
    openFile: async (_ctx, path) => {
      const result = await openDealFile(path);
      if (result.ok) remember(path);
      return result;
    },
    openText: async (_ctx, fileName, text) => openDealBytes(basename(fileName), new TextEncoder().encode(text), null),
    chooseOpenPath: async () => ports.dialogs.chooseOpenPath(),
    chooseSavePath: async (_ctx, suggestedName) => ports.dialogs.chooseSavePath(basename(suggestedName)),
    saveFile: async (_ctx, request) => {
      const result = await saveDealFile(request);
      if (result.ok) {
        remember(result.path);
        if (request.docKey) await discardRecovered(ports.dataDir, request.docKey);
      }
      return result;
    },
    autosave: async (_ctx, request) => autosave(ports.dataDir, request),
    listRecovered: async () => listRecovered(ports.dataDir),
    restoreRecovered: async (_ctx, docKey) => restoreRecovered(ports.dataDir, docKey),
    discardRecovered: async (_ctx, docKey) => discardRecovered(ports.dataDir, docKey),
    getRecentFiles: async () => {
      const paths = ports.settings().getRecentFiles();
      return Promise.all(
        paths.map(async (path) => ({
          path,
          fileName: basename(path),
          exists: await stat(path).then((s) => s.isFile(), () => false),
        })),
      );
    },
    validateDeal: async (_ctx, deal) => dealProblems(deal),
  };
}
