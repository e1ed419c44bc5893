/**
 * The native menu, built from the one list of commands (shared/commands.ts):
 * each command item sends its name to the focused window as a `menu:command`
 * event, so the menu, shortcuts, buttons and the palette run the same
 * renderer commands (and undo/redo covers the document, not just a text
 * box). Around them sit Electron's own roles (cut, copy, zoom, quit...) and
 * the documentation link, which need no renderer.
 */
import { app, BrowserWindow, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { IPC_EVENT_CHANNEL } from '../../shared/api';
import { menuLayout, type MenuName } from '../../shared/commands';
import { externalUrlAllowed } from './security';

function send(command: string): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send(IPC_EVENT_CHANNEL, 'menu:command', { command });
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Electron's own items after each menu's commands. */
function rolesOf(name: MenuName, isMac: boolean): MenuItemConstructorOptions[] {
  switch (name) {
    case 'File':
      return isMac ? [] : [{ role: 'quit' }];
    case 'Edit':
      return [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }];
    case 'View':
      return [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }])];
    case 'Help':
      return [
        {
          label: 'Dealwright Documentation',
          click: () => {
            const url = 'https://docs.dealwright.app/';
            if (externalUrlAllowed(url)) void shell.openExternal(url);
          },
        },
      ];
  }
}

export function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    ...menuLayout().map(({ name, groups }) => {
      const items: MenuItemConstructorOptions[] = [];
      for (const group of groups) {
        if (items.length) items.push(separator);
        for (const c of group) items.push({ label: c.label, accelerator: c.shortcut, click: () => send(c.name) });
      }
      const roles = rolesOf(name, isMac);
      return { label: `&${name}`, submenu: roles.length ? [...items, separator, ...roles] : items };
    }),
  ];
  return Menu.buildFromTemplate(template);
}
