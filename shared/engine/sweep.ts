/**
 * Mean statistics of a deal at several positions (sets of number overrides
 * on top of a scenario), at the deal's full iteration count and on common
 * random numbers: every position is valued with the same seed, so two
 * positions differ only by their numbers. The ZOPA sweep reads each party's
 * mean NPV here (the same sums as the full run's card, so the sweep passes
 * through the card's figure at the slider's current value) and the chance of
 * reaching each walk-away.
 *
 * Positions come already coupled (what-if-rules.ts); one that would not be a
 * valid deal is refused with the validator's message, never valued.
 *
 * Intentionally has no platform imports.
 */
import type { Deal } from '../model/schema';
import type { VariantStats } from './run-plan';
import { resolveScenario } from './sensitivity';
import type { MeansVariant } from './simulate';
import { positionDeal } from './structures';

/** Mean statistics per variant, on common random numbers. */
export type StatsEvaluator = (deal: Deal, variants: MeansVariant[], iterations: number, seed: number) => Promise<VariantStats[]>;

export interface SweepRequest {
  deal: Deal;
  scenarioId?: string;
  /** Each position: number paths and the values they take (on top of the scenario). */
  positions: Record<string, number>[];
  iterations?: number;
  seed?: number;
}

export interface SweepPosition {
  parties: Record<string, { mean: number; se: number; pAboveWalkAway: number }>;
  pAllAboveWalkAway: number;
}

export interface SweepResult {
  scenario: string;
  iterations: number;
  seed: number;
  positions: SweepPosition[];
}

export async function runSweep(request: SweepRequest, stats: StatsEvaluator): Promise<SweepResult> {
  const { deal, scenario } = resolveScenario(request.deal, request.scenarioId);
  const iterations = request.iterations ?? deal.simulation.iterations;
  const seed = request.seed ?? deal.simulation.seed;
  // Party order is the deal's (as in every compiled kernel); compiling happens where the variants run.
  const partyIds = deal.parties.map((p) => p.id);
  const positions: SweepPosition[] = [];
  for (const [i, set] of request.positions.entries()) {
    const [v] = await stats(positionDeal(deal, set, `positions[${i}]`), [null], iterations, seed);
    positions.push({
      parties: Object.fromEntries(partyIds.map((id, p) => [id, { mean: v!.mean[p]!, se: v!.se[p]!, pAboveWalkAway: v!.pAboveWalkAway[p]! }])),
      pAllAboveWalkAway: v!.pAllAboveWalkAway,
    });
  }
  return { scenario, iterations, seed, positions };
}
