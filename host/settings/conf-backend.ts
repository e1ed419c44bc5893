/**
 * Settings outside Electron (web host, CLI, tests): a `conf` JSON file in the
 * given data folder. conf would silently clear an invalid file if asked to;
 * it is not asked, so settings-store.ts can set the file aside instead.
 */
import Conf from 'conf';
import { join } from 'node:path';
import { createSettingsStore, type KeyValueBackend, type SettingsStore } from './settings-store';

export const SETTINGS_FILE = 'settings.json';

export function openConfSettings(dataDir: string): SettingsStore {
  const make = (): KeyValueBackend => {
    const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', clearInvalidConfig: false, projectName: 'dealwright' });
    return { path: conf.path, get: (k) => conf.get(k), set: (k, v) => conf.set(k, v) };
  };
  return createSettingsStore(make, join(dataDir, SETTINGS_FILE));
}
