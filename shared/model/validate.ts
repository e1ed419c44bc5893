/**
 * The one validation entry point for a deal, used by file loading, the CLI,
 * the host and the UI (live problems): structure (schema.ts, zod), then the
 * cross-field rules (rules.ts), formulas, scenarios and sliders. Every problem
 * has a path a person can follow (`terms.royalty.tiers[1].rate`) and a message
 * they can act on.
 *
 * Keys starting with `x-` are room for other tools: kept (the returned deal
 * is the input itself, so they round-trip; inside maps keyed by ids they are
 * set aside until saving, see record-extensions.ts) and ignored; any other
 * unknown key is an error naming its path.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import type * as z from 'zod';
import type { Problem } from '../api';
import { FORBIDDEN_KEYS, MAX_JSON_DEPTH } from './json-text';
import { problemPath } from './paths';
import { withoutRecordExtensions } from './record-extensions';
import { applyScenario, indexOfId, parsePath } from './paths';
import { inputProblems } from './input-rules';
import { roundPath } from './round-rules';
import { roundsOf } from './rounds';
import { crossFieldProblems, numberRuleProblems, partyProblems, termProblems } from './rules';
import { dealSchema, inputSchema, partySchema, termSchema, type Deal } from './schema';
import { KNOWN_KEYS } from './serialize';
import { closest, didYouMean } from './suggest';

export type ValidationResult = Result<{ deal: Deal }>;

export const isExtensionKey = (key: string): boolean => key.startsWith('x-');

/** A copy without `x-` keys (what the schema sees); refuses prototype keys and absurd depth on the way. */
export function withoutExtensions(raw: unknown, problems: Problem[]): unknown {
  const visit = (value: unknown, keys: (string | number)[]): unknown => {
    if (keys.length > MAX_JSON_DEPTH) {
      if (!problems.some((p) => p.message.startsWith('nested more than'))) {
        problems.push({ path: problemPath(raw, keys.slice(0, 3)), message: `nested more than ${MAX_JSON_DEPTH} levels deep` });
      }
      return undefined;
    }
    if (Array.isArray(value)) return value.map((item, i) => visit(item, [...keys, i]));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ path: problemPath(raw, [...keys, key]), message: `"${key}" is not allowed as a key` });
          continue;
        }
        const child = visit((value as Record<string, unknown>)[key], [...keys, key]);
        // Extension content is still walked (prototype keys, depth) but left out of what the schema sees.
        if (!isExtensionKey(key)) out[key] = child;
      }
      return out;
    }
    return value;
  };
  return visit(raw, []);
}

function valueAt(root: unknown, keys: readonly PropertyKey[]): unknown {
  let node = root;
  for (const k of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, k)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[k];
  }
  return node;
}

/** Loosely typed view of zod's internal definitions, enough to find an object's keys at a path. */
interface SchemaDef {
  type: string;
  shape?: Record<string, { def: SchemaDef }>;
  element?: { def: SchemaDef };
  valueType?: { def: SchemaDef };
  innerType?: { def: SchemaDef };
  options?: { def: SchemaDef }[];
  discriminator?: string;
  values?: unknown[];
}

/** The keys the format allows in the object at `keys` (for a "did you mean" that fits the place). */
function allowedKeysAt(raw: unknown, keys: readonly PropertyKey[], root: z.ZodType): string[] {
  let def = (root as unknown as { def: SchemaDef }).def;
  const unwrap = (d: SchemaDef, value: unknown): SchemaDef => {
    if (d.type === 'optional' && d.innerType) return unwrap(d.innerType.def, value);
    if (d.type === 'union' && d.options) {
      const tag = d.discriminator && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[d.discriminator] : undefined;
      const match = d.options.find((o) => d.discriminator && o.def.shape?.[d.discriminator]?.def.values?.includes(tag));
      const objectOption = match ?? d.options.find((o) => o.def.type === 'object');
      return objectOption ? unwrap(objectOption.def, value) : d;
    }
    return d;
  };
  let value: unknown = raw;
  def = unwrap(def, value);
  for (const key of keys) {
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    const next = def.type === 'object' ? def.shape?.[String(key)]?.def : def.type === 'array' ? def.element?.def : def.type === 'record' ? def.valueType?.def : undefined;
    if (!next) return [...KNOWN_KEYS];
    def = unwrap(next, value);
  }
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [...KNOWN_KEYS];
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'an object { … }',
  array: 'a list [ … ]',
  boolean: 'true or false',
  tuple: 'a list [ … ]',
  record: 'an object { … }',
};

/** One zod issue -> the problems a person reads; `root` is the schema the issue came from (a deal's by default, or a portfolio's). */
export function issueProblems(raw: unknown, issue: z.core.$ZodIssue, root: z.ZodType = dealSchema): Problem[] {
  const keys = issue.path;
  const here = problemPath(raw, keys);
  const value = valueAt(raw, keys);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: problemPath(raw, [...keys, key]),
        message: `unknown key "${key}"${didYouMean(key, allowedKeysAt(raw, keys, root))} (keys starting with "x-" are kept for other tools)`,
      }));
    case 'invalid_type':
      if (value === undefined) return [{ path: here, message: 'is required' }];
      return [{ path: here, message: `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}` }];
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as unknown as { options: unknown[] }).options.map(String);
        const field = String(issue.discriminator);
        const what = field === 'type' ? 'term type' : field === 'dist' ? 'distribution' : field;
        if (value === undefined) return [{ path: here, message: `is required (one of: ${options.join(', ')})` }];
        const guess = typeof value === 'string' ? closest(value, options) : undefined;
        return [{ path: here, message: `unknown ${what} ${JSON.stringify(value)}${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of: ${options.join(', ')}` }];
      }
      if (value === undefined) return [{ path: here, message: 'is required' }];
      return [{ path: here, message: issue.message === 'Invalid input' ? 'has the wrong type' : issue.message }];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      if (value === undefined) return [{ path: here, message: `is required (${options.length === 1 ? options[0] : `one of ${options.join(', ')}`})` }];
      if (options.length === 1) return [{ path: here, message: `must be ${options[0]}` }];
      const guess = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
      return [{ path: here, message: `must be one of ${options.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}` }];
    }
    default:
      return [{ path: here, message: issue.message }];
  }
}

/** Structure only: the shape of every part (used for live checks while a field is half typed). */
export function structuralProblems(raw: unknown): { problems: Problem[]; typed?: Deal } {
  const problems: Problem[] = [];
  const stripped = withoutExtensions(raw, problems);
  if (problems.length > 0) return { problems };
  const parsed = dealSchema.safeParse(stripped);
  if (!parsed.success) return { problems: parsed.error.issues.flatMap((issue) => issueProblems(raw, issue)) };
  return { problems, typed: parsed.data };
}

/**
 * A scenario's or round's numbers must leave a deal that is still valid (a
 * royalty rate of 1.5, shares no longer summing to 1, p90 below p50): each
 * such problem is named with the scenario or round and the field.
 */
function scenarioOutcomeProblems(deal: Deal): Problem[] {
  const out: Problem[] = [];
  const check = (set: Record<string, number>, id: string, where: string, what: string) => {
    if (Object.keys(set).length === 0) return;
    const applied = applyScenario(deal, { id, set });
    if (!applied.ok) return; // Paths were checked already.
    const found = changedItemProblems(deal, applied.value, Object.keys(set)) ?? wholeDealProblems(applied.value);
    for (const p of found) out.push({ path: where, message: `${what} "${id}" makes ${p.path || 'the deal'} invalid: ${p.message}` });
  };
  deal.scenarios.forEach((scenario, i) => check(scenario.set, scenario.id, problemPath(deal, ['scenarios', i]), 'scenario'));
  roundsOf(deal).forEach((round, i) => check(round.set, round.id, roundPath(i), 'round'));
  return out;
}

function wholeDealProblems(applied: Deal): Problem[] {
  const parsed = dealSchema.safeParse(applied);
  return parsed.success ? numberRuleProblems(parsed.data) : parsed.error.issues.flatMap((issue) => issueProblems(applied, issue));
}

/**
 * The problems a scenario's numbers make, checking only the terms, inputs and
 * parties it changes: a number changes no id, party list or formula, so
 * nothing else can break (20,000 scenarios of a 30,000-term deal would
 * otherwise check 600 million terms). Undefined when a path reaches elsewhere
 * (timeline, correlations, …): then the whole deal is checked.
 */
function changedItemProblems(deal: Deal, applied: Deal, paths: readonly string[]): Problem[] | undefined {
  const terms = new Set<number>();
  const inputs = new Set<string>();
  const parties = new Set<number>();
  for (const path of paths) {
    const [list, key] = parsePath(path);
    const id = key === undefined ? undefined : String(key);
    if (list === 'inputs' && id !== undefined && Object.prototype.hasOwnProperty.call(deal.inputs, id)) inputs.add(id);
    else if (list === 'terms' || list === 'parties') {
      const index = id === undefined ? -1 : indexOfId(list === 'terms' ? deal.terms : deal.parties, id);
      if (index < 0) return undefined;
      (list === 'terms' ? terms : parties).add(index);
    } else return undefined;
  }
  const out: Problem[] = [];
  const shaped = <T>(schema: z.ZodType<T>, value: unknown, keys: (string | number)[]): T | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) out.push(...issueProblems(applied, { ...issue, path: [...keys, ...issue.path] }));
    return undefined;
  };
  for (const index of terms) {
    const term = shaped(termSchema, applied.terms[index], ['terms', index]);
    if (term) out.push(...termProblems(deal, term, index));
  }
  for (const id of inputs) {
    const input = shaped(inputSchema, applied.inputs[id], ['inputs', id]);
    if (input) out.push(...inputProblems(id, input));
  }
  for (const index of parties) {
    const party = shaped(partySchema, applied.parties[index], ['parties', index]);
    if (party) out.push(...partyProblems(deal, party, index));
  }
  return out;
}

/**
 * Everything a deal must satisfy to be opened, valued or saved. On success
 * the deal returned is `raw` itself (x- keys and all; a copy only when x-
 * entries sit in id-keyed maps); nothing is mutated.
 */
export function validateDeal(raw: unknown): ValidationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '', message: 'not a .deal file: expected a JSON object { … } at the top' }] };
  }
  const structural = structuralProblems(raw);
  if (!structural.typed) return { ok: false, problems: structural.problems };
  const problems = crossFieldProblems(structural.typed);
  if (problems.length === 0) problems.push(...scenarioOutcomeProblems(structural.typed));
  if (problems.length > 0) return { ok: false, problems };
  // x- entries of id-keyed maps are ignored by leaving them out; saving puts them back (record-extensions.ts).
  return { ok: true, deal: withoutRecordExtensions(raw) as Deal };
}

/** The problems only (empty when valid): what the UI shows live. */
export function dealProblems(raw: unknown): Problem[] {
  const result = validateDeal(raw);
  return result.ok ? [] : result.problems;
}
