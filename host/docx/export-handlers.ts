/**
 * The MainApi methods of the export dialog: exportTermSheet, chooseExportPath,
 * revealInFolder. What differs between front doors (a native save dialog, the
 * OS file manager) comes in through ExportPorts; Electron passes its own, the
 * web host uses the defaults (the page asks for the path; the folder is shown
 * as text rather than opened, since the browser may not be on the same desk).
 */
import { basename, dirname, isAbsolute } from 'node:path';
import type { DialogChoice, RevealResult } from '../../shared/api';
import { validateDeal } from '../../shared/model/validate';
import { documentsRoot } from '../documents/dialog-port';
import type { HostHandlers } from '../rpc/dispatcher';
import type { ValuationRunner } from '../valuation/runner';
import { exportTermSheet } from './export-term-sheet';

export interface ExportPorts {
  /** A save dialog for .docx files, starting in the folder of `near` (the deal's own file) when given. */
  chooseExportPath(suggestedName: string, near?: string): Promise<DialogChoice>;
  /** Shows the file in the system's file manager (Electron: shell.showItemInFolder). */
  revealInFolder(path: string): Promise<RevealResult>;
}

/** For hosts without native dialogs or a file manager at hand (the web host). */
export function inAppExportPorts(root: string = documentsRoot()): ExportPorts {
  return {
    chooseExportPath: async () => ({ kind: 'in-app', defaultDir: root, root }),
    revealInFolder: async (path) => ({ opened: false, folder: dirname(path) }),
  };
}

type ExportMethods = 'exportTermSheet' | 'chooseExportPath' | 'revealInFolder';

export function createExportHandlers(options: { appVersion: string; valuationRunner: () => ValuationRunner; ports?: Partial<ExportPorts> }): Pick<HostHandlers, ExportMethods> {
  const ports = { ...inAppExportPorts(), ...options.ports };
  return {
    exportTermSheet: async (_ctx, request) => {
      if (!isAbsolute(request.outPath)) return { ok: false, problems: [{ path: 'outPath', message: `"${request.outPath}" must be a full path to a .docx file` }] };
      const checked = validateDeal(request.deal);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      return exportTermSheet(
        { deal: checked.deal, fileName: basename(request.fileName), scenarioId: request.scenarioId, audience: request.audience, paper: request.paper, outPath: request.outPath },
        options.appVersion,
        request.audience === 'internal' ? options.valuationRunner() : undefined,
      );
    },
    chooseExportPath: async (_ctx, suggestedName, near) => ports.chooseExportPath(basename(suggestedName).replace(/\.docx$/i, '') + '.docx', near),
    revealInFolder: async (_ctx, path) => {
      if (!isAbsolute(path)) return { opened: false, folder: '' };
      return ports.revealInFolder(path);
    },
  };
}
