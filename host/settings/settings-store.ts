/**
 * Preferences that outlive a session: recent files (up to 10), the window's
 * size and place, and the user's name as documents give it (the author of a
 * redline's tracked changes). One interface over two backends: electron-store under
 * Electron (electron/main/ports) and `conf` elsewhere (conf-backend.ts); both
 * keep a JSON file in the app's data folder.
 *
 * What is read back is checked like any other input. A settings file that
 * cannot be read is set aside under a new name (so nothing is silently lost)
 * and the user is told, instead of being reset without a word.
 */
import { renameSync, existsSync } from 'node:fs';
import * as z from 'zod';

export const MAX_RECENT_FILES = 10;

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(200).max(20000),
  maximized: z.boolean().optional(),
});
export type WindowState = z.infer<typeof windowStateSchema>;
const recentSchema = z.array(z.string().min(1).max(4096)).max(100);
const authorNameSchema = z.string().max(200);

/** The little a backend has to do; conf and electron-store both fit it. */
export interface KeyValueBackend {
  /** The file it keeps its data in. */
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface SettingsStore {
  getRecentFiles(): string[];
  /** Puts `path` first, drops older duplicates, keeps at most 10. */
  addRecentFile(path: string): void;
  removeRecentFile(path: string): void;
  getWindowState(): WindowState | undefined;
  setWindowState(state: WindowState): void;
  /** The user's name for documents; '' when never set. */
  getAuthorName(): string;
  setAuthorName(name: string): void;
  /** Set when the settings file was unreadable and was set aside: say so to the user once. */
  readonly notice: string | undefined;
}

/** Renames an unreadable settings file to `<name>.corrupt-<time>` and says where it went. */
export function setAside(path: string): string {
  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(path)) renameSync(path, aside);
  return aside;
}

/**
 * Builds the store over a backend factory. The factory is called again after
 * a corrupt file is set aside (conf and electron-store read the file when made).
 */
export function createSettingsStore(makeBackend: () => KeyValueBackend, filePathHint: string): SettingsStore {
  let notice: string | undefined;
  const recover = (path: string, err: unknown): KeyValueBackend => {
    const aside = setAside(path);
    notice = `Your settings file could not be read (${err instanceof Error ? err.message : String(err)}); it was kept as ${aside} and default settings are used.`;
    return makeBackend();
  };
  let backend: KeyValueBackend;
  try {
    backend = makeBackend();
  } catch (err) {
    backend = recover(filePathHint, err);
  }
  // The file can also go bad while the app runs (another tool, a full disk): same treatment.
  const read = (key: string): unknown => {
    try {
      return backend.get(key);
    } catch (err) {
      backend = recover(backend.path, err);
      return backend.get(key);
    }
  };
  const write = (key: string, value: unknown): void => {
    try {
      backend.set(key, value);
    } catch (err) {
      backend = recover(backend.path, err);
      backend.set(key, value);
    }
  };
  const recent = (): string[] => {
    const parsed = recentSchema.safeParse(read('recentFiles'));
    return parsed.success ? parsed.data.slice(0, MAX_RECENT_FILES) : [];
  };
  return {
    getRecentFiles: recent,
    addRecentFile(path) {
      write('recentFiles', [path, ...recent().filter((p) => p !== path)].slice(0, MAX_RECENT_FILES));
    },
    removeRecentFile(path) {
      write('recentFiles', recent().filter((p) => p !== path));
    },
    getWindowState() {
      const parsed = windowStateSchema.safeParse(read('windowState'));
      return parsed.success ? parsed.data : undefined;
    },
    setWindowState(state) {
      write('windowState', windowStateSchema.parse(state));
    },
    getAuthorName() {
      const parsed = authorNameSchema.safeParse(read('authorName'));
      return parsed.success ? parsed.data : '';
    },
    setAuthorName(name) {
      write('authorName', authorNameSchema.parse(name.trim()));
    },
    get notice() {
      return notice;
    },
  };
}
