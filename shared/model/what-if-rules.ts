/**
 * Moving one number of a deal without breaking it: the rule every what-if
 * follows (sliders, the ZOPA sweep, goal seek).
 *
 * - Shares and stakes stay whole: moving one party's share moves the others
 *   with it (the other party's in a two-party split, the rest pro rata
 *   otherwise, equally when they were all 0).
 * - A distribution's location carries its spread: a lognormal's median (P50)
 *   or low end moves its P90 or high end by the same factor, a normal's low
 *   end moves its high end by the same amount.
 * - Everything else moves within the range where the deal stays valid, given
 *   the other numbers as they stand (a P90 stops above its median, a tier
 *   ceiling between its neighbours, a rate between 0 and 1).
 *
 * Scenarios written in a file are never coupled silently: a scenario that
 * leaves shares not summing to 1 is a validation problem naming it
 * (validate.ts). These rules are for what-ifs, and for editors that write the
 * coupled numbers out explicitly.
 *
 * Intentionally has no platform imports.
 */
import { failed } from '../problems';
import { getNumberAt, parsePath, scenarioPath, setNumberAt, valueAtKeys, type PathKey, type PathResult } from './paths';
import { termFieldSpec, termValueSpec } from '../terms/term-fields';
import type { Deal, Input, Slider } from './schema';
import { numberLabel } from './number-fields';

export interface Bound {
  value: number;
  /** Whether the bound itself is valid (0 for a rate) or only values beyond it (a P90 above the median). */
  inclusive: boolean;
  /** Why the range stops there, for the screen ("P90 must stay above the median"). */
  why: string;
}

/** Where a number keeps the deal valid, the other numbers as they stand; a missing side is open. */
export interface ValidRange {
  min?: Bound;
  max?: Bound;
}

/** What moves with a number. */
export type Coupling =
  | { kind: 'whole'; what: 'share' | 'stake'; partners: { path: string; party: string }[] }
  | { kind: 'carry'; partner: string; mode: 'ratio' | 'shift'; partnerLabel: string };

const ZERO_FRACTION: ValidRange = {
  min: { value: 0, inclusive: true, why: 'it cannot go below 0%' },
  max: { value: 1, inclusive: true, why: 'it cannot go above 100%' },
};
const NON_NEGATIVE: ValidRange = { min: { value: 0, inclusive: true, why: 'an amount cannot be negative' } };
const POSITIVE = (why: string): ValidRange => ({ min: { value: 0, inclusive: false, why } });

function numberAt(deal: Deal, path: string): number | undefined {
  const n = getNumberAt(deal, path);
  return n.ok ? n.value : undefined;
}

function tighter(a: Bound | undefined, b: Bound | undefined, side: 'min' | 'max'): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.value === b.value) return a.inclusive ? b : a;
  return side === 'min' ? (a.value > b.value ? a : b) : a.value < b.value ? a : b;
}

function intersect(...ranges: ValidRange[]): ValidRange {
  let out: ValidRange = {};
  for (const r of ranges) out = { min: tighter(out.min, r.min, 'min'), max: tighter(out.max, r.max, 'max') };
  if (!out.min) delete out.min;
  if (!out.max) delete out.max;
  return out;
}

/** Numeric siblings of a share or stake that must keep summing to 1, or null when any of them is a formula. */
function shareGroup(deal: Deal, path: string): { parent: string; keys: string[]; what: string } | null {
  const segments = parsePath(path);
  const term = segments[0] === 'terms' ? deal.terms.find((t) => t.id === segments[1]) : undefined;
  // A share map is a field its kind describes as shares (a party -> fraction map).
  const map = term ? termFieldSpec(term.type, segments.slice(2, -1)) : undefined;
  if (map?.kind !== 'shares') return null;
  const parent = scenarioPath(segments.slice(0, -1));
  const node = valueAtKeys(term, segments.slice(2, -1));
  if (node === null || typeof node !== 'object') return null;
  const values = Object.values(node as Record<string, unknown>);
  if (!values.every((v) => typeof v === 'number')) return null;
  return { parent, keys: Object.keys(node as Record<string, unknown>), what: map.value.label.toLowerCase() };
}

function inputOf(deal: Deal, id: string | undefined): Input | undefined {
  return id !== undefined && Object.prototype.hasOwnProperty.call(deal.inputs, id) ? deal.inputs[id] : undefined;
}

/** What moves with the number at `path` when it moves, or null when nothing does. */
export function couplingOf(deal: Deal, path: string): Coupling | null {
  const group = shareGroup(deal, path);
  if (group) {
    const own = String(parsePath(path).at(-1));
    const partners = group.keys.filter((k) => k !== own).map((k) => ({ path: `${group.parent}.${k}`, party: deal.parties.find((p) => p.id === k)?.name ?? k }));
    if (partners.length === 0) return null;
    return { kind: 'whole', what: group.what === 'stake' ? 'stake' : 'share', partners };
  }
  const [root, id, param] = parsePath(path).map(String);
  if (root !== 'inputs') return null;
  const input = inputOf(deal, id);
  const carry = (partner: string, mode: 'ratio' | 'shift'): Coupling | null => {
    const partnerPath = `inputs.${id}.${partner}`;
    return numberAt(deal, partnerPath) === undefined ? null : { kind: 'carry', partner: partnerPath, mode, partnerLabel: numberLabel(deal, partnerPath) };
  };
  if (input?.dist === 'lognormal' && param === 'p50') return carry('p90', 'ratio');
  if (input?.dist === 'lognormal' && param === 'low') return carry('high', 'ratio');
  if (input?.dist === 'normal' && param === 'low') return carry('high', 'shift');
  return null;
}

function inputRange(deal: Deal, id: string, input: Input, param: string | undefined, index: number | undefined): ValidRange {
  const at = (field: string) => numberAt(deal, `inputs.${id}.${field}`);
  const above = (field: string, why: string): ValidRange => {
    const v = at(field);
    return v === undefined ? {} : { min: { value: v, inclusive: false, why } };
  };
  const below = (field: string, why: string): ValidRange => {
    const v = at(field);
    return v === undefined ? {} : { max: { value: v, inclusive: false, why } };
  };
  const atLeast = (field: string, why: string): ValidRange => {
    const v = at(field);
    return v === undefined ? {} : { min: { value: v, inclusive: true, why } };
  };
  const atMost = (field: string, why: string): ValidRange => {
    const v = at(field);
    return v === undefined ? {} : { max: { value: v, inclusive: true, why } };
  };
  switch (input.dist) {
    case 'chance':
      return param === 'p' ? ZERO_FRACTION : {};
    case 'uniform':
      return param === 'min' ? below('max', 'the minimum must stay below the maximum') : param === 'max' ? above('min', 'the maximum must stay above the minimum') : {};
    case 'triangular':
    case 'pert':
      if (param === 'min') return intersect(atMost('mode', 'the minimum cannot pass the most likely value'), below('max', 'the minimum must stay below the maximum'));
      if (param === 'mode') return intersect(atLeast('min', 'the most likely value stays between minimum and maximum'), atMost('max', 'the most likely value stays between minimum and maximum'));
      if (param === 'max') return intersect(atLeast('mode', 'the maximum cannot pass the most likely value'), above('min', 'the maximum must stay above the minimum'));
      return {};
    case 'normal':
      if (param === 'sd') return POSITIVE('a standard deviation must be above 0');
      if (param === 'high') return above('low', 'the high end must stay above the low end');
      if (param === 'min') return below('max', 'the minimum must stay below the maximum');
      if (param === 'max') return above('min', 'the maximum must stay above the minimum');
      return {};
    case 'lognormal':
      if (param === 'p50') return POSITIVE('a lognormal median must be above 0');
      if (param === 'low') return POSITIVE('a lognormal low end must be above 0');
      if (param === 'p90') return above('p50', 'P90 must stay above the median');
      if (param === 'high') return above('low', 'the high end must stay above the low end');
      return {};
    case 'beta':
      return param === 'alpha' || param === 'beta' ? POSITIVE(`${param} must be above 0`) : {};
    case 'discrete': {
      if (param !== 'weights' || index === undefined || !input.weights) return {};
      const others = input.weights.reduce((s, w, i) => (i === index ? s : s + w), 0);
      return others > 0 ? { min: { value: 0, inclusive: true, why: 'a weight cannot be negative' } } : POSITIVE('the weights cannot all be 0');
    }
    default:
      return {};
  }
}

/** The range a term field's schema allows (its kind's module says which), and ascending tier ceilings. */
function termRange(deal: Deal, path: string, id: PathKey | undefined, keys: readonly PathKey[]): ValidRange {
  const term = deal.terms.find((t) => t.id === id);
  const spec = term ? termValueSpec(term.type, keys) : undefined;
  switch (spec?.bounds) {
    case 'fraction':
      return ZERO_FRACTION;
    case 'nonNegative':
      return NON_NEGATIVE;
    case 'ceiling': {
      const tier = Number(keys.at(-2));
      const list = scenarioPath(parsePath(path).slice(0, -2));
      const prev = tier > 0 ? numberAt(deal, `${list}.${tier - 1}.upTo`) : undefined;
      const next = numberAt(deal, `${list}.${tier + 1}.upTo`);
      return intersect(
        prev === undefined ? POSITIVE('a tier ceiling must be above 0') : { min: { value: prev, inclusive: false, why: `tier ceilings must ascend: above tier ${tier}'s` } },
        next === undefined ? {} : { max: { value: next, inclusive: false, why: `tier ceilings must ascend: below tier ${tier + 2}'s` } },
      );
    }
    default:
      return {};
  }
}

/** Where the number at `path` keeps `deal` valid, with what moves with it already accounted for. */
export function validRange(deal: Deal, path: string): ValidRange {
  const [root, id, ...keys] = parsePath(path);
  if (root === 'parties') return keys[0] === 'discountRate' ? { min: { value: -1, inclusive: false, why: 'a discount rate must be above -100%' } } : {};
  if (root === 'inputs' && typeof id === 'string') {
    const input = inputOf(deal, id);
    const index = typeof keys[1] === 'number' ? keys[1] : undefined;
    return input ? inputRange(deal, id, input, keys[0] === undefined ? undefined : String(keys[0]), index) : {};
  }
  if (root === 'terms') return termRange(deal, path, id, keys);
  return {};
}

/** Whether `value` lies in `range`. */
export function inRange(range: ValidRange, value: number): boolean {
  const { min, max } = range;
  if (min && (min.inclusive ? value < min.value : value <= min.value)) return false;
  if (max && (max.inclusive ? value > max.value : value >= max.value)) return false;
  return Number.isFinite(value);
}

/** Rounds away the float noise of derived numbers (0.30000000000000004 is 0.3). */
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * The numbers that change when `path` is set to `value` in `deal`: the number
 * itself and what moves with it (coupling), as absolute values. The caller
 * checks the range; this only keeps the rules that couple numbers.
 */
export function coupledChanges(deal: Deal, path: string, value: number): Record<string, number> {
  const out: Record<string, number> = { [path]: value };
  const coupling = couplingOf(deal, path);
  if (!coupling) return out;
  if (coupling.kind === 'whole') {
    const olds = coupling.partners.map((p) => numberAt(deal, p.path) ?? 0);
    const rest = olds.reduce((a, b) => a + b, 0);
    const remaining = 1 - value;
    coupling.partners.forEach((p, i) => {
      out[p.path] = tidy(rest > 0 ? (olds[i]! * remaining) / rest : remaining / coupling.partners.length);
    });
    // The last partner takes what rounding left over, so the group sums to 1 exactly as far as doubles allow.
    if (coupling.partners.length > 1) {
      const lastPath = coupling.partners.at(-1)!.path;
      const others = coupling.partners.slice(0, -1).reduce((s, p) => s + out[p.path]!, 0);
      out[lastPath] = Math.max(0, tidy(1 - value - others));
    }
    return out;
  }
  const old = numberAt(deal, path);
  const partner = numberAt(deal, coupling.partner);
  if (old === undefined || partner === undefined) return out;
  out[coupling.partner] = tidy(coupling.mode === 'ratio' ? (old > 0 ? (partner * value) / old : partner) : partner + (value - old));
  return out;
}

/** The deal with `path` set to `value` and what moves with it, or why that is not a valid deal position. */
export function withNumber(deal: Deal, path: string, value: number): PathResult<{ deal: Deal; changes: Record<string, number> }> {
  const range = validRange(deal, path);
  if (!inRange(range, value)) {
    const broken = range.min && !inRange({ min: range.min }, value) ? range.min : range.max;
    return failed(path, `${numberLabel(deal, path)} cannot be ${value}: ${broken?.why ?? 'not a finite number'}`);
  }
  const changes = coupledChanges(deal, path, value);
  let next = deal;
  for (const [p, v] of Object.entries(changes)) {
    const set = setNumberAt(next, p, v);
    if (!set.ok) return set;
    next = set.value;
  }
  return { ok: true, value: { deal: next, changes } };
}

/**
 * A slider's own range narrowed to where the number keeps the deal valid, on
 * the slider's step grid (anchored at its min): the values the slider can
 * reach, and why each end stops where it does when that is not the slider's own end.
 */
export function sliderReach(slider: Pick<Slider, 'min' | 'max' | 'step'>, range: ValidRange): { min: number; max: number; minWhy?: string; maxWhy?: string } | null {
  const { step } = slider;
  const onGrid = (k: number) => tidy(slider.min + k * step);
  const lastK = Math.floor((slider.max - slider.min) / step + 1e-9);
  let lo = 0;
  let hi = lastK;
  let minWhy: string | undefined;
  let maxWhy: string | undefined;
  if (range.min) {
    while (lo <= hi && !inRange({ min: range.min }, onGrid(lo))) lo = Math.max(lo + 1, Math.ceil((range.min.value - slider.min) / step - 1e-9));
    if (lo > 0) minWhy = range.min.why;
  }
  if (range.max) {
    while (hi >= lo && !inRange({ max: range.max }, onGrid(hi))) hi = Math.min(hi - 1, Math.floor((range.max.value - slider.min) / step + 1e-9));
    if (hi < lastK) maxWhy = range.max.why;
  }
  if (lo > hi) return null;
  return { min: onGrid(lo), max: onGrid(hi), ...(minWhy ? { minWhy } : {}), ...(maxWhy ? { maxWhy } : {}) };
}
