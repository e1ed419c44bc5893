/**
 * Atomic file replacement: write a temp file beside the target, fsync it,
 * rename it over the target, fsync the folder. A crash or power cut at any
 * moment leaves the target as it was or as it is meant to be, never half
 * written; a failure removes the temp file and leaves the old file untouched.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temp name sits in the target's folder (rename is only atomic within one file system). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Saves of one target within this process run one after another (autosave timer and blur can overlap). */
const queues = new Map<string, Promise<unknown>>();

export function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const previous = queues.get(target) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => writeNow(target, data));
  queues.set(target, next);
  const forget = () => {
    if (queues.get(target) === next) queues.delete(target);
  };
  void next.then(forget, forget);
  return next;
}

async function writeNow(target: string, data: string | Uint8Array): Promise<void> {
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
  await removeStaleTemps(target);
}

/** Temp files of this target left by a process killed mid-save: the save that just succeeded supersedes them. */
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) {
      await unlink(join(dirname(target), name)).catch(() => undefined);
    }
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
