/**
 * How problems name where they are: `terms.royalty.tiers[1].rate`,
 * `parties.licensor.walkAway`, `inputs.peakSales`. Items of `terms`, `parties`
 * and `scenarios` are named by their id (what the person wrote and sees)
 * rather than their index, when the id is usable; otherwise by index.
 *
 * Intentionally has no platform imports.
 */
import { ID_PATTERN } from './limits';

const BY_ID = new Set(['terms', 'parties', 'scenarios']);

/** How many items of each list carry each id, counted once per list (documents are never mutated). */
const idCounts = new WeakMap<readonly unknown[], Map<unknown, number>>();

/** How many items of `list` carry `id`: one pass per list, not per question (30,000 terms ask 30,000 times). */
export function idCount(list: readonly unknown[], id: unknown): number {
  let counts = idCounts.get(list);
  if (!counts) {
    counts = new Map();
    for (const item of list) {
      const key = (item as { id?: unknown } | null)?.id;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    idCounts.set(list, counts);
  }
  return counts.get(id) ?? 0;
}

/** Whether item `index` of `list` can be named by its id: a valid id no other item shares. */
function usableId(list: unknown, index: number): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const id = (list[index] as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return undefined;
  return idCount(list, id) === 1 ? id : undefined;
}

/** Formats a path of keys into the raw document as the problem path a person reads. */
export function problemPath(raw: unknown, keys: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = raw;
  keys.forEach((key, depth) => {
    if (typeof key === 'number') {
      const parentKey = keys[depth - 1];
      const id = depth === 1 && typeof parentKey === 'string' && BY_ID.has(parentKey) ? usableId(node, key) : undefined;
      out += id !== undefined ? `.${id}` : `[${key}]`;
    } else {
      const k = String(key);
      out += out ? `.${k}` : k;
    }
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  });
  return out;
}

/** `terms.royalty` or `terms[3]` for the term at `index`. */
export function itemPath(raw: unknown, list: 'terms' | 'parties' | 'scenarios', index: number): string {
  return problemPath(raw, [list, index]);
}

/**
 * One problem as the line a person reads (CLI, logs): `path: message`, with the
 * column when the problem is inside a formula. File-level problems (no path)
 * are named by `fallback`, usually the file name.
 */
export function formatProblem(problem: { path: string; message: string; column?: number | undefined }, fallback = ''): string {
  const where = problem.path || fallback;
  const column = problem.column !== undefined ? ` (column ${problem.column})` : '';
  return oneLine(`${where ? `${where}: ` : ''}${problem.message}${column}`);
}

/**
 * Text from a file (an id, a key, a formula) can hold line breaks and other
 * control characters; written out as escapes (`\n`, `\u0007`) a problem stays
 * one line, so one line is one problem for whoever reads or parses the output.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
