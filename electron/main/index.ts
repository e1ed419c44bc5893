/**
 * The Electron shell: app lifecycle, the window, security, the menu and IPC
 * registration. No domain logic: every request goes to the host handlers that
 * the web host and the CLI share.
 */
import { app, BrowserWindow, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type EventName, type MainEvents } from '../../shared/api';
import { createHostHandlers } from '../../host/host-handlers';
import { warmUpValuation } from '../../host/valuation/valuation-handlers';
import { LaunchFiles } from '../../host/launch-files';
import { createDispatcher, type CallContext } from '../../host/rpc/dispatcher';
import { buildMenu } from './menu';
import { openElectronSettings } from './ports/electron-settings';
import { nativeDialogs } from './ports/native-dialogs';
import { nativeExportPorts } from './ports/native-export';
import { savedWindowBounds, trackWindowState } from './ports/window-state';
import type { SettingsStore } from '../../host/settings/settings-store';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN, externalUrlAllowed, isAppUrl, secureWebPreferences, senderAllowed } from './security';

registerAppScheme();

// .deal and .dealbook files named on the command line (`npm start` opens an example this way) or by the OS.
const launchFiles = new LaunchFiles();
for (const path of LaunchFiles.fromArgv(process.argv.slice(1), process.cwd())) launchFiles.add(path);
app.on('open-file', (event, path) => {
  event.preventDefault();
  launchFiles.add(path);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of LaunchFiles.fromArgv(argv.slice(1), workingDirectory)) launchFiles.add(path);
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  void app.whenReady().then(start);
}

function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}

function start(): void {
  serveRenderer(join(app.getAppPath(), 'out', 'renderer'));
  // No permission (camera, notifications, geolocation…) is ever needed.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const ports = {
    resourcesDir: resourcesDir(),
    appVersion: app.getVersion(),
    host: 'electron' as const,
    launchFiles,
    documents: {
      // DEALWRIGHT_DATA_DIR lets the shell's end-to-end tests use a throw-away folder.
      dataDir: process.env.DEALWRIGHT_DATA_DIR ?? app.getPath('userData'),
      dialogs: nativeDialogs(() => app.getPath('documents')),
      settings: settingsStore,
    },
    exports: nativeExportPorts(() => app.getPath('documents')),
  };
  void warmUpValuation(join(resourcesDir(), 'examples', 'pharma-licence.deal'));
  // One set of handlers per page, as the web host keeps one per connection: when the window closes or
  // its page reloads, nobody is left to see that page's runs, so they are cancelled and the pool is
  // given back at once.
  const dispatchers = new Map<number, ReturnType<typeof createDispatcher>>();
  const dispatcherFor = (sender: WebContents) => {
    let dispatch = dispatchers.get(sender.id);
    if (!dispatch) {
      const id = sender.id;
      const closed = new AbortController();
      const drop = () => {
        sender.removeListener('destroyed', drop);
        sender.removeListener('render-process-gone', drop);
        sender.removeListener('did-navigate', drop);
        if (dispatchers.get(id) === dispatch) dispatchers.delete(id);
        closed.abort();
      };
      dispatch = createDispatcher(createHostHandlers({ ...ports, closed: closed.signal }));
      dispatchers.set(id, dispatch);
      // did-navigate: the main frame committed a new document (a reload); in-page navigations do not count.
      sender.on('destroyed', drop);
      sender.on('render-process-gone', drop);
      sender.on('did-navigate', drop);
    }
    return dispatch;
  };
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!senderAllowed(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'forbidden', message: 'request from a frame that is not Dealwright' } };
    }
    const ctx: CallContext = {
      emit<E extends EventName>(name: E, payload: MainEvents[E]) {
        if (!event.sender.isDestroyed()) event.sender.send(IPC_EVENT_CHANNEL, name, payload);
      },
    };
    return dispatcherFor(event.sender)(method, args, ctx);
  });

  Menu.setApplicationMenu(buildMenu());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

let settings: SettingsStore | undefined;
/** One settings store for the app (electron-store in userData), made on first use. */
function settingsStore(): SettingsStore {
  return (settings ??= openElectronSettings(app.getPath('userData')));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    ...savedWindowBounds(settingsStore()),
    minWidth: 960,
    minHeight: 600,
    title: 'Dealwright',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  trackWindowState(win, settingsStore());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.on('web-contents-created', (_event, contents) => {
  // The renderer is a single page: it never navigates, not even within app://.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url) || url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (externalUrlAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
