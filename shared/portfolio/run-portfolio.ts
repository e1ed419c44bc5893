/**
 * What a runner does around the portfolio jobs, whatever executes them: plan
 * each deal (its position applied, our party found, its stream's seed),
 * compile it where the runner compiles, run one portfolio job per range of blocks, and merge the shards' answers into
 * each deal's statistics and the total's, exactly as a lone valuation merges
 * its shards (statistics-merge.ts). A deal that fails at run time is reported
 * with its problems and the portfolio is valued again without it, so the
 * total is always the sum of the same deals in every iteration.
 *
 * Intentionally has no platform imports.
 */
import { explainFault } from '../engine/fault';
import type { CompiledDeal, KernelSpec } from '../engine/kernel';
import { checkIterations } from '../engine/run-plan';
import { resolveScenario } from '../engine/sensitivity';
import type { StatAnswer, StatQuery } from '../engine/shard';
import { EngineError, KernelFault } from '../engine/simulate';
import { momentsOf, summariseShards, type DealShape, type ShardHandle } from '../engine/statistics-merge';
import type { Deal } from '../model/schema';
import { PORTFOLIO_LIMITS } from './limits';
import { memberSeed } from './seeds';
import { totalPopulation, type PortfolioJob, type PortfolioJobMember, type PortfolioOutput } from './portfolio-job';
import type { MemberValuation, PortfolioTotal, PortfolioValuationRequest, PortfolioValuationResult } from './valuation';

interface PlannedMember {
  place: number;
  /** The deal with its position applied (what the kernel is compiled from). */
  deal: Deal;
  position: string;
  partyId: string;
  partyIndex: number;
  walkAway: number;
  seed: number;
}

export interface PortfolioPlan {
  iterations: number;
  members: PlannedMember[];
  /** Deals that cannot be valued at all (unknown position or party), with why. */
  failed: MemberValuation[];
}

/** Resolves each deal's position and our party; checks the run's size (errors as EngineError with paths). */
export function planPortfolio(request: PortfolioValuationRequest): PortfolioPlan {
  const iterations = request.iterations ?? Math.max(1, ...request.members.map((m) => m.deal.simulation.iterations));
  checkIterations(iterations);
  if (request.members.length * iterations > PORTFOLIO_LIMITS.maxTotalIterations) {
    const most = Math.floor(PORTFOLIO_LIMITS.maxTotalIterations / Math.max(1, request.members.length));
    throw new EngineError([
      {
        path: 'iterations',
        message: `${request.members.length} deals at ${iterations.toLocaleString('en-US')} iterations each is more than a portfolio run holds (${PORTFOLIO_LIMITS.maxTotalIterations.toLocaleString('en-US')} in all); use at most ${most.toLocaleString('en-US')} per deal`,
      },
    ]);
  }
  const members: PlannedMember[] = [];
  const failed: MemberValuation[] = [];
  for (const m of request.members) {
    const partyIndex = m.deal.parties.findIndex((p) => p.id === m.party);
    if (partyIndex < 0) {
      failed.push({ place: m.place, ok: false, problems: [{ path: 'party', message: `the deal has no party "${m.party}" (its parties: ${m.deal.parties.map((p) => p.id).join(', ')})` }] });
      continue;
    }
    let resolved: { deal: Deal; scenario: string };
    try {
      resolved = resolveScenario(m.deal, m.position);
    } catch (err) {
      const problems = err instanceof EngineError ? err.problems.map((p) => ({ ...p, path: 'position' })) : [{ path: 'position', message: String(err) }];
      failed.push({ place: m.place, ok: false, problems });
      continue;
    }
    members.push({
      place: m.place,
      deal: resolved.deal,
      position: resolved.scenario,
      partyId: m.party,
      partyIndex,
      walkAway: resolved.deal.parties[partyIndex]!.walkAway,
      seed: memberSeed(m.deal.simulation.seed, m.place),
    });
  }
  return { iterations, members, failed };
}

type CompiledMember = PlannedMember & { kernel: KernelSpec | CompiledDeal };

export function jobTemplate(members: readonly CompiledMember[]): Omit<PortfolioJob, 'range'> {
  return {
    kind: 'portfolio',
    members: members.map((m): PortfolioJobMember => ({ simulate: { kernel: m.kernel }, seed: m.seed, party: m.partyIndex, walkAway: m.walkAway })),
  };
}

/** Compiles a deal where the runner compiles (problems as an EngineError). */
export type PortfolioCompile = (deal: Deal) => Promise<KernelSpec | CompiledDeal>;

/** Runs `template` over every block of `iterations` and lets `finish` merge its outputs, asking the shard behind output i. */
export type PortfolioExecute = <T>(
  template: Omit<PortfolioJob, 'range'>,
  iterations: number,
  finish: (outputs: PortfolioOutput[], ask: (index: number, queries: StatQuery[]) => Promise<StatAnswer[]>) => Promise<T>,
) => Promise<T>;

type Attempt = { kind: 'retry'; failed: MemberValuation[] } | { kind: 'done'; members: MemberValuation[]; total: PortfolioTotal };

/** Compiles, values the planned deals (again without any that fail at run time) and merges the results. */
export async function runPortfolio(plan: PortfolioPlan, execute: PortfolioExecute, compile: PortfolioCompile): Promise<Omit<PortfolioValuationResult, 'elapsedMs'>> {
  const failed = [...plan.failed];
  let active: CompiledMember[] = [];
  for (const m of plan.members) {
    try {
      active.push({ ...m, kernel: await compile(m.deal) });
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      failed.push({ place: m.place, ok: false, problems: err.problems });
    }
  }
  const inOrder = (list: MemberValuation[]) => [...list].sort((a, b) => a.place - b.place);
  for (;;) {
    if (active.length === 0) return { iterations: plan.iterations, members: inOrder(failed), total: null };
    const current = active;
    const attempt = await execute<Attempt>(jobTemplate(current), plan.iterations, async (outputs, ask) => {
      const failures = runtimeFailures(current, outputs, plan.iterations);
      if (failures.length > 0) return { kind: 'retry', failed: failures };
      return { kind: 'done', ...(await mergePortfolio(current, outputs, ask, plan.iterations)) };
    });
    if (attempt.kind === 'done') return { iterations: plan.iterations, members: inOrder([...failed, ...attempt.members]), total: attempt.total };
    failed.push(...attempt.failed);
    const out = new Set(attempt.failed.map((f) => f.place));
    active = active.filter((m) => !out.has(m.place));
  }
}

/** Members that failed in any range, with the problems of the first range that said why (a kernel fault explained here). */
function runtimeFailures(members: readonly CompiledMember[], outputs: readonly PortfolioOutput[], iterations: number): MemberValuation[] {
  const out: MemberValuation[] = [];
  members.forEach((m, i) => {
    for (const o of [...outputs].sort((a, b) => a.firstBlock - b.firstBlock)) {
      const result = o.members[i];
      if (!result || result.ok) continue;
      const problems = 'fault' in result ? explainFault(new KernelFault(result.fault.block, -1), { deal: m.deal, kernel: m.kernel, iterations, seed: m.seed }).problems : result.problems;
      out.push({ place: m.place, ok: false, problems });
      return;
    }
  });
  return out;
}

async function mergePortfolio(
  members: readonly PlannedMember[],
  outputs: readonly PortfolioOutput[],
  ask: (index: number, queries: StatQuery[]) => Promise<StatAnswer[]>,
  iterations: number,
): Promise<{ members: MemberValuation[]; total: PortfolioTotal }> {
  const readdress = (i: number, population: number) => (queries: StatQuery[]) => ask(i, queries.map((q) => ({ ...q, population })));
  const memberSummary = (o: PortfolioOutput, m: number) => {
    const r = o.members[m];
    if (!r?.ok) throw new Error('a portfolio member has no summary');
    return r.summary;
  };
  const totals = outputs.map((o) => {
    if (!o.total) throw new Error('a portfolio range has no total');
    return o.total;
  });
  const totalHandles: ShardHandle[] = outputs.map((o, i) => ({ summary: totals[i]!, ask: readdress(i, totalPopulation(o.members.length)) }));
  const walkAway = members.reduce((s, m) => s + m.walkAway, 0);
  const totalShape: DealShape = { partyIds: ['total'], walkAway: [walkAway], periods: 0, conditionSeries: null };
  const [totalResult, ...memberResults] = await Promise.all([
    summariseShards(totalShape, totalHandles, { scenario: '', iterations, seed: 0, elapsedMs: 0 }),
    ...members.map((m, j) => {
      const shape: DealShape = { partyIds: [m.partyId], walkAway: [m.walkAway], periods: m.deal.timeline.periods, conditionSeries: null };
      const handles: ShardHandle[] = outputs.map((o, i) => ({ summary: memberSummary(o, j), ask: readdress(i, j) }));
      return summariseShards(shape, handles, { scenario: m.position, iterations, seed: m.seed, elapsedMs: 0 });
    }),
  ]);
  const squares = momentsOf(totals, 0).squares;
  const total = totalResult!.parties.total!;
  return {
    total: { npv: total.npv, walkAway, pAboveWalkAways: total.pAboveWalkAway, histogram: total.histogram, deals: members.length },
    members: members.map((m, j): MemberValuation => {
      const party = memberResults[j]!.parties[m.partyId]!;
      const covariance = coMoment(outputs, j);
      return {
        place: m.place,
        ok: true,
        position: m.position,
        party: m.partyId,
        seed: m.seed,
        npv: party.npv,
        walkAway: m.walkAway,
        pAboveWalkAway: party.pAboveWalkAway,
        flows: party.fan.mean,
        riskShare: squares > 0 ? covariance / squares : 1 / members.length,
      };
    }),
  };
}

/**
 * Σ (x - x̄)(T - T̄) over every iteration, x member j's NPV and T the total: the ranges' per-block
 * co-deviations combined in block order with Chan et al.'s pairwise update (as squared deviations are
 * in statistics-merge.ts), so any split between workers gives the same number.
 */
function coMoment(outputs: readonly PortfolioOutput[], j: number): number {
  let count = 0;
  let xMean = 0;
  let tMean = 0;
  let c = 0;
  for (const o of [...outputs].sort((a, b) => a.firstBlock - b.firstBlock)) {
    const member = o.members[j];
    if (!member?.ok || !o.total) continue;
    const x = member.summary.populations[0]!;
    const t = o.total.populations[0]!;
    const m = o.members.length;
    for (let b = 0; b < o.blocks; b++) {
      const nb = x.blockCounts[b]!;
      if (nb === 0) continue;
      const dx = x.blockSums[b]! / nb - xMean;
      const dt = t.blockSums[b]! / nb - tMean;
      const next = count + nb;
      c += o.cross[b * m + j]! + (dx * dt * count * nb) / next;
      xMean += (dx * nb) / next;
      tMean += (dt * nb) / next;
      count = next;
    }
  }
  return c;
}
