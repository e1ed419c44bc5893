/**
 * The one gate for documents that leave the company (the counterparty term
 * sheet and every redline): it knows what of a deal is internal and what may
 * be printed, so no builder or writer decides that on its own
 * (../shared/spec/deal-format.md, "Counterparty-safe term-sheet text").
 *
 * - `counterpartyPlaceholder` is the spec's placeholder allowlist: a party's
 *   name and legal details; a term's label, trigger and contract numbers
 *   (amounts, rates, tiers and bounds, shares, stakes, thresholds,
 *   contributions, preferred return, fees, caps, adjustment factors, and
 *   at/until/from as dates); the timeline's start and the currency; the term
 *   sheet's own placeholders. Anything else is refused with the reason.
 * - `redactForCounterparty` is the deal a counterparty document is built
 *   from: every internal text, number and key removed or neutralised
 *   (description, notes, input labels, scenario and round names and notes,
 *   own cash flows, sliders, the seed, walk-aways, discount rates, hazards,
 *   `x-` keys). What is not in it cannot be printed by any code path.
 * - `internalTexts` lists the internal strings of a deal with their paths
 *   (tests search every part of a package for them).
 * - `termSheetWarnings` is what a counterparty export would refuse, for
 *   `dealwright validate` and the editor's Problems list.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../problems';
import type { Deal, Term } from '../model/schema';
import { parsePath, scenarioPath } from '../model/paths';
import { isFormulaLeaf, leafPatterns, mapLeaves } from '../terms/fields';
import { kindOf, termKind } from '../terms/registry';
import { termFieldSpec, termLeaves } from '../terms/term-fields';
import { resolvePlaceholders } from './placeholders';

export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

const PARTY_TEXT = new Set(['name', 'legalName', 'jurisdiction', 'address']);

/**
 * The contract numbers of a kind of term, as path patterns below the term (`*` is a list index or a
 * party id): the fields its module marks as contract figures. Nothing else below a term may be printed.
 */
const contractPatterns = new Map<string, string[][]>();
function contractFields(type: string): string[][] {
  let patterns = contractPatterns.get(type);
  if (!patterns) {
    const kind = kindOf(type);
    patterns = kind && !kind.ownFlow ? leafPatterns(kind.fields, (spec) => spec.kind === 'value' && spec.contract) : [];
    contractPatterns.set(type, patterns);
  }
  return patterns;
}

/** Why a field below a term is not a contract number, in words a negotiator recognises (from what its kind says the field is). */
function termFieldReason(term: Term, rest: readonly string[]): string {
  if (termKind(term).ownFlow) return "is a party's own cash flow in our model, not a term between the parties";
  if (rest[0] === 'note') return 'is an internal note';
  const spec = termFieldSpec(term.type, parsePath(rest.join('.')));
  if (spec?.kind === 'party') return "is an id of the model, not wording (use the party's name)";
  if (spec?.kind === 'value' && spec.is === 'probability') return "is our model's probability of the event";
  if (spec?.kind === 'value' && spec.is === 'condition') return 'is a condition of our model';
  if (spec?.kind === 'value' && spec.is === 'money') return 'is a formula of our model';
  return 'is not a contract figure of this term';
}

function matchesPattern(rest: readonly string[], parts: readonly string[]): boolean {
  return parts.length === rest.length && parts.every((p, i) => p === rest[i] || (p === '*' && rest[i] !== undefined && !rest[i]!.startsWith('x-')));
}

/** Whether `{{path}}` may appear in a document for the other side, and why not when it may not. */
export function counterpartyPlaceholder(deal: Deal, path: string): Verdict {
  const segments = parsePath(path).map(String);
  if (segments.some((s) => s.startsWith('x-'))) return no('names an "x-" extension key, which is internal');
  const [top, second, ...rest] = segments;
  if (segments.length === 1) {
    if (Object.prototype.hasOwnProperty.call(deal.termSheet?.placeholders ?? {}, top!)) return OK;
    if (top === 'currency') return OK;
    if (top === 'description') return no("is the file's internal description (termSheet.summary is the published one)");
    // Other top-level fields are not placeholders; any other name is reported as unknown by the resolver.
    if (Object.prototype.hasOwnProperty.call(deal, top!)) return no('is not one of the values a counterparty document may print');
    return OK;
  }
  switch (top) {
    case 'parties': {
      if (rest.length === 1 && PARTY_TEXT.has(rest[0]!)) return OK;
      if (rest.length === 2 && rest[0] === 'signatory' && (rest[1] === 'name' || rest[1] === 'title')) return OK;
      const field = rest[0];
      if (field === 'walkAway') return no("discloses a party's walk-away");
      if (field === 'discountRate') return no("discloses a party's discount rate");
      return no("is not a party's name or legal details");
    }
    case 'terms': {
      const term = deal.terms.find((t) => t.id === second);
      // An unknown term is reported by the resolver ("no term ..."), with suggestions.
      if (!term) return OK;
      if (rest.length === 0) return no('names a whole term, not one of its fields');
      if (termKind(term).ownFlow) return no(termFieldReason(term, rest));
      if (rest.length === 1 && (rest[0] === 'label' || rest[0] === 'trigger')) return OK;
      if (contractFields(term.type).some((p) => matchesPattern(rest, p))) return OK;
      return no(termFieldReason(term, rest));
    }
    case 'timeline':
      return second === 'start' && rest.length === 0 ? OK : no("is the model's horizon, not a contract date");
    case 'termSheet':
      return second === 'placeholders' && rest.length === 1 ? OK : no('is not one of the term sheet\'s own placeholders');
    case 'inputs':
      return no('discloses our model assumptions (an input)');
    case 'series':
    case 'correlations':
      return no('discloses our model (a series or correlation)');
    case 'scenarios':
      return no('names a scenario, which is internal');
    case 'negotiation':
      return no('names a negotiation round, which is internal');
    case 'sliders':
      return no('discloses the range we negotiate within (a slider)');
    case 'simulation':
      return no('discloses our valuation settings');
    default:
      return no('is not something a counterparty document may print');
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A deep copy without any `x-` key. */
function withoutExtensions<T>(value: T): T {
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('x-')).map(([k, x]) => [k, visit(x)]));
    return v;
  };
  return visit(value) as T;
}

/**
 * The deal a counterparty document is built from: the same terms, parties and
 * term-sheet text, with everything internal taken out: no inputs, series or
 * correlations at all (formulas left in term fields still name them, and a
 * counterparty document prints such a field as its trigger wording, never
 * the formula).
 */
export function redactForCounterparty(deal: Deal): Deal {
  const copy = withoutExtensions(deal);
  const { description: _description, ...rest } = copy;
  const raw = rest as Json;
  delete raw.negotiation;
  const out: Deal = {
    ...rest,
    parties: copy.parties.map((p) => ({ ...p, discountRate: 0, walkAway: 0 })),
    inputs: {},
    series: {},
    terms: copy.terms
      .filter((t) => !termKind(t).ownFlow)
      .map((t) => {
        const { note: _note, ...term } = t;
        // A probability of an event (a hazard) is our model's view, never a term: zeroed.
        return mapLeaves(termKind(t).fields, term, (spec, v) => (spec.kind === 'value' && spec.is === 'probability' ? 0 : v), (k) => k) as Term;
      }),
    scenarios: copy.scenarios.map((s, i) => ({ id: `s${i}`, name: 'Scenario', set: {} })),
    simulation: { iterations: copy.simulation.iterations, seed: 0 },
  };
  delete (out as Json).sliders;
  delete (out as Json).correlations;
  return out;
}

export interface InternalText {
  path: string;
  text: string;
}

/**
 * Every internal string of a deal, with where it sits: the description,
 * notes, input ids and labels, series ids and formulas, formulas in terms,
 * own cash flows' labels, scenario and round names and notes, slider labels
 * and `x-` values. Numbers are not listed (they are checked by value).
 */
export function internalTexts(deal: Deal): InternalText[] {
  const out: InternalText[] = [];
  const add = (path: string, text: unknown) => {
    if (typeof text === 'string' && text.trim()) out.push({ path, text });
  };
  add('description', deal.description);
  for (const [id, input] of Object.entries(deal.inputs)) {
    add(`inputs.${id}`, id);
    add(`inputs.${id}.label`, input.label);
    add(`inputs.${id}.note`, input.note);
  }
  for (const [id, formula] of Object.entries(deal.series)) {
    add(`series.${id}`, id);
    add(`series.${id}`, formula);
  }
  for (const t of deal.terms) {
    add(`terms.${t.id}.note`, t.note);
    if (termKind(t).ownFlow) add(`terms.${t.id}.label`, t.label);
    // Formula strings in number fields (a date is a contract date, not a formula).
    for (const leaf of termLeaves(t)) if (isFormulaLeaf(leaf)) add(`terms.${t.id}.${scenarioPath(leaf.keys)}`, leaf.value);
  }
  deal.scenarios.forEach((s) => {
    add(`scenarios.${s.id}.name`, s.name);
    add(`scenarios.${s.id}.notes`, s.notes);
  });
  const rounds = (deal as unknown as { negotiation?: { rounds?: { id?: unknown; name?: unknown; notes?: unknown }[] } }).negotiation?.rounds ?? [];
  rounds.forEach((r, i) => {
    const id = typeof r.id === 'string' ? r.id : String(i);
    add(`negotiation.rounds.${id}.name`, r.name);
    add(`negotiation.rounds.${id}.notes`, r.notes);
  });
  (deal.sliders ?? []).forEach((s, i) => add(`sliders.${i}.label`, s.label));
  // `x-` keys anywhere: the key and every string under it.
  const extensions = (v: unknown, path: string, inside: boolean) => {
    if (typeof v === 'string' && inside) add(path, v);
    else if (Array.isArray(v)) v.forEach((x, i) => extensions(x, `${path}.${i}`, inside));
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (k.startsWith('x-')) add(at, k);
        extensions(x, at, inside || k.startsWith('x-'));
      }
    }
  };
  extensions(deal, '', false);
  return out;
}

/** Every text of the term sheet that may hold placeholders, with its location. */
export function termSheetTexts(deal: Deal): { location: string; text: string }[] {
  const sheet = deal.termSheet;
  const out: { location: string; text: string }[] = [];
  if (sheet?.summary !== undefined) out.push({ location: 'termSheet.summary', text: sheet.summary });
  (sheet?.sections ?? []).forEach((s, i) => {
    out.push({ location: `termSheet.sections[${i}].heading`, text: s.heading });
    out.push({ location: `termSheet.sections[${i}].text`, text: s.text });
  });
  (sheet?.successMetrics ?? []).forEach((m, i) => {
    for (const field of ['horizon', 'metric', 'target'] as const) out.push({ location: `termSheet.successMetrics[${i}].${field}`, text: m[field] });
  });
  deal.terms.forEach((t) => {
    if (t.trigger !== undefined) out.push({ location: `terms.${t.id}.trigger`, text: t.trigger });
  });
  return out;
}

/**
 * What a counterparty term sheet or redline of this deal would refuse, as
 * warnings with paths: placeholders the allowlist refuses, and placeholders
 * that resolve to nothing. The file itself is valid; only the export stops.
 */
export function termSheetWarnings(deal: Deal): Problem[] {
  const out: Problem[] = [];
  for (const { location, text } of termSheetTexts(deal)) {
    const r = resolvePlaceholders(text, location, { deal, audience: 'counterparty' });
    if (!r.ok) out.push(...r.problems.map((p) => ({ ...p, severity: 'warning' as const })));
  }
  return out;
}

/** A draft label must not carry an internal name (a scenario's or round's) onto the other side's document. */
export function draftLabelProblem(deal: Deal, label: string): Problem | undefined {
  const wanted = label.trim().toLowerCase();
  const names = internalTexts(deal).filter((t) => /^(scenarios|negotiation)\./.test(t.path) && t.path.endsWith('.name'));
  const hit = names.find((n) => n.text.trim().toLowerCase() === wanted);
  return hit ? { path: 'draft', message: `"${label}" is the name of ${hit.path.startsWith('scenarios') ? 'a scenario' : 'a negotiation round'} (internal); label the draft otherwise, e.g. "Draft 2"` } : undefined;
}
