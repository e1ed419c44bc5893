/**
 * Turning bytes from disk into a validated deal, or into the list of problems
 * a user can act on. Files from others are untrusted: size is checked before
 * reading, and nothing here throws for bad content.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenResult } from '../../shared/api';
import { parseDealText } from '../../shared/model/parse';
import { LIMITS } from '../../shared/model/schema';

export async function openDealFile(path: string): Promise<OpenResult> {
  const fileName = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    return { ok: false, fileName, problems: [{ path: '', message: `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }] };
  }
  if (size > LIMITS.maxFileBytes) {
    return {
      ok: false,
      fileName,
      problems: [{ path: '', message: `file is ${(size / 1024 / 1024).toFixed(1)} MB; a .deal file may be at most 5 MB` }],
    };
  }
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, fileName, problems: [{ path: '', message: 'not a text file (invalid UTF-8)' }] };
  }
  const result = parseDealText(text);
  if (!result.ok) return { ok: false, fileName, problems: result.problems };
  return { ok: true, document: { path, fileName, deal: result.deal, migrated: result.migrated } };
}
