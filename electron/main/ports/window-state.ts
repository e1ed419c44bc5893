/**
 * The window opens where it was closed: size, place and maximised state kept
 * in the settings store. A saved place that is no longer on any screen (a
 * monitor unplugged) is dropped, so the window never opens out of sight.
 */
import { screen, type BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { SettingsStore, WindowState } from '../../../host/settings/settings-store';

function visible(state: WindowState): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const { x, y, width } = state;
  return screen.getAllDisplays().some(({ workArea: a }) => x < a.x + a.width - 50 && x + width > a.x + 50 && y >= a.y - 10 && y < a.y + a.height - 50);
}

export function savedWindowBounds(settings: SettingsStore): Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height'> {
  const state = settings.getWindowState();
  if (!state) return {};
  if (!visible(state)) return { width: state.width, height: state.height };
  return { x: state.x, y: state.y, width: state.width, height: state.height };
}

export function trackWindowState(win: BrowserWindow, settings: SettingsStore): void {
  if (settings.getWindowState()?.maximized) win.maximize();
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    try {
      settings.setWindowState({ ...bounds, maximized: win.isMaximized() });
    } catch {
      // A window that cannot remember its place still closes.
    }
  });
}
