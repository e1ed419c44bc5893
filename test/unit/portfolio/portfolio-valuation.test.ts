/**
 * The portfolio total is the sum of the deals' iterations: checked against a
 * brute-force sum of per-iteration NPVs (each deal simulated alone with its
 * derived seed, added iteration by iteration, statistics computed here by
 * sorting), on the worker pool and in process. Each deal's row is exactly a
 * lone valuation with its derived seed; the total's mean is the sum of the
 * rows' means; shares of risk are cov(deal, total) / var(total) and add up
 * to 1; equal seeds stay independent; a deal that fails at run time shows
 * its problem and the others are summed without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledFor } from '../../../shared/engine/compile-deal';
import { executeJob } from '../../../shared/engine/jobs';
import { blockCount } from '../../../shared/engine/rng';
import { resolveScenario } from '../../../shared/engine/sensitivity';
import type { Deal } from '../../../shared/model/schema';
import { memberSeed } from '../../../shared/portfolio/seeds';
import type { PortfolioMemberRequest, PortfolioValuationResult } from '../../../shared/portfolio/valuation';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { CancelledError, type ValuationRunner } from '../../../host/valuation/runner';
import { createWorkerPoolRunner } from '../../../host/valuation/worker-pool';
import { builtWorkerScript, exampleDeal } from '../engine/engine-harness';

let workerScript = '';
let pool: ValuationRunner;

beforeAll(() => {
  workerScript = builtWorkerScript();
  pool = createWorkerPoolRunner({ workers: 2, workerScript });
}, 120_000);

afterAll(async () => {
  await pool.close();
});

const N = 10_000; // three blocks, the last one short: ranges split unevenly between workers

function members(): PortfolioMemberRequest[] {
  return [
    { deal: exampleDeal('pharma-licence'), party: 'licensor', position: 'ask', place: 0 },
    { deal: exampleDeal('jv-equity'), party: 'solara', place: 1 },
    { deal: exampleDeal('saas-alliance'), party: 'atlas', position: 'flat', place: 2 },
  ];
}

/** One deal simulated alone over all N iterations with its derived seed: our NPV per iteration. */
function ourNpvs(m: PortfolioMemberRequest, iterations = N): Float64Array {
  const { deal } = resolveScenario(m.deal, m.position);
  const run = executeJob({ kind: 'simulate', kernel: compiledFor(deal), range: { iterations, seed: memberSeed(m.deal.simulation.seed, m.place), firstBlock: 0, endBlock: blockCount(iterations) } });
  return run.shard!.values[deal.parties.findIndex((p) => p.id === m.party)]!;
}

/** Type-7 quantile of sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const f = Math.floor(h);
  return sorted[f]! + (h - f) * (sorted[Math.min(sorted.length - 1, f + 1)]! - sorted[f]!);
}

function bruteForce(list: PortfolioMemberRequest[], iterations = N) {
  const xs = list.map((m) => ourNpvs(m, iterations));
  const total = new Float64Array(iterations);
  // Added in list order, as the portfolio job adds them, so each iteration's total is the same double.
  for (const x of xs) for (let i = 0; i < iterations; i++) total[i]! += x[i]!;
  const mean = total.reduce((s, v) => s + v, 0) / iterations;
  const variance = total.reduce((s, v) => s + (v - mean) ** 2, 0) / (iterations - 1);
  const sorted = Float64Array.from(total).sort();
  const walkAway = list.reduce((s, m) => s + m.deal.parties.find((p) => p.id === m.party)!.walkAway, 0);
  const shares = xs.map((x) => {
    const xm = x.reduce((s, v) => s + v, 0) / iterations;
    let c = 0;
    for (let i = 0; i < iterations; i++) c += (x[i]! - xm) * (total[i]! - mean);
    return c / (iterations - 1) / variance;
  });
  return { xs, mean, sd: Math.sqrt(variance), sorted, walkAway, atLeast: total.filter((v) => v >= walkAway).length / iterations, shares };
}

const close = (a: number, b: number, rel: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

function okMembers(result: PortfolioValuationResult) {
  return result.members.map((m) => {
    if (!m.ok) throw new Error(`member ${m.place} failed: ${m.problems.map((p) => p.message).join('; ')}`);
    return m;
  });
}

describe('portfolio valuation', () => {
  it("the total's statistics are those of the brute-force sum of the deals' per-iteration NPVs", async () => {
    const list = members();
    const result = await pool.portfolio({ members: list, iterations: N });
    const brute = bruteForce(list);
    const total = result.total!;
    expect(total.deals).toBe(3);
    close(total.npv.mean, brute.mean, 1e-12);
    close(total.npv.sd, brute.sd, 1e-9);
    // Order statistics are values of the summed iterations: exact.
    expect(total.npv.p5).toBe(quantile(brute.sorted, 0.05));
    expect(total.npv.p10).toBe(quantile(brute.sorted, 0.1));
    expect(total.npv.p50).toBe(quantile(brute.sorted, 0.5));
    expect(total.npv.p90).toBe(quantile(brute.sorted, 0.9));
    expect(total.npv.p95).toBe(quantile(brute.sorted, 0.95));
    expect(total.walkAway).toBe(brute.walkAway);
    expect(total.pAboveWalkAways).toBe(brute.atLeast);
    expect(total.histogram.counts.reduce((a, b) => a + b, 0)).toBe(N);
    okMembers(result).forEach((m, i) => close(m.riskShare, brute.shares[i]!, 1e-9));
    close(
      okMembers(result).reduce((s, m) => s + m.riskShare, 0),
      1,
      1e-9,
    );
  });

  it("the portfolio mean is the sum of the deals' means, and each row is a lone valuation with the deal's derived seed", async () => {
    const list = members();
    const result = await pool.portfolio({ members: list, iterations: N });
    const rows = okMembers(result);
    close(result.total!.npv.mean, rows.reduce((s, m) => s + m.npv.mean, 0), 1e-12);
    for (const [i, m] of list.entries()) {
      const row = rows[i]!;
      expect(row.seed).toBe(memberSeed(m.deal.simulation.seed, m.place));
      const alone = await pool.value({ deal: m.deal, scenarioId: m.position, iterations: N, seed: row.seed });
      expect(row.npv).toEqual(alone.parties[m.party]!.npv);
      expect(row.pAboveWalkAway).toBe(alone.parties[m.party]!.pAboveWalkAway);
      expect(row.flows).toEqual(alone.parties[m.party]!.fan.mean);
      expect(row.position).toBe(m.position ?? m.deal.scenarios[0]!.id);
    }
  });

  it('gives the same numbers in process (across the message boundary) and on 1 or 2 workers', async () => {
    const list = members();
    const strip = (r: PortfolioValuationResult) => ({ ...r, elapsedMs: 0 });
    const two = strip(await pool.portfolio({ members: list, iterations: N }));
    const inProcess = strip(await createInProcessRunner({ serialize: true }).portfolio({ members: list, iterations: N }));
    const single = createWorkerPoolRunner({ workers: 1, workerScript });
    try {
      expect(strip(await single.portfolio({ members: list, iterations: N }))).toEqual(two);
    } finally {
      await single.close();
    }
    expect(inProcess).toEqual(two);
  });

  it('draws two deals with the same seed independently (the stream depends on the place in the list)', async () => {
    const deal = exampleDeal('pharma-licence');
    const list: PortfolioMemberRequest[] = [
      { deal, party: 'licensor', place: 0 },
      { deal, party: 'licensor', place: 1 },
    ];
    const [a, b] = list.map((m) => ourNpvs(m));
    let same = 0;
    for (let i = 0; i < N; i++) if (a![i] === b![i]) same++;
    expect(same).toBeLessThan(N * 0.5); // a failed trial is one value, shared by many iterations of both
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    const ma = mean(a!);
    const mb = mean(b!);
    let cov = 0;
    let va = 0;
    let vb = 0;
    for (let i = 0; i < N; i++) {
      cov += (a![i]! - ma) * (b![i]! - mb);
      va += (a![i]! - ma) ** 2;
      vb += (b![i]! - mb) ** 2;
    }
    expect(Math.abs(cov / Math.sqrt(va * vb))).toBeLessThan(0.05);
    const result = await pool.portfolio({ members: list, iterations: N });
    const [ra, rb] = okMembers(result);
    expect(ra!.seed).not.toBe(rb!.seed);
    expect(ra!.npv.mean).not.toBe(rb!.npv.mean);
    // Independent deals: the total's variance is close to the sum of theirs.
    const t = result.total!.npv.sd ** 2;
    close(t, ra!.npv.sd ** 2 + rb!.npv.sd ** 2, 0.1 * t);
  });

  it('a deal that fails shows its problem; the others are summed without it', async () => {
    const bad: Deal = exampleDeal('jv-equity');
    // Fails in some iterations only (a share of the draws), not at compile time.
    const failing: Deal = { ...bad, series: { ...bad.series, broken: 'sqrt(opexPct - 0.3)' }, terms: [...bad.terms, { id: 'odd', type: 'cashflow', party: 'solara', amount: 'broken' }] };
    const list: PortfolioMemberRequest[] = [
      { deal: exampleDeal('pharma-licence'), party: 'licensor', place: 0 },
      { deal: failing, party: 'solara', place: 1 },
      { deal: exampleDeal('saas-alliance'), party: 'ledgerly', place: 2 },
      { deal: exampleDeal('saas-alliance'), party: 'nobody', place: 3 },
      { deal: exampleDeal('pharma-licence'), party: 'licensor', position: 'nope', place: 4 },
    ];
    const result = await pool.portfolio({ members: list, iterations: N });
    expect(result.members.map((m) => m.place)).toEqual([0, 1, 2, 3, 4]);
    const [, broken, , party, position] = result.members;
    expect(broken!.ok).toBe(false);
    expect(!broken!.ok && broken!.problems[0]!.message).toMatch(/not a finite number/);
    expect(!party!.ok && party!.problems[0]).toMatchObject({ path: 'party', message: expect.stringMatching(/no party "nobody"/) });
    expect(!position!.ok && position!.problems[0]).toMatchObject({ path: 'position', message: expect.stringMatching(/no scenario (or round )?"nope"/) });
    const brute = bruteForce([list[0]!, list[2]!]);
    expect(result.total!.deals).toBe(2);
    close(result.total!.npv.mean, brute.mean, 1e-12);
    expect(result.total!.npv.p50).toBe(quantile(brute.sorted, 0.5));
  });

  it('reports progress over every deal and stops when cancelled', async () => {
    const seen: number[] = [];
    await pool.portfolio({ members: members(), iterations: N }, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    const controller = new AbortController();
    const run = pool.portfolio({ members: members(), iterations: 400_000 }, { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    // The pool is still usable.
    expect((await pool.portfolio({ members: members().slice(0, 1), iterations: 5_000 })).total!.deals).toBe(1);
  });

  it('refuses a run larger than a portfolio holds, naming how many iterations per deal fit', async () => {
    const list = Array.from({ length: 15 }, (_, place) => ({ deal: exampleDeal('pharma-licence'), party: 'licensor', place }));
    await expect(pool.portfolio({ members: list, iterations: 2_000_000 })).rejects.toThrow(/at most 1,333,333 per deal/);
  });
});
