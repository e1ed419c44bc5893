/**
 * The DialogPort under Electron: native open and save dialogs, limited to
 * .deal files, attached to the focused window so they are sheet-modal on macOS.
 */
import { BrowserWindow, dialog } from 'electron';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DialogChoice } from '../../../shared/api';
import type { DialogPort } from '../../../host/documents/dialog-port';

const FILTERS = [{ name: 'Dealwright deal', extensions: ['deal'] }];

export function nativeDialogs(defaultDir: () => string = () => join(homedir(), 'Documents')): DialogPort {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async chooseOpenPath(): Promise<DialogChoice> {
      const options = { title: 'Open deal', defaultPath: defaultDir(), filters: FILTERS, properties: ['openFile' as const] };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = result.filePaths[0];
      return result.canceled || !path ? { kind: 'cancelled' } : { kind: 'chosen', path };
    },
    async chooseSavePath(suggestedName: string, near?: string): Promise<DialogChoice> {
      const name = suggestedName.endsWith('.deal') ? suggestedName : `${suggestedName}.deal`;
      const options = { title: 'Save deal', defaultPath: join(near ? dirname(near) : defaultDir(), name), filters: FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? { kind: 'cancelled' } : { kind: 'chosen', path: result.filePath };
    },
  };
}
