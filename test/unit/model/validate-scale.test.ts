/**
 * Validation stays linear in the size of a deal and never overflows the
 * stack. Before: 5,000 chained series took 12 s and 20,000 over 90 s (the
 * name sets were rebuilt for every formula, ids were counted once per item),
 * and 6,000 series in reverse order crashed `validate` with "Maximum call
 * stack size exceeded" (a recursive ordering). Each case here must finish in
 * seconds: the timeouts are ten times what a loaded machine needs, and far
 * below what the quadratic code took.
 */
import { describe, expect, it } from 'vitest';
import { orderSeries, seriesOrder } from '../../../shared/formula/series-order';
import { parseDealText } from '../../../shared/model/parse';
import { dealProblems, validateDeal } from '../../../shared/model/validate';
import { smallDeal } from '../engine/deal-builder';
import type { Term } from '../../../shared/model/schema';

const SECONDS = 1000;

function chainedSeries(n: number, reverse = false): Record<string, string> {
  const series: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const next = reverse ? i + 1 : i - 1;
    series[`s${i}`] = next >= 0 && next < n ? `s${next} + 1` : '1';
  }
  return series;
}

describe('large deals validate in seconds', () => {
  it('20,000 series, each using the one before', { timeout: 30 * SECONDS }, () => {
    const deal = smallDeal({ series: chainedSeries(20_000), terms: [{ id: 'pay', type: 'cashflow', party: 'a', amount: 's19999' }] });
    const text = JSON.stringify(deal, null, 2);
    expect(text.length).toBeGreaterThan(340_000);
    const parsed = parseDealText(text);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('6,000 series in reverse order (each uses the next): ordered, no stack overflow', { timeout: 30 * SECONDS }, () => {
    const deal = smallDeal({ series: chainedSeries(6_000, true) });
    expect(dealProblems(deal)).toEqual([]);
    const order = seriesOrder(deal);
    expect(order.ok).toBe(true);
    if (!order.ok) return;
    // Every series comes after the one it uses.
    const position = new Map(order.order.map((id, i) => [id, i]));
    for (let i = 0; i < 5_999; i++) expect(position.get(`s${i + 1}`)! < position.get(`s${i}`)!).toBe(true);
  });

  it('a cycle through 50,000 series is reported, once, without recursion', { timeout: 30 * SECONDS }, () => {
    const deps = new Map<string, string[]>();
    for (let i = 0; i < 50_000; i++) deps.set(`s${i}`, [`s${(i + 1) % 50_000}`]);
    const order = orderSeries(deps);
    expect(order.ok).toBe(false);
    if (order.ok) return;
    expect(order.problems).toHaveLength(1);
    expect(order.problems[0]!.message).toMatch(/^cycle: s0 -> s1 -> s2 -> .* -> s49999 -> s0 \(use prev/);
  });

  it('30,000 terms with formulas', { timeout: 30 * SECONDS }, () => {
    const terms: Term[] = [];
    for (let i = 0; i < 30_000; i++) terms.push({ id: `c${i}`, type: 'cashflow', party: i % 2 ? 'a' : 'b', amount: `t + ${i}` });
    expect(validateDeal(smallDeal({ terms })).ok).toBe(true);
  });

  it('30,000 terms with one duplicate id: named by index, found without comparing every pair', { timeout: 30 * SECONDS }, () => {
    const terms: Term[] = [];
    for (let i = 0; i < 30_000; i++) terms.push({ id: `c${i === 29_999 ? 0 : i}`, type: 'cashflow', party: 'a', amount: 1 });
    expect(dealProblems(smallDeal({ terms }))).toEqual([{ path: 'terms[29999].id', message: 'id "c0" is already used by terms[0].id' }]);
  });

  it('50,000 parties', { timeout: 30 * SECONDS }, () => {
    const parties = Array.from({ length: 50_000 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, discountRate: 0.1, walkAway: 0 }));
    expect(dealProblems(smallDeal({ us: 'p0', parties, terms: [{ id: 'pay', type: 'payment', from: 'p1', to: 'p0', amount: 1, at: 0 }] }))).toEqual([]);
  });

  it('5,000 scenarios over 5,000 terms check only what each scenario changes', { timeout: 30 * SECONDS }, () => {
    const terms: Term[] = Array.from({ length: 5_000 }, (_, i) => ({ id: `c${i}`, type: 'payment', from: 'b', to: 'a', amount: 1, at: 0 }));
    const scenarios = [
      { id: 'base', name: 'Base', set: {} },
      ...Array.from({ length: 5_000 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, set: { [`terms.c${i}.amount`]: i === 4_999 ? -1 : 2 } })),
    ];
    expect(dealProblems(smallDeal({ terms, scenarios }))).toEqual([
      {
        path: 'scenarios.s4999',
        message: 'scenario "s4999" makes terms.c4999.amount invalid: must not be negative (the direction comes from "from" and "to")',
      },
    ]);
  });
});
