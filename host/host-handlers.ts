/**
 * The MainApi handlers over the host services. Electron's main process and the
 * web host both build their handlers here, passing in the ports that differ
 * between them (where resources live, which front door, dialogs, settings).
 *
 * One PathPolicy per host decides where the renderer may read and write:
 * paths the user chose (dialogs, command line, recent files) and, for the web
 * host, its documents root. The export handlers get their paths checked here,
 * on the way in, like every other handler that takes a path.
 */
import { join } from 'node:path';
import type { AppInfo } from '../shared/api';
import { defaultDataDir } from './documents/data-dir';
import { documentsRoot, inAppDialogs } from './documents/dialog-port';
import { createDocumentHandlers, granting, startFolder, type DocumentPorts } from './documents/document-handlers';
import { createPathPolicy, type PathPolicy } from './documents/path-policy';
import { listExamples, openExample } from './examples';
import type { LaunchFiles } from './launch-files';
import type { HostHandlers } from './rpc/dispatcher';
import { openConfSettings } from './settings/conf-backend';
import type { SettingsStore } from './settings/settings-store';
import { createValuationHandlers, sharedValuationRunner } from './valuation/valuation-handlers';
import { createNegotiationHandlers } from './valuation/negotiation-handlers';
import { createExportHandlers, type ExportPorts } from './docx/export-handlers';
import type { ValuationRunner } from './valuation/runner';
import { loadSkeleton } from './termsheet-defaults';
import { createPortfolioHandlers } from './portfolio/portfolio-handlers';

export interface HostPorts {
  resourcesDir: string;
  appVersion: string;
  host: AppInfo['host'];
  /** Files to open that came from the command line or the OS. */
  launchFiles?: LaunchFiles;
  /** Documents: data folder, dialogs, settings. Defaults suit the web host (DEALWRIGHT_DATA_DIR, in-page dialogs, conf). */
  documents?: Partial<Omit<DocumentPorts, 'paths'>>;
  /**
   * The folder in-page dialogs browse and the renderer may read and write without a dialog pick:
   * for the web host, DEALWRIGHT_DOCUMENTS_DIR or the user's Documents folder by default; none
   * under Electron (native dialogs grant each path the user picks).
   */
  documentsRoot?: string;
  /** Aborted when the window or connection these handlers serve goes away: its valuations are cancelled. */
  closed?: AbortSignal;
  /** Valuation runner; defaults to the host's shared worker pool (the main process never runs a kernel). */
  valuationRunner?: () => ValuationRunner;
  /** Export dialog: a .docx save dialog and showing a file in its folder. Defaults suit the web host (in-page path, folder shown as text). */
  exports?: Partial<ExportPorts>;
}

function documentPorts(ports: HostPorts, paths: PathPolicy, settings: () => SettingsStore, dataDir: string): DocumentPorts {
  const given = ports.documents ?? {};
  return {
    dataDir,
    dialogs: given.dialogs ?? inAppDialogs(paths.root),
    settings,
    paths,
  };
}

export function createHostHandlers(ports: HostPorts): HostHandlers {
  const dataDir = ports.documents?.dataDir ?? defaultDataDir();
  let settingsStore: SettingsStore | undefined;
  const settings = ports.documents?.settings ?? (() => (settingsStore ??= openConfSettings(dataDir)));
  const root = ports.documentsRoot ?? (ports.host === 'web' ? documentsRoot() : undefined);
  const paths = createPathPolicy({
    readable: [join(ports.resourcesDir, 'examples')],
    // Each recent file was a path the user chose when it was recorded.
    remembered: () => {
      try {
        return settings().getRecentFiles();
      } catch {
        return [];
      }
    },
    ...(root === undefined ? {} : { root }),
  });
  const documents = documentPorts(ports, paths, settings, dataDir);
  const exports = createExportHandlers({ appVersion: ports.appVersion, valuationRunner: ports.valuationRunner ?? sharedValuationRunner, ports: ports.exports, settings });
  return {
    getAppInfo: async () => ({
      name: 'Dealwright',
      version: ports.appVersion,
      host: ports.host,
      platform: process.platform,
    }),
    listExamples: async () => listExamples(ports.resourcesDir),
    openExample: async (_ctx, id) => openExample(ports.resourcesDir, id),
    // A file named on the command line or by the OS was chosen by the user, outside any dialog.
    takeLaunchFiles: async (ctx) => {
      const taken = ports.launchFiles?.take((path) => {
        paths.grant(path);
        ctx.emit('app:open-file', { path });
      }) ?? [];
      for (const path of taken) paths.grant(path);
      return taken;
    },
    getStandardSections: async (_ctx, kind) => loadSkeleton(ports.resourcesDir, kind),
    ...createDocumentHandlers(documents),
    ...createValuationHandlers(ports.valuationRunner, ports.closed),
    ...createNegotiationHandlers(ports.valuationRunner, ports.closed),
    ...createPortfolioHandlers({
      resourcesDir: ports.resourcesDir,
      dataDir,
      dialogs: documents.dialogs,
      settings,
      paths,
      runner: ports.valuationRunner ?? sharedValuationRunner,
      closed: ports.closed,
      author: () => {
        try {
          return settings().getAuthorName() || undefined;
        } catch {
          return undefined;
        }
      },
    }),
    ...exports,
    exportTermSheet: async (ctx, request) => {
      const refused = await paths.checkWrite(request.outPath, 'docx');
      if (refused) return { ok: false, problems: [{ ...refused, path: 'outPath' }] };
      return exports.exportTermSheet(ctx, request);
    },
    // A redline reads the other .deal file, so that path is checked for reading as Open checks it.
    exportRedline: async (ctx, request) => {
      const refused = await paths.checkWrite(request.outPath, 'docx');
      if (refused) return { ok: false, problems: [{ ...refused, path: 'outPath' }] };
      if (request.against.kind === 'file') {
        const unreadable = await paths.checkRead(request.against.path);
        if (unreadable) return { ok: false, problems: [{ ...unreadable, path: 'against.path' }] };
      }
      return exports.exportRedline(ctx, request);
    },
    chooseExportPath: async (ctx, suggestedName, near) => startFolder(paths, granting(paths, await exports.chooseExportPath(ctx, suggestedName, near)), near),
    revealInFolder: async (ctx, path) => ((await paths.checkRead(path)) === undefined ? exports.revealInFolder(ctx, path) : { opened: false, folder: '' }),
  } satisfies HostHandlers;
}
