/**
 * Ids of a deal: checking a proposed id, inventing a fresh one, and renaming
 * one everywhere it is referenced (formulas, party fields, share maps,
 * scenario and slider paths, term-sheet placeholders), so a rename never
 * leaves a dangling reference behind. A term's fields are walked through its
 * kind's field list (shared/terms), the same list validation and compilation
 * read, so a field can never be checked and compiled but not renamed.
 */
import { RESERVED_NAMES } from '../../../shared/formula/allowlist';
import { ID_PATTERN, type Deal } from '../../../shared/model/schema';
import { parsePath, scenarioPath } from '../../../shared/model/paths';
import { renameInTerm, termFieldSpec } from '../../../shared/terms/term-fields';

/** Every id in the single namespace shared by parties, inputs, series and terms. */
export function allIds(deal: Deal): Set<string> {
  return new Set([
    ...deal.parties.map((p) => p.id),
    ...Object.keys(deal.inputs),
    ...Object.keys(deal.series),
    ...deal.terms.map((t) => t.id),
  ]);
}

/** Why `id` cannot be used (null when it can). `current` is the id being renamed, which may keep its name. */
export function idProblem(deal: Deal, id: string, current?: string): string | null {
  if (id === current) return null;
  if (!ID_PATTERN.test(id)) return 'An id starts with a letter and uses only letters, digits and _.';
  if (RESERVED_NAMES.has(id)) return `"${id}" is a reserved name of the formula language.`;
  if (allIds(deal).has(id)) return `"${id}" is already used in this deal.`;
  return null;
}

/** `base`, `base2`, `base3`... whichever is free first. */
export function freshId(deal: Deal, base: string): string {
  const taken = allIds(deal);
  if (!taken.has(base) && !RESERVED_NAMES.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/** Replaces the name `from` by `to` in a formula, leaving longer names that contain it alone. */
export function renameInFormula(formula: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return formula.replace(new RegExp(`(?<![A-Za-z0-9_.])${escaped}(?![A-Za-z0-9_])`, 'g'), to);
}

function renameKeys<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(record)) out[k === from ? to : k] = v;
  return out;
}

function renameRef(v: string, from: string, to: string): string {
  return v === from ? to : v;
}

/**
 * `terms.old.x` -> `terms.new.x` for the path segment that names the id, and a party id that keys a
 * share map (`terms.share.tiers.0.shares.<party>`: a field its kind describes as shares).
 */
function renameInPath(deal: Deal, path: string, from: string, to: string): string {
  const parts = parsePath(path);
  const term = parts[0] === 'terms' ? deal.terms.find((t) => t.id === parts[1]) : undefined;
  const renamed = parts.map((p, i) => {
    if (i === 1) return p === from ? to : p;
    if (i > 2 && p === from && term && termFieldSpec(term.type, parts.slice(2, i))?.kind === 'shares') return to;
    return p;
  });
  return scenarioPath(renamed);
}

/** The deal with `from` renamed to `to` everywhere. The caller checks `to` with idProblem first. */
export function renameId(deal: Deal, from: string, to: string): Deal {
  if (from === to) return deal;
  const f = (s: string) => renameInFormula(s, from, to);
  const series: Record<string, string> = {};
  for (const [k, v] of Object.entries(deal.series)) series[k === from ? to : k] = f(v);
  // Every text that may hold placeholders: clauses, the summary, success metrics and terms' triggers.
  const ph = (text: string) => text.replace(/\{\{([^}|]+)(\|[^}]*)?\}\}/g, (_m, p: string, fmt: string | undefined) => `{{${renameInPath(deal, p.trim(), from, to)}${fmt ?? ''}}}`);
  const termSheet = deal.termSheet && {
    ...deal.termSheet,
    summary: deal.termSheet.summary === undefined ? undefined : ph(deal.termSheet.summary),
    sections: deal.termSheet.sections?.map((s) => ({ heading: ph(s.heading), text: ph(s.text) })),
    successMetrics: deal.termSheet.successMetrics?.map((m) => ({ horizon: ph(m.horizon), metric: ph(m.metric), target: ph(m.target) })),
  };
  return stripUndefined({
    ...deal,
    us: renameRef(deal.us, from, to),
    parties: deal.parties.map((p) => (p.id === from ? { ...p, id: to } : p)),
    inputs: renameKeys(deal.inputs, from, to),
    correlations: deal.correlations?.map((c) => ({ ...c, between: [renameRef(c.between[0], from, to), renameRef(c.between[1], from, to)] as [string, string] })),
    series,
    terms: deal.terms.map((t) => {
      const renamed = renameInTerm(t, from, to, f);
      return renamed.trigger === undefined ? renamed : { ...renamed, trigger: ph(renamed.trigger) };
    }),
    scenarios: deal.scenarios.map((s) => ({ ...s, set: Object.fromEntries(Object.entries(s.set).map(([p, v]) => [renameInPath(deal, p, from, to), v])) })),
    sliders: deal.sliders?.map((s) => ({ ...s, path: renameInPath(deal, s.path, from, to) })),
    termSheet: termSheet && stripUndefined(termSheet),
  });
}

/** Drops keys whose value is undefined, so optional fields vanish from the saved file instead of being written as null. */
export function stripUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
