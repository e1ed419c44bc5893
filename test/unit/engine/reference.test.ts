/**
 * The compiled engine against the reference interpreter: fed the same draws,
 * the per-iteration cash flows agree to 1e-9 on every example and on
 * generated deals.
 */
import fc from 'fast-check';
import { failureText } from '../../../shared/problems';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleDeal, iterationFlows, iterationInputs, maxRelativeDifference, runBlock } from './engine-harness';
import { referenceFlows } from './reference-interpreter';
import { dealArbitrary } from './deal-arbitrary';
import { applyScenario } from '../../../shared/model/paths';
import { validateDeal } from '../../../shared/model/validate';
import type { Deal } from '../../../shared/model/schema';

describe('compiled kernels agree with the reference interpreter', () => {
  for (const name of EXAMPLES) {
    it(`on ${name}, per iteration and period, to 1e-9`, () => {
      const deal = exampleDeal(name);
      const run = runBlock(deal, deal.simulation.seed, 300);
      expect(run.fault).toBe(-1);
      let worst = 0;
      for (let k = 0; k < 300; k++) {
        const { inputs, hazardSeeds, perPeriod } = iterationInputs(run, k);
        worst = Math.max(worst, maxRelativeDifference(iterationFlows(run, k), referenceFlows(deal, inputs, hazardSeeds, perPeriod)));
      }
      expect(worst).toBeLessThan(1e-9);
    });
  }

  it('on every scenario of every example', () => {
    for (const name of EXAMPLES) {
      const file = exampleDeal(name);
      for (const scenario of file.scenarios.slice(1)) {
        const applied = applyScenario(file, scenario);
        if (!applied.ok) throw new Error(failureText(applied));
        const deal = applied.value;
        const run = runBlock(deal, 99, 60);
        for (let k = 0; k < 60; k++) {
          const { inputs, hazardSeeds, perPeriod } = iterationInputs(run, k);
          expect(maxRelativeDifference(iterationFlows(run, k), referenceFlows(deal, inputs, hazardSeeds, perPeriod))).toBeLessThan(1e-9);
        }
      }
    }
  });

  const agreesOn = (deal: Deal, seed: number) => {
    const run = runBlock(deal, seed, 12);
    for (let k = 0; k < 12; k++) {
      const { inputs, hazardSeeds, perPeriod } = iterationInputs(run, k);
      const reference = referenceFlows(deal, inputs, hazardSeeds, perPeriod);
      const engine = iterationFlows(run, k);
      if (!reference.every((row) => row.every(Number.isFinite))) {
        // The engine must flag the same iteration as non-finite.
        expect(run.fault).toBeGreaterThanOrEqual(0);
        expect(run.fault).toBeLessThanOrEqual(k);
        return;
      }
      expect(maxRelativeDifference(engine, reference)).toBeLessThan(1e-9);
    }
    expect(run.fault).toBe(-1);
  };

  it('on generated deals using every addition: per-period inputs, dates, calendar-year and cumulative bases, adjustments, caps (fast-check)', () => {
    let used = { perPeriod: 0, dates: 0, calendarYear: 0, cumulative: 0, adjustments: 0, cap: 0 };
    fc.assert(
      // Unbiased deals too: fast-check's bias toward small values would leave most rates and bases at 0.
      fc.property(fc.oneof(dealArbitrary({ additions: true }), fc.noBias(dealArbitrary({ additions: true }))), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (deal, seed) => {
        // Its formulas are all ones a file may hold: per-period inputs nowhere once-per-iteration, no date where a formula must be.
        const formulas = validateDeal(deal);
        expect(formulas.ok ? [] : formulas.problems.filter((p) => p.column !== undefined)).toEqual([]);
        const json = JSON.stringify(deal);
        used = {
          perPeriod: used.perPeriod + (json.includes('"per":"period"') ? 1 : 0),
          dates: used.dates + (/"(at|until|from)":"\d{4}(-Q\d|-\d\d)?"/.test(json) ? 1 : 0),
          calendarYear: used.calendarYear + (json.includes('calendarYear') ? 1 : 0),
          cumulative: used.cumulative + (json.includes('cumulative') ? 1 : 0),
          adjustments: used.adjustments + (json.includes('adjustments') ? 1 : 0),
          cap: used.cap + (json.includes('"cap"') ? 1 : 0),
        };
        agreesOn(deal, seed);
      }),
      { numRuns: 300 },
    );
    // Every addition was exercised many times.
    for (const [what, n] of Object.entries(used)) expect(n, what).toBeGreaterThan(10);
  });

  it('on generated deals (fast-check)', () => {
    fc.assert(
      fc.property(dealArbitrary(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (deal, seed) => {
        const run = runBlock(deal, seed, 12);
        for (let k = 0; k < 12; k++) {
          const { inputs, hazardSeeds, perPeriod } = iterationInputs(run, k);
          const reference = referenceFlows(deal, inputs, hazardSeeds, perPeriod);
          const engine = iterationFlows(run, k);
          const referenceFinite = reference.every((row) => row.every(Number.isFinite));
          if (!referenceFinite) {
            // The engine must flag the same iteration as non-finite.
            expect(run.fault).toBeGreaterThanOrEqual(0);
            expect(run.fault).toBeLessThanOrEqual(k);
            return;
          }
          expect(maxRelativeDifference(engine, reference)).toBeLessThan(1e-9);
        }
        expect(run.fault).toBe(-1);
      }),
      { numRuns: 150 },
    );
  });
});
