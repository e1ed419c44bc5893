/**
 * Where the app keeps its own data (recovery folder, settings) when not under
 * Electron: DEALWRIGHT_DATA_DIR if set (tests point it at a temp folder),
 * otherwise a per-user folder. Electron passes app.getPath('userData').
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.DEALWRIGHT_DATA_DIR;
  if (fromEnv && fromEnv.trim() !== '') return fromEnv;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'dealwright-web');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'dealwright-web');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'dealwright-web');
}
