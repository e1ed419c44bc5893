/**
 * Slider what-ifs: a slider's value is a what-if on the active scenario, never
 * an edit of the document. It travels to the engine as an extra override in
 * that scenario's `set`, so the engine applies the scenario and the what-ifs in
 * one step (a what-if on a path the scenario also sets wins, as the user
 * expects from the slider they are holding).
 *
 * Also names and classifies slider paths so the UI can label them the way the
 * term sheet does ("Upfront payment", "Royalties on net sales, tier 1 rate").
 */
import { moneyFormatOf } from './results-format';
import type { Deal, Slider } from '../../../shared/model/schema';
import { applyScenarioById, getNumberAt } from '../../../shared/model/paths';
import { formatMoney, type MoneyFormat } from '../../../shared/format/money';
import { formatNumber, formatPercent } from '../../../shared/format/percent';

export type WhatIfs = Readonly<Record<string, number>>;

/** The deal to send to the engine: the document with the what-ifs added to the active scenario's overrides. */
export function dealWithWhatIfs(deal: Deal, scenarioId: string, whatIfs: WhatIfs): Deal {
  if (Object.keys(whatIfs).length === 0) return deal;
  const index = deal.scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) {
    // A deal without scenarios: what-ifs become a scenario of their own.
    return { ...deal, scenarios: [{ id: scenarioId, name: 'What-if', set: { ...whatIfs } }, ...deal.scenarios] };
  }
  const scenarios = deal.scenarios.map((s, i) => (i === index ? { ...s, set: { ...s.set, ...whatIfs } } : s));
  return { ...deal, scenarios };
}

/** The active scenario's id, falling back to the first scenario (the default) or "base". */
export function resolveScenarioId(deal: Deal, wanted: string | null): string {
  if (wanted && deal.scenarios.some((s) => s.id === wanted)) return wanted;
  return deal.scenarios[0]?.id ?? 'base';
}

/** What the slider shows: the what-if if the user moved it, else the number in the scenario-applied deal. */
export function sliderValue(deal: Deal, scenarioId: string, slider: Slider, whatIfs: WhatIfs): number | null {
  const own = whatIfs[slider.path];
  if (own !== undefined) return own;
  const applied = applyScenarioById(deal, scenarioId);
  if (!applied.ok) return null;
  const n = getNumberAt(applied.value.deal, slider.path);
  return n.ok ? n.value : null;
}

export type SliderKind = 'money' | 'rate' | 'number';

const RATE_FIELDS = new Set(['rate', 'discountRate', 'p', 'hazard']);
const MONEY_FIELDS = new Set(['amount', 'threshold', 'upTo', 'walkAway']);

export function sliderKind(path: string): SliderKind {
  const segments = path.split('.');
  const last = segments[segments.length - 1]!;
  if (RATE_FIELDS.has(last) || segments.includes('shares') || segments.includes('stakes')) return 'rate';
  if (segments[0] !== 'inputs' && MONEY_FIELDS.has(last)) return 'money';
  return 'number';
}

export function formatSliderValue(value: number, kind: SliderKind, money: MoneyFormat): string {
  if (kind === 'money') return formatMoney(value, money);
  if (kind === 'rate') return formatPercent(value);
  return formatNumber(value, 4);
}

/** A label for a slider path, from the deal's own wording. */
export function sliderLabel(deal: Deal, slider: Pick<Slider, 'path' | 'label'>): string {
  if (slider.label) return slider.label;
  const [root, id, ...rest] = slider.path.split('.');
  const field = rest.join('.');
  if (root === 'terms') {
    const term = deal.terms.find((t) => t.id === id);
    const name = term?.label ?? id ?? slider.path;
    const tier = /^tiers\.(\d+)\.(\w+)$/.exec(field);
    if (tier) return `${name}, tier ${Number(tier[1]) + 1} ${tier[2] === 'upTo' ? 'ceiling' : tier[2]}`;
    const perParty = /^(stakes|shares)\.(\w+)$/.exec(field);
    if (perParty) {
      const party = deal.parties.find((p) => p.id === perParty[2]);
      return `${name}, ${party?.name ?? perParty[2]} ${perParty[1] === 'stakes' ? 'stake' : 'share'}`;
    }
    if (field === 'preferredReturn.rate') return `${name}, preferred return`;
    return field === 'amount' ? name : `${name}, ${field}`;
  }
  if (root === 'inputs') {
    const input = id ? deal.inputs[id] : undefined;
    return `${input?.label ?? id ?? slider.path} (${field})`;
  }
  if (root === 'parties') {
    const party = deal.parties.find((p) => p.id === id);
    const words: Record<string, string> = { walkAway: 'walk-away', discountRate: 'discount rate' };
    return `${party?.name ?? id ?? slider.path} ${words[field] ?? field}`;
  }
  return slider.path;
}

/** The what-ifs in force, as a reader would say them ("Upfront payment: $40.0M"), in slider order. */
export function describeWhatIfs(deal: Deal, whatIfs: WhatIfs): string[] {
  const money = moneyFormatOf(deal);
  return (deal.sliders ?? [])
    .filter((s) => whatIfs[s.path] !== undefined)
    .map((s) => `${sliderLabel(deal, s)}: ${formatSliderValue(whatIfs[s.path]!, sliderKind(s.path), money)}`);
}
