/**
 * A sensible new term of each type, pre-filled with the deal's own parties and
 * first series so it is valid (or nearly) the moment it is added.
 */
import type { Deal, Term, TermType } from '../../../shared/model/schema';

export const TERM_TYPES: readonly { type: TermType; label: string; hint: string }[] = [
  { type: 'payment', label: 'Payment', hint: 'An upfront or milestone payment, at a period and/or when a condition holds' },
  { type: 'salesMilestone', label: 'Sales milestone', hint: 'Paid once, the first period a series reaches a threshold' },
  { type: 'royalty', label: 'Royalty', hint: 'Tiered rates on a base such as net sales' },
  { type: 'revenueShare', label: 'Revenue share', hint: 'A base split between the parties, optionally by tier' },
  { type: 'costShare', label: 'Cost share', hint: 'A cost each party pays its share of' },
  { type: 'equity', label: 'Equity (joint venture)', hint: 'Stakes, contributions and preferred return in a venture' },
  { type: 'cashflow', label: 'Own cash flow', hint: "A party's own margin or costs, every period" },
  { type: 'termination', label: 'Termination', hint: 'An exit on a condition or a per-period hazard, with a fee' },
];

export function termTypeLabel(type: TermType): string {
  return TERM_TYPES.find((t) => t.type === type)?.label ?? type;
}

function evenShares(deal: Deal): Record<string, number> {
  const n = deal.parties.length;
  return Object.fromEntries(deal.parties.map((p) => [p.id, n ? Number((1 / n).toFixed(4)) : 0]));
}

export function newTerm(deal: Deal, type: TermType, id: string): Term {
  const us = deal.us || deal.parties[0]?.id || '';
  const them = deal.parties.find((p) => p.id !== us)?.id ?? us;
  const base = Object.keys(deal.series)[0] ?? '0';
  switch (type) {
    case 'payment':
      return { id, type, from: them, to: us, amount: 0, at: 0 };
    case 'salesMilestone':
      return { id, type, from: them, to: us, amount: 0, base, threshold: 0 };
    case 'royalty':
      return { id, type, from: them, to: us, base, tiers: [{ rate: 0.05 }] };
    case 'revenueShare':
      return { id, type, base, shares: evenShares(deal) };
    case 'costShare':
      return { id, type, base, shares: evenShares(deal) };
    case 'equity':
      return { id, type, venture: base, stakes: evenShares(deal) };
    case 'cashflow':
      return { id, type, party: us, amount: 0 };
    case 'termination':
      return { id, type, hazard: 0.02 };
  }
}
