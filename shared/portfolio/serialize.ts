/**
 * Portfolio -> the text of a `.dealbook` file: UTF-8 JSON, 2-space
 * indentation, keys in the order of the format's example (then any `x-` or
 * other keys in the order they came), newline at the end, so two versions of
 * a portfolio diff cleanly like two versions of a deal.
 *
 * Intentionally has no platform imports.
 */
import { serializeOrdered } from '../model/serialize';
import { HEALTH_DIMENSIONS } from './schema';

const ORDER = {
  book: ['format', 'version', 'title', 'currency', 'unit', 'deals'],
  entry: ['file', 'party', 'position', 'stage', 'owner', 'metrics', 'health', 'notes'],
  metric: ['horizon', 'metric', 'due', 'actuals'],
  actual: ['date', 'value', 'status'],
  health: ['date', 'scores'],
  scores: HEALTH_DIMENSIONS,
} as const satisfies Record<string, readonly string[]>;

function kindAt(keys: readonly (string | number)[]): keyof typeof ORDER | undefined {
  const [top, , field, , sub, , leaf] = keys;
  if (keys.length === 0) return 'book';
  if (top !== 'deals') return undefined;
  if (keys.length === 2) return 'entry';
  if (keys.length === 4 && field === 'metrics') return 'metric';
  if (keys.length === 4 && field === 'health') return 'health';
  if (keys.length === 6 && field === 'metrics' && sub === 'actuals') return 'actual';
  if (keys.length === 5 && field === 'health' && sub === 'scores') return 'scores';
  void leaf;
  return undefined;
}

/** The canonical text of a portfolio (any x- extension keys included). */
export function serializeDealbook(book: unknown): string {
  return `${serializeOrdered(book, [], '', (keys, obj) => {
    const kind = kindAt(keys);
    const own = Object.keys(obj);
    if (!kind) return own;
    const listed: readonly string[] = ORDER[kind];
    return [...listed.filter((k) => Object.prototype.hasOwnProperty.call(obj, k)), ...own.filter((k) => !listed.includes(k))];
  })}\n`;
}
