/**
 * The what-if rules: a move never leaves a deal the validator (and so the
 * engine) would refuse. Shares and stakes stay whole, a median carries its
 * P90, and a slider reaches exactly the values that keep the deal valid:
 * checked exhaustively on every slider of every example against the same
 * validator the host runs before valuing, and by property on random share
 * splits.
 */
import { describe, expect, it } from 'vitest';
import { failureText } from '../../../shared/problems';
import fc from 'fast-check';
import { coupledChanges, couplingOf, sliderReach, validRange, withNumber } from '../../../shared/model/what-if-rules';
import { numberFields, numberKind, numberLabel } from '../../../shared/model/number-fields';
import { termDifferences } from '../../../shared/model/position-diff';
import { applyScenarioById, getNumberAt } from '../../../shared/model/paths';
import { validateDeal } from '../../../shared/model/validate';
import type { Deal } from '../../../shared/model/schema';
import { EXAMPLES, exampleDeal } from '../engine/engine-harness';

/** The deal as the host receives a what-if: the changes as extra overrides of the first scenario. */
function asSent(deal: Deal, changes: Record<string, number>): Deal {
  return { ...deal, scenarios: deal.scenarios.map((s, i) => (i === 0 ? { ...s, set: { ...s.set, ...changes } } : s)) };
}

function threePartyJv(): Deal {
  const deal = exampleDeal('jv-equity');
  return {
    ...deal,
    parties: [...deal.parties, { id: 'grid', name: 'GridCo', discountRate: 0.09, walkAway: 0 }],
    // The file's two-party scenario would leave three stakes not summing to 1.
    scenarios: deal.scenarios.slice(0, 1),
    terms: deal.terms.map((t) => (t.type === 'equity' ? { ...t, stakes: { solara: 0.5, kestrel: 0.3, grid: 0.2 } } : t)),
  };
}

describe('shares and stakes stay whole', () => {
  it('moves the other party of a two-party split', () => {
    const deal = exampleDeal('saas-alliance');
    expect(coupledChanges(deal, 'terms.share.tiers.0.shares.ledgerly', 0.81)).toEqual({ 'terms.share.tiers.0.shares.ledgerly': 0.81, 'terms.share.tiers.0.shares.atlas': 0.19 });
    expect(couplingOf(deal, 'terms.integration.shares.atlas')).toEqual({ kind: 'whole', what: 'share', partners: [{ path: 'terms.integration.shares.ledgerly', party: 'Ledgerly' }] });
  });

  it('moves the rest pro rata when more parties share, equally when they held nothing', () => {
    const deal = threePartyJv();
    expect(coupledChanges(deal, 'terms.jv.stakes.solara', 0.6)).toEqual({ 'terms.jv.stakes.solara': 0.6, 'terms.jv.stakes.kestrel': 0.24, 'terms.jv.stakes.grid': 0.16 });
    const all = withNumber(deal, 'terms.jv.stakes.solara', 1);
    expect(all.ok && all.value.changes).toEqual({ 'terms.jv.stakes.solara': 1, 'terms.jv.stakes.kestrel': 0, 'terms.jv.stakes.grid': 0 });
    if (!all.ok) return;
    expect(coupledChanges(all.value.deal, 'terms.jv.stakes.solara', 0.4)).toEqual({ 'terms.jv.stakes.solara': 0.4, 'terms.jv.stakes.kestrel': 0.3, 'terms.jv.stakes.grid': 0.3 });
  });

  it('keeps any split whole and valid, whatever the split and the move (property)', () => {
    const base = threePartyJv();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, value) => {
        const total = weights.reduce((a, b) => a + b, 0) || 1;
        const stakes = { solara: weights[0]! / total, kestrel: weights[1]! / total, grid: Math.max(0, 1 - weights[0]! / total - weights[1]! / total) };
        const deal = { ...base, terms: base.terms.map((t) => (t.type === 'equity' ? { ...t, stakes } : t)) };
        const moved = withNumber(deal, 'terms.jv.stakes.kestrel', value);
        if (!moved.ok) throw new Error(failureText(moved));
        const sum = Object.values(moved.value.changes).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-9);
        expect(Object.values(moved.value.changes).every((v) => v >= 0 && v <= 1)).toBe(true);
        expect(validateDeal(asSent(deal, moved.value.changes)).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ranges that keep the deal valid', () => {
  it('a lognormal median carries its P90 (same spread); a P90 stops above the median', () => {
    const deal = exampleDeal('pharma-licence');
    expect(coupledChanges(deal, 'inputs.peakSales.p50', 1300)).toEqual({ 'inputs.peakSales.p50': 1300, 'inputs.peakSales.p90': 2800 });
    expect(validRange(deal, 'inputs.peakSales.p90')).toEqual({ min: { value: 650, inclusive: false, why: 'P90 must stay above the median' } });
    expect(sliderReach({ min: 500, max: 2000, step: 50 }, validRange(deal, 'inputs.peakSales.p90'))).toEqual({ min: 700, max: 2000, minWhy: 'P90 must stay above the median' });
  });

  it('a tier ceiling stays between its neighbours, a rate between 0% and 100%, a most-likely value inside its range', () => {
    const deal = exampleDeal('pharma-licence');
    expect(validRange(deal, 'terms.royalty.tiers.1.upTo')).toEqual({ min: { value: 300, inclusive: false, why: "tier ceilings must ascend: above tier 1's" } });
    const range = validRange(deal, 'terms.royalty.tiers.0.upTo');
    expect(range.max).toMatchObject({ value: 800, inclusive: false });
    expect(range.min).toMatchObject({ value: 0, inclusive: false });
    expect(validRange(deal, 'terms.royalty.tiers.2.rate')).toMatchObject({ min: { value: 0, inclusive: true }, max: { value: 1, inclusive: true } });
    expect(validRange(deal, 'inputs.yearsToPeak.mode')).toMatchObject({ min: { value: 3 }, max: { value: 9 } });
    const refused = withNumber(deal, 'terms.royalty.tiers.0.upTo', 900);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems[0]!.message).toBe("Royalties on net sales, tier 1 ceiling cannot be 900: tier ceilings must ascend: below tier 2's");
  });

  it('every slider of every example reaches only valid deals: each value in its reach passes the validator the host runs, the next step beyond does not', () => {
    for (const name of EXAMPLES) {
      const file = exampleDeal(name);
      for (const scenario of file.scenarios) {
        const applied = applyScenarioById(file, scenario.id);
        if (!applied.ok) throw new Error(failureText(applied));
        for (const slider of file.sliders ?? []) {
          const reach = sliderReach(slider, validRange(applied.value.deal, slider.path))!;
          expect(reach, `${name}/${scenario.id} ${slider.path}`).not.toBeNull();
          for (let v = reach.min; v <= reach.max + 1e-9; v = Number((v + slider.step).toPrecision(12))) {
            const moved = withNumber(applied.value.deal, slider.path, v);
            if (!moved.ok) throw new Error(`${name}/${scenario.id} ${slider.path}=${v}: ${failureText(moved)}`);
            const sent = { ...file, scenarios: file.scenarios.map((s) => (s.id === scenario.id ? { ...s, set: { ...s.set, ...moved.value.changes } } : s)) };
            const checked = validateDeal(sent);
            expect(checked.ok ? [] : checked.problems, `${name}/${scenario.id} ${slider.path}=${v}`).toEqual([]);
          }
          for (const beyond of [reach.min - slider.step, reach.max + slider.step]) {
            if (beyond < slider.min - 1e-9 || beyond > slider.max + 1e-9) continue;
            expect(withNumber(applied.value.deal, slider.path, beyond).ok, `${slider.path}=${beyond} is refused`).toBe(false);
          }
        }
      }
    }
  });
});

describe('numbers in the deal’s own words', () => {
  it('labels every number of every example without a path, and says what kind of number it is', () => {
    for (const name of EXAMPLES) {
      const deal = exampleDeal(name);
      for (const f of numberFields(deal)) {
        expect(f.label, f.path).not.toMatch(/\b(terms|inputs|parties|tiers|shares|stakes)\.\w/);
        expect(getNumberAt(deal, f.path).ok).toBe(true);
      }
    }
    const saas = exampleDeal('saas-alliance');
    expect(numberLabel(saas, 'terms.share.tiers.1.shares.atlas')).toBe('Revenue share on resold subscriptions, tier 2, Atlas Cloud share');
    expect(numberLabel(saas, 'terms.exit.fee.amount')).toBe('Exit on change of strategy, fee');
    expect(numberLabel(saas, 'inputs.growth.high')).toBe('Quarterly customer growth, high end (P95)');
    expect(numberKind(saas, 'inputs.growth.high')).toBe('fraction');
    expect(numberKind(saas, 'inputs.arpa.p50')).toBe('number');
    const jv = exampleDeal('jv-equity');
    expect(numberLabel(jv, 'terms.jv.contributions.1.amount')).toBe('Joint venture, Kestrel Energy contribution');
    expect(numberKind(jv, 'terms.jv.preferredReturn.rate')).toBe('fraction');
    expect(numberLabel(jv, 'parties.kestrel.walkAway')).toBe('Kestrel Energy walk-away');
  });

  it('compares positions term by term: only the numbers that differ, with each position’s value', () => {
    const deal = exampleDeal('pharma-licence');
    const [base, ask, fallback] = deal.scenarios;
    expect(termDifferences(deal, [base!, ask!]).map((r) => [r.label, r.values])).toEqual([
      ['Upfront payment', [25, 40]],
      ['Royalties on net sales, tier 3 rate', [0.12, 0.14]],
    ]);
    expect(termDifferences(deal, [base!, ask!, fallback!]).map((r) => r.path)).toEqual(['terms.upfront.amount', 'terms.mApproval.amount', 'terms.royalty.tiers.2.rate']);
    // An override equal to the file as written is no difference.
    expect(termDifferences(deal, [base!, { id: 'same', name: 'Same', set: { 'terms.upfront.amount': 25 } }])).toEqual([]);
  });
});
