/**
 * The deals the new-deal wizard starts from: a blank deal (two parties, a
 * base scenario, nothing else) or a small, valid starting structure for a
 * licence, an alliance or a joint venture that the negotiator then reshapes.
 */
import { CURRENT_VERSION, DEAL_FORMAT, type Deal, type Timeline } from '../../../shared/model/schema';

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
  switch (o.kind) {
    case 'blank':
      return base;
    case 'licence':
      return {
        ...base,
        inputs: {
          peakSales: { label: 'Peak annual net sales', dist: 'lognormal', p50: 400, p90: 800 },
          launch: { label: 'Launch period', dist: 'triangular', min: 3, mode: 4, max: 6 },
          pSuccess: { label: 'Reaches the market', dist: 'chance', p: 0.35 },
        },
        series: { netSales: 'pSuccess and t >= launch ? peakSales * min(1, (t - launch + 1) / 4) : 0' },
        terms: [
          { id: 'upfront', type: 'payment', label: 'Upfront payment', from: them, to: us, amount: 20, at: 0 },
          { id: 'royalty', type: 'royalty', label: 'Royalties on net sales', from: them, to: us, base: 'netSales', tiers: [{ upTo: 500, rate: 0.08 }, { rate: 0.12 }] },
          { id: 'licenseeMargin', type: 'cashflow', label: 'Licensee margin', party: them, amount: 'netSales * 0.6' },
        ],
      };
    case 'alliance':
      return {
        ...base,
        inputs: { revenue: { label: 'Joint revenue per period', dist: 'pert', min: 50, mode: 100, max: 200 } },
        series: { jointRevenue: 'revenue', build: 't < 1 ? 100 : 0' },
        terms: [
          { id: 'share', type: 'revenueShare', label: 'Revenue share', base: 'jointRevenue', shares: { [us]: 0.6, [them]: 0.4 } },
          { id: 'integration', type: 'costShare', label: 'Integration build', base: 'build', shares: { [us]: 0.5, [them]: 0.5 } },
        ],
      };
    case 'jointVenture':
      return {
        ...base,
        inputs: { capex: { label: 'Build capex', dist: 'triangular', min: 30, mode: 40, max: 60 }, revenue: { label: 'Operating revenue', dist: 'normal', low: 20, high: 45 } },
        series: { ventureCash: 't < 2 ? -capex : revenue * 0.6' },
        terms: [
          {
            id: 'jv',
            type: 'equity',
            label: 'Joint venture',
            venture: 'ventureCash',
            stakes: { [us]: 0.5, [them]: 0.5 },
            contributions: [
              { party: us, amount: 20, at: 0 },
              { party: them, amount: 20, at: 0 },
            ],
          },
        ],
      };
  }
}
