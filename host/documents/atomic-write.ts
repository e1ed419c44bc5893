/**
 * Atomic file replacement: write a temp file beside the target, fsync it,
 * rename it over the target, fsync the folder. A crash or power cut at any
 * moment leaves the target as it was or as it is meant to be, never half
 * written; a failure removes the temp file and leaves the old file untouched.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temp name sits in the target's folder (rename is only atomic within one file system). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    renamed = true;
    await syncFolder(dirname(target));
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a folder: that is not an error. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort only: the data itself is already synced.
  } finally {
    await handle?.close();
  }
}
