/**
 * Ids of a deal: checking a proposed id, inventing a fresh one, and renaming
 * one everywhere it is referenced (formulas, party fields, share maps,
 * scenario and slider paths, term-sheet placeholders), so a rename never
 * leaves a dangling reference behind.
 */
import { RESERVED_NAMES } from '../../../shared/formula/allowlist';
import { ID_PATTERN, type Deal, type NumberOrFormula, type Term } from '../../../shared/model/schema';

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

function renameValue(v: NumberOrFormula, from: string, to: string): NumberOrFormula {
  return typeof v === 'string' ? renameInFormula(v, from, to) : v;
}

function renameKeys<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(record)) out[k === from ? to : k] = v;
  return out;
}

function renameRef(v: string, from: string, to: string): string {
  return v === from ? to : v;
}

/** Every formula field and party reference of a term, renamed. */
function renameInTerm(term: Term, from: string, to: string): Term {
  const f = (v: NumberOrFormula) => renameValue(v, from, to);
  const opt = (v: NumberOrFormula | undefined) => (v === undefined ? undefined : f(v));
  const r = (v: string) => renameRef(v, from, to);
  const id = r(term.id);
  switch (term.type) {
    case 'payment':
      return stripUndefined({ ...term, id, from: r(term.from), to: r(term.to), amount: f(term.amount), at: opt(term.at), when: opt(term.when) });
    case 'salesMilestone':
      return { ...term, id, from: r(term.from), to: r(term.to), amount: f(term.amount), base: f(term.base), threshold: f(term.threshold) };
    case 'royalty':
      return stripUndefined({
        ...term,
        id,
        from: r(term.from),
        to: r(term.to),
        base: f(term.base),
        tiers: term.tiers.map((tier) => stripUndefined({ upTo: opt(tier.upTo), rate: f(tier.rate) })),
        until: opt(term.until),
      });
    case 'revenueShare':
      return stripUndefined({
        ...term,
        id,
        base: f(term.base),
        shares: term.shares && renameKeys(term.shares, from, to),
        tiers: term.tiers?.map((tier) => stripUndefined({ upTo: opt(tier.upTo), shares: renameKeys(tier.shares, from, to) })),
      });
    case 'costShare':
      return { ...term, id, base: f(term.base), shares: renameKeys(term.shares, from, to) };
    case 'equity':
      return stripUndefined({
        ...term,
        id,
        venture: f(term.venture),
        stakes: renameKeys(term.stakes, from, to),
        contributions: term.contributions?.map((c) => ({ party: r(c.party), amount: f(c.amount), at: f(c.at) })),
        preferredReturn: term.preferredReturn && { rate: f(term.preferredReturn.rate) },
      });
    case 'cashflow':
      return { ...term, id, party: r(term.party), amount: f(term.amount) };
    case 'termination':
      return stripUndefined({
        ...term,
        id,
        when: opt(term.when),
        hazard: opt(term.hazard),
        from: opt(term.from),
        fee: term.fee && { from: r(term.fee.from), to: r(term.fee.to), amount: f(term.fee.amount) },
      });
  }
}

/** `terms.old.x` -> `terms.new.x` for the path segment that names the id. */
function renameInPath(path: string, from: string, to: string): string {
  const parts = path.split('.');
  if (parts[1] === from) parts[1] = to;
  // Share maps are keyed by party id: terms.share.tiers.0.shares.<party>.
  return parts.map((p, i) => (i > 1 && p === from && /^(shares|stakes)$/.test(parts[i - 1] ?? '') ? to : p)).join('.');
}

/** The deal with `from` renamed to `to` everywhere. The caller checks `to` with idProblem first. */
export function renameId(deal: Deal, from: string, to: string): Deal {
  if (from === to) return deal;
  const f = (s: string) => renameInFormula(s, from, to);
  const series: Record<string, string> = {};
  for (const [k, v] of Object.entries(deal.series)) series[k === from ? to : k] = f(v);
  // Every text that may hold placeholders: clauses, the summary, success metrics and terms' triggers.
  const ph = (text: string) => text.replace(/\{\{([^}|]+)(\|[^}]*)?\}\}/g, (_m, p: string, fmt: string | undefined) => `{{${renameInPath(p.trim(), from, to)}${fmt ?? ''}}}`);
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
      const renamed = renameInTerm(t, from, to);
      return renamed.trigger === undefined ? renamed : { ...renamed, trigger: ph(renamed.trigger) };
    }),
    scenarios: deal.scenarios.map((s) => ({ ...s, set: Object.fromEntries(Object.entries(s.set).map(([p, v]) => [renameInPath(p, from, to), v])) })),
    sliders: deal.sliders?.map((s) => ({ ...s, path: renameInPath(s.path, from, to) })),
    termSheet: termSheet && stripUndefined(termSheet),
  });
}

/** Drops keys whose value is undefined, so optional fields vanish from the saved file instead of being written as null. */
export function stripUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
