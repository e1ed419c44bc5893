/** A minimal valid deal for hand-computed tests: two parties, no discounting, year steps, fixed inputs. */
import type { Deal } from '../../../shared/model/schema';

export function smallDeal(parts: Partial<Deal> = {}): Deal {
  return {
    format: 'dealwright.deal',
    version: 1,
    title: 'test',
    currency: 'USD',
    unit: 'million',
    us: 'a',
    timeline: { start: 2027, periods: 5, step: 'year' },
    parties: [
      { id: 'a', name: 'A', discountRate: 0, walkAway: 0 },
      { id: 'b', name: 'B', discountRate: 0, walkAway: 0 },
    ],
    inputs: {},
    series: {},
    terms: [],
    scenarios: [{ id: 'base', name: 'Base', set: {} }],
    simulation: { iterations: 1, seed: 1 },
    ...parts,
  };
}
