/**
 * The deals the new-deal wizard starts from: a blank deal (two parties, a
 * base scenario, nothing else) or a small, valid starting structure for a
 * licence, an alliance or a joint venture that the negotiator then reshapes.
 * The structures are data (deal-kinds/*.json), with "$us" and "$them" where
 * the parties' ids go.
 */
import { CURRENT_VERSION, DEAL_FORMAT, type Deal, type Timeline } from '../../../shared/model/schema';
import alliance from './deal-kinds/alliance.json';
import jointVenture from './deal-kinds/joint-venture.json';
import licence from './deal-kinds/licence.json';

const STARTS: Record<Exclude<DealKind, 'blank'>, unknown> = { licence, alliance, jointVenture };

export type DealKind = 'blank' | 'licence' | 'alliance' | 'jointVenture';

export const DEAL_KINDS: readonly { kind: DealKind; label: string; hint: string }[] = [
  { kind: 'licence', label: 'Licence', hint: 'Upfront, milestones and royalties on a product' },
  { kind: 'alliance', label: 'Alliance', hint: 'A revenue share and shared costs between partners' },
  { kind: 'jointVenture', label: 'Joint venture', hint: 'Stakes, contributions and a preferred return' },
  { kind: 'blank', label: 'Blank', hint: 'Two parties and nothing else' },
];

export interface NewDealOptions {
  kind: DealKind;
  title: string;
  usName: string;
  themName: string;
  currency: string;
  unit: Deal['unit'];
  timeline: Timeline;
}

/** "Atlas Cloud" -> "atlasCloud"; falls back when the name has no letters. */
export function idFromName(name: string, fallback: string): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  const id = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[A-Za-z]/.test(id) ? id : fallback;
}

export function buildNewDeal(o: NewDealOptions): Deal {
  const us = idFromName(o.usName, 'us');
  let them = idFromName(o.themName, 'them');
  if (them === us) them = `${them}2`;
  const base: Deal = {
    format: DEAL_FORMAT,
    version: CURRENT_VERSION,
    title: o.title.trim() || 'Untitled deal',
    currency: o.currency,
    unit: o.unit,
    us,
    timeline: o.timeline,
    parties: [
      { id: us, name: o.usName.trim() || 'Us', discountRate: 0.1, walkAway: 0 },
      { id: them, name: o.themName.trim() || 'Counterparty', discountRate: 0.1, walkAway: 0 },
    ],
    inputs: {},
    series: {},
    terms: [],
    scenarios: [{ id: 'base', name: 'Base case', set: {} }],
    simulation: { iterations: 50000, seed: 1 },
  };
  if (o.kind === 'blank') return base;
  // The party tokens of a kind's starting structure become the deal's own party ids.
  const text = JSON.stringify(STARTS[o.kind]).replace(/"\$us"/g, JSON.stringify(us)).replace(/"\$them"/g, JSON.stringify(them));
  return { ...base, ...(JSON.parse(text) as Pick<Deal, 'inputs' | 'series' | 'terms'>) };
}
