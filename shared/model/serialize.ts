/**
 * Deal -> the text of a `.deal` file: UTF-8 JSON, 2-space indentation, keys
 * in a stable order (the order of the format's tables, then any `x-` or other
 * extra keys in the order they came), newline at the end. Two saves of the
 * same deal are the same bytes, and a changed number changes one line, so
 * versions diff cleanly in whatever tool a legal team uses.
 *
 * `serializeDeal` writes the canonical layout. `serializeDealLike` keeps the
 * layout of the file the deal was read from wherever the content is
 * unchanged (layout-preserving.ts), so opening and saving a hand-formatted
 * file changes nothing but what was edited.
 *
 * Each kind of term orders its own keys (the order its module declares its
 * fields in, shared/terms).
 *
 * Intentionally has no platform imports.
 */
import { allTermKeys, termKeyOrder } from '../terms/term-fields';

/** Key order per kind of object; keys not listed keep their own order after these. */
const ORDER = {
  deal: ['format', 'version', 'title', 'description', 'currency', 'unit', 'us', 'timeline', 'parties', 'inputs', 'correlations', 'series', 'terms', 'scenarios', 'negotiation', 'sliders', 'simulation', 'termSheet'],
  timeline: ['start', 'periods', 'step'],
  party: ['id', 'name', 'legalName', 'jurisdiction', 'address', 'signatory', 'discountRate', 'walkAway'],
  signatory: ['name', 'title'],
  input: ['label', 'dist', 'per', 'value', 'mean', 'sd', 'p50', 'p90', 'low', 'high', 'min', 'mode', 'max', 'alpha', 'beta', 'p', 'values', 'weights', 'note'],
  correlation: ['between', 'rank'],
  scenario: ['id', 'name', 'notes', 'set'],
  negotiation: ['rounds'],
  round: ['id', 'date', 'by', 'name', 'set', 'status', 'notes'],
  slider: ['path', 'label', 'min', 'max', 'step'],
  simulation: ['iterations', 'seed'],
  termSheet: ['summary', 'sections', 'successMetrics', 'placeholders'],
  section: ['heading', 'text'],
  metric: ['horizon', 'metric', 'target'],
} as const satisfies Record<string, readonly string[]>;

type Kind = keyof typeof ORDER | 'record' | 'plain' | { term: readonly string[] };

/** Which kind of object sits at a key path (indices as numbers), so its keys can be ordered. */
function kindAt(keys: readonly (string | number)[], value: Record<string, unknown>, term: unknown): Kind {
  const [top, second, third, fourth, fifth] = keys;
  // A term and everything in it: the order its kind's module declares (shared/terms).
  if (top === 'terms' && keys.length >= 2) {
    const order = termKeyOrder((term as { type?: unknown } | undefined)?.type ?? value.type, keys.slice(2));
    return order ? { term: order } : keys.length === 2 ? 'plain' : 'record';
  }
  switch (keys.length) {
    case 0:
      return 'deal';
    case 1:
      if (top === 'timeline' || top === 'simulation' || top === 'termSheet' || top === 'negotiation') return top;
      return top === 'inputs' || top === 'series' ? 'record' : 'plain';
    case 2:
      if (top === 'parties') return 'party';
      if (top === 'inputs') return 'input';
      if (top === 'correlations') return 'correlation';
      if (top === 'scenarios') return 'scenario';
      if (top === 'sliders') return 'slider';
      return 'plain';
    case 3:
      if (top === 'negotiation' && second === 'rounds') return 'round';
      if (top === 'parties' && third === 'signatory') return 'signatory';
      return 'record';
    case 4:
      if (top === 'termSheet' && second === 'sections') return 'section';
      if (top === 'termSheet' && second === 'successMetrics') return 'metric';
      return 'record';
    default:
      void fourth;
      void fifth;
      return 'record';
  }
}

function orderedKeys(kind: Kind, value: Record<string, unknown>): string[] {
  const own = Object.keys(value);
  if (kind === 'record' || kind === 'plain') return own;
  const listed: readonly string[] = typeof kind === 'object' ? kind.term : ORDER[kind];
  return [...listed.filter((k) => Object.prototype.hasOwnProperty.call(value, k)), ...own.filter((k) => !listed.includes(k))];
}

/** The keys of the object at `keys` inside the deal `root` in the format's order (undefined members left out). */
export function keysInOrder(keys: readonly (string | number)[], obj: Record<string, unknown>, root: unknown): string[] {
  return orderedKeys(kindAt(keys, obj, termAt(root, keys)), obj).filter((k) => obj[k] !== undefined);
}

/** A JSON number literal that reads back as the same double (-0 included). */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`cannot write ${n} in a .deal file`);
  return Object.is(n, -0) ? '-0' : String(n);
}

/** The term a key path is in, if any (its kind orders the keys below it). */
function termAt(root: unknown, keys: readonly (string | number)[]): unknown {
  if (keys[0] !== 'terms' || typeof keys[1] !== 'number') return undefined;
  const terms = (root as { terms?: unknown } | null | undefined)?.terms;
  return Array.isArray(terms) ? terms[keys[1]] : undefined;
}

/** The keys of the object at `keys`, in the order a file of its format writes them. */
export type KeyOrder = (keys: readonly (string | number)[], value: Record<string, unknown>) => string[];

/**
 * Canonical text of any JSON value at `keys` inside the deal `root`, indented as if it began at
 * `indent` (`root` tells a term's kind to the keys below it).
 */
export function serializeValue(value: unknown, keys: readonly (string | number)[], indent: string, root?: unknown): string {
  return serializeOrdered(value, keys, indent, (at, obj) => orderedKeys(kindAt(at, obj, termAt(root, at)), obj));
}

/** Pretty-printed JSON (2 spaces) with each object's keys in `order`: the layout of .deal and .dealbook files. */
export function serializeOrdered(value: unknown, keys: readonly (string | number)[], indent: string, order: KeyOrder): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item, i) => `${inner}${serializeOrdered(item, [...keys, i], inner, order)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const names = order(keys, obj).filter((k) => obj[k] !== undefined);
    if (names.length === 0) return '{}';
    const members = names.map((k) => `${inner}${JSON.stringify(k)}: ${serializeOrdered(obj[k], [...keys, k], inner, order)}`);
    return `{\n${members.join(',\n')}\n${indent}}`;
  }
  throw new TypeError(`cannot write a ${typeof value} in a .deal file`);
}

/** The canonical text of a deal (any x- extension keys included). */
export function serializeDeal(deal: unknown): string {
  return `${serializeValue(deal, [], '', deal)}\n`;
}

/** Every key the format defines, for "did you mean" on unknown keys. */
export const KNOWN_KEYS: readonly string[] = [...new Set([...Object.values(ORDER).flat(), ...allTermKeys()])];
