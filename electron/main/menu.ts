/**
 * The native menu. Document commands are forwarded to the focused window as
 * `menu:command` events, so the menu, shortcuts and buttons run the same
 * renderer commands (and undo/redo covers the document, not just a text box).
 */
import { app, BrowserWindow, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { IPC_EVENT_CHANNEL } from '../../shared/api';
import { externalUrlAllowed } from './security';

function send(command: string): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send(IPC_EVENT_CHANNEL, 'menu:command', { command });
}

function item(label: string, command: string, accelerator?: string): MenuItemConstructorOptions {
  return { label, accelerator, click: () => send(command) };
}

export function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Deal…', 'file.new', 'CmdOrCtrl+N'),
        item('New Portfolio…', 'portfolio.new'),
        item('Open…', 'file.open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Save', 'file.save', 'CmdOrCtrl+S'),
        item('Save As…', 'file.saveAs', 'Shift+CmdOrCtrl+S'),
        { type: 'separator' },
        item('Export Term Sheet…', 'file.exportTermSheet', 'CmdOrCtrl+E'),
        { type: 'separator' },
        item('Close', 'file.close', 'CmdOrCtrl+W'),
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        item('Redo', 'edit.redo', 'Shift+CmdOrCtrl+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Run Valuation', 'view.value', 'CmdOrCtrl+R'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: '&Help',
      submenu: [
        item('About Dealwright', 'help.about'),
        {
          label: 'Dealwright Documentation',
          click: () => {
            const url = 'https://docs.dealwright.app/';
            if (externalUrlAllowed(url)) void shell.openExternal(url);
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
