/**
 * Hand-computed cash flows for each term type, one iteration with fixed
 * inputs, so every number below can be checked with a pencil.
 */
import { describe, expect, it } from 'vitest';
import type { Deal, Term } from '../../../shared/model/schema';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { ValuationError } from '../../../host/valuation/runner';
import { iterationFlows, runBlock } from './engine-harness';
import { smallDeal } from './deal-builder';

/** Flows of party a and b over the periods, one iteration. */
function flows(parts: Partial<Deal>): { a: number[]; b: number[] } {
  const run = runBlock(smallDeal(parts), 1, 1);
  expect(run.fault).toBe(-1);
  const [a, b] = iterationFlows(run, 0);
  return { a: a!.map(clean), b: b!.map(clean) };
}
const clean = (v: number) => (Object.is(v, -0) ? 0 : Math.round(v * 1e9) / 1e9);
const terms = (...t: Term[]) => ({ terms: t });

describe('payment', () => {
  it('pays at a period, from payer to payee', () => {
    expect(flows(terms({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 25, at: 2 }))).toEqual({ a: [0, 0, 25, 0, 0], b: [0, 0, -25, 0, 0] });
  });
  it('rounds a fractional period up and never pays beyond the timeline', () => {
    expect(flows(terms({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 1, at: 1.3 })).a).toEqual([0, 0, 1, 0, 0]);
    expect(flows(terms({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 1, at: 4.01 })).a).toEqual([0, 0, 0, 0, 0]);
  });
  it('with when only, pays once in the first period the condition holds', () => {
    expect(flows(terms({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 5, when: 't >= 3' })).a).toEqual([0, 0, 0, 5, 0]);
  });
  it('with at and when, pays at the period only if the condition holds then', () => {
    expect(flows(terms({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 5, at: 2, when: 't >= 3' })).a).toEqual([0, 0, 0, 0, 0]);
    expect(flows(terms({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 5, at: 3, when: 't >= 3' })).a).toEqual([0, 0, 0, 5, 0]);
  });
  it('takes an at formula over inputs', () => {
    const deal = { inputs: { launch: { dist: 'fixed' as const, value: 2 } }, ...terms({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 'launch * 10', at: 'launch + 1' }) };
    expect(flows(deal).a).toEqual([0, 0, 0, 20, 0]);
  });
});

describe('salesMilestone', () => {
  it('pays once, in the first period the base reaches the threshold', () => {
    const deal = { series: { sales: 't * 100' }, ...terms({ id: 'm', type: 'salesMilestone', from: 'b', to: 'a', amount: 75, base: 'sales', threshold: 250 }) };
    expect(flows(deal)).toEqual({ a: [0, 0, 0, 75, 0], b: [0, 0, 0, -75, 0] });
  });
});

describe('royalty', () => {
  const tiers = [{ upTo: 100, rate: 0.1 }, { upTo: 300, rate: 0.2 }, { rate: 0.3 }];
  it('applies marginal tiers to each period’s base', () => {
    // 400: 10% of 100 + 20% of 200 + 30% of 100 = 80; 250: 10 + 30 = 40; 100: exactly the first tier.
    const deal = { series: { sales: 't == 0 ? 400 : (t == 1 ? 250 : (t == 2 ? 100 : -50))' }, ...terms({ id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', tiers }) };
    expect(flows(deal).a).toEqual([80, 40, 10, 0, 0]);
  });
  it('stops after `until` (inclusive)', () => {
    const deal = { series: { sales: '100' }, ...terms({ id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', tiers: [{ rate: 0.1 }], until: 2 }) };
    expect(flows(deal).a).toEqual([10, 10, 10, 0, 0]);
  });
});

describe('revenueShare and costShare', () => {
  it('allocates a base by flat shares, with its sign', () => {
    const deal = { series: { rev: 't == 0 ? 100 : -100' }, ...terms({ id: 's', type: 'revenueShare', base: 'rev', shares: { a: 0.7, b: 0.3 } }) };
    expect(flows(deal)).toEqual({ a: [70, -70, -70, -70, -70], b: [30, -30, -30, -30, -30] });
  });
  it('allocates by marginal tiers of shares', () => {
    const deal = {
      series: { rev: '800' },
      ...terms({ id: 's', type: 'revenueShare', base: 'rev', tiers: [{ upTo: 500, shares: { a: 0.7, b: 0.3 } }, { shares: { a: 0.6, b: 0.4 } }] }),
    };
    const f = flows(deal);
    expect(f.a[0]).toBeCloseTo(350 + 180, 9);
    expect(f.b[0]).toBeCloseTo(150 + 120, 9);
  });
  it('charges each party its share of a cost', () => {
    const deal = { series: { cost: '100' }, ...terms({ id: 'c', type: 'costShare', base: 'cost', shares: { a: 0.6, b: 0.4 } }) };
    expect(flows(deal)).toEqual({ a: [-60, -60, -60, -60, -60], b: [-40, -40, -40, -40, -40] });
  });
});

describe('termination', () => {
  const base: Partial<Deal> = {
    series: { sales: '100', stopped: 'terminated' },
    terms: [
      { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', tiers: [{ rate: 0.1 }] },
      { id: 'own', type: 'cashflow', party: 'b', amount: 'stopped ? 0 : 50' },
      { id: 'costs', type: 'cashflow', party: 'a', amount: -1 },
      { id: 'exit', type: 'termination', when: 't == 2', fee: { from: 'b', to: 'a', amount: 30 } },
    ],
  };
  it('pays the fee once, ends other terms after its period, and sets terminated from the next period', () => {
    // a: royalty 10 in periods 0-2, fee 30 in period 2, its own cost -1 always.
    // b: -10 royalty, -30 fee, own margin 50 until terminated turns 1 in period 3.
    expect(flows(base)).toEqual({ a: [9, 9, 39, -1, -1], b: [40, 40, 10, 0, 0] });
  });
  it('respects `from` and fires on a hazard of 1 at the first allowed period', () => {
    const deal = { ...base, terms: [...base.terms!.slice(0, 3), { id: 'exit', type: 'termination' as const, hazard: 1, from: 3, fee: { from: 'b', to: 'a', amount: 30 } }] };
    expect(flows(deal).a).toEqual([9, 9, 9, 39, -1]);
  });
  it('never fires on a hazard of 0', () => {
    const deal = { ...base, terms: [...base.terms!.slice(0, 3), { id: 'exit', type: 'termination' as const, hazard: 0 }] };
    expect(flows(deal).a).toEqual([9, 9, 9, 9, 9]);
  });
  it('pays every firing termination its own fee in the same period', () => {
    const deal = {
      ...base,
      terms: [
        ...base.terms!.slice(0, 3),
        { id: 'x1', type: 'termination' as const, when: 't == 1', fee: { from: 'b', to: 'a', amount: 30 } },
        { id: 'x2', type: 'termination' as const, when: 't >= 1', fee: { from: 'b', to: 'a', amount: 5 } },
        { id: 'x3', type: 'termination' as const, when: 't >= 2', fee: { from: 'b', to: 'a', amount: 1000 } },
      ],
    };
    expect(flows(deal).a).toEqual([9, 44, -1, -1, -1]);
  });
});

describe('joint-venture equity', () => {
  const jv = (venture: string, extra: Partial<Extract<Term, { type: 'equity' }>> = {}, periods = 5): Partial<Deal> => ({
    timeline: { start: 2027, periods, step: 'year' },
    series: { v: venture },
    terms: [{ id: 'jv', type: 'equity', venture: 'v', stakes: { a: 0.5, b: 0.5 }, ...extra }],
  });
  it('runs the waterfall: contributions, reserve, capital calls, return of capital, preferred return, then stakes', () => {
    // t0: a pays 20, b 40 into the reserve (60); the venture's -30 comes from the reserve (30 left).
    // t1: pref accrues 10% on 20 / 40 (2 / 4); the venture's -50 takes the reserve's 30, calls 10 each (capital 30 / 50).
    // t2: pref +3 / +5 (5 / 9); +45 returns capital pro rata 30:50 -> 16.875 / 28.125 (left 13.125 / 21.875).
    // t3: pref +1.3125 / +2.1875 (6.3125 / 11.1875); +100 returns 13.125 / 21.875, pays pref 6.3125 / 11.1875, splits 47.5 by stakes.
    const deal = jv('t == 0 ? -30 : (t == 1 ? -50 : (t == 2 ? 45 : (t == 3 ? 100 : 0)))', {
      contributions: [
        { party: 'a', amount: 20, at: 0 },
        { party: 'b', amount: 40, at: 0 },
      ],
      preferredReturn: { rate: 0.1 },
    });
    expect(flows(deal)).toEqual({ a: [-20, -10, 16.875, 43.1875, 0], b: [-40, -10, 28.125, 56.8125, 0] });
  });
  it('accrues the preferred return at rate × step years on quarterly timelines', () => {
    const deal = jv('t == 1 ? 100 : 0', { contributions: [{ party: 'a', amount: 40, at: 0 }], preferredReturn: { rate: 0.1 } }, 3);
    deal.timeline = { start: 2027, periods: 3, step: 'quarter' };
    // Reserve 40 stays unused; t1: pref 40 × 0.1 × 0.25 = 1; +100 returns 40 of capital, pays 1 pref, splits 59.
    // t2 (last): the reserve's 40 goes by stakes (no capital left unreturned).
    expect(flows(deal)).toEqual({ a: [-40, 40 + 1 + 29.5, 20], b: [0, 29.5, 20] });
  });
  it('returns the reserve at the end: unreturned capital first, then stakes, no preferred return', () => {
    const deal = jv('t == 1 ? -4 : 0', { contributions: [{ party: 'a', amount: 30, at: 0 }, { party: 'b', amount: 10, at: 0 }], preferredReturn: { rate: 0.5 } }, 3);
    // Reserve 40 - 4 = 36 at the end, capital 30 / 10: 27 / 9 back, nothing for the preferred return.
    expect(flows(deal)).toEqual({ a: [-30, 0, 27], b: [-10, 0, 9] });
  });
  it('returns the reserve in the period a termination fires', () => {
    const deal = jv('t == 1 ? -4 : 0', { contributions: [{ party: 'a', amount: 30, at: 0 }, { party: 'b', amount: 10, at: 0 }] }, 4);
    deal.terms!.push({ id: 'exit', type: 'termination', when: 't == 1' });
    expect(flows(deal)).toEqual({ a: [-30, 27, 0, 0], b: [-10, 9, 0, 0] });
  });
});

describe('discounting and the calendar', () => {
  it('discounts by (1 + r) ^ (t × step years)', () => {
    const deal = smallDeal({
      timeline: { start: '2027-04', periods: 6, step: 'quarter' },
      parties: [
        { id: 'a', name: 'A', discountRate: 0.1, walkAway: 0 },
        { id: 'b', name: 'B', discountRate: 0.2, walkAway: 0 },
      ],
      terms: [{ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 100, at: 4 }],
    });
    const run = runBlock(deal, 1, 1);
    expect(run.npv[0]![0]).toBeCloseTo(100 / 1.1, 10);
    expect(run.npv[1]![0]).toBeCloseTo(-100 / 1.2, 10);
  });
  it('gives `year` as the calendar year of each period', () => {
    const deal = {
      timeline: { start: '2027-04', periods: 5, step: 'quarter' as const },
      series: { y: 'year' },
      terms: [{ id: 'c', type: 'cashflow' as const, party: 'a', amount: 'y' }],
    };
    expect(flows(deal).a).toEqual([2027, 2027, 2027, 2028, 2028]);
  });
});

describe('failures a negotiator can act on', () => {
  it('names the series and period where a cash flow first stops being a number', async () => {
    const deal = smallDeal({
      series: { perUnit: '10 / (t - 2)' },
      terms: [{ id: 'own', type: 'cashflow', party: 'a', amount: 'perUnit' }],
      simulation: { iterations: 10, seed: 1 },
    });
    const error = await createInProcessRunner().value({ deal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValuationError);
    expect((error as ValuationError).problems[0]!.path).toBe('series.perUnit');
    expect((error as ValuationError).problems[0]!.message).toMatch(/not a finite number in period 2/);
  });
  it('refuses an unknown party with the term’s path', async () => {
    const deal = smallDeal({ terms: [{ id: 'p', type: 'payment', from: 'nobody', to: 'a', amount: 1, at: 0 }] });
    const error = (await createInProcessRunner().value({ deal }).catch((e: unknown) => e)) as ValuationError;
    expect(error.problems).toEqual([expect.objectContaining({ path: 'terms.p.from' })]);
  });
  it('refuses a formula outside the language with its path', async () => {
    const deal = smallDeal({ series: { x: 'a = 3' } });
    const error = (await createInProcessRunner().value({ deal }).catch((e: unknown) => e)) as ValuationError;
    expect(error.problems[0]!.path).toBe('series.x');
  });
  it('refuses iterations above the limit', async () => {
    const error = (await createInProcessRunner().value({ deal: smallDeal(), iterations: 10_000_001 }).catch((e: unknown) => e)) as ValuationError;
    expect(error.message).toMatch(/10,000,000/);
  });
});
