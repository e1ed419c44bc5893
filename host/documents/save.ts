/**
 * Save and Save As. The deal is validated again here (the renderer is not
 * trusted to have done it), laid out like the file it came from where
 * unchanged, and written atomically. A file on disk made by a newer version
 * of Dealwright is never overwritten; one made by an older version is kept
 * beside it as `<name>.bak` before the migrated deal replaces it.
 */
import { copyFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Problem, SaveRequest, SaveResult } from '../../shared/api';
import { claimedVersion, NEWER_VERSION_MESSAGE } from '../../shared/model/migrations';
import { readJsonText } from '../../shared/model/json-text';
import { CURRENT_VERSION } from '../../shared/model/schema';
import { serializeDealLike } from '../../shared/model/layout-preserving';
import { validateDeal } from '../../shared/model/validate';
import { writeFileAtomic } from './atomic-write';
import { readDealTextIfAny } from './load';

function versionOfText(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const json = readJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return json.ok ? claimedVersion(json.value) : undefined;
}

function writeFailure(err: unknown, path: string): Problem {
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

export async function saveDealFile(request: SaveRequest): Promise<SaveResult> {
  const { path } = request;
  const validated = validateDeal(request.deal);
  if (!validated.ok) return { ok: false, problems: validated.problems };

  const existing = await readDealTextIfAny(path);
  const existingVersion = versionOfText(existing);
  if (existingVersion !== undefined && existingVersion > CURRENT_VERSION) {
    return {
      ok: false,
      problems: [{ path: '', message: `${basename(path)} was ${NEWER_VERSION_MESSAGE}; it was not overwritten. Save under another name.` }],
    };
  }
  const template = request.originalPath && request.originalPath !== path ? await readDealTextIfAny(request.originalPath) : existing;
  const text = serializeDealLike(validated.deal, template);
  try {
    if (existing !== undefined && existingVersion !== undefined && existingVersion < CURRENT_VERSION) {
      // The original of a migrated file: older versions of the app can still open this copy.
      await copyFile(path, `${path}.bak`);
    }
    await writeFileAtomic(path, text);
  } catch (err) {
    return { ok: false, problems: [writeFailure(err, path)] };
  }
  return { ok: true, path, fileName: basename(path), savedAt: new Date().toISOString() };
}
