/**
 * Paths into a deal: one parsed type (`DealPath`, a list of keys) and a
 * formatter per spelling the product uses:
 *
 * - scenario paths, `terms.royalty.tiers.0.rate`: scenarios, sliders, goal
 *   seek, placeholders and the fields of the editor (items of `terms` and
 *   `parties` by id, indices as plain segments);
 * - problem paths, `terms.royalty.tiers[1].rate`: what validation reports
 *   (items of `terms`, `parties` and `scenarios` by id when the id is usable,
 *   indices in brackets);
 * - key paths, `terms[2].tiers[0].rate`: the same with every item by index,
 *   where an id cannot name it (a duplicate or invalid id).
 *
 * It also resolves a path against a deal (ids become indices), reads and
 * replaces the number at a path, and applies a scenario. Every split or built
 * path goes through here. Nothing here mutates its input.
 *
 * Intentionally has no platform imports.
 */
import { failed, failure, type Result } from '../problems';
import type { Deal, Scenario } from './schema';
import { findPosition, unknownPositionMessage } from './rounds';
import { didYouMean } from './suggest';

/** One segment: an object key, an item id, or a list index. */
export type PathKey = string | number;
/** A parsed path: `['terms', 'upfront', 'amount']`, or with indices for items: `['terms', 5, 'tiers', 0, 'rate']`. */
export type DealPath = readonly PathKey[];

/** The lists whose items a path may name by id rather than index. */
const BY_ID_IN_SCENARIOS = new Set(['terms', 'parties']);
const BY_ID_IN_PROBLEMS = new Set(['terms', 'parties', 'scenarios']);
const ID_LIKE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Reads any spelling: `terms.royalty.tiers.0.rate`, `terms.royalty.tiers[1].rate`, `terms[2].amount`. Digit-only segments are indices. */
export function parsePath(text: string): PathKey[] {
  if (text === '') return [];
  const out: PathKey[] = [];
  for (const part of text.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '').split('.')) out.push(/^\d+$/.test(part) ? Number(part) : part);
  return out;
}

/** `terms.royalty.tiers.0.rate`. */
export function scenarioPath(path: DealPath): string {
  return path.map(String).join('.');
}

/** `terms.royalty.tiers[0].rate` (and `terms[2].amount` where an item is named by index). */
export function bracketPath(path: DealPath): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

/** A path with `more` keys after it. */
export const childPath = (path: DealPath, ...more: PathKey[]): PathKey[] => [...path, ...more];

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
  if (typeof id !== 'string' || !ID_LIKE.test(id)) return undefined;
  return idCount(list, id) === 1 ? id : undefined;
}

/**
 * The path with list items of `lists` named by their ids (others keep their index): only by a usable id
 * for a problem path (one that names one item), by any id for an editor's field (each card of a
 * duplicated id outlines itself).
 */
function namedByIds(raw: unknown, path: DealPath, lists: ReadonlySet<string>, anyId = false): PathKey[] {
  const out = [...path];
  const top = path[0];
  if (typeof path[1] === 'number' && typeof top === 'string' && lists.has(top)) {
    const list = (raw as Record<string, unknown> | null)?.[top];
    const id = anyId ? (Array.isArray(list) ? (list[path[1]] as { id?: unknown } | undefined)?.id : undefined) : usableId(list, path[1]);
    if (typeof id === 'string') out[1] = id;
  }
  return out;
}

/** Keys into the raw document -> the problem path a person reads: `terms.royalty.tiers[1].rate`. */
export function problemPath(raw: unknown, keys: readonly PropertyKey[]): string {
  return bracketPath(namedByIds(raw, keys.map((k) => (typeof k === 'number' ? k : String(k))), BY_ID_IN_PROBLEMS));
}

/** `terms.royalty` or `terms[3]` for the term at `index`. */
export function itemPath(raw: unknown, list: 'terms' | 'parties' | 'scenarios', index: number): string {
  return problemPath(raw, [list, index]);
}

/** Any spelling -> the scenario spelling the editor's fields use (`terms[2].tiers[0].rate` -> `terms.royalty.tiers.0.rate`). */
export function fieldPath(deal: Deal | null, path: string): string {
  return scenarioPath(deal ? namedByIds(deal, parsePath(path), BY_ID_IN_SCENARIOS, true) : parsePath(path));
}

export type PathResult<T> = Result<{ value: T }>;

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);
/** String fields that hold words, not formulas (for saying which one a path hit). */
const TEXT_FIELDS = new Set(['id', 'name', 'label', 'note', 'notes', 'title', 'description', 'type', 'dist', 'from', 'to', 'party', 'currency', 'unit', 'us', 'heading', 'text', 'step', 'format', 'basis', 'per']);

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

/** A scenario path resolved to concrete keys into plain JSON (ids become array indices). */
export function resolveKeys(deal: unknown, path: string): PathResult<PathKey[]> {
  const segments = path.split('.');
  if (segments.length < 2 || segments.some((s) => s === '')) {
    return failed('', `"${path}" is not a path (expected e.g. terms.upfront.amount)`);
  }
  const keys: PathKey[] = [];
  let node: unknown = deal;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (FORBIDDEN.has(seg)) return failed('', `"${path}": "${seg}" is not allowed in a path`);
    const parentKey = i > 0 ? segments[i - 1] : undefined;
    if (Array.isArray(node)) {
      let index: number;
      if (i === 1 && parentKey !== undefined && BY_ID_IN_SCENARIOS.has(parentKey)) {
        index = indexOfId(node, seg);
        if (index < 0) {
          const ids = node.map((item) => (item as { id?: unknown })?.id).filter((v): v is string => typeof v === 'string');
          return failed('', `"${path}": no ${parentKey === 'terms' ? 'term' : 'party'} "${seg}"${didYouMean(seg, ids)}`);
        }
      } else if (/^\d+$/.test(seg)) {
        index = Number(seg);
        if (index >= node.length) return failed('', `"${path}": index ${seg} is beyond the ${node.length} items`);
      } else {
        return failed('', `"${path}": "${seg}" should be an index`);
      }
      keys.push(index);
      node = node[index];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) {
        return failed('', `"${path}": "${seg}" does not exist${didYouMean(seg, Object.keys(node))}`);
      }
      keys.push(seg);
      node = (node as Record<string, unknown>)[seg];
    } else {
      return failed('', `"${path}": "${segments.slice(0, i).join('.')}" holds no fields`);
    }
  }
  return { ok: true, value: keys };
}

/** The value at concrete keys (undefined where the path leads nowhere). */
export function valueAtKeys(root: unknown, keys: readonly PathKey[]): unknown {
  let node = root;
  for (const k of keys) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, k)) return undefined;
    node = (node as Record<PathKey, unknown>)[k];
  }
  return node;
}

/**
 * The lists whose numbers a scenario, round, slider or what-if may set
 * (deal-format.md, "Scenarios and sliders": `terms.<termId>.<field>`,
 * `inputs.<inputId>.<field>`, `parties.<partyId>.<field>`). The timeline and
 * the simulation settings are not positions: a round setting
 * `simulation.seed` would no longer be valued "with the file's seed".
 */
const NUMBER_ROOTS: ReadonlySet<string> = new Set(['terms', 'inputs', 'parties']);

function numberRootProblem(path: string): PathResult<never> | undefined {
  const root = path.split(/[.[]/, 1)[0]!;
  if (NUMBER_ROOTS.has(root)) return undefined;
  return failed('', `"${path}" is not a number a scenario may set: a path starts with terms., inputs. or parties.`);
}

/** The number at `path`, or a problem saying why there is none (missing, outside terms/inputs/parties, or a formula/text). */
export function getNumberAt(deal: Deal, path: string): PathResult<number> {
  const outside = numberRootProblem(path);
  if (outside) return outside;
  const keys = resolveKeys(deal, path);
  if (!keys.ok) return keys;
  const value = valueAtKeys(deal, keys.value);
  if (typeof value !== 'number') {
    const field = String(keys.value.at(-1));
    const what = typeof value === 'string' ? (TEXT_FIELDS.has(field) ? 'text' : 'a formula') : value === undefined || value === null ? 'nothing' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
    return failed('', `"${path}" holds ${what}, not a number`);
  }
  return { ok: true, value };
}

/** Any JSON value at `path` (for placeholders such as `parties.licensee.name`). */
export function getValueAt(deal: Deal, path: string): PathResult<unknown> {
  const keys = resolveKeys(deal, path);
  if (!keys.ok) return keys;
  return { ok: true, value: valueAtKeys(deal, keys.value) };
}

/**
 * A deal with the numbers at `keys` replaced. Only the objects and lists on the
 * way to each number are copied (each once, however many numbers sit under it);
 * everything else is shared with `deal`, which is never mutated.
 */
function withNumbers(deal: Deal, changes: readonly { keys: PathKey[]; value: number }[]): Deal {
  const fresh = new Set<object>();
  const copyOf = (node: object): Record<PathKey, unknown> => {
    const copy = (Array.isArray(node) ? node.slice() : { ...node }) as Record<PathKey, unknown>;
    fresh.add(copy);
    return copy;
  };
  const root = copyOf(deal);
  for (const { keys, value } of changes) {
    let node = root;
    for (let i = 0; i < keys.length - 1; i++) {
      const child = node[keys[i]!] as object;
      const next = fresh.has(child) ? (child as Record<PathKey, unknown>) : copyOf(child);
      node[keys[i]!] = next;
      node = next;
    }
    node[keys[keys.length - 1]!] = value;
  }
  return root as unknown as Deal;
}

function numberKeys(deal: Deal, path: string): PathResult<PathKey[]> {
  const outside = numberRootProblem(path);
  if (outside) return outside;
  const keys = resolveKeys(deal, path);
  if (!keys.ok) return keys;
  if (typeof valueAtKeys(deal, keys.value) !== 'number') return failed('', `"${path}" does not hold a number`);
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
  const changes: { keys: PathKey[]; value: number }[] = [];
  for (const [path, value] of entries) {
    const keys = numberKeys(deal, path);
    if (!keys.ok) return failure(keys.problems.map((p) => ({ ...p, path: where })));
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
    return failed('', unknownPositionMessage(deal, scenarioId));
  }
  const applied = applyScenario(deal, found, found.kind === 'round' ? `negotiation.rounds.${found.id}` : `scenarios.${found.id}`);
  return applied.ok ? { ok: true, value: { deal: applied.value, scenario: { id: found.id, name: found.name, ...(found.notes === undefined ? {} : { notes: found.notes }), set: { ...found.set } } } } : applied;
}
