/**
 * The DialogPort under Electron: native open and save dialogs, limited to
 * .deal and .dealbook files, attached to the focused window so they are sheet-modal on macOS.
 */
import { BrowserWindow, dialog } from 'electron';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DialogChoice } from '../../../shared/api';
import type { DialogPort } from '../../../host/documents/dialog-port';

const FILTERS = [{ name: 'Dealwright deal', extensions: ['deal'] }];
const OPEN_FILTERS = [{ name: 'Dealwright deal or portfolio', extensions: ['deal', 'dealbook'] }];
const PORTFOLIO_FILTERS = [{ name: 'Dealwright portfolio', extensions: ['dealbook'] }];

export function nativeDialogs(defaultDir: () => string = () => join(homedir(), 'Documents')): DialogPort {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async chooseOpenPath(): Promise<DialogChoice> {
      const options = { title: 'Open deal or portfolio', defaultPath: defaultDir(), filters: OPEN_FILTERS, properties: ['openFile' as const] };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = result.filePaths[0];
      return result.canceled || !path ? { kind: 'cancelled' } : { kind: 'chosen', path };
    },
    async chooseSavePath(suggestedName: string, near?: string, kind: 'deal' | 'dealbook' = 'deal'): Promise<DialogChoice> {
      const extension = `.${kind}`;
      const name = suggestedName.endsWith(extension) ? suggestedName : `${suggestedName}${extension}`;
      const options = {
        title: kind === 'deal' ? 'Save deal' : 'Save portfolio',
        defaultPath: join(near ? dirname(near) : defaultDir(), name),
        filters: kind === 'deal' ? FILTERS : PORTFOLIO_FILTERS,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? { kind: 'cancelled' } : { kind: 'chosen', path: result.filePath };
    },
  };
}
