/**
 * The `file` of a portfolio entry: a path relative to the `.dealbook` file's
 * folder that must stay inside that folder or its subfolders. Checked here on
 * the text alone (no `..`, nothing absolute, `/` between folders, a `.deal`
 * name), so a portfolio that travels by e-mail cannot point at a file
 * elsewhere on the reader's disk ("." parts are harmless and allowed); the host checks again on disk, where a
 * symbolic link could still lead out (host/portfolio/load-portfolio.ts).
 *
 * Intentionally has no platform imports.
 */

/** Why `file` is not a safe relative path to a deal, or undefined when it is. */
export function entryFileProblem(file: string): string | undefined {
  if (file.includes('\0')) return 'must not contain a NUL character';
  if (/^[A-Za-z]:/.test(file) || file.startsWith('/') || file.startsWith('\\')) {
    return `"${file}" is an absolute path; a deal must be named relative to the portfolio's folder (e.g. "deals/licence.deal")`;
  }
  if (file.includes('\\')) return `"${file}" uses "\\"; separate folders with "/" so the portfolio opens on every system`;
  const segments = file.split('/');
  if (segments.some((s) => s === '..')) return `"${file}" leads out of the portfolio's folder (".."); the deal must be in that folder or a subfolder`;
  // "." parts stay in the folder (the spec refuses only ".." and absolute paths): "./licence.deal" is "licence.deal".
  if (segments.some((s) => s === '')) return `"${file}" has an empty part; write it as folder/name.deal`;
  if (!/\.deal$/i.test(file)) return `"${file}" is not a .deal file`;
  return undefined;
}

/** The key two entries are compared by for "the same deal twice" (case-folded: Windows and macOS disks ignore case). */
export function entryFileKey(file: string): string {
  return file.split('/').filter((s) => s !== '.').join('/').normalize('NFC').toLowerCase();
}

/** `deals[2] (licence.deal)`: how a message names an entry, by its place and its file. */
export function entryName(index: number, file: string | undefined): string {
  return file ? `deals[${index}] (${file})` : `deals[${index}]`;
}
