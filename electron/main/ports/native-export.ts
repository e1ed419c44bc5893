/**
 * The ExportPorts under Electron: a native save dialog for .docx files, and
 * the exported file shown in Finder / Explorer / the file manager afterwards.
 */
import { BrowserWindow, dialog, shell } from 'electron';
import { dirname, join } from 'node:path';
import type { DialogChoice } from '../../../shared/api';
import type { ExportPorts } from '../../../host/docx/export-handlers';

export function nativeExportPorts(defaultDir: () => string): ExportPorts {
  return {
    async chooseExportPath(suggestedName: string, near?: string): Promise<DialogChoice> {
      const name = suggestedName.toLowerCase().endsWith('.docx') ? suggestedName : `${suggestedName}.docx`;
      const options = {
        title: 'Export term sheet',
        // Beside the deal's own file, where a negotiator keeps what goes with it.
        defaultPath: join(near ? dirname(near) : defaultDir(), name),
        filters: [{ name: 'Word document', extensions: ['docx'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? { kind: 'cancelled' } : { kind: 'chosen', path: result.filePath };
    },
    async revealInFolder(path: string) {
      shell.showItemInFolder(path);
      return { opened: true, folder: dirname(path) };
    },
  };
}
