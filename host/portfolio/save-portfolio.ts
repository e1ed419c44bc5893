/**
 * Save and Save As of a portfolio, like a deal's (host/documents/save.ts):
 * the portfolio is validated again here, written atomically in the canonical
 * layout, and an existing file is replaced only when this version reads it
 * as a portfolio: a file from a newer version, or anything else, is kept
 * and the save refused with a message offering Save As.
 *
 * Saved into another folder than the one it was read from (an example, or a
 * Save As elsewhere), the portfolio takes its deal files along: each is
 * copied to the same relative place beside it, unless a file is already
 * there, which is never overwritten (the same bytes are fine; different ones
 * refuse the save before anything is written).
 */
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Problem } from '../../shared/api';
import { NEWER_VERSION_MESSAGE } from '../../shared/model/migrations';
import type { PortfolioSaveResult } from '../../shared/portfolio/documents';
import { serializeDealbook } from '../../shared/portfolio/serialize';
import type { Dealbook } from '../../shared/portfolio/schema';
import { validateDealbook } from '../../shared/portfolio/validate';
import { writeFileAtomic } from '../documents/atomic-write';
import { writeFailure } from '../documents/save';
import { readLimited } from '../documents/load';
import { loadEntries, readDealbookBytes, resolveEntryFile, stampOf } from './load-portfolio';

export interface PortfolioSaveRequest {
  path: string;
  book: unknown;
  /** The .dealbook the portfolio was read from, whose folder holds its deals. */
  originalPath?: string | undefined;
}

const refuse = (message: string): PortfolioSaveResult => ({ ok: false, problems: [{ path: '', message }] });

/** Why the file at `path` must not be replaced, or undefined (nothing there, or a portfolio this version reads). */
async function keepExisting(path: string): Promise<Problem | undefined> {
  try {
    await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  const name = basename(path);
  const read = await readLimited(path);
  const parsed = read.ok ? readDealbookBytes(read.bytes) : { ok: false as const, problems: read.problems };
  if (parsed.ok) return undefined;
  const why = parsed.problems[0];
  if (why?.message.includes(NEWER_VERSION_MESSAGE)) return { path: '', message: `${name} was ${NEWER_VERSION_MESSAGE}; it was not overwritten. Save under another name.` };
  const detail = why ? ` (${why.path ? `${why.path}: ` : ''}${why.message})` : '';
  return { path: '', message: `${name} was not overwritten: it is not a portfolio this version of Dealwright can read${detail}. Use Save As to save under another name.` };
}

/** The deal files to copy when the portfolio moves folders; a refusal when a different file is in the way. */
async function plannedCopies(book: Dealbook, from: string, to: string): Promise<{ copies: { from: string; to: string }[] } | { problem: string }> {
  const copies: { from: string; to: string }[] = [];
  for (const [i, entry] of book.deals.entries()) {
    const source = await resolveEntryFile(from, entry.file);
    const target = await resolveEntryFile(to, entry.file);
    if (!source.ok) continue; // Nothing to take along: the entry already says why.
    if (!target.ok) return { problem: `deals[${i}] (${entry.file}): ${target.message}` };
    const there = await readLimited(target.path);
    if (!there.ok) {
      if (!/does not exist/.test(there.problems[0]!.message)) return { problem: `deals[${i}] (${entry.file}): ${there.problems[0]!.message} at ${target.path}` };
      const original = await readLimited(source.path);
      if (original.ok) copies.push({ from: source.path, to: target.path });
      continue;
    }
    const original = await readLimited(source.path);
    if (original.ok && stampOf(original.bytes) !== stampOf(there.bytes)) {
      return { problem: `deals[${i}] (${entry.file}): a different ${basename(target.path)} is already in ${dirname(target.path)}; it was not overwritten. Save the portfolio in another folder, or move that file first.` };
    }
  }
  return { copies };
}

export async function savePortfolioFile(request: PortfolioSaveRequest, openable: boolean): Promise<PortfolioSaveResult> {
  const validated = validateDealbook(request.book);
  if (!validated.ok) return { ok: false, problems: validated.problems };
  const book = validated.book;
  const path = resolve(request.path);
  const kept = await keepExisting(path);
  if (kept) return { ok: false, problems: [kept] };
  const folder = dirname(path);
  const from = request.originalPath ? dirname(resolve(request.originalPath)) : undefined;
  let copies: { from: string; to: string }[] = [];
  if (from !== undefined && from !== folder) {
    const planned = await plannedCopies(book, from, folder);
    if ('problem' in planned) return refuse(planned.problem);
    copies = planned.copies;
  }
  try {
    for (const c of copies) {
      await mkdir(dirname(c.to), { recursive: true });
      // COPYFILE_EXCL: a file that appeared since the check is still never overwritten.
      await copyFile(c.from, c.to, constants.COPYFILE_EXCL);
    }
    await writeFileAtomic(path, serializeDealbook(book));
  } catch (err) {
    return { ok: false, problems: [writeFailure(err, path)] };
  }
  return {
    ok: true,
    path,
    fileName: basename(path),
    savedAt: new Date().toISOString(),
    copied: copies.map((c) => c.to),
    entries: await loadEntries(book, folder, openable),
  };
}
