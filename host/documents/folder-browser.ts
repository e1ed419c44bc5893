/**
 * What the web host's in-page Open, Save and Export dialogs show: one folder
 * inside the documents root at a time, its sub-folders and the files of the
 * kind asked for. Only real folders are listed (no links, nothing hidden), and
 * only inside the root (path-policy.ts decides); a huge folder is cut short
 * rather than sent whole.
 */
import { readdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FolderEntry, FolderListing } from '../../shared/api';
import type { PathPolicy } from './path-policy';

/** More entries than a person scrolls through; the dialog says the list was cut. */
export const MAX_FOLDER_ENTRIES = 2000;

/** A "deal" listing shows portfolios too: Open takes both. */
const EXTENSION = { deal: /\.(deal|dealbook)$/i, docx: /\.docx$/i } as const;

export async function listFolder(paths: PathPolicy, folder: string, show: 'deal' | 'docx'): Promise<FolderListing> {
  const refused = await paths.checkFolder(folder);
  if (refused || paths.root === undefined) return { ok: false, problems: [refused ?? { path: '', message: 'no folder can be listed here' }] };
  let names;
  try {
    names = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOTDIR' ? 'is not a folder' : code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (no permission)' : `cannot be read (${code ?? 'error'})`;
    return { ok: false, problems: [{ path: '', message: `${folder} ${why}` }] };
  }
  const byName = (a: FolderEntry, b: FolderEntry) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
  const folders: FolderEntry[] = [];
  const files: FolderEntry[] = [];
  for (const d of names) {
    if (d.name.startsWith('.')) continue;
    if (d.isDirectory()) folders.push({ name: d.name, kind: 'folder' });
    else if (d.isFile() && EXTENSION[show].test(d.name)) files.push({ name: d.name, kind: 'file' });
  }
  const entries = [...folders.sort(byName), ...files.sort(byName)];
  const atRoot = resolve(folder) === resolve(paths.root);
  return {
    ok: true,
    folder: resolve(folder),
    root: paths.root,
    parent: atRoot ? null : dirname(resolve(folder)),
    entries: entries.slice(0, MAX_FOLDER_ENTRIES),
    truncated: entries.length > MAX_FOLDER_ENTRIES,
  };
}
