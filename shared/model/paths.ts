/**
 * Number paths into a deal (`terms.upfront.amount`, `terms.royalty.tiers.0.rate`,
 * `inputs.peakSales.p50`, `parties.licensor.walkAway`), as used by scenarios,
 * sliders, goal seek and term-sheet placeholders, and applying a scenario.
 *
 * `terms.<termId>` and `parties.<partyId>` select array items by id; other
 * segments are object keys or array indices. Nothing here mutates its input.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, Scenario } from './schema';
import { findPosition, unknownPositionMessage } from './rounds';
import { didYouMean } from './suggest';

export type PathResult<T> = { ok: true; value: T } | { ok: false; message: string };

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);
/** String fields that hold words, not formulas (for saying which one a path hit). */
const TEXT_FIELDS = new Set(['id', 'name', 'label', 'note', 'notes', 'title', 'description', 'type', 'dist', 'from', 'to', 'party', 'currency', 'unit', 'us', 'heading', 'text', 'step', 'format']);

/** First index of each id in a list, built once per list (deals are never mutated): 20,000 scenario paths into 30,000 terms stay linear. */
const idIndexes = new WeakMap<readonly unknown[], Map<unknown, number>>();

export function indexOfId(list: readonly unknown[], id: string): number {
  let index = idIndexes.get(list);
  if (!index) {
    index = new Map();
    list.forEach((item, i) => {
      const key = (item as { id?: unknown } | null)?.id;
      if (!index!.has(key)) index!.set(key, i);
    });
    idIndexes.set(list, index);
  }
  return index.get(id) ?? -1;
}

/** Resolves each segment to a concrete key into plain JSON (ids become array indices). */
function resolveKeys(deal: unknown, path: string): PathResult<(string | number)[]> {
  const segments = path.split('.');
  if (segments.length < 2 || segments.some((s) => s === '')) {
    return { ok: false, message: `"${path}" is not a path (expected e.g. terms.upfront.amount)` };
  }
  const keys: (string | number)[] = [];
  let node: unknown = deal;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (FORBIDDEN.has(seg)) return { ok: false, message: `"${path}": "${seg}" is not allowed in a path` };
    const parentKey = i > 0 ? segments[i - 1] : undefined;
    if (Array.isArray(node)) {
      let index: number;
      if (i === 1 && (parentKey === 'terms' || parentKey === 'parties')) {
        index = indexOfId(node, seg);
        if (index < 0) {
          const ids = node.map((item) => (item as { id?: unknown })?.id).filter((v): v is string => typeof v === 'string');
          return { ok: false, message: `"${path}": no ${parentKey === 'terms' ? 'term' : 'party'} "${seg}"${didYouMean(seg, ids)}` };
        }
      } else if (/^\d+$/.test(seg)) {
        index = Number(seg);
        if (index >= node.length) return { ok: false, message: `"${path}": index ${seg} is beyond the ${node.length} items` };
      } else {
        return { ok: false, message: `"${path}": "${seg}" should be an index` };
      }
      keys.push(index);
      node = node[index];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) {
        return { ok: false, message: `"${path}": "${seg}" does not exist${didYouMean(seg, Object.keys(node))}` };
      }
      keys.push(seg);
      node = (node as Record<string, unknown>)[seg];
    } else {
      return { ok: false, message: `"${path}": "${segments.slice(0, i).join('.')}" holds no fields` };
    }
  }
  return { ok: true, value: keys };
}

function valueAt(root: unknown, keys: (string | number)[]): unknown {
  let node = root;
  for (const k of keys) node = (node as Record<string | number, unknown>)[k];
  return node;
}

/** The number at `path`, or a message saying why there is none (missing, or a formula/text). */
export function getNumberAt(deal: Deal, path: string): PathResult<number> {
  const keys = resolveKeys(deal, path);
  if (!keys.ok) return keys;
  const value = valueAt(deal, keys.value);
  if (typeof value !== 'number') {
    const field = path.slice(path.lastIndexOf('.') + 1);
    const what = typeof value === 'string' ? (TEXT_FIELDS.has(field) ? 'text' : 'a formula') : value === undefined || value === null ? 'nothing' : `a ${Array.isArray(value) ? 'list' : typeof value}`;
    return { ok: false, message: `"${path}" holds ${what}, not a number` };
  }
  return { ok: true, value };
}

/** Any JSON value at `path` (for placeholders such as `parties.licensee.name`). */
export function getValueAt(deal: Deal, path: string): PathResult<unknown> {
  const keys = resolveKeys(deal, path);
  if (!keys.ok) return keys;
  return { ok: true, value: valueAt(deal, keys.value) };
}

/**
 * A deal with the numbers at `keys` replaced. Only the objects and lists on the
 * way to each number are copied (each once, however many numbers sit under it);
 * everything else is shared with `deal`, which is never mutated.
 */
function withNumbers(deal: Deal, changes: readonly { keys: (string | number)[]; value: number }[]): Deal {
  const fresh = new Set<object>();
  const copyOf = (node: object): Record<string | number, unknown> => {
    const copy = (Array.isArray(node) ? node.slice() : { ...node }) as Record<string | number, unknown>;
    fresh.add(copy);
    return copy;
  };
  const root = copyOf(deal);
  for (const { keys, value } of changes) {
    let node = root;
    for (let i = 0; i < keys.length - 1; i++) {
      const child = node[keys[i]!] as object;
      const next = fresh.has(child) ? (child as Record<string | number, unknown>) : copyOf(child);
      node[keys[i]!] = next;
      node = next;
    }
    node[keys[keys.length - 1]!] = value;
  }
  return root as unknown as Deal;
}

function numberKeys(deal: Deal, path: string): PathResult<(string | number)[]> {
  const keys = resolveKeys(deal, path);
  if (!keys.ok) return keys;
  if (typeof valueAt(deal, keys.value) !== 'number') return { ok: false, message: `"${path}" does not hold a number` };
  return keys;
}

/** A copy of the deal with the number at `path` replaced; the path must already hold a number. */
export function setNumberAt(deal: Deal, path: string, value: number): PathResult<Deal> {
  const keys = numberKeys(deal, path);
  if (!keys.ok) return keys;
  return { ok: true, value: withNumbers(deal, [{ keys: keys.value, value }]) };
}

/** Every scenario (and every round, whose rules are a scenario's) applies to the file as written: positions do not stack. */
export function applyScenario(deal: Deal, scenario: Pick<Scenario, 'id' | 'set'> & Partial<Scenario>, where = `scenarios.${scenario.id}`): PathResult<Deal> {
  const entries = Object.entries(scenario.set);
  if (entries.length === 0) return { ok: true, value: deal };
  const changes: { keys: (string | number)[]; value: number }[] = [];
  for (const [path, value] of entries) {
    const keys = numberKeys(deal, path);
    if (!keys.ok) return { ok: false, message: `${where}: ${keys.message}` };
    changes.push({ keys: keys.value, value });
  }
  return { ok: true, value: withNumbers(deal, changes) };
}

/**
 * Finds a scenario or a round by id (rounds.ts; the first scenario is the default when no id is given)
 * and applies it. A round comes back as the scenario it is to everything that values or prints a
 * position: its id, its name, its set.
 */
export function applyScenarioById(deal: Deal, scenarioId?: string): PathResult<{ deal: Deal; scenario: Scenario }> {
  const found = scenarioId === undefined ? deal.scenarios[0] && findPosition(deal, deal.scenarios[0].id) : findPosition(deal, scenarioId);
  if (!found) {
    if (scenarioId === undefined) return { ok: true, value: { deal, scenario: { id: 'base', name: 'Base case', set: {} } } };
    return { ok: false, message: unknownPositionMessage(deal, scenarioId) };
  }
  const applied = applyScenario(deal, found, found.kind === 'round' ? `negotiation.rounds.${found.id}` : `scenarios.${found.id}`);
  return applied.ok ? { ok: true, value: { deal: applied.value, scenario: { id: found.id, name: found.name, ...(found.notes === undefined ? {} : { notes: found.notes }), set: { ...found.set } } } } : applied;
}
