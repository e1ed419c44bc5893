/**
 * The additions to version 1 (deal-format.md), computed by hand: calendar-year
 * tiers on a quarterly timeline that starts mid-year, cumulative bands across
 * tier edges, negative periods, overlapping adjustments, a cap reached in the
 * middle of a period, a sales milestone on calendar-year sales, dates before,
 * inside and after the timeline, and inputs drawn every period (checked for
 * independence statistically). Each case states its arithmetic; the engine's
 * flows must equal it.
 */
import { describe, expect, it } from 'vitest';
import type { Deal, Term } from '../../../shared/model/schema';
import { compileOrThrow } from '../../../shared/engine/compile-deal';
import { explainFault } from '../../../shared/engine/fault';
import { KernelFault, simulateRange } from '../../../shared/engine/simulate';
import { iterationFlows, runBlock } from './engine-harness';

/** A deal of two parties (licensor `a` receives, licensee `b` pays) with fixed numbers only. */
function deal(terms: Term[], timeline: Deal['timeline'], series: Record<string, string> = {}, inputs: Deal['inputs'] = { one: { dist: 'fixed', value: 1 } }): Deal {
  return {
    format: 'dealwright.deal',
    version: 1,
    title: 'additions',
    currency: 'USD',
    unit: 'million',
    us: 'a',
    timeline,
    parties: [
      { id: 'a', name: 'Licensor', discountRate: 0, walkAway: 0 },
      { id: 'b', name: 'Licensee', discountRate: 0, walkAway: 0 },
    ],
    inputs,
    series,
    terms,
    scenarios: [{ id: 'base', name: 'Base', set: {} }],
    simulation: { iterations: 10, seed: 1 },
  };
}

/** Values 10 iterations (throws the engine's error when it refuses, explained as the runner explains a kernel's fault). */
function valueDeal(d: Deal): void {
  const kernel = compileOrThrow(d);
  try {
    simulateRange(kernel, { iterations: 10, seed: 1, firstBlock: 0, endBlock: 1 }, undefined);
  } catch (err) {
    if (err instanceof KernelFault) throw explainFault(err, { deal: d, kernel, iterations: 10, seed: 1 });
    throw err;
  }
}

/** The licensor's flows of iteration 0, rounded to 1e-9. */
function received(d: Deal): number[] {
  const run = runBlock(d, 7, 1);
  expect(run.fault).toBe(-1);
  return iterationFlows(run, 0)[0]!.map((v) => Math.round(v * 1e9) / 1e9);
}

const close = (actual: number[], expected: number[]) => actual.forEach((v, t) => expect(v, `period ${t}`).toBeCloseTo(expected[t]!, 9));

describe('royalty tiers measured on the calendar year to date', () => {
  // Quarters from April 2027: Q2, Q3, Q4 of 2027 (a first calendar year of three quarters), then 2028's four.
  const timeline = { start: '2027-04', periods: 7, step: 'quarter' } as const;
  const sales = { sales: '40' };
  const tiers = [{ upTo: 100, rate: 0.1 }, { rate: 0.2 }];

  it('restarts the bands each calendar year and pays each period the increase of the tiered amount', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', basis: 'calendarYear', tiers };
    // 2027: totals 40, 80, 120 -> tiered 4, 8, 14 -> pays 4, 4, 6 (the third quarter's 40 is 20 at 10% and 20 at 20%).
    // 2028 restarts: totals 40, 80, 120, 160 -> pays 4, 4, 6, 8.
    close(received(deal([royalty], timeline, sales)), [4, 4, 6, 4, 4, 6, 8]);
  });

  it("a year's royalties equal the marginal tiers on the year's total", () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', basis: 'calendarYear', tiers };
    const flows = received(deal([royalty], timeline, { sales: 't * 30 + 10' }));
    // 2027: 10 + 40 + 70 = 120 -> 100 at 10% + 20 at 20% = 14. 2028: 100 + 130 + 160 + 190 = 580 -> 10 + 480 * 0.2 = 106.
    expect(flows.slice(0, 3).reduce((a, b) => a + b, 0)).toBeCloseTo(14, 9);
    expect(flows.slice(3).reduce((a, b) => a + b, 0)).toBeCloseTo(106, 9);
  });

  it('with a yearly step equals the period basis', () => {
    const yearly = { start: '2027-04', periods: 4, step: 'year' } as const;
    const base = (basis?: 'calendarYear') => deal([{ id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', ...(basis ? { basis } : {}), tiers }], yearly, { sales: '50 + t * 40' });
    expect(received(base('calendarYear'))).toEqual(received(base()));
  });
});

describe('cumulative royalty bands', () => {
  const timeline = { start: 2027, periods: 5, step: 'year' } as const;
  // 2% on the first $50M of lifetime sales, 12% on the next $100M, 15% above.
  const tiers = [{ upTo: 50, rate: 0.02 }, { upTo: 150, rate: 0.12 }, { rate: 0.15 }];

  it("pays each band's rate on the part of lifetime sales inside it, across the band edges", () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', basis: 'cumulative', tiers };
    // Lifetime totals 30, 90, 150, 210, 270.
    // Period 0: 30 at 2% = 0.6. Period 1: 20 at 2% + 40 at 12% = 5.2. Period 2: 60 at 12% = 7.2 (ends exactly on the edge).
    // Period 3: 60 at 15% = 9. Period 4: 9.
    close(received(deal([royalty], timeline, { sales: '60 - (t == 0) * 30' })), [0.6, 5.2, 7.2, 9, 9]);
  });

  it('negative periods add nothing to the total and pay nothing', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', basis: 'cumulative', tiers };
    // Sales 40, -25, 40, -5, 40: totals 40, 40, 80, 80, 120.
    // Period 0: 40 at 2% = 0.8; 1: 0; 2: 10 at 2% + 30 at 12% = 3.8; 3: 0; 4: 40 at 12% = 4.8.
    close(received(deal([royalty], timeline, { sales: 't == 1 ? -25 : (t == 3 ? -5 : 40)' })), [0.8, 0, 3.8, 0, 4.8]);
  });

  it('a negative period pays nothing on the period basis either (as before)', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', tiers };
    close(received(deal([royalty], timeline, { sales: 't == 1 ? -25 : 40' })), [0.8, 0, 0.8, 0.8, 0.8]);
  });

  it("`until` stops the payments after its period", () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 'sales', basis: 'cumulative', tiers, until: 1 };
    close(received(deal([royalty], timeline, { sales: '40' })), [0.8, 0.2 + 3.6, 0, 0, 0]);
  });
});

describe('royalty adjustments and cap', () => {
  const timeline = { start: 2027, periods: 6, step: 'year' } as const;

  it('multiplies the royalty while each adjustment holds; overlapping ones multiply', () => {
    const royalty: Term = {
      id: 'r',
      type: 'royalty',
      from: 'b',
      to: 'a',
      base: 100,
      tiers: [{ rate: 0.1 }],
      adjustments: [
        { label: 'Generic entry', when: 't >= 2', factor: 0.5 },
        { label: 'Patent expiry', when: 't >= 4', factor: 0.4 },
      ],
    };
    // 10 a year; halved from period 2; from period 4 both hold: 10 * 0.5 * 0.4 = 2.
    close(received(deal([royalty], timeline)), [10, 10, 5, 5, 2, 2]);
  });

  it('measures tiers on the unadjusted base: an adjustment reduces the payment, not the sales', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 100, basis: 'cumulative', tiers: [{ upTo: 150, rate: 0.1 }, { rate: 0.3 }], adjustments: [{ when: 't == 0', factor: 0.5 }] };
    // Period 0: 100 at 10%, halved = 5. Period 1: 50 at 10% + 50 at 30% = 20 (the halved period still counted 100 of sales).
    close(received(deal([royalty], timeline)).slice(0, 2), [5, 20]);
  });

  it('pays the remainder in the period that reaches the cap, nothing after it', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 100, tiers: [{ rate: 0.1 }], cap: 25 };
    // 10, 10, then 5 of the 10 due reaches 25; nothing later.
    close(received(deal([royalty], timeline)), [10, 10, 5, 0, 0, 0]);
  });

  it('caps the royalty after adjustments, and a cap of 0 pays nothing', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 100, tiers: [{ rate: 0.1 }], adjustments: [{ when: 't >= 1', factor: 0.5 }], cap: 18 };
    close(received(deal([royalty], timeline)), [10, 5, 3, 0, 0, 0]);
    close(received(deal([{ ...royalty, cap: 0 }], timeline)), [0, 0, 0, 0, 0, 0]);
  });

  it('evaluates a cap formula once per iteration, from inputs', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 100, tiers: [{ rate: 0.1 }], cap: 'capInput * 2' };
    close(received(deal([royalty], timeline, {}, { capInput: { dist: 'fixed', value: 7.5 } })), [10, 5, 0, 0, 0, 0]);
  });

  it('refuses a factor formula outside 0 to 1 where it applies, naming the field and period', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 100, tiers: [{ rate: 0.1 }], adjustments: [{ when: 't >= 3', factor: 't / 2' }] };
    expect(() => valueDeal(deal([royalty], timeline))).toThrow(/terms\.r\.adjustments\[0\]\.factor: is 1\.5 in period 3: an adjustment factor multiplies the royalty and must be from 0 to 1/);
  });

  it('refuses a cap formula that is negative, naming the field', () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 100, tiers: [{ rate: 0.1 }], cap: 'x - 10' };
    expect(() => valueDeal(deal([royalty], timeline, {}, { x: { dist: 'fixed', value: 4 } }))).toThrow(/terms\.r\.cap: is -6: a royalty cap/);
  });
});

describe('sales milestones on calendar-year and cumulative sales', () => {
  // Quarters from October 2027: Q4 2027, then 2028's quarters, then Q1 2029.
  const timeline = { start: '2027-10', periods: 6, step: 'quarter' } as const;
  const milestone = (basis: 'period' | 'calendarYear' | 'cumulative'): Term => ({ id: 'm', type: 'salesMilestone', from: 'b', to: 'a', amount: 75, base: 'sales', threshold: 100, basis });

  it("fires in the first period where the calendar year's sales to date reach the threshold", () => {
    // Sales 60 a quarter: 2027 has one quarter (60); 2028 reaches 120 in its second quarter (period 2).
    close(received(deal([milestone('calendarYear')], timeline, { sales: '60' })), [0, 0, 75, 0, 0, 0]);
  });

  it('cumulative sales reach it sooner, across the year end; per period never', () => {
    close(received(deal([milestone('cumulative')], timeline, { sales: '60' })), [0, 75, 0, 0, 0, 0]);
    close(received(deal([milestone('period')], timeline, { sales: '60' })), [0, 0, 0, 0, 0, 0]);
  });
});

describe('dates wherever a period is asked for', () => {
  const timeline = { start: '2027-04', periods: 8, step: 'quarter' } as const;
  const payAt = (at: string | number): Term => ({ id: 'p', type: 'payment', from: 'b', to: 'a', amount: 1, at });
  const paidIn = (at: string | number) => received(deal([payAt(at)], timeline)).indexOf(1);

  it('a date inside the timeline is the first period that starts at or after it', () => {
    expect(paidIn('2027-Q3')).toBe(1); // Q3 2027 starts in July: period 1
    expect(paidIn('2027-05')).toBe(1); // May is inside period 0 (Apr-Jun): the next start is July
    expect(paidIn('2028')).toBe(3); // January 2028
    expect(paidIn('2028-Q4')).toBe(6);
  });

  it('a date before the timeline is period 0, a date after it is never', () => {
    expect(paidIn('2026')).toBe(0);
    expect(paidIn('1900')).toBe(0);
    expect(paidIn('2029-03')).toBe(-1); // the last period starts in January 2029
    expect(paidIn('2199-Q4')).toBe(-1);
  });

  it('a number keeps its meaning; a date-like string outside the three forms is a formula', () => {
    expect(paidIn(2)).toBe(2);
    expect(paidIn('2029-13')).toBe(-1); // the formula 2029 - 13 = 2016: a period index beyond the timeline
    expect(paidIn('2200')).toBe(-1); // not a date (year above 2199): the period index 2200
  });

  it("until and a termination's from take dates too", () => {
    const royalty: Term = { id: 'r', type: 'royalty', from: 'b', to: 'a', base: 10, tiers: [{ rate: 0.1 }], until: '2028' };
    close(received(deal([royalty], timeline)), [1, 1, 1, 1, 0, 0, 0, 0]);
    const exit: Term = { id: 'x', type: 'termination', when: '1', from: '2028-Q2', fee: { from: 'b', to: 'a', amount: 5 } };
    close(received(deal([royalty, exit], timeline)), [1, 1, 1, 1, 5, 0, 0, 0]);
  });
});

describe('inputs drawn every period', () => {
  const timeline = { start: 2027, periods: 8, step: 'year' } as const;
  const noise = { price: { dist: 'normal', mean: 10, sd: 2, per: 'period' } } as const;
  const own: Term = { id: 'own', type: 'cashflow', party: 'a', amount: 'price' };

  it('are drawn afresh and independently in every period', () => {
    const d = deal([own], timeline, {}, noise as unknown as Deal['inputs']);
    const n = 4096;
    const run = runBlock(d, 11, n);
    const draws = Array.from({ length: n }, (_, k) => iterationFlows(run, k)[0]!);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const correlation = (xs: number[], ys: number[]) => {
      const mx = mean(xs);
      const my = mean(ys);
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      xs.forEach((x, i) => {
        sxy += (x - mx) * (ys[i]! - my);
        sxx += (x - mx) ** 2;
        syy += (ys[i]! - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    for (let t = 0; t < 8; t++) {
      const column = draws.map((row) => row[t]!);
      // Each period's draws have the input's distribution: mean 10 (standard error 2 / 64 = 0.03), sd 2.
      expect(Math.abs(mean(column) - 10)).toBeLessThan(0.15);
      const sd = Math.sqrt(mean(column.map((x) => (x - 10) ** 2)));
      expect(Math.abs(sd - 2)).toBeLessThan(0.1);
    }
    // Neighbouring periods are uncorrelated (an independent pair's sample correlation has sd 1 / 64: 4.5 sd is 0.07).
    for (let t = 0; t + 1 < 8; t++) expect(Math.abs(correlation(draws.map((r) => r[t]!), draws.map((r) => r[t + 1]!)))).toBeLessThan(0.07);
    // And within an iteration the periods differ (a once-per-iteration input would repeat).
    expect(draws.filter((row) => new Set(row).size === 8).length).toBe(n);
  });

  it('leave the draws of every other input as they were', () => {
    const inputs = { peak: { dist: 'lognormal', p50: 100, p90: 200 } } as const;
    const without = runBlock(deal([{ ...own, amount: 'peak' }], timeline, {}, inputs as unknown as Deal['inputs']), 3, 50);
    const withNoise = runBlock(deal([{ ...own, amount: 'peak + price - price' }], timeline, {}, { ...inputs, ...noise } as unknown as Deal['inputs']), 3, 50);
    expect(Array.from(withNoise.draws.cols[0]!)).toEqual(Array.from(without.draws.cols[0]!));
  });

  it("a series of one is that period's draw; prev of that series is last period's", () => {
    const d = deal([{ ...own, amount: 'p - prev(p)' }], timeline, { p: 'price' }, noise as unknown as Deal['inputs']);
    const run = runBlock(d, 5, 1);
    const draws = Array.from(run.draws.cols[0]!.subarray(0, 8));
    close(iterationFlows(run, 0)[0]!, draws.map((x, t) => x - (t > 0 ? draws[t - 1]! : 0)));
  });
});
