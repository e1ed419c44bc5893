/**
 * Which paths MainApi may read and write: only where the user chose. The
 * renderer is not trusted with paths (a compromised page, or a bug, must not
 * write a `.deal` or `.docx` anywhere, or read a file's first characters), so
 * every handler that touches a path asks this policy first.
 *
 * A path is allowed when the user granted it: picked in an open, save or
 * export dialog, named on the command line or by the OS, listed in recent
 * files (each was granted when it was recorded), or restored from recovery.
 * The shipped examples may be read. The web host, whose dialogs are in the
 * page, adds its documents root: any path inside it that is absolute,
 * without `.` or `..` segments, and reached without following a symbolic
 * link, may be read and (as .deal, .dealbook or .docx, in an existing folder) written.
 */
import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import type { Problem } from '../../shared/api';

export type WriteKind = 'deal' | 'docx' | 'dealbook';

const EXTENSIONS: Record<WriteKind, RegExp> = { deal: /\.deal$/i, docx: /\.docx$/i, dealbook: /\.dealbook$/i };

export interface PathPolicy {
  /** Records a path the user chose. */
  grant(path: string): void;
  /** Why `path` may not be read, or undefined when it may. */
  checkRead(path: string): Promise<Problem | undefined>;
  /** Why a `kind` file may not be written at `path`, or undefined when it may. */
  checkWrite(path: string, kind: WriteKind): Promise<Problem | undefined>;
  /** Why the folder `path` may not be listed by an in-page dialog (only the documents root and folders in it may). */
  checkFolder(path: string): Promise<Problem | undefined>;
  /** The web host's documents root, where its in-page dialogs browse; undefined where dialogs are native. */
  readonly root: string | undefined;
}

export interface PathPolicyOptions {
  /** Folders whose files may be read (the shipped examples). */
  readable?: readonly string[];
  /** Paths granted earlier, still valid (recent files). Asked on each check, so it can change. */
  remembered?: () => readonly string[];
  /** The web host's documents root: paths inside it are allowed without a grant. */
  root?: string;
}

const refused = (message: string): Problem => ({ path: '', message });

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Whether `path` names a place precisely: absolute, normalised, no `.` or `..` segment, no empty segment. */
function wellFormed(path: string): boolean {
  if (!isAbsolute(path) || path.includes('\0')) return false;
  const segments = path.split(/[\\/]+/).slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return false;
  return normalize(path) === path || normalize(path) === path.replace(/[\\/]+$/, '');
}

export function createPathPolicy(options: PathPolicyOptions = {}): PathPolicy {
  const granted = new Set<string>();
  const readable = (options.readable ?? []).map((d) => resolve(d));
  let realRoot: Promise<string | undefined> | undefined;
  const rootReal = () => (realRoot ??= options.root ? realpath(options.root).catch(() => undefined) : Promise.resolve(undefined));

  const isGranted = (path: string): boolean => {
    if (!isAbsolute(path)) return false;
    const key = resolve(path);
    return granted.has(key) || (options.remembered?.() ?? []).some((p) => resolve(p) === key);
  };

  /**
   * Inside the documents root, reached through real folders only: every existing component from the
   * root down is checked with lstat, so neither a link inside the root nor `..` leads out of it.
   */
  const inRoot = async (path: string, forWrite: boolean): Promise<Problem | undefined> => {
    const root = await rootReal();
    if (!options.root || !root) return refused('this file was not chosen in a dialog');
    if (!wellFormed(path)) return refused(`"${path}" must be a full path without "." or ".." parts`);
    // The root as configured may itself be reached through a link: compare against its real location.
    const configured = resolve(options.root);
    const rel = inside(configured, path) ? relative(configured, path) : inside(root, path) ? relative(root, path) : undefined;
    if (rel === undefined) return refused(`"${path}" is outside the documents folder ${options.root}`);
    let at = root;
    const parts = rel.split(sep);
    for (let i = 0; i < parts.length; i++) {
      at = join(at, parts[i]!);
      const last = i === parts.length - 1;
      let info;
      try {
        info = await lstat(at);
      } catch {
        // A file that does not exist yet may be written (its folder must exist); nothing else may.
        if (last && forWrite) return undefined;
        return refused(last ? 'the file does not exist' : `the folder ${dirname(at)} has no "${parts[i]}"`);
      }
      if (info.isSymbolicLink()) return refused(`"${at}" is a link; the documents folder is only browsed through real folders`);
      if (!last && !info.isDirectory()) return refused(`"${at}" is not a folder`);
    }
    return undefined;
  };

  return {
    root: options.root,
    grant(path) {
      if (isAbsolute(path)) granted.add(resolve(path));
    },
    async checkRead(path) {
      if (isGranted(path)) return undefined;
      if (isAbsolute(path) && readable.some((d) => inside(d, resolve(path)))) return undefined;
      return inRoot(path, false);
    },
    async checkFolder(path) {
      if (!options.root) return refused('this window uses the system\'s own file dialogs');
      if (resolve(path) === resolve(options.root) && isAbsolute(path)) return undefined;
      return inRoot(path, false);
    },
    async checkWrite(path, kind) {
      if (!EXTENSIONS[kind].test(path)) return refused(`the file name must end in .${kind}`);
      if (isGranted(path)) return undefined;
      return inRoot(path, true);
    },
  };
}
