/**
 * Edits of scenarios (named sets of number overrides) and of sliders (which
 * numbers get one, with range and step).
 */
import type { Deal, Scenario, Slider } from '../../../shared/model/schema';
import { getNumberAt } from '../../../shared/model/paths';
import { numberKind } from '../../../shared/model/number-fields';
import { findPosition, roundsOf } from '../../../shared/model/rounds';
import { registerEdit } from '../commands/edit-command';

function freshScenarioId(deal: Deal, base: string): string {
  // Rounds and scenarios share one set of ids (either is taken wherever a position is asked for).
  const taken = new Set([...deal.scenarios.map((s) => s.id), ...roundsOf(deal).map((r) => r.id)]);
  const clean = base.replace(/[^A-Za-z0-9_]/g, '').replace(/^[^A-Za-z]+/, '') || 'scenario';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}${i}`)) return `${clean}${i}`;
}

/** A scenario id derived from a name: "Our opening ask" -> "ourOpeningAsk". */
export function scenarioIdFromName(deal: Deal, name: string): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  const camel = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return freshScenarioId(deal, camel);
}

export const addScenario = registerEdit<{ name: string; set?: Record<string, number>; notes?: string }>('scenario.add', 'Add scenario', (deal, { name, set, notes }) => {
  const scenario: Scenario = { id: scenarioIdFromName(deal, name), name, ...(notes && { notes }), set: set ?? {} };
  return { ...deal, scenarios: [...deal.scenarios, scenario] };
});

export const duplicateScenario = registerEdit<{ id: string }>('scenario.duplicate', 'Duplicate scenario', (deal, { id }) => {
  const source = deal.scenarios.find((s) => s.id === id);
  if (!source) return deal;
  const copy: Scenario = { ...source, id: freshScenarioId(deal, `${id}Copy`), name: `${source.name} (copy)`, set: { ...source.set } };
  return { ...deal, scenarios: [...deal.scenarios, copy] };
});

export const updateScenario = registerEdit<{ id: string; patch: Partial<Pick<Scenario, 'name' | 'notes'>> }>('scenario.update', 'Edit scenario', (deal, { id, patch }) => ({
  ...deal,
  scenarios: deal.scenarios.map((s) => {
    if (s.id !== id) return s;
    const next = { ...s, ...patch };
    if (patch.notes === '') delete next.notes;
    return next;
  }),
}));

export const removeScenario = registerEdit<{ id: string }>('scenario.remove', 'Delete scenario', (deal, { id }) => ({
  ...deal,
  scenarios: deal.scenarios.filter((s) => s.id !== id),
}));

/** Sets (value: number) or clears (value: undefined) one override of a scenario. */
export const setOverride = registerEdit<{ id: string; path: string; value: number | undefined }>('scenario.setOverride', 'Edit override', (deal, { id, path, value }) => ({
  ...deal,
  scenarios: deal.scenarios.map((s) => {
    if (s.id !== id) return s;
    const set = { ...s.set };
    if (value === undefined) delete set[path];
    else set[path] = value;
    return { ...s, set };
  }),
}));

/** Sets several overrides of a scenario in one edit (a share and the shares that move with it). */
export const setOverrides = registerEdit<{ id: string; values: Record<string, number> }>('scenario.setOverrides', 'Edit overrides', (deal, { id, values }) => ({
  ...deal,
  scenarios: deal.scenarios.map((s) => (s.id === id ? { ...s, set: { ...s.set, ...values } } : s)),
}));

/**
 * "Pin current values as new scenario": a new scenario holding the active
 * scenario's overrides plus `values` (e.g. where the sliders stand now), so a
 * position found while exploring can be named and come back to.
 */
export const pinScenario = registerEdit<{ name: string; fromScenario?: string; values: Record<string, number> }>('scenario.pin', 'Pin values as scenario', (deal, { name, fromScenario, values }) => {
  // From a scenario or a round (pinning a round's position with the sliders as they stand).
  const base = (fromScenario === undefined ? undefined : findPosition(deal, fromScenario)?.set) ?? {};
  const set: Record<string, number> = { ...base };
  for (const [path, value] of Object.entries(values)) {
    const written = getNumberAt(deal, path);
    // Values equal to the file as written need no override.
    if (written.ok && written.value === value) delete set[path];
    else set[path] = value;
  }
  return { ...deal, scenarios: [...deal.scenarios, { id: scenarioIdFromName(deal, name), name, set }] };
});

/** Default slider range around the current value: 0..2x for positive numbers, 0..1 for fractions. */
export function defaultSlider(deal: Deal, path: string): Slider {
  const current = getNumberAt(deal, path);
  const v = current.ok ? current.value : 0;
  if (v >= 0 && v <= 1 && numberKind(deal, path) === 'fraction') return { path, min: 0, max: 1, step: 0.01 };
  const max = v > 0 ? Number((v * 2).toPrecision(2)) : 100;
  const step = Number((max / 100).toPrecision(1));
  return { path, min: v < 0 ? v * 2 : 0, max, step };
}

export const addSlider = registerEdit<{ path: string }>('slider.add', 'Add slider', (deal, { path }) => ({
  ...deal,
  sliders: [...(deal.sliders ?? []), defaultSlider(deal, path)],
}));

export const updateSlider = registerEdit<{ index: number; patch: Partial<Slider> }>('slider.update', 'Edit slider', (deal, { index, patch }) => ({
  ...deal,
  sliders: (deal.sliders ?? []).map((s, i) => {
    if (i !== index) return s;
    const next = { ...s, ...patch };
    if (patch.label === '') delete next.label;
    return next;
  }),
}));

export const removeSlider = registerEdit<{ index: number }>('slider.remove', 'Remove slider', (deal, { index }) => ({
  ...deal,
  sliders: (deal.sliders ?? []).filter((_s, i) => i !== index),
}));

/** Why `id` cannot name a scenario (null when it can). */
export function scenarioIdProblem(deal: Deal, id: string, current: string): string | null {
  if (id === current) return null;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(id)) return 'An id starts with a letter and uses only letters, digits and _.';
  if (deal.scenarios.some((s) => s.id === id)) return `Another scenario is already called "${id}".`;
  if (roundsOf(deal).some((r) => r.id === id)) return `A negotiation round is already called "${id}".`;
  return null;
}

export const renameScenarioId = registerEdit<{ from: string; to: string }>('scenario.renameId', 'Change scenario id', (deal, { from, to }) => ({
  ...deal,
  scenarios: deal.scenarios.map((s) => (s.id === from ? { ...s, id: to } : s)),
}));
