/**
 * Text of a `.deal` file -> validated deal. Order: byte-size limit, BOM,
 * strict JSON (prototype keys, duplicate keys, nesting refused), version
 * (newer refused), migration, then validation (schema, cross-field rules,
 * formulas, scenarios, sliders). Returns problems as values, never throws.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import type { Problem } from '../api';
import { readJsonText } from './json-text';
import { migrate, MIGRATIONS, type MigrationRegistry } from './migrations';
import { DEAL_FORMAT, LIMITS, type Deal } from './schema';
import { validateDeal } from './validate';

export type ParseResult = Result<{ deal: Deal; migrated: boolean; fromVersion: number }>;

/** A file over the 5 MB limit, said so that "5.0 MB" never reads as within it. */
export function fileTooBig(bytes: number): Problem {
  const mb = bytes / 1024 / 1024;
  const size = mb >= 5.05 ? `${mb.toFixed(1)} MB` : `just over 5 MB (${bytes.toLocaleString('en-US')} bytes)`;
  return { path: '', message: `file is ${size}; a .deal file may be at most 5 MB` };
}

/** UTF-8 byte length without a platform Buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A JSON object that does not say it is a deal is not one: one problem, naming nothing from inside it. */
function formatProblem(value: unknown): Problem | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined; // validateDeal explains
  if (!Object.prototype.hasOwnProperty.call(value, 'format')) return { path: '', message: `not a .deal file: it has no "format": "${DEAL_FORMAT}"` };
  if ((value as { format: unknown }).format !== DEAL_FORMAT) return { path: 'format', message: `must be "${DEAL_FORMAT}"` };
  return undefined;
}

/** Parses the text of a .deal file (decoded from UTF-8 by the host, or read by the page). */
export function parseDealText(text: string, registry: MigrationRegistry = MIGRATIONS): ParseResult {
  if (text.length > LIMITS.maxFileBytes || utf8Length(text) > LIMITS.maxFileBytes) {
    return { ok: false, problems: [{ path: '', message: 'file is larger than 5 MB; a .deal file may be at most 5 MB' }] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [{ path: '', message: 'the file is empty' }] };
  // Text that is not even trying to be a .deal file (another program's file, opened by mistake) is refused
  // as such: what is wrong with it would only repeat what it holds.
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') return { ok: false, problems: [{ path: '', message: 'not a .deal file: it is not JSON text starting with {' }] };
  const json = readJsonText(body);
  if (!json.ok) return json;
  const format = formatProblem(json.value);
  if (format) return { ok: false, problems: [format] };
  const migrated = migrate(json.value, registry);
  if (!migrated.ok) return migrated;
  const validated = validateDeal(migrated.raw);
  if (!validated.ok) return validated;
  return { ok: true, deal: validated.deal, migrated: migrated.migrated, fromVersion: migrated.fromVersion };
}
