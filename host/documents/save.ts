/**
 * Save and Save As. The deal is validated again here (the renderer is not
 * trusted to have done it), laid out like the file it came from where
 * unchanged, and written atomically.
 *
 * Before an existing file is replaced it is read with the same loader as Open:
 * only a file this version can open (its own version or an older one) is ever
 * replaced. Anything else, a file from a newer version (however it is written:
 * "2", 2.1, UTF-16, a duplicate key, NaN, trailing text, over 5 MB…), a file
 * that is not a deal at all, a folder, a device, is kept as it is, and the save
 * is refused with a message offering Save As. A file from an older version is
 * kept beside it as `<name>.bak` before the migrated deal replaces it.
 */
import { formatProblem } from '../../shared/problems';
import { copyFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Problem, SaveRequest, SaveResult } from '../../shared/api';
import { NEWER_VERSION_MESSAGE } from '../../shared/model/migrations';
import { serializeDealLike } from '../../shared/model/layout-preserving';
import { validateInBackground } from '../background/background';
import { writeFileAtomic } from './atomic-write';
import { openExistingDeal, readDealTextIfAny, type LoadOptions } from './load';

/** Why a write failed, in words, saying that nothing on disk changed. */
export function writeFailure(err: unknown, path: string): Problem {
  const code = (err as NodeJS.ErrnoException).code;
  const folder = dirname(path);
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? `no permission to write in ${folder}`
      : code === 'ENOENT'
        ? `the folder ${folder} does not exist`
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EROFS'
            ? 'the disk is read-only'
            : code === 'EISDIR'
              ? `${path} is a folder`
              : code === 'ENAMETOOLONG'
                ? 'the file name is too long'
              : `the file system refused (${code ?? (err instanceof Error ? err.message : String(err))})`;
  return { path: '', message: `could not save ${basename(path)}: ${why}. The file on disk was not changed; your work is still open.` };
}

/** Why an existing file must not be replaced, or undefined when it may (it does not exist, or this version reads it). */
async function keepExisting(path: string, options: LoadOptions): Promise<{ problem?: Problem; text?: string; migrated: boolean }> {
  const existing = await openExistingDeal(path, options);
  if (existing.kind === 'absent') return { migrated: false };
  if (existing.kind === 'deal') return { text: existing.text, migrated: existing.migrated };
  const name = basename(path);
  const why = existing.problems[0];
  if (why && why.message.includes(NEWER_VERSION_MESSAGE)) {
    return { migrated: false, problem: { path: '', message: `${name} was ${NEWER_VERSION_MESSAGE}; it was not overwritten. Save under another name.` } };
  }
  const detail = why ? ` (${formatProblem(why)})` : '';
  return {
    migrated: false,
    problem: { path: '', message: `${name} was not overwritten: it is not a deal file this version of Dealwright can read${detail}. Use Save As to save under another name.` },
  };
}

/** `options.migrations` is the registry the existing file is read with (tests add made-up versions). */
export async function saveDealFile(request: SaveRequest, options: LoadOptions = {}): Promise<SaveResult> {
  const { path } = request;
  const validated = await validateInBackground(request.deal);
  if (!validated.ok) return { ok: false, problems: validated.problems };

  const existing = await keepExisting(path, options);
  if (existing.problem) return { ok: false, problems: [existing.problem] };
  const template = request.originalPath && request.originalPath !== path ? await readDealTextIfAny(request.originalPath) : existing.text;
  const text = serializeDealLike(validated.deal, template);
  try {
    if (existing.migrated) {
      // The original of a migrated file: older versions of the app can still open this copy.
      await copyFile(path, `${path}.bak`);
    }
    await writeFileAtomic(path, text);
  } catch (err) {
    return { ok: false, problems: [writeFailure(err, path)] };
  }
  return { ok: true, path, fileName: basename(path), savedAt: new Date().toISOString() };
}
