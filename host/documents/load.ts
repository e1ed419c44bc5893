/**
 * Turning bytes from disk into a validated deal, or into the list of problems
 * a user can act on. Files from others are untrusted: size is checked before
 * reading, the encoding is checked before parsing, and nothing here throws for
 * bad content.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenResult, Problem } from '../../shared/api';
import { failed, failure, type Result } from '../../shared/problems';
import { MIGRATIONS, type MigrationRegistry } from '../../shared/model/migrations';
import { fileTooBig as tooBig, parseDealText, type ParseResult } from '../../shared/model/parse';
import { parseInBackground } from '../background/background';
import { LIMITS } from '../../shared/model/schema';

export interface LoadOptions {
  migrations?: MigrationRegistry;
}

/** Bytes -> text: UTF-8 only (a leading BOM is fine), with a clear word for UTF-16 and binary files. `kind` names the file in messages. */
export function decodeDealBytes(bytes: Uint8Array, kind = '.deal'): Result<{ text: string }> {
  if (bytes.length === 0) return failed('', 'the file is empty');
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (bytes.length > 1 && (b0 === 0 || b1 === 0))) {
    return failed('', `the file is UTF-16 text; save it as UTF-8 (a ${kind} file is UTF-8 JSON)`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return failed('', `not a ${kind} file: it is not UTF-8 text (binary or another encoding)`);
  }
  // Binary data that happens to be valid UTF-8 (control characters JSON never contains outside strings).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096)) && !text.trimStart().startsWith('{')) {
    return failed('', `not a ${kind} file: it contains binary data`);
  }
  return { ok: true, text };
}

/**
 * Reads at most the 5 MB limit plus one byte, so a huge file is refused without
 * being read. Only regular files are read: a FIFO, a device or a socket would
 * block the file thread pool (a FIFO's open waits for a writer; five of them
 * stalled every later file operation) or never end (/dev/zero). The type is
 * checked before opening, and again on the open handle (opened non-blocking),
 * in case the path changed in between.
 */
export async function readLimited(path: string): Promise<Result<{ bytes: Uint8Array }>> {
  try {
    const before = await stat(path);
    const kind = notAFile(before);
    if (kind) return failed('', kind);
  } catch (err) {
    return failed('', cannotRead(err));
  }
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return failed('', cannotRead(err));
  }
  try {
    const info = await handle.stat();
    const kind = notAFile(info);
    if (kind) return failed('', kind);
    if (info.size > LIMITS.maxFileBytes) return failure([tooBig(info.size)]);
    const buffer = new Uint8Array(LIMITS.maxFileBytes + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      // The file grew while it was read: still refuse past the limit.
      if (filled > LIMITS.maxFileBytes) return failure([tooBig(filled)]);
    }
    return { ok: true, bytes: buffer.subarray(0, filled) };
  } catch (err) {
    return failed('', cannotRead(err));
  } finally {
    await handle.close();
  }
}

/** Why something on disk is not a file that can be read as a deal, or undefined for a regular file. */
function notAFile(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'this is a folder, not a .deal file';
  return 'this is not a regular file (a pipe, a device or a socket), so it is not a .deal file';
}

function cannotRead(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'no permission to read the file';
  if (code === 'EISDIR') return 'this is a folder, not a .deal file';
  return `cannot read the file (${code ?? (err instanceof Error ? err.message : String(err))})`;
}

function openedResult(fileName: string, path: string | null, result: ParseResult): OpenResult {
  if (!result.ok) return { ok: false, fileName, problems: result.problems };
  return { ok: true, document: { path, fileName, deal: result.deal, migrated: result.migrated, ...(path ? { originalPath: path } : {}) } };
}

/** Text (already read, e.g. dropped onto the window) -> deal or problems. */
export function openDealBytes(fileName: string, bytes: Uint8Array, path: string | null, options: LoadOptions = {}): OpenResult {
  if (bytes.length > LIMITS.maxFileBytes) return { ok: false, fileName, problems: [tooBig(bytes.length)] };
  const decoded = decodeDealBytes(bytes);
  if (!decoded.ok) return { ok: false, fileName, problems: decoded.problems };
  return openedResult(fileName, path, parseDealText(decoded.text, options.migrations ?? MIGRATIONS));
}

/** As openDealBytes, reading and validating a long text on the host's background thread. */
export async function readDealBytes(fileName: string, bytes: Uint8Array, path: string | null, options: LoadOptions = {}): Promise<OpenResult> {
  if (options.migrations) return openDealBytes(fileName, bytes, path, options);
  if (bytes.length > LIMITS.maxFileBytes) return { ok: false, fileName, problems: [tooBig(bytes.length)] };
  const decoded = decodeDealBytes(bytes);
  if (!decoded.ok) return { ok: false, fileName, problems: decoded.problems };
  return openedResult(fileName, path, await parseInBackground(decoded.text, (text) => parseDealText(text)));
}

export async function openDealFile(path: string, options: LoadOptions = {}): Promise<OpenResult> {
  const fileName = basename(path);
  const read = await readLimited(path);
  if (!read.ok) return { ok: false, fileName, problems: read.problems };
  return readDealBytes(fileName, read.bytes, path, options);
}

/** What is on disk where a save would write: nothing, a deal this version reads (its text, and whether it is older), or something else. */
export type ExistingFile =
  | { kind: 'absent' }
  | { kind: 'deal'; text: string; migrated: boolean }
  | { kind: 'other'; problems: Problem[] };

/** Reads what a save would replace with exactly the loader Open uses (limits, encoding, strict JSON, version, validation). */
export async function openExistingDeal(path: string, options: LoadOptions = {}): Promise<ExistingFile> {
  try {
    await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
  }
  const read = await readLimited(path);
  if (!read.ok) return { kind: 'other', problems: read.problems };
  if (read.bytes.length > LIMITS.maxFileBytes) return { kind: 'other', problems: [tooBig(read.bytes.length)] };
  const decoded = decodeDealBytes(read.bytes);
  if (!decoded.ok) return { kind: 'other', problems: decoded.problems };
  const parsed = options.migrations ? parseDealText(decoded.text, options.migrations) : await parseInBackground(decoded.text, (text) => parseDealText(text));
  if (!parsed.ok) return { kind: 'other', problems: parsed.problems };
  return { kind: 'deal', text: decoded.text, migrated: parsed.migrated };
}

/** Raw text of a file for internal use (layout template, version check), or undefined if it cannot be read safely. */
export async function readDealTextIfAny(path: string): Promise<string | undefined> {
  const read = await readLimited(path);
  if (!read.ok) return undefined;
  const decoded = decodeDealBytes(read.bytes);
  return decoded.ok ? decoded.text : undefined;
}
