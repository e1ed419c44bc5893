/**
 * The MainApi methods of the export dialog: exportTermSheet, exportRedline
 * ("Compare with…" another scenario or another .deal file), chooseExportPath,
 * revealInFolder, and the user's name documents carry as author. What differs between front doors (a native save dialog, the
 * OS file manager) comes in through ExportPorts; Electron passes its own, the
 * web host uses the defaults (the page asks for the path; the folder is shown
 * as text rather than opened, since the browser may not be on the same desk).
 */
import { basename, dirname, isAbsolute } from 'node:path';
import type { DialogChoice, RevealResult } from '../../shared/api';
import { validateInBackground } from '../background/background';
import { documentsRoot } from '../documents/dialog-port';
import type { HostHandlers } from '../rpc/dispatcher';
import { openDealFile } from '../documents/load';
import type { SettingsStore } from '../settings/settings-store';
import type { ValuationRunner } from '../valuation/runner';
import { exportRedline, exportTermSheet } from './export-term-sheet';

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

type ExportMethods = 'exportTermSheet' | 'exportRedline' | 'chooseExportPath' | 'revealInFolder' | 'getAuthorName' | 'setAuthorName';

export function createExportHandlers(options: {
  appVersion: string;
  valuationRunner: () => ValuationRunner;
  ports?: Partial<ExportPorts>;
  /** Where the user's name is kept; made on first use. */
  settings?: () => SettingsStore;
}): Pick<HostHandlers, ExportMethods> {
  const ports = { ...inAppExportPorts(), ...options.ports };
  const author = (given: string | undefined) => given ?? options.settings?.().getAuthorName() ?? undefined;
  const notAbsolute = (outPath: string) => ({ ok: false as const, problems: [{ path: 'outPath', message: `"${outPath}" must be a full path to a .docx file` }] });
  return {
    exportTermSheet: async (_ctx, request) => {
      if (!isAbsolute(request.outPath)) return notAbsolute(request.outPath);
      // A large deal is checked on the host's background thread, never the one serving every window.
      const checked = await validateInBackground(request.deal);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      return exportTermSheet(
        {
          deal: checked.deal,
          fileName: basename(request.fileName),
          scenarioId: request.scenarioId,
          audience: request.audience,
          paper: request.paper,
          outPath: request.outPath,
          draft: request.draft,
          author: author(request.author),
          moneyStyle: request.moneyStyle,
        },
        options.appVersion,
        request.audience === 'internal' ? options.valuationRunner() : undefined,
      );
    },
    exportRedline: async (_ctx, request) => {
      if (!isAbsolute(request.outPath)) return notAbsolute(request.outPath);
      // A large deal is checked on the host's background thread, never the one serving every window.
      const checked = await validateInBackground(request.deal);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      const fileName = basename(request.fileName);
      let old: { deal: typeof checked.deal; fileName: string; scenarioId?: string };
      const protectedPaths: string[] = [];
      if (request.against.kind === 'scenario') {
        old = { deal: checked.deal, fileName, scenarioId: request.against.scenarioId };
      } else {
        const { path, scenarioId } = request.against;
        if (!isAbsolute(path)) return { ok: false, problems: [{ path: 'against.path', message: `"${path}" must be a full path to a .deal file` }] };
        // Another file is untrusted input like any other: the same loading and validation as Open.
        const opened = await openDealFile(path);
        if (!opened.ok) return { ok: false, problems: opened.problems.map((p) => ({ ...p, path: p.path ? `${basename(path)}: ${p.path}` : basename(path) })) };
        old = { deal: opened.document.deal, fileName: basename(path), scenarioId };
        protectedPaths.push(path);
      }
      return exportRedline(
        {
          old,
          new: { deal: checked.deal, fileName, scenarioId: request.scenarioId },
          paper: request.paper,
          outPath: request.outPath,
          protectedPaths,
          draft: request.draft,
          author: author(request.author),
          moneyStyle: request.moneyStyle,
        },
        options.appVersion,
      );
    },
    getAuthorName: async () => options.settings?.().getAuthorName() ?? '',
    setAuthorName: async (_ctx, name) => {
      options.settings?.().setAuthorName(name);
      return { ok: true };
    },
    chooseExportPath: async (_ctx, suggestedName, near) => ports.chooseExportPath(basename(suggestedName).replace(/\.docx$/i, '') + '.docx', near),
    revealInFolder: async (_ctx, path) => {
      if (!isAbsolute(path)) return { opened: false, folder: '' };
      return ports.revealInFolder(path);
    },
  };
}
