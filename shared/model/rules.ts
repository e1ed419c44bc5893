/**
 * Cross-field rules of a `.deal` file (../shared/spec/deal-format.md) that a
 * structural schema cannot say: unique, non-reserved ids; `us` and every party
 * a term names exist; shares and stakes sum to 1; tiers ascending; every
 * formula checks and series form no cycle; scenario and slider paths point at
 * numbers; slider ranges are sane; negotiation rounds follow their rules
 * (round-rules.ts). Input distributions and correlations are in
 * input-rules.ts.
 *
 * Runs on a deal that already has the right shape.
 *
 * Intentionally has no platform imports.
 */
import { failureText } from '../problems';
import type { Problem } from '../problems';
import { termProblems, termValueSpec } from '../terms/term-fields';
import { termKind } from '../terms/registry';
import type { MathNode } from 'mathjs/number';
import { periodYears } from '../engine/timeline';
import { checkFormula, type FormulaRefs } from '../formula/check';
import { dealFormulas, formulaEnv, type DealFormula } from '../formula/deal-formulas';
import { evaluateFolded, foldable, hazardMessage, timingMessage } from '../formula/fold';
import { RESERVED_NAMES } from '../formula/allowlist';
import { orderSeries } from '../formula/series-order';
import { correlationProblems, inputProblems } from './input-rules';
import { getNumberAt } from './paths';
import { idCount, itemPath } from './paths';
import { roundProblems } from './round-rules';
import { ID_PATTERN, type Deal, type NumberOrFormula, type Party } from './schema';
import { didYouMean } from './suggest';

/** A party id is known when some party carries it (counted once per deal, see idCount). */
const isParty = (deal: Deal, id: string): boolean => idCount(deal.parties, id) > 0;
const partyIdList = (deal: Deal): string[] => deal.parties.map((p) => p.id);

function idProblems(deal: Deal): Problem[] {
  const out: Problem[] = [];
  const owners = new Map<string, string>();
  const claim = (id: string, path: string, what: string) => {
    if (!ID_PATTERN.test(id)) {
      out.push({ path, message: `"${id}" is not a valid id: start with a letter and use only letters, digits and _` });
      return;
    }
    if (RESERVED_NAMES.has(id)) {
      out.push({ path, message: `"${id}" is a reserved name of the formula language; choose another ${what} id` });
      return;
    }
    const previous = owners.get(id);
    if (previous !== undefined) out.push({ path, message: `id "${id}" is already used by ${previous}` });
    else owners.set(id, path);
  };
  deal.parties.forEach((p, i) => claim(p.id, idCount(deal.parties, p.id) > 1 ? `parties[${i}].id` : `parties.${p.id}`, 'party'));
  for (const id of Object.keys(deal.inputs)) claim(id, `inputs.${id}`, 'input');
  for (const id of Object.keys(deal.series)) claim(id, `series.${id}`, 'series');
  deal.terms.forEach((t, i) => claim(t.id, idCount(deal.terms, t.id) > 1 ? `terms[${i}].id` : `terms.${t.id}`, 'term'));
  const scenarioIds = new Set<string>();
  deal.scenarios.forEach((s, i) => {
    if (scenarioIds.has(s.id)) out.push({ path: `scenarios[${i}].id`, message: `scenario id "${s.id}" is used twice` });
    scenarioIds.add(s.id);
  });
  return out;
}

export { termProblems };

function formulaProblems(deal: Deal): Problem[] {
  const out: Problem[] = [];
  // Each formula is parsed once: the series' references found here also give their evaluation order.
  const deps = new Map<string, readonly string[]>();
  for (const f of dealFormulas(deal)) {
    const checked = checkFormula(f.source, formulaEnv(deal, f.scope), f.path);
    if (!checked.ok) out.push(...checked.problems);
    else {
      if (f.scope === 'series') deps.set(f.keys[1] as string, checked.refs.series);
      out.push(...foldedProblems(deal, f, checked));
    }
  }
  if (out.length === 0) {
    const order = orderSeries(deps);
    if (!order.ok) out.push(...order.problems);
  }
  return out;
}

/** The first period of a timing known before valuing (a number, or a formula of numbers alone), else undefined. */
function knownPeriod(deal: Deal, value: NumberOrFormula | undefined): number | undefined {
  if (value === undefined) return 0;
  if (typeof value === 'number') return Math.max(0, Math.ceil(value));
  const checked = checkFormula(value, formulaEnv(deal, 'iteration'));
  if (!checked.ok || !foldable(checked.refs)) return undefined;
  const v = evaluateFolded(checked.ast, { t: 0, year: 0 });
  return Number.isFinite(v) ? Math.max(0, Math.ceil(v)) : undefined;
}

/**
 * What the engine would refuse mid-run, found now for formulas that read
 * nothing drawn (fold.ts): a timing that is not a finite number, a hazard
 * outside 0 to 1 in a period where it decides. Formulas of inputs are checked
 * by the engine as it values, with the same messages.
 */
function foldedProblems(deal: Deal, f: DealFormula, checked: { ast: MathNode; refs: FormulaRefs }): Problem[] {
  if (!foldable(checked.refs)) return [];
  if (f.scope === 'iteration') {
    const v = evaluateFolded(checked.ast, { t: 0, year: 0 });
    return Number.isFinite(v) ? [] : [{ path: f.path, message: timingMessage(v) }];
  }
  // A probability per period (a hazard), checked from the first period where it decides (its kind says which).
  const term = f.keys[0] === 'terms' ? deal.terms[f.keys[1] as number] : undefined;
  if (!term || termValueSpec(term.type, f.keys.slice(2))?.is !== 'probability') return [];
  const from = termKind(term).decidesFrom?.(term, (v) => knownPeriod(deal, v));
  if (from === undefined) return [];
  const years = periodYears(deal.timeline);
  for (let t = from; t < deal.timeline.periods; t++) {
    const v = evaluateFolded(checked.ast, { t, year: years[t]! });
    if (!(v >= 0 && v <= 1)) return [{ path: f.path, message: hazardMessage(v, t) }];
  }
  return [];
}

function scenarioProblems(deal: Deal): Problem[] {
  const out: Problem[] = [];
  deal.scenarios.forEach((s, i) => {
    const path = itemPath(deal, 'scenarios', i);
    for (const key of Object.keys(s.set)) {
      const found = getNumberAt(deal, key);
      if (!found.ok) out.push({ path, message: `scenario "${s.id}": ${failureText(found)}` });
    }
  });
  return out;
}

function sliderProblems(deal: Deal): Problem[] {
  const out: Problem[] = [];
  (deal.sliders ?? []).forEach((s, i) => {
    const path = `sliders[${i}]`;
    const found = getNumberAt(deal, s.path);
    if (!found.ok) out.push({ path: `${path}.path`, message: failureText(found) });
    if (!(s.min < s.max)) out.push({ path: `${path}.max`, message: `must be above min (${s.min})` });
    if (!(s.step > 0)) out.push({ path: `${path}.step`, message: 'must be above 0' });
    else if (s.min < s.max && s.step > s.max - s.min) out.push({ path: `${path}.step`, message: `is larger than the whole range ${s.min} to ${s.max}` });
  });
  return out;
}

/** Every cross-field problem of a deal with the right shape; empty when valid. */
export function crossFieldProblems(deal: Deal): Problem[] {
  const out = numberRuleProblems(deal);
  out.push(...formulaProblems(deal));
  out.push(...scenarioProblems(deal));
  out.push(...roundProblems(deal));
  out.push(...sliderProblems(deal));
  return out;
}

/** A party's numbers (its id and name are checked with the others'). */
export function partyProblems(deal: Deal, party: Party, index: number): Problem[] {
  if (party.discountRate > -1) return [];
  return [{ path: `${itemPath(deal, 'parties', index)}.discountRate`, message: 'must be above -1 (it is an annual rate such as 0.1)' }];
}

/**
 * The rules a scenario's numbers could break (ids, parties, inputs,
 * correlations, terms): run on the deal as written and on the deal under
 * each scenario. Formulas, scenario paths and sliders cannot change with a
 * scenario, so they are checked once.
 */
export function numberRuleProblems(deal: Deal): Problem[] {
  const out: Problem[] = [...idProblems(deal)];
  if (!isParty(deal, deal.us)) out.push({ path: 'us', message: `"${deal.us}" is not one of the parties${didYouMean(deal.us, partyIdList(deal))}` });
  deal.parties.forEach((p, i) => out.push(...partyProblems(deal, p, i)));
  for (const [id, input] of Object.entries(deal.inputs)) out.push(...inputProblems(id, input));
  out.push(...correlationProblems(deal.correlations ?? [], deal.inputs));
  deal.terms.forEach((t, i) => out.push(...termProblems(deal, t, i)));
  return out;
}
