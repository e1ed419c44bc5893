/**
 * Text of a `.dealbook` file -> validated portfolio, or the problems a person
 * can act on, each with its JSON path (`deals[2].metrics[0].due`). The same
 * conventions as a `.deal` file: at most 5 MB, strict JSON (duplicate and
 * prototype keys refused), a newer `version` refused, unknown keys refused
 * except `x-` ones (kept: the book returned is the input itself), then the
 * portfolio's own rules: deal paths that stay inside the portfolio's folder
 * and no deal listed twice.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import { readJsonText } from '../model/json-text';
import { NEWER_VERSION_MESSAGE, claimedVersion } from '../model/migrations';
import { fileTooBig, utf8Length } from '../model/parse';
import { problemPath } from '../model/paths';
import { issueProblems, withoutExtensions } from '../model/validate';
import { entryFileKey, entryFileProblem } from './entry-file';
import { DEALBOOK_FORMAT, DEALBOOK_VERSION, PORTFOLIO_LIMITS, dealbookSchema, type Dealbook } from './schema';

export type DealbookResult = { ok: true; book: Dealbook } | { ok: false; problems: Problem[] };

/** Everything a portfolio must satisfy to be opened or saved (without looking at its deals). */
export function validateDealbook(raw: unknown): DealbookResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '', message: 'not a .dealbook file: expected a JSON object { … } at the top' }] };
  }
  const record = raw as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(record, 'format')) return { ok: false, problems: [{ path: '', message: `not a .dealbook file: it has no "format": "${DEALBOOK_FORMAT}"` }] };
  if (record.format !== DEALBOOK_FORMAT) {
    const hint = record.format === 'dealwright.deal' ? ' (this is a deal; open it as a deal, or add it to a portfolio)' : '';
    return { ok: false, problems: [{ path: 'format', message: `must be "${DEALBOOK_FORMAT}"${hint}` }] };
  }
  const version = claimedVersion(raw);
  if (version !== undefined && version > DEALBOOK_VERSION) {
    return {
      ok: false,
      problems: [{ path: 'version', message: `${NEWER_VERSION_MESSAGE} (portfolio version ${version}; this one reads up to version ${DEALBOOK_VERSION}): update Dealwright to open it` }],
    };
  }
  const problems: Problem[] = [];
  const stripped = withoutExtensions(raw, problems);
  if (problems.length > 0) return { ok: false, problems };
  const parsed = dealbookSchema.safeParse(stripped);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((issue) => issueProblems(raw, issue, dealbookSchema)) };
  const rules = ruleProblems(parsed.data, raw);
  if (rules.length > 0) return { ok: false, problems: rules };
  return { ok: true, book: raw as Dealbook };
}

/** Deal paths inside the folder, each deal once. */
function ruleProblems(book: Dealbook, raw: unknown): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, number>();
  book.deals.forEach((entry, i) => {
    const where = problemPath(raw, ['deals', i, 'file']);
    const unsafe = entryFileProblem(entry.file);
    if (unsafe) {
      out.push({ path: where, message: unsafe });
      return;
    }
    const key = entryFileKey(entry.file);
    const first = seen.get(key);
    if (first !== undefined) out.push({ path: where, message: `"${entry.file}" is listed twice: deals[${first}] is the same deal; list each deal once` });
    else seen.set(key, i);
  });
  return out;
}

/** Parses the text of a .dealbook file (decoded from UTF-8 by the host, or read by the page). */
export function parseDealbookText(text: string): DealbookResult {
  if (text.length > PORTFOLIO_LIMITS.maxFileBytes || utf8Length(text) > PORTFOLIO_LIMITS.maxFileBytes) {
    return { ok: false, problems: [{ ...fileTooBig(utf8Length(text)), message: 'file is larger than 5 MB; a .dealbook file may be at most 5 MB' }] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [{ path: '', message: 'the file is empty' }] };
  if (body.trimStart()[0] !== '{') return { ok: false, problems: [{ path: '', message: 'not a .dealbook file: it is not JSON text starting with {' }] };
  const json = readJsonText(body);
  if (!json.ok) return { ok: false, problems: json.problems };
  return validateDealbook(json.value);
}
