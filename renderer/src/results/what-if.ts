/**
 * Slider what-ifs: a slider's value is a what-if on the active scenario, never
 * an edit of the document. What-ifs follow the what-if rules
 * (shared/model/what-if-rules.ts): a share moves the other shares with it, a
 * median carries its P90, and a value outside the range where the deal stays
 * valid is refused, so no what-if can send the engine a broken deal. The
 * expanded changes travel to the engine as extra overrides in that scenario's
 * `set` (a what-if on a path the scenario also sets wins, as the user expects
 * from the slider they are holding).
 *
 * What-ifs are applied in the order they were last moved (the latest wins
 * where two couple the same numbers).
 */
import type { Problem } from '../../../shared/api';
import { applyScenarioById, getNumberAt } from '../../../shared/model/paths';
import { findPosition, roundsOf } from '../../../shared/model/rounds';
import { dealSchema, type Deal, type Slider } from '../../../shared/model/schema';
import { numberKind, numberLabel, type NumberKind } from '../../../shared/model/number-fields';
import { numberRuleProblems } from '../../../shared/model/rules';
import { couplingOf, sliderReach, validRange, withNumber, type Coupling } from '../../../shared/model/what-if-rules';
import { formatByKind } from '../../../shared/format/by-kind';
import { moneyFormatOf } from './results-format';

export type WhatIfs = Readonly<Record<string, number>>;

/** The active position's id (a scenario or a round), falling back to the first scenario (the default) or "base". */
export function resolveScenarioId(deal: Deal, wanted: string | null): string {
  if (wanted && findPosition(deal, wanted)) return wanted;
  return deal.scenarios[0]?.id ?? 'base';
}

/** Where the what-ifs put the deal: the scenario as written, the deal valued, every number changed, and anything refused. */
export interface WhatIfPosition {
  /** The scenario applied, no what-ifs. */
  scenarioDeal: Deal | null;
  /** The scenario and the what-ifs applied (what the engine values). */
  deal: Deal | null;
  /** Every number the what-ifs change, coupled numbers included, as absolute values. */
  changes: Record<string, number>;
  /** What-ifs that could not be applied, with why (shown in the Problems list). */
  problems: Problem[];
}

const positions = new WeakMap<Deal, Map<string, WhatIfPosition>>();

export function whatIfPosition(deal: Deal, scenarioId: string, whatIfs: WhatIfs): WhatIfPosition {
  const key = `${scenarioId}\u0000${JSON.stringify(whatIfs)}`;
  let byKey = positions.get(deal);
  if (!byKey) positions.set(deal, (byKey = new Map<string, WhatIfPosition>()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const position = computePosition(deal, scenarioId, whatIfs);
  if (byKey.size > 64) byKey.clear();
  byKey.set(key, position);
  return position;
}

function computePosition(deal: Deal, scenarioId: string, whatIfs: WhatIfs): WhatIfPosition {
  const applied = applyScenarioById(deal, scenarioId);
  if (!applied.ok) return { scenarioDeal: null, deal: null, changes: {}, problems: [] };
  let current = applied.value.deal;
  const changes: Record<string, number> = {};
  const problems: Problem[] = [];
  for (const [path, value] of Object.entries(whatIfs)) {
    const moved = withNumber(current, path, value);
    if (!moved.ok) {
      problems.push(...moved.problems.map((p) => ({ path, message: `What-if not applied: ${p.message}` })));
      continue;
    }
    current = moved.value.deal;
    Object.assign(changes, moved.value.changes);
  }
  // The rules above cover every number a slider can reach; this catches anything they do not know, so the
  // engine is never sent a deal the validator would refuse.
  if (Object.keys(changes).length > 0) {
    const parsed = dealSchema.safeParse(current);
    const found = parsed.success ? numberRuleProblems(parsed.data) : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    for (const p of found) problems.push({ path: p.path, message: `The slider what-ifs make this invalid: ${p.message}` });
  }
  return { scenarioDeal: applied.value.deal, deal: current, changes, problems };
}

/** Whether the what-ifs can be valued (nothing the validator would refuse). */
export function positionIsValid(position: WhatIfPosition): boolean {
  return position.deal !== null && !position.problems.some((p) => p.message.startsWith('The slider what-ifs make'));
}

/** The deal to send to the engine: the document with the expanded what-ifs added to the active scenario's overrides. */
export function dealWithWhatIfs(deal: Deal, scenarioId: string, whatIfs: WhatIfs): Deal {
  if (Object.keys(whatIfs).length === 0) return deal;
  return dealWithChanges(deal, scenarioId, whatIfPosition(deal, scenarioId, whatIfs).changes);
}

/** The document with `changes` added to the active position's overrides (a scenario or a round; a scenario of their own when the deal has none). */
export function dealWithChanges(deal: Deal, scenarioId: string, changes: Readonly<Record<string, number>>): Deal {
  if (Object.keys(changes).length === 0) return deal;
  const rounds = roundsOf(deal);
  if (rounds.some((r) => r.id === scenarioId)) {
    return { ...deal, negotiation: { ...deal.negotiation, rounds: rounds.map((r) => (r.id === scenarioId ? { ...r, set: { ...r.set, ...changes } } : r)) } };
  }
  const index = deal.scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) return { ...deal, scenarios: [{ id: scenarioId, name: 'What-if', set: { ...changes } }, ...deal.scenarios] };
  const scenarios = deal.scenarios.map((s, i) => (i === index ? { ...s, set: { ...s.set, ...changes } } : s));
  return { ...deal, scenarios };
}

/** The number at `path` where the what-ifs put the deal, or null when it holds a formula there. */
export function valueAt(position: WhatIfPosition, path: string): number | null {
  if (!position.deal) return null;
  const n = getNumberAt(position.deal, path);
  return n.ok ? n.value : null;
}

/** What the slider shows: where the what-ifs put its number (its own, or moved with another). */
export function sliderValue(deal: Deal, scenarioId: string, slider: Slider, whatIfs: WhatIfs): number | null {
  return valueAt(whatIfPosition(deal, scenarioId, whatIfs), slider.path);
}

/** A slider as the panel shows it: label, kind, the values it can reach, and what moves with it. */
export interface SliderView {
  label: string;
  kind: NumberKind;
  value: number | null;
  /** The reachable range (the slider's own, narrowed to where the deal stays valid). */
  min: number;
  max: number;
  /** Why an end stops short of the slider's own, when it does. */
  stops: string[];
  coupling: Coupling | null;
  /** The slider's own value ("60%"). */
  ownText: string;
  /** "60% · Kestrel Energy 40%": the value with what moves with it (what a screen reader hears). */
  valueText: string;
  /** "Kestrel Energy's stake moves with it: 40%", "P90 moves with it (same spread): 2,800". */
  couplingNote: string | null;
}

export function sliderView(deal: Deal, scenarioId: string, slider: Slider, whatIfs: WhatIfs): SliderView {
  const position = whatIfPosition(deal, scenarioId, whatIfs);
  const value = valueAt(position, slider.path);
  const label = sliderLabel(deal, slider);
  const kind = numberKind(deal, slider.path);
  const money = moneyFormatOf(deal);
  // The range is where this number is valid with the other what-ifs as they stand (its own left out).
  const { [slider.path]: _own, ...others } = whatIfs;
  const context = whatIfPosition(deal, scenarioId, others).deal;
  const reach = context ? sliderReach(slider, validRange(context, slider.path)) : null;
  const coupling = context ? couplingOf(context, slider.path) : null;
  const fmt = (v: number | null) => (v === null ? '–' : formatByKind(v, kind, money));
  const own = fmt(value);
  let valueText = own;
  let couplingNote: string | null = null;
  if (coupling?.kind === 'whole') {
    const partners = coupling.partners.map((p) => `${p.party} ${fmt(valueAt(position, p.path))}`);
    valueText = `${own} · ${partners.join(' · ')}`;
    couplingNote = coupling.partners.length === 1 ? `${coupling.partners[0]!.party}'s ${coupling.what} moves with it: ${partners[0]!.slice(coupling.partners[0]!.party.length + 1)}` : `The other ${coupling.what}s move with it, pro rata: ${partners.join(', ')}`;
  } else if (coupling?.kind === 'carry') {
    const partner = valueAt(position, coupling.partner);
    const name = coupling.partnerLabel.split(', ').at(-1);
    const shown = partner === null ? '–' : formatByKind(partner, numberKind(deal, coupling.partner), money);
    valueText = `${own} · ${name} ${shown}`;
    couplingNote = `${name} moves with it (${coupling.mode === 'ratio' ? 'same spread' : 'same width'}): ${shown}`;
  }
  const stops = [reach?.minWhy, reach?.maxWhy].filter((s): s is string => s !== undefined).map((why) => `Stops where ${why}.`);
  return { label, kind, value, min: reach?.min ?? slider.min, max: reach?.max ?? slider.max, stops, coupling, ownText: own, valueText, couplingNote };
}

/** A label for a slider path, from the deal's own wording (the slider's own label wins). */
export function sliderLabel(deal: Deal, slider: Pick<Slider, 'path' | 'label'>): string {
  return slider.label || numberLabel(deal, slider.path);
}

/** How a number at `path` reads ("$40.0M", "9%", "1,400"). */
export function formatAtPath(deal: Deal, path: string, value: number): string {
  return formatByKind(value, numberKind(deal, path), moneyFormatOf(deal));
}

/** The what-ifs in force, as a reader would say them ("Upfront payment: $40.0M"), in slider order. */
export function describeWhatIfs(deal: Deal, whatIfs: WhatIfs): string[] {
  return (deal.sliders ?? []).filter((s) => whatIfs[s.path] !== undefined).map((s) => `${sliderLabel(deal, s)}: ${formatAtPath(deal, s.path, whatIfs[s.path]!)}`);
}
