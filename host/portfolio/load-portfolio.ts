/**
 * Reading a `.dealbook` portfolio and the deal files it lists. The portfolio
 * is untrusted like any file (size, encoding, strict JSON, version, schema:
 * shared/portfolio/validate.ts); each deal path must stay inside the
 * portfolio's folder, on disk as in text: a path reached through a symbolic
 * link that leads out of the folder is refused. Each deal is read with the
 * loader Open uses. A deal that cannot be read, or does not fit the
 * portfolio (currency, unit, our party, the position), gives its entry
 * problems naming the entry and the file; the other entries are unaffected.
 */
import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Problem } from '../../shared/api';
import { blocking, entryProblems, inEntry, type PortfolioEntryState } from '../../shared/portfolio/entries';
import { entryFileProblem } from '../../shared/portfolio/entry-file';
import type { Dealbook } from '../../shared/portfolio/schema';
import { parseDealbookText } from '../../shared/portfolio/validate';
import type { OpenedPortfolio, PortfolioOpenResult } from '../../shared/portfolio/documents';
import { decodeDealBytes, readDealBytes, readLimited } from '../documents/load';

/** The stamp of a file's bytes: equal bytes, equal stamp. */
export function stampOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** Bytes of a .dealbook -> the validated portfolio or its problems. */
export function readDealbookBytes(bytes: Uint8Array): ReturnType<typeof parseDealbookText> {
  const decoded = decodeDealBytes(bytes, '.dealbook');
  if (!decoded.ok) return { ok: false, problems: decoded.problems };
  return parseDealbookText(decoded.text);
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The deal file of an entry, if it stays inside `folder` on disk (symbolic links followed), else why not. */
export async function resolveEntryFile(folder: string, file: string): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const unsafe = entryFileProblem(file);
  if (unsafe) return { ok: false, message: unsafe };
  const path = join(folder, ...file.split('/'));
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
  } catch {
    return { ok: false, message: `the portfolio's folder ${folder} cannot be read` };
  }
  try {
    const real = await realpath(path);
    if (!inside(realFolder, real)) return { ok: false, message: `"${file}" leads out of the portfolio's folder through a link; the deal must be in that folder or a subfolder` };
  } catch {
    // Does not exist (yet): the loader says so in its own words.
  }
  return { ok: true, path };
}

/** Reads one entry's deal from bytes already in hand and checks it against the portfolio. */
async function entryFromBytes(book: Dealbook, place: number, bytes: Uint8Array, path: string | null, originalPath: string | undefined): Promise<PortfolioEntryState> {
  const entry = book.deals[place]!;
  const file = entry.file;
  const opened = await readDealBytes(basename(file), bytes, path);
  const base = { place, file, path, originalPath, stamp: stampOf(bytes) };
  if (!opened.ok) return { ...base, deal: null, problems: opened.problems.map((p) => inEntry(place, file, p)) };
  const deal = opened.document.deal;
  return { ...base, deal, problems: entryProblems(book, place, entry, deal) };
}

/** Reads every entry's deal relative to `folder`. `openable` says whether rows may open and save the deal files themselves. */
export async function loadEntries(book: Dealbook, folder: string, openable: boolean): Promise<PortfolioEntryState[]> {
  return Promise.all(
    book.deals.map(async (entry, place): Promise<PortfolioEntryState> => {
      const failed = (problem: Problem): PortfolioEntryState => ({ place, file: entry.file, path: null, deal: null, stamp: null, problems: [inEntry(place, entry.file, problem)] });
      const resolved = await resolveEntryFile(folder, entry.file);
      if (!resolved.ok) return failed({ path: '', message: resolved.message });
      const read = await readLimited(resolved.path);
      if (!read.ok) return failed(read.problems[0]!);
      return entryFromBytes(book, place, read.bytes, openable ? resolved.path : null, resolved.path);
    }),
  );
}

/** A dropped portfolio has no folder: its deals come from the files dropped with it, matched by name. */
export async function entriesFromDropped(book: Dealbook, companions: readonly { name: string; bytes: Uint8Array }[]): Promise<PortfolioEntryState[]> {
  return Promise.all(
    book.deals.map(async (entry, place) => {
      const exact = companions.find((c) => c.name === entry.file);
      const byName = companions.filter((c) => c.name === basename(entry.file));
      const found = exact ?? (byName.length === 1 ? byName[0] : undefined);
      if (!found) {
        return {
          place,
          file: entry.file,
          path: null,
          deal: null,
          stamp: null,
          problems: [inEntry(place, entry.file, { path: '', message: 'not among the files dropped with the portfolio: drop its deal files with it, or open the portfolio with Open… so its folder is known' })],
        };
      }
      return entryFromBytes(book, place, found.bytes, null, undefined);
    }),
  );
}

/** Opens a .dealbook file at `path` with its deals. `asExample` opens it unsaved (Save asks where), its deals likewise. */
export async function openPortfolioFile(path: string, options: { asExample?: boolean } = {}): Promise<PortfolioOpenResult> {
  const fileName = basename(path);
  const read = await readLimited(path);
  if (!read.ok) return { ok: false, fileName, problems: read.problems };
  const parsed = readDealbookBytes(read.bytes);
  if (!parsed.ok) return { ok: false, fileName, problems: parsed.problems };
  const entries = await loadEntries(parsed.book, dirname(resolve(path)), !options.asExample);
  const portfolio: OpenedPortfolio = { path: options.asExample ? null : resolve(path), fileName, book: parsed.book, originalPath: resolve(path), entries };
  return { ok: true, portfolio };
}

/** Whether any entry has problems that keep it out of the valuation. */
export function hasBlockingProblems(entries: readonly PortfolioEntryState[]): boolean {
  return entries.some((e) => e.deal === null || blocking(e.problems).length > 0);
}

/** The folder an entry's file is resolved in, printed in messages. */
export function folderOf(portfolioPath: string): string {
  return dirname(resolve(portfolioPath)) + sep;
}
