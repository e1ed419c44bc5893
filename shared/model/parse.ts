/**
 * Bytes -> validated deal. Order: size, UTF-8 decode, JSON parse, structural
 * schema, cross-field rules, migration. Returns problems as values.
 */
import type { Problem } from '../api';
import { dealSchema, LIMITS, type Deal } from './schema';

export type ParseResult = { ok: true; deal: Deal; migrated: boolean } | { ok: false; problems: Problem[] };

function zodPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Parses the text of a .deal file (already decoded from UTF-8 by the host). */
export function parseDealText(text: string): ParseResult {
  if (text.length > LIMITS.maxFileBytes) {
    return { ok: false, problems: [{ path: '', message: 'file is larger than 5 MB' }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const parsed = dealSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: zodPath(i.path), message: i.message })),
    };
  }
  return { ok: true, deal: parsed.data, migrated: false };
}
