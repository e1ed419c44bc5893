/**
 * Test data for the analysis UI: the real pharma example, and valuation
 * results built by hand with round numbers so expected text is obvious.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CURVE_LEVELS, type ValuationResult, type PartyValuation } from '../../../shared/engine/results';
import type { Deal } from '../../../shared/model/schema';
import { dealSchema } from '../../../shared/model/schema';

export function pharmaDeal(): Deal {
  const text = readFileSync(resolve(import.meta.dirname, '../../../resources/examples/pharma-licence.deal'), 'utf8');
  // The structural schema only: these tests are about display, not validation.
  return dealSchema.parse(JSON.parse(text));
}

function party(mean: number, se: number, pAbove: number): PartyValuation {
  return {
    npv: { mean, sd: se * 300, se, p5: mean - 40, p10: mean - 30, p50: mean - 5, p90: mean + 60, p95: mean + 90 },
    pAboveWalkAway: pAbove,
    histogram: { edges: [0, 10, 20, 30, 40], counts: [10, 20, 30, 40], curve: { values: CURVE_LEVELS.map((l) => 40 * l), walkAway: { value: 10, below: 1 - pAbove } } },
    fan: { p10: [-5, -2, 0], p50: [1, 2, 3], p90: [4, 8, 12], mean: [1.5, 2.5, 4] },
  };
}

export function pharmaResult(overrides: Partial<ValuationResult> = {}): ValuationResult {
  return {
    scenario: 'base',
    iterations: 100_000,
    seed: 20270301,
    elapsedMs: 120,
    parties: { licensor: party(52.34, 0.41, 0.6321), licensee: party(180.5, 2.2, 0.81) },
    pAllAboveWalkAway: 0.4406,
    ...overrides,
  };
}
