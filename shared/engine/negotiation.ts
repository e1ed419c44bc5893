/**
 * The negotiation so far, valued: every round's position (each party's mean
 * NPV and chance of reaching its walk-away, and the chance every party
 * does), and what each round moved and what each move was worth to each
 * party. All on common random numbers with the file's seed, so the change
 * from one round to the next is the value of the moves made, not noise.
 *
 * A move's worth is the mean NPV of the round before with that one number
 * moved, minus the mean of the round before, measured iteration by
 * iteration (its standard error from the per-iteration differences). A
 * round's total is its own mean minus the round before's; the moves' worths
 * add up to it only when the moves do not interact. A move that cannot be
 * made on its own (one share of a split that must stay whole) has no worth
 * of its own, and says why; the round's total still counts it.
 *
 * Intentionally has no platform imports.
 */
import { previousPosition, roundMoves, type Move } from '../model/round-moves';
import { roundsOf } from '../model/rounds';
import type { Deal } from '../model/schema';
import type { Pair } from './paired';
import type { VariantStats } from './run-plan';
import { EngineError } from './simulate';
import { positionDeal, type StructuresEvaluator } from './structures';

/** A difference of means for each party, with the standard error of the paired difference. */
export type Worth = Record<string, { mean: number; se: number }>;

export interface MoveValue extends Move {
  /** What making this one move on the round before is worth to each party; null when it cannot be made alone. */
  worth: Worth | null;
  /** Why there is no worth of its own. */
  note?: string;
}

export interface RoundValue {
  id: string;
  parties: Record<string, { mean: number; se: number; pAboveWalkAway: number }>;
  pAllAboveWalkAway: number;
  moves: MoveValue[];
  /** The round's mean minus the round before's (the file as written for the first round). */
  total: Worth;
}

export interface NegotiationResult {
  iterations: number;
  seed: number;
  /** The file as written: where the first round's moves start. */
  asWritten: Pick<RoundValue, 'parties' | 'pAllAboveWalkAway'>;
  rounds: RoundValue[];
}

export interface NegotiationRequest {
  deal: Deal;
  iterations?: number;
  seed?: number;
}

/** Builds the structures to value once each (equal sets share one), with the pairs to measure. */
class StructureList {
  readonly deals: Deal[] = [];
  readonly pairs: Pair[] = [];
  private readonly index = new Map<string, number>();
  add(deal: Deal, set: Readonly<Record<string, number>>): number {
    const key = JSON.stringify(Object.entries(set).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.deals.push(deal) - 1;
      this.index.set(key, at);
    }
    return at;
  }
  pair(a: number, b: number): number {
    return this.pairs.push([a, b]) - 1;
  }
}

function partyStats(deal: Deal, v: VariantStats): RoundValue['parties'] {
  return Object.fromEntries(deal.parties.map((p, i) => [p.id, { mean: v.mean[i]!, se: v.se[i]!, pAboveWalkAway: v.pAboveWalkAway[i]! }]));
}

function worthOf(deal: Deal, pair: { mean: number[]; se: number[] }): Worth {
  return Object.fromEntries(deal.parties.map((p, i) => [p.id, { mean: pair.mean[i]!, se: pair.se[i]! }]));
}

export async function valueNegotiation(request: NegotiationRequest, evaluate: StructuresEvaluator, onProgress?: (done: number, total: number) => void): Promise<NegotiationResult> {
  const { deal } = request;
  const iterations = request.iterations ?? deal.simulation.iterations;
  const seed = request.seed ?? deal.simulation.seed;
  const rounds = roundsOf(deal);
  const list = new StructureList();
  const written = list.add(deal, {});
  const plans = rounds.map((round, i) => {
    const where = `negotiation.rounds[${i}]`;
    const before = previousPosition(deal, i);
    const from = list.add(positionDeal(deal, before.set, where), before.set);
    const at = list.add(positionDeal(deal, round.set, where), round.set);
    const moves = roundMoves(deal, i).map((move) => {
      const set = { ...before.set, [move.path]: move.to };
      try {
        const alone = list.add(positionDeal(deal, set, where), set);
        return { move, pair: list.pair(from, alone) };
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
        return { move, pair: -1, note: `cannot be made on its own: ${err.problems[0]?.message ?? 'the deal would not be valid'}` };
      }
    });
    return { round, at, total: list.pair(from, at), moves };
  });
  const result = await evaluate({ deals: list.deals, pairs: list.pairs, iterations, seed }, onProgress);
  const stats = (i: number) => result.variants[i]!;
  return {
    iterations,
    seed,
    asWritten: { parties: partyStats(deal, stats(written)), pAllAboveWalkAway: stats(written).pAllAboveWalkAway },
    rounds: plans.map((plan) => ({
      id: plan.round.id,
      parties: partyStats(deal, stats(plan.at)),
      pAllAboveWalkAway: stats(plan.at).pAllAboveWalkAway,
      total: worthOf(deal, result.pairs[plan.total]!),
      moves: plan.moves.map(({ move, pair, note }) => ({ ...move, worth: pair >= 0 ? worthOf(deal, result.pairs[pair]!) : null, ...(note ? { note } : {}) })),
    })),
  };
}
