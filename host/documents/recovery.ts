/**
 * Crash recovery: unsaved work is written every 30 seconds and on blur (the
 * renderer's timer calls `autosave`) to `<dataDir>/recovery/<docKey>.json`.
 * A clean close or a successful save removes it, so whatever is left at the
 * next start is work a crash would otherwise have lost, and is offered back.
 * A recovery file that is corrupt or truncated is skipped with a message,
 * never a crash, and left in place for a person to look at.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { validateInBackground } from '../background/background';
import type { AutosaveRequest, OpenResult, RecoveredDocument, RecoveryList } from '../../shared/api';
import { readJsonText } from '../../shared/model/json-text';
import { DEALBOOK_FORMAT } from '../../shared/portfolio/schema';
import { writeFileAtomic } from './atomic-write';

export const RECOVERY_FORMAT = 'dealwright.recovery';
const MAX_RECOVERY_BYTES = 6 * 1024 * 1024;
const DOC_KEY = /^[A-Za-z0-9_-]{1,64}$/;

const envelopeSchema = z.object({
  format: z.literal(RECOVERY_FORMAT),
  version: z.literal(1),
  docKey: z.string().regex(DOC_KEY),
  fileName: z.string().min(1),
  path: z.string().nullable(),
  /** A portfolio's: the .dealbook it was read from, whose folder holds its deals (an example's, for one never saved). */
  originalPath: z.string().optional(),
  savedAt: z.string(),
  deal: z.unknown(),
});
type Envelope = z.infer<typeof envelopeSchema>;

export function recoveryDir(dataDir: string): string {
  return join(dataDir, 'recovery');
}

function fileFor(dataDir: string, docKey: string): string {
  // The schema at the API boundary already restricts docKey; checked again because a path is built from it.
  if (!DOC_KEY.test(docKey)) throw new Error(`"${docKey}" is not a document key`);
  return join(recoveryDir(dataDir), `${docKey}.json`);
}

export async function autosave(dataDir: string, request: AutosaveRequest): Promise<{ ok: true; savedAt: string }> {
  await mkdir(recoveryDir(dataDir), { recursive: true });
  const savedAt = new Date().toISOString();
  const envelope: Envelope = {
    format: RECOVERY_FORMAT,
    version: 1,
    docKey: request.docKey,
    fileName: request.fileName,
    path: request.path,
    ...(request.originalPath === undefined ? {} : { originalPath: request.originalPath }),
    savedAt,
    deal: request.deal,
  };
  await writeFileAtomic(fileFor(dataDir, request.docKey), JSON.stringify(envelope));
  return { ok: true, savedAt };
}

/** The autosave of one document, as written (for a portfolio's restore, host/portfolio). */
export async function readRecovered(dataDir: string, docKey: string): ReturnType<typeof readEnvelope> {
  return readEnvelope(fileFor(dataDir, docKey));
}

async function readEnvelope(file: string): Promise<{ ok: true; envelope: Envelope } | { ok: false; message: string }> {
  try {
    const info = await stat(file);
    if (info.size > MAX_RECOVERY_BYTES) return { ok: false, message: 'the recovery file is too large to be a deal' };
    const text = await readFile(file, 'utf8');
    const json = readJsonText(text);
    if (!json.ok) return { ok: false, message: `the recovery file is damaged (${json.problems[0]?.message})` };
    const parsed = envelopeSchema.safeParse(json.value);
    if (!parsed.success) return { ok: false, message: 'the recovery file is not one Dealwright wrote' };
    return { ok: true, envelope: parsed.data };
  } catch (err) {
    return { ok: false, message: `the recovery file cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}

function titleOf(deal: unknown): string {
  const t = (deal as { title?: unknown } | null)?.title;
  return typeof t === 'string' && t.trim() !== '' ? t : 'Untitled deal';
}

export async function listRecovered(dataDir: string): Promise<RecoveryList> {
  let names: string[];
  try {
    names = await readdir(recoveryDir(dataDir));
  } catch {
    return { documents: [], skipped: [] };
  }
  const documents: RecoveredDocument[] = [];
  const skipped: RecoveryList['skipped'] = [];
  for (const name of names.sort()) {
    if (!name.endsWith('.json') || !DOC_KEY.test(name.slice(0, -5))) continue;
    const read = await readEnvelope(join(recoveryDir(dataDir), name));
    if (!read.ok) {
      skipped.push({ file: name, message: read.message });
      continue;
    }
    const e = read.envelope;
    const kind = (e.deal as { format?: unknown } | null)?.format === DEALBOOK_FORMAT ? 'portfolio' : 'deal';
    documents.push({ docKey: e.docKey, fileName: e.fileName, path: e.path, savedAt: e.savedAt, title: titleOf(e.deal), kind });
  }
  documents.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  return { documents, skipped };
}

export async function restoreRecovered(dataDir: string, docKey: string): Promise<OpenResult> {
  const read = await readEnvelope(fileFor(dataDir, docKey));
  if (!read.ok) return { ok: false, fileName: `${docKey}.json`, problems: [{ path: '', message: read.message }] };
  const { envelope } = read;
  // A large deal is validated on the host's background thread, never the one serving every window.
  const validated = await validateInBackground(envelope.deal);
  // The recovery file stays until the user saves or discards, so a deal that no longer validates is not lost.
  if (!validated.ok) return { ok: false, fileName: envelope.fileName, problems: validated.problems };
  return {
    ok: true,
    document: { path: envelope.path, fileName: envelope.fileName, deal: validated.deal, migrated: false, ...(envelope.path ? { originalPath: envelope.path } : {}) },
  };
}

export async function discardRecovered(dataDir: string, docKey: string): Promise<{ ok: true }> {
  await unlink(fileFor(dataDir, docKey)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  return { ok: true };
}
