/**
 * The valuation clauses of ../shared/spec/deal-format.md ("Precise
 * semantics", "Timing", "Bases", the additions) as a checker would test them:
 * one tiny deal of fixed numbers per clause, its cash flows worked out by
 * hand in the comment beside it, and the engine's flows for iteration 0 must
 * equal them. A value that is not a number anywhere a cash flow comes from
 * must stop the valuation naming the series and the period, never quietly pay
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Deal, Term } from '../../../shared/model/schema';
import { compileOrThrow } from '../../../shared/engine/compile-deal';
import { explainFault } from '../../../shared/engine/fault';
import { KernelFault, simulateRange } from '../../../shared/engine/simulate';
import { validateDeal } from '../../../shared/model/validate';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { iterationFlows, runBlock } from './engine-harness';

type Timeline = Deal['timeline'];
const years = (periods: number, start: Timeline['start'] = 2027): Timeline => ({ start, periods, step: 'year' });
const quarters = (periods: number, start: Timeline['start'] = '2027-04'): Timeline => ({ start, periods, step: 'quarter' });
const months = (periods: number, start: Timeline['start'] = '2027-11'): Timeline => ({ start, periods, step: 'month' });

function deal(terms: Term[], timeline: Timeline, series: Record<string, string> = {}): Deal {
  const d: Deal = {
    format: 'dealwright.deal',
    version: 1,
    title: 'clauses',
    currency: 'USD',
    unit: 'million',
    us: 'a',
    timeline,
    parties: [
      { id: 'a', name: 'A', discountRate: 0, walkAway: 0 },
      { id: 'b', name: 'B', discountRate: 0, walkAway: 0 },
    ],
    inputs: { one: { dist: 'fixed', value: 1 } },
    series,
    terms,
    scenarios: [{ id: 'base', name: 'Base', set: {} }],
    simulation: { iterations: 1, seed: 1 },
  };
  const valid = validateDeal(d);
  if (!valid.ok) throw new Error(valid.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return d;
}

/** Party a's flows in iteration 0, rounded to 1e-9. */
function received(d: Deal): number[] {
  const run = runBlock(d, 7, 1);
  expect(run.fault, 'the iteration is valued').toBe(-1);
  return iterationFlows(run, 0)[0]!.map((v) => Math.round(v * 1e9) / 1e9);
}

/** The message the valuation stops with (`path: message`), or 'valued' when it does not stop. */
function refusal(d: Deal): string {
  const kernel = compileOrThrow(d);
  try {
    simulateRange(kernel, { iterations: 1, seed: 1, firstBlock: 0, endBlock: 1 }, undefined);
    return 'valued';
  } catch (err) {
    if (!(err instanceof KernelFault)) throw err;
    const e = explainFault(err, { deal: d, kernel, iterations: 1, seed: 1 });
    return e.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
  }
}

const pay = (at: string | number): Term => ({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 1, at });
const own = (amount: string): Term => ({ id: 'c', type: 'cashflow', party: 'a', amount });
/** Tiers: 10% up to 25, 20% above (tiered(x) = 0.1 min(x, 25) + 0.2 max(0, x - 25)). */
const royalty = (base: string | number, extra: Partial<Extract<Term, { type: 'royalty' }>> = {}): Term => ({ id: 'r', type: 'royalty', from: 'b', to: 'a', base, tiers: [{ upTo: 25, rate: 0.1 }, { rate: 0.2 }], ...extra });

describe('formulas', () => {
  it("follow mathjs's precedence, modulo and rounding as the spec settles them", () => {
    expect(received(deal([own('-7 % 3')], years(1)))).toEqual([2]); // the sign of the divisor
    expect(received(deal([own('7 % -3')], years(1)))).toEqual([-2]);
    expect(received(deal([own('5 % 0')], years(1)))).toEqual([5]); // x % 0 is x
    expect(received(deal([own('round(-2.5) * 10 + round(2.5)')], years(1)))).toEqual([-27]); // half away from zero
    expect(received(deal([own('1 < t < 3')], years(4)))).toEqual([0, 0, 1, 0]); // chained: 1 < t and t < 3
    expect(received(deal([own('not t == 0')], years(3)))).toEqual([0, 1, 1]); // (not t) == 0
    expect(received(deal([own('true + true + false')], years(1)))).toEqual([2]);
    expect(received(deal([own('2 ^ 3 ^ 2 - (-2 ^ 2)')], years(1)))).toEqual([516]); // right-associative; unary minus below ^
    expect(received(deal([own('0.1 + 0.2 == 0.3')], years(1)))).toEqual([0]); // exact doubles, no tolerance
    expect(received(deal([own('year')], quarters(4)))).toEqual([2027, 2027, 2027, 2028]);
    expect(received(deal([own('10 * prev(s) + cumsum(s)')], years(3), { s: 't + 1' }))).toEqual([1, 13, 26]);
  });

  it('a cash flow that is not a finite number stops the valuation, naming where it first appeared and the period', () => {
    expect(refusal(deal([own('sqrt(t - 1)')], years(3)))).toMatch(/^terms\.c: .*period 0/);
    expect(refusal(deal([own('(-8) ^ (1 / 3)')], years(1)))).toMatch(/^terms\.c: .*not a finite number/);
    expect(refusal(deal([own('1 / t')], years(2)))).toMatch(/^terms\.c: .*period 0/);
  });

  it('so does a base that is not a number: a royalty, a tiered revenue share and a venture never treat NaN as 0', () => {
    const series = { s: 't == 1 ? sqrt(-1) : 10' };
    const tiered: Term = { id: 'rs', type: 'revenueShare', base: 's', tiers: [{ upTo: 5, shares: { a: 0.5, b: 0.5 } }, { shares: { a: 1, b: 0 } }] };
    const venture: Term = { id: 'jv', type: 'equity', venture: 's', stakes: { a: 0.5, b: 0.5 } };
    for (const term of [royalty('s'), royalty('s', { basis: 'cumulative' }), royalty('s', { cap: 100 }), tiered, venture]) {
      expect(refusal(deal([term], years(3), series)), term.id).toMatch(/^series\.s: .*period 1/);
    }
    // An infinitely negative base is negative: a royalty on it is 0, as on any negative base.
    expect(received(deal([royalty('s')], years(3), { s: 't == 1 ? -1 / 0 : 10' }))).toEqual([1, 0, 1]);
  });
});

describe('timing', () => {
  it('a period index may be fractional: the first period at or after it; beyond the last period is never', () => {
    expect(received(deal([pay(2.5)], years(5)))).toEqual([0, 0, 0, 1, 0]);
    expect(received(deal([pay(-1)], years(3)))).toEqual([1, 0, 0]);
    expect(received(deal([pay(4.0001)], years(5)))).toEqual([0, 0, 0, 0, 0]);
  });

  it('a date is the first period starting at or after it; before the start is period 0, after the timeline never', () => {
    expect(received(deal([pay('2026')], years(5)))).toEqual([1, 0, 0, 0, 0]);
    expect(received(deal([pay('2027-02')], years(5)))).toEqual([0, 1, 0, 0, 0]); // February 2027 is inside period 0
    expect(received(deal([pay('2031-01')], years(5)))).toEqual([0, 0, 0, 0, 1]);
    expect(received(deal([pay('2031-02')], years(5)))).toEqual([0, 0, 0, 0, 0]);
    expect(received(deal([pay('2027-Q2')], quarters(4)))).toEqual([1, 0, 0, 0]); // April 2027, the start itself
    expect(received(deal([pay('2028')], months(4)))).toEqual([0, 0, 1, 0]); // Nov, Dec, Jan, Feb
    expect(received(deal([pay('1900')], years(3)))).toEqual([1, 0, 0]);
    // "2199" is a date after the timeline; "2200", "1899" and "2029-13" are formulas: period indexes beyond it.
    for (const at of ['2199', '2200', '1899', '2029-13']) expect(received(deal([pay(at)], years(3))), at).toEqual([0, 0, 0]);
  });

  it('until is inclusive; a fractional until pays through the period at or after it', () => {
    expect(received(deal([royalty(10, { until: 1 })], years(3)))).toEqual([1, 1, 0]);
    expect(received(deal([royalty(10, { until: 1.2 })], years(4)))).toEqual([1, 1, 1, 0]);
  });

  it("a termination's from holds for when and hazard alike; several firing at once each pay their fee; the first ends the rest", () => {
    const fee = (id: string, when: string, amount: number, from?: number): Term => ({ id, type: 'termination', when, fee: { from: 'b', to: 'a', amount }, ...(from === undefined ? {} : { from }) });
    expect(received(deal([royalty(10), fee('x', 't >= 0', 5, 2)], years(5)))).toEqual([1, 1, 6, 0, 0]);
    expect(received(deal([royalty(10), { id: 'h', type: 'termination', hazard: 1, from: 2 }], years(5)))).toEqual([1, 1, 1, 0, 0]);
    expect(received(deal([royalty(10), fee('x', 't == 1', 5), fee('y', 't == 1', 7)], years(3)))).toEqual([1, 13, 0]);
    expect(received(deal([fee('x', 't == 1', 5), fee('y', 't == 2', 7)], years(3)))).toEqual([0, 5, 0]);
    // `terminated` is 1 from the period after the firing; a party's own cash flows go on.
    expect(received(deal([fee('x', 't == 1', 0), own('10 + terminated')], years(3)))).toEqual([10, 10, 11]);
  });
});

describe('bases', () => {
  it('a royalty on a negative base is 0; a revenue or cost share of one is allocated with its sign', () => {
    expect(received(deal([royalty('t == 1 ? -10 : 10')], years(3)))).toEqual([1, 0, 1]);
    expect(received(deal([{ id: 'rs', type: 'revenueShare', base: -10, shares: { a: 0.3, b: 0.7 } }], years(1)))).toEqual([-3]);
    expect(received(deal([{ id: 'cs', type: 'costShare', base: -10, shares: { a: 0.3, b: 0.7 } }], years(1)))).toEqual([3]);
  });
});

describe('tiers measured over the calendar year or since period 0', () => {
  it('the calendar year restarts in its first period: quarters from April, months from November', () => {
    // 10 a quarter: year to date 10, 20, 30 (tiered 1, 2, 3.5) then 2028 restarts: 10, 20, 30, 40 (1, 2, 3.5, 5.5).
    expect(received(deal([royalty(10, { basis: 'calendarYear' })], quarters(7)))).toEqual([1, 1, 1.5, 1, 1, 1.5, 2]);
    // 20 a month: Nov 20 (2), Dec 40 (5.5) then January restarts.
    expect(received(deal([royalty(20, { basis: 'calendarYear' })], months(4)))).toEqual([2, 3.5, 2, 3.5]);
    // With a yearly step it equals the period basis, whatever month the timeline starts in.
    expect(received(deal([royalty(30, { basis: 'calendarYear' })], { start: '2027-04', periods: 3, step: 'year' }))).toEqual([3.5, 3.5, 3.5]);
  });

  it('a negative period adds 0 and pays 0; until stops payment but not the running total', () => {
    expect(received(deal([royalty('t == 1 ? -10 : 20', { basis: 'cumulative' })], years(3)))).toEqual([2, 0, 3.5]);
    expect(received(deal([royalty(20, { basis: 'cumulative', until: 0 })], years(3)))).toEqual([2, 0, 0]);
    // A milestone on cumulative sales counts only positive periods: 10, (-100 adds 0), 20.
    const milestone: Term = { id: 'm', type: 'salesMilestone', from: 'b', to: 'a', amount: 5, base: 't == 1 ? -100 : 10', threshold: 20, basis: 'cumulative' };
    expect(received(deal([milestone], years(4)))).toEqual([0, 0, 5, 0]);
  });

  it('order in a period: tiers on the unadjusted basis, then adjustments (factor 0 and 1 included), then the cap', () => {
    expect(received(deal([royalty(10, { adjustments: [{ when: 't >= 1', factor: 0 }] })], years(3)))).toEqual([1, 0, 0]);
    expect(received(deal([royalty(10, { adjustments: [{ when: 't >= 1', factor: 1 }] })], years(3)))).toEqual([1, 1, 1]);
    // 1, then 1 x 0.5, then 1 x 0.5 x 0.5 = 0.25 capped at the remaining 0.1 of 1.6, then nothing.
    const both = royalty(10, { adjustments: [{ when: 't >= 1', factor: 0.5 }, { when: 't >= 2', factor: 'one / 2' }], cap: 1.6 });
    expect(received(deal([both], years(4)))).toEqual([1, 0.5, 0.1, 0]);
    // Cumulative 20 then 40: tiered 2 (halved to 1) then 5.5 - 2 = 3.5, on the sales, not on the halved payment.
    expect(received(deal([royalty(20, { basis: 'cumulative', adjustments: [{ when: 't == 0', factor: 0.5 }] })], years(2)))).toEqual([1, 3.5]);
    expect(received(deal([royalty(10, { cap: 0 })], years(3)))).toEqual([0, 0, 0]);
  });
});

describe('discounting', () => {
  it('a flow at period t is discounted by (1 + r) ^ (t × stepYears), the rate annual whatever the step', async () => {
    const runner = createInProcessRunner();
    const at = async (timeline: Timeline, period: number) => {
      const d = deal([pay(period)], timeline);
      d.parties[0]!.discountRate = 0.1;
      return (await runner.value({ deal: d })).parties.a!.npv.mean;
    };
    expect(await at(years(5), 3)).toBeCloseTo(1 / 1.1 ** 3, 12);
    expect(await at(quarters(8), 2)).toBeCloseTo(1 / 1.1 ** 0.5, 12);
    expect(await at(months(12), 6)).toBeCloseTo(1 / 1.1 ** 0.5, 12);
  });
});
