/**
 * Structures on common random numbers and the negotiation built on them:
 * each structure's mean and chances are exactly a full valuation's (same
 * seed), on the worker pool as in process; a pair's standard error comes from
 * the per-iteration differences (checked against a brute-force run of the two
 * kernels over the same draws); a failing structure is explained against its
 * own deal; and every round's moves are worth what separate valuations say.
 */
import { failureText } from '../../../shared/problems';
import { describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { ValuationError } from '../../../host/valuation/runner';
import { blockCount, blockLength } from '../../../shared/engine/rng';
import { drawBlock, makeOut } from '../../../shared/engine/simulate';
import { applyScenarioById, setNumberAt } from '../../../shared/model/paths';
import { roundMoves } from '../../../shared/model/round-moves';
import type { Deal } from '../../../shared/model/schema';
import { smallDeal } from './deal-builder';
import { compileOk, exampleDeal } from './engine-harness';
import { usePool } from './test-pool';

const pool = usePool();
const inProcess = createInProcessRunner({ serialize: true });
const pharma = exampleDeal('pharma-licence');

function at(deal: Deal, id: string): Deal {
  const applied = applyScenarioById(deal, id);
  if (!applied.ok) throw new Error(failureText(applied));
  return applied.value.deal;
}

function withNumber(deal: Deal, path: string, value: number): Deal {
  const r = setNumberAt(deal, path, value);
  if (!r.ok) throw new Error(failureText(r));
  return r.value;
}

describe('structures on common random numbers', () => {
  const iterations = 9_000; // two whole blocks and a part
  const seed = 11;
  // Rounds differ in term numbers (one kernel, shared draws); the last differs in an input (its own draws).
  const deals = [pharma, at(pharma, 'r1'), at(pharma, 'r2'), at(pharma, 'r3'), withNumber(pharma, 'inputs.peakSales.p50', 900)];

  it('give each structure exactly the mean and chances of a full valuation with the same seed, on the pool as in process', async () => {
    const fromPool = await pool().structures({ deals, pairs: [[0, 1], [3, 4]], iterations, seed });
    const fromThread = await inProcess.structures({ deals, pairs: [[0, 1], [3, 4]], iterations, seed });
    expect(fromPool).toEqual(fromThread);
    for (const [i, deal] of deals.entries()) {
      const full = await inProcess.value({ deal, iterations, seed });
      deal.parties.forEach((p, k) => {
        expect(fromPool.variants[i]!.mean[k]).toBe(full.parties[p.id]!.npv.mean);
        expect(fromPool.variants[i]!.pAboveWalkAway[k]).toBe(full.parties[p.id]!.pAboveWalkAway);
        expect(fromPool.variants[i]!.se[k]).toBeCloseTo(full.parties[p.id]!.npv.se, 9);
      });
      expect(fromPool.variants[i]!.pAllAboveWalkAway).toBe(full.pAllAboveWalkAway);
    }
  });

  it('measure a pair from the per-iteration differences, far tighter than the two means\' own errors', async () => {
    const [a, b] = [deals[0]!, deals[4]!];
    const result = await pool().structures({ deals: [a, b], pairs: [[0, 1]], iterations, seed });
    // Brute force: both kernels over the same draws of every block, differences kept one by one.
    const ka = compileOk(a);
    const kb = compileOk(b);
    const diffs: number[][] = a.parties.map(() => []);
    for (let block = 0; block < blockCount(iterations); block++) {
      const n = blockLength(iterations, block);
      const outA = makeOut(2, ka.periods, n, null, false);
      const outB = makeOut(2, kb.periods, n, null, false);
      ka.kernel(drawBlock(ka, seed, block, n).cols, drawBlock(ka, seed, block, n).hz, n, outA);
      const drawsB = drawBlock(kb, seed, block, n);
      kb.kernel(drawsB.cols, drawsB.hz, n, outB);
      for (let p = 0; p < 2; p++) for (let k = 0; k < n; k++) diffs[p]!.push(outB.npv[p]![k]! - outA.npv[p]![k]!);
    }
    for (let p = 0; p < 2; p++) {
      const d = diffs[p]!;
      const mean = d.reduce((s, x) => s + x, 0) / d.length;
      const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
      expect(result.pairs[0]!.mean[p]).toBeCloseTo(mean, 8);
      expect(result.pairs[0]!.se[p]).toBeCloseTo(sd / Math.sqrt(d.length), 8);
      const independent = Math.hypot(result.variants[0]!.se[p]!, result.variants[1]!.se[p]!);
      expect(result.pairs[0]!.se[p]).toBeLessThan(independent / 3);
    }
  });

  it('explain a structure that fails against its own deal', async () => {
    const fine = smallDeal({
      inputs: { gap: { dist: 'fixed', value: 2 }, u: { dist: 'uniform', min: 0, max: 1 } },
      series: { ratio: 'u / gap' },
      terms: [{ id: 'own', type: 'cashflow', party: 'a', amount: 'ratio' }],
      simulation: { iterations: 5_000, seed: 3 },
    });
    const broken = withNumber(fine, 'inputs.gap.value', 0);
    for (const runner of [pool(), inProcess]) {
      const err = (await runner.structures({ deals: [fine, broken], pairs: [[0, 1]], iterations: 5_000, seed: 3 }).catch((e: unknown) => e)) as ValuationError;
      expect(err).toBeInstanceOf(ValuationError);
      expect(err.problems).toEqual([expect.objectContaining({ path: 'series.ratio', message: expect.stringMatching(/^series "ratio" is not a finite number in period 0/) })]);
    }
  });
});

describe('the negotiation, valued', () => {
  const iterations = 12_000;

  it('values every round as a valuation of that round would, and each move and round total as the difference of valuations', async () => {
    const result = await pool().negotiation({ deal: pharma, iterations });
    expect(result.rounds.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    const mean = async (deal: Deal) => {
      const v = await inProcess.value({ deal, iterations });
      return Object.fromEntries(deal.parties.map((p) => [p.id, v.parties[p.id]!.npv.mean]));
    };
    let before = await mean(pharma);
    for (const [i, round] of result.rounds.entries()) {
      const full = await inProcess.value({ deal: pharma, scenarioId: round.id, iterations });
      const prev = i === 0 ? pharma : at(pharma, result.rounds[i - 1]!.id);
      for (const p of pharma.parties) {
        expect(round.parties[p.id]!.mean).toBe(full.parties[p.id]!.npv.mean);
        expect(round.parties[p.id]!.pAboveWalkAway).toBe(full.parties[p.id]!.pAboveWalkAway);
        expect(round.total[p.id]!.mean).toBeCloseTo(full.parties[p.id]!.npv.mean - before[p.id]!, 8);
      }
      expect(round.pAllAboveWalkAway).toBe(full.pAllAboveWalkAway);
      expect(round.moves.map(({ path, from, to }) => ({ path, from, to }))).toEqual(roundMoves(pharma, i).map(({ path, from, to }) => ({ path, from, to })));
      for (const move of round.moves) {
        const alone = await mean(withNumber(prev, move.path, move.to));
        const base = await mean(prev);
        for (const p of pharma.parties) expect(move.worth![p.id]!.mean).toBeCloseTo(alone[p.id]! - base[p.id]!, 8);
      }
      before = Object.fromEntries(pharma.parties.map((p) => [p.id, full.parties[p.id]!.npv.mean]));
    }
  });

  it('an upfront paid at signing is worth exactly its change to each side, with no error', async () => {
    const result = await inProcess.negotiation({ deal: pharma, iterations: 4_096 });
    const upfront = result.rounds[1]!.moves.find((m) => m.path === 'terms.upfront.amount')!;
    expect(upfront).toMatchObject({ from: 40, to: 15, worth: { licensor: { mean: -25, se: 0 }, licensee: { mean: 25, se: 0 } } });
  });

  it('a move that cannot be made on its own says why; the round total still counts it', async () => {
    const deal = smallDeal({
      inputs: { sales: { dist: 'uniform', min: 50, max: 150 } },
      terms: [{ id: 'split', type: 'revenueShare', base: 'sales', shares: { a: 0.5, b: 0.5 } }],
      negotiation: { rounds: [{ id: 'r1', date: '2027-01-05', by: 'a', set: { 'terms.split.shares.a': 0.6, 'terms.split.shares.b': 0.4 }, status: 'open' }] },
      simulation: { iterations: 4_096, seed: 5 },
    });
    const result = await inProcess.negotiation({ deal });
    const [round] = result.rounds;
    expect(round!.moves.map((m) => m.path)).toEqual(['terms.split.shares.a', 'terms.split.shares.b']);
    expect(round!.moves.map((m) => [m.worth, m.note])).toEqual([
      [null, 'cannot be made on its own: terms.split.shares: shares sum to 1.1; they must sum to 1'],
      [null, 'cannot be made on its own: terms.split.shares: shares sum to 0.9; they must sum to 1'],
    ]);
    // 10% of a uniform 50..150 over 5 undiscounted years: 0.1 * 100 * 5 = 50, up to the sampling of the draws.
    expect(round!.total.a!.mean).toBeCloseTo(-round!.total.b!.mean, 9);
    expect(round!.total.a!.mean).toBeGreaterThan(48);
    expect(round!.total.a!.mean).toBeLessThan(52);
  });
});
