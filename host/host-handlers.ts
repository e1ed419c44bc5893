/**
 * The MainApi handlers over the host services. Electron's main process and the
 * web host both build their handlers here, passing in the ports that differ
 * between them (where resources live, which front door, dialogs, settings).
 */
import type { AppInfo } from '../shared/api';
import { defaultDataDir } from './documents/data-dir';
import { inAppDialogs } from './documents/dialog-port';
import { createDocumentHandlers, type DocumentPorts } from './documents/document-handlers';
import { listExamples, openExample } from './examples';
import type { LaunchFiles } from './launch-files';
import type { HostHandlers } from './rpc/dispatcher';
import { openConfSettings } from './settings/conf-backend';
import type { SettingsStore } from './settings/settings-store';
import { createValuationHandlers, sharedValuationRunner } from './valuation/valuation-handlers';
import { createExportHandlers, type ExportPorts } from './docx/export-handlers';
import type { ValuationRunner } from './valuation/runner';
import { loadSkeleton } from './termsheet-defaults';

export interface HostPorts {
  resourcesDir: string;
  appVersion: string;
  host: AppInfo['host'];
  /** Files to open that came from the command line or the OS. */
  launchFiles?: LaunchFiles;
  /** Documents: data folder, dialogs, settings. Defaults suit the web host (DEALWRIGHT_DATA_DIR, in-page dialogs, conf). */
  documents?: Partial<DocumentPorts>;
  /** Valuation runner; defaults to the host's shared worker pool (the main process never runs a kernel). */
  valuationRunner?: () => ValuationRunner;
  /** Export dialog: a .docx save dialog and showing a file in its folder. Defaults suit the web host (in-page path, folder shown as text). */
  exports?: Partial<ExportPorts>;
}

function documentPorts(given: Partial<DocumentPorts> = {}): DocumentPorts {
  const dataDir = given.dataDir ?? defaultDataDir();
  let settings: SettingsStore | undefined;
  return {
    dataDir,
    dialogs: given.dialogs ?? inAppDialogs(),
    settings: given.settings ?? (() => (settings ??= openConfSettings(dataDir))),
  };
}

export function createHostHandlers(ports: HostPorts): HostHandlers {
  const documents = documentPorts(ports.documents);
  return {
    getAppInfo: async () => ({
      name: 'Dealwright',
      version: ports.appVersion,
      host: ports.host,
      platform: process.platform,
    }),
    listExamples: async () => listExamples(ports.resourcesDir),
    openExample: async (_ctx, id) => openExample(ports.resourcesDir, id),
    takeLaunchFiles: async (ctx) => ports.launchFiles?.take((path) => ctx.emit('app:open-file', { path })) ?? [],
    getStandardSections: async (_ctx, kind) => loadSkeleton(ports.resourcesDir, kind),
    ...createDocumentHandlers(documents),
    ...createValuationHandlers(ports.valuationRunner),
    ...createExportHandlers({ appVersion: ports.appVersion, valuationRunner: ports.valuationRunner ?? sharedValuationRunner, ports: ports.exports, settings: documents.settings }),
  } satisfies HostHandlers;
}
