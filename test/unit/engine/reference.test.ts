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

describe('compiled kernels agree with the reference interpreter', () => {
  for (const name of EXAMPLES) {
    it(`on ${name}, per iteration and period, to 1e-9`, () => {
      const deal = exampleDeal(name);
      const run = runBlock(deal, deal.simulation.seed, 300);
      expect(run.fault).toBe(-1);
      let worst = 0;
      for (let k = 0; k < 300; k++) {
        const { inputs, hazardSeeds } = iterationInputs(run, k);
        worst = Math.max(worst, maxRelativeDifference(iterationFlows(run, k), referenceFlows(deal, inputs, hazardSeeds)));
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
          const { inputs, hazardSeeds } = iterationInputs(run, k);
          expect(maxRelativeDifference(iterationFlows(run, k), referenceFlows(deal, inputs, hazardSeeds))).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('on generated deals (fast-check)', () => {
    fc.assert(
      fc.property(dealArbitrary(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (deal, seed) => {
        const run = runBlock(deal, seed, 12);
        for (let k = 0; k < 12; k++) {
          const { inputs, hazardSeeds } = iterationInputs(run, k);
          const reference = referenceFlows(deal, inputs, hazardSeeds);
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
