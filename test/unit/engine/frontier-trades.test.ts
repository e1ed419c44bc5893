/**
 * The efficient frontier and the exchange rates:
 * - refinement finds exactly the full grid's frontier (the brute force), on
 *   the pharma example and on generated deals, valuing fewer points where
 *   the shape of the numbers allows it;
 * - property (the issue's "done when"): for random valid deals and 200 random
 *   structures inside the sliders' ranges each (same seed), none beats a
 *   frontier point for both parties by more than 3 combined standard errors;
 * - a premise that fails (values not multilinear after all) sends the rest of
 *   the grid to be valued, and the answer is still the grid's;
 * - a floor on the other side's chance keeps only structures that meet it;
 * - each slider's step is worth what two valuations say, an upfront exactly
 *   its change; pairs reported raise both sides when valued on their own.
 */
import { failureText } from '../../../shared/problems';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { ValuationError } from '../../../host/valuation/runner';
import { runFrontier, type FrontierResult } from '../../../shared/engine/frontier';
import { nonDominated } from '../../../shared/engine/pareto';
import type { StructuresEvaluator } from '../../../shared/engine/structures';
import { numberFields, numberKind } from '../../../shared/model/number-fields';
import { getNumberAt, setNumberAt } from '../../../shared/model/paths';
import { numberRuleProblems } from '../../../shared/model/rules';
import type { Deal, Slider } from '../../../shared/model/schema';
import { sliderReach, validRange, withNumber } from '../../../shared/model/what-if-rules';
import { dealArb } from '../model/deal-arbitrary';
import { exampleDeal } from './engine-harness';

const runner = createInProcessRunner();
const pharma = exampleDeal('pharma-licence');

const points = (f: FrontierResult) => f.points.map((p) => ({ set: p.set, us: p.parties[f.party]!.mean, them: p.parties[f.other]!.mean }));

describe('the frontier of the pharma licence', () => {
  it('is exactly the full grid\'s, found valuing fewer points', async () => {
    for (const paths of [
      ['terms.upfront.amount', 'terms.royalty.tiers.0.rate'],
      ['terms.royalty.tiers.0.rate', 'terms.mApproval.amount'],
    ]) {
      const refined = await runner.frontier({ deal: pharma, paths, points: 33, iterations: 2_048 });
      const grid = await runner.frontier({ deal: pharma, paths, points: 33, iterations: 2_048, method: 'grid' });
      expect(refined.method).toBe('refine');
      expect(grid.valued).toBe(grid.gridPoints);
      expect(refined.valued).toBeLessThan(grid.gridPoints * 0.8);
      expect(points(refined)).toEqual(points(grid));
      // From the structure best for them to the one best for us, none beating another.
      const us = refined.points.map((p) => p.parties.licensor!.mean);
      expect([...us].sort((a, b) => a - b)).toEqual(us);
      expect(nonDominated(points(refined))).toHaveLength(refined.points.length);
    }
  });

  it('keeps to the sliders\' own steps and ranges, and reports progress up to the grid', async () => {
    const seen: number[] = [];
    const f = await runner.frontier({ deal: pharma, paths: ['terms.upfront.amount'], iterations: 1_024 }, { onProgress: (done, total) => seen.push(done / total) });
    expect(f.axes[0]!.values).toEqual(Array.from({ length: 81 }, (_, k) => k));
    expect(seen.at(-1)).toBeLessThanOrEqual(1);
    expect(seen.length).toBeGreaterThan(1);
    // One number, a pure transfer: every grid point is on the frontier.
    expect(f.points).toHaveLength(81);
  });

  it('with a floor, is the frontier of the structures that give the other side that chance', async () => {
    const paths = ['terms.royalty.tiers.0.rate', 'parties.licensee.walkAway'];
    const deal = { ...pharma, sliders: [...(pharma.sliders ?? []), { path: 'parties.licensee.walkAway', min: -300, max: 0, step: 25 }] };
    const floored = await runner.frontier({ deal, paths, points: 9, iterations: 2_048, floor: 0.5 });
    // Brute force: every grid structure valued, those meeting the floor kept, their non-dominated points.
    const grid = floored.axes[0]!.values.flatMap((rate) => floored.axes[1]!.values.map((walkAway) => ({ rate, walkAway })));
    const deals = grid.map(({ rate, walkAway }) => [['terms.royalty.tiers.0.rate', rate], ['parties.licensee.walkAway', walkAway]].reduce<Deal>((d, [p, v]) => (setNumberAt(d, p as string, v as number) as { ok: true; value: Deal }).value, deal));
    const valued = await runner.structures({ deals, iterations: 2_048, seed: deal.simulation.seed });
    const meeting = grid.flatMap((g, i) => (valued.variants[i]!.pAboveWalkAway[1]! >= 0.5 ? [{ set: { 'terms.royalty.tiers.0.rate': g.rate, 'parties.licensee.walkAway': g.walkAway }, us: valued.variants[i]!.mean[0]!, them: valued.variants[i]!.mean[1]! }] : []));
    expect(meeting.length).toBeLessThan(grid.length);
    expect(meeting.length).toBeGreaterThan(0);
    const expected = nonDominated(meeting).map((p) => JSON.stringify(p.set)).sort();
    expect(floored.points.map((p) => JSON.stringify(p.set)).sort()).toEqual(expected);
    for (const p of floored.points) expect(p.parties.licensee!.pAboveWalkAway).toBeGreaterThanOrEqual(0.5);
  });

  it('refuses a number without a slider, too many numbers, or a grid too large, naming the flag', async () => {
    const err = async (request: Parameters<typeof runner.frontier>[0]) => ((await runner.frontier(request).catch((e: unknown) => e)) as ValuationError).problems;
    expect(await err({ deal: pharma, paths: ['terms.sales500.amount'] })).toEqual([{ path: 'vary', message: '"terms.sales500.amount" has no slider: the frontier varies numbers within their slider\'s range' }]);
    expect(await err({ deal: pharma, paths: ['a', 'b', 'c', 'd', 'e'] })).toEqual([{ path: 'vary', message: 'give 1 to 4 numbers to vary (got 5)' }]);
    expect(await err({ deal: pharma, paths: ['terms.upfront.amount'], party: 'nobody' })).toEqual([{ path: 'party', message: '"nobody" is not a party of this deal (parties: licensor, licensee)' }]);
    const big = await err({ deal: pharma, paths: ['terms.upfront.amount', 'terms.royalty.tiers.0.rate', 'terms.mApproval.amount', 'inputs.peakSales.p50'], points: 4096 });
    expect(big[0]!.path).toBe('points');
  });

  it('values numbers of unknown shape on the full grid, and says why', async () => {
    const f = await runner.frontier({ deal: pharma, paths: ['terms.upfront.amount', 'inputs.peakSales.p50'], points: 5, iterations: 1_024 });
    expect(f).toMatchObject({ method: 'grid', valued: 25, gridPoints: 25, fullGridBecause: "Peak annual net sales, median (P50) is not known to move each party's value one way" });
  });
});

describe('when a premise fails', () => {
  it('values the rest of the grid and still gives the grid\'s frontier', async () => {
    // An evaluator with a bump between grid points: values that are not multilinear in the amount.
    const bumpy: StructuresEvaluator = async (request) => ({
      pairs: [],
      variants: request.deals.map((deal) => {
        const x = (getNumberAt(deal, 'terms.upfront.amount') as { value: number }).value;
        const y = (getNumberAt(deal, 'terms.mApproval.amount') as { value: number }).value;
        const bump = Math.abs(x - 37) < 2 && y > 100 ? 50 : 0;
        return { mean: [x + 0.4 * y + bump, -x - 0.5 * y + bump], se: [0, 0], pAboveWalkAway: [1, 1], pAllAboveWalkAway: 1 };
      }),
    });
    const paths = ['terms.upfront.amount', 'terms.mApproval.amount'];
    const refined = await runFrontier({ deal: pharma, paths, points: 41 }, bumpy);
    const grid = await runFrontier({ deal: pharma, paths, points: 41, method: 'grid' }, bumpy);
    expect(refined.method).toBe('grid');
    expect(refined.fullGridBecause).toMatch(/are not linear in the numbers varied: the rest of the grid was valued in full$/);
    expect(points(refined)).toEqual(points(grid));
    expect(refined.points.some((p) => p.set['terms.upfront.amount'] === 36 && p.set['terms.mApproval.amount']! > 100)).toBe(true);
  });
});

/** Sliders on up to two plain-number term fields of a generated deal (ranges around the value), or null when it has none. */
function withSliders(deal: Deal, choice: number): Deal | null {
  const fields = numberFields(deal).filter((f) => f.path.startsWith('terms.'));
  if (fields.length === 0) return null;
  const picked = [fields[choice % fields.length]!, fields[(choice * 7 + 3) % fields.length]!].filter((f, i, all) => all.findIndex((g) => g.path === f.path) === i);
  const sliders: Slider[] = picked.map((f) => {
    const v = (getNumberAt(deal, f.path) as { value: number }).value;
    const kind = numberKind(deal, f.path);
    if (kind === 'fraction') return { path: f.path, min: 0, max: 1, step: 0.05 };
    if (kind === 'period') return { path: f.path, min: 0, max: 12, step: 1 };
    return { path: f.path, min: Math.max(0, Math.floor(v - 10)), max: Math.floor(v + 10), step: 0.5 };
  });
  return { ...deal, sliders, simulation: { iterations: 2_048, seed: 17 } };
}

// Valid deals of every term type (the model's generator), on timelines short enough to value quickly.
const generated = fc
  .tuple(dealArb, fc.integer({ min: 0, max: 1000 }))
  .map(([deal, choice]) => withSliders({ ...deal, timeline: { ...deal.timeline, periods: Math.min(deal.timeline.periods, 30) } }, choice))
  .filter((deal): deal is Deal => deal !== null && numberRuleProblems(deal).length === 0);

/** A frontier of a generated deal, or null when the deal cannot be valued (a formula that divides by zero, say). */
async function frontierOf(deal: Deal, method?: 'grid'): Promise<FrontierResult | null> {
  try {
    return await runner.frontier({ deal, paths: deal.sliders!.map((s) => s.path), other: deal.parties[1]!.id, points: 9, ...(method ? { method } : {}) });
  } catch (err) {
    if (err instanceof ValuationError) return null;
    throw err;
  }
}

describe('on generated deals', () => {
  it('refinement gives exactly the full grid\'s frontier', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (deal) => {
        const refined = await frontierOf(deal);
        if (!refined) return;
        const grid = (await frontierOf(deal, 'grid'))!;
        expect(points(refined)).toEqual(points(grid));
      }),
      { numRuns: 16, seed: 1301 },
    );
  }, 120_000);

  it('no random structure inside the sliders\' ranges beats a frontier point for both parties by more than 3 combined standard errors', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(generated, fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }), { minLength: 200, maxLength: 200 }), async (deal, draws) => {
        const frontier = await frontierOf(deal);
        if (!frontier) return;
        // 200 structures anywhere in the sliders' reach (not only on the grid), coupled numbers moved as the rules move them.
        const structures = draws.flatMap((u) => {
          let at: Deal = deal;
          for (const [k, slider] of deal.sliders!.entries()) {
            const reach = sliderReach(slider, validRange(deal, slider.path));
            if (!reach) return [];
            const moved = withNumber(at, slider.path, reach.min + u[k]! * (reach.max - reach.min));
            if (!moved.ok) return [];
            at = moved.value.deal;
          }
          return [at];
        });
        const valued = await runner.structures({ deals: structures, iterations: deal.simulation.iterations, seed: deal.simulation.seed });
        const us = deal.parties.findIndex((p) => p.id === frontier.party);
        const them = deal.parties.findIndex((p) => p.id === frontier.other);
        for (const s of valued.variants) {
          for (const p of frontier.points) {
            const a = p.parties[frontier.party]!;
            const b = p.parties[frontier.other]!;
            const beatsUs = s.mean[us]! - a.mean > 3 * Math.hypot(s.se[us]!, a.se);
            const beatsThem = s.mean[them]! - b.mean > 3 * Math.hypot(s.se[them]!, b.se);
            expect(beatsUs && beatsThem).toBe(false);
          }
        }
        checked += structures.length;
      }),
      { numRuns: 16, seed: 1302 },
    );
    // The property must have looked at real structures, not only at deals that could not be valued.
    expect(checked).toBeGreaterThanOrEqual(1_000);
  }, 240_000);
});

describe('exchange rates', () => {
  it('value one step of each slider as two valuations do; an upfront at signing exactly its change', async () => {
    const iterations = 8_192;
    const t = await runner.trades({ deal: pharma, scenarioId: 'r3', iterations });
    expect(t).toMatchObject({ scenario: 'r3', party: 'licensor', other: 'licensee' });
    const upfront = t.rates.find((r) => r.path === 'terms.upfront.amount')!;
    // Each outcome moves by the amount (up to the rounding of one subtraction of two NPVs): no error.
    expect(upfront.steps.map((s) => [s.direction, s.to])).toEqual([['up', 31], ['down', 29]]);
    for (const [s, sign] of [[upfront.steps[0]!, 1], [upfront.steps[1]!, -1]] as const) {
      expect(s.change.licensor!.mean).toBeCloseTo(sign, 9);
      expect(s.change.licensee!.mean).toBeCloseTo(-sign, 9);
      expect(s.change.licensor!.se).toBeLessThan(1e-9);
      expect(s.change.licensee!.se).toBeLessThan(1e-9);
    }
    expect(upfront.rate).toBeCloseTo(1, 9);
    expect(upfront.cheapConcession).toBeNull();
    const mean = async (deal: Deal) => (await runner.value({ deal, iterations })).parties;
    const r3 = Object.entries({ 'terms.upfront.amount': 30, 'terms.mApproval.amount': 70, 'terms.royalty.tiers.2.rate': 0.13 }).reduce<Deal>((d, [p, v]) => (setNumberAt(d, p, v) as { ok: true; value: Deal }).value, pharma);
    const base = await mean(r3);
    for (const rate of t.rates) {
      for (const step of rate.steps) {
        const moved = withNumber(r3, rate.path, step.to);
        if (!moved.ok) throw new Error(failureText(moved));
        const after = await mean(moved.value.deal);
        for (const p of pharma.parties) expect(step.change[p.id]!.mean).toBeCloseTo(after[p.id]!.npv.mean - base[p.id]!.npv.mean, 8);
      }
    }
    // The royalty costs us less than it gives them when conceded (we discount at 13%, they at 9%); an assumption is never a concession.
    expect(t.rates.find((r) => r.path === 'terms.royalty.tiers.0.rate')!.cheapConcession?.direction).toBe('down');
    const assumption = t.rates.find((r) => r.path === 'inputs.peakSales.p50')!;
    expect(assumption).toMatchObject({ negotiable: false, cheapConcession: null });
    // Pairs raise both sides, as measured on their own; none moves an assumption.
    expect(t.pairs.length).toBeGreaterThan(0);
    for (const pair of t.pairs) {
      expect(pair.moves.every((m) => !m.path.startsWith('inputs.'))).toBe(true);
      let deal = r3;
      for (const m of pair.moves) {
        const moved = withNumber(deal, m.path, m.to);
        if (!moved.ok) throw new Error(failureText(moved));
        deal = moved.value.deal;
      }
      const after = await mean(deal);
      for (const p of pharma.parties) {
        expect(after[p.id]!.npv.mean).toBeGreaterThan(base[p.id]!.npv.mean);
        expect(pair.change[p.id]!.mean).toBeCloseTo(after[p.id]!.npv.mean - base[p.id]!.npv.mean, 8);
      }
    }
  });
});
