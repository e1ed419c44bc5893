/**
 * Settings under Electron: electron-store in the app's userData folder, behind
 * the same SettingsStore interface as `conf` elsewhere (host/settings). A
 * corrupt file is set aside by createSettingsStore, not cleared.
 */
import Store from 'electron-store';
import { join } from 'node:path';
import { createSettingsStore, type KeyValueBackend, type SettingsStore } from '../../../host/settings/settings-store';

export function openElectronSettings(userDataDir: string): SettingsStore {
  const make = (): KeyValueBackend => {
    const store = new Store<Record<string, unknown>>({ cwd: userDataDir, name: 'settings', clearInvalidConfig: false });
    return { path: store.path, get: (k) => store.get(k), set: (k, v) => store.set(k, v) };
  };
  return createSettingsStore(make, join(userDataDir, 'settings.json'));
}
