/**
 * Exact run statistics from shards that keep their samples (see shard.ts):
 * mean from per-block sums; sd from per-block squared deviations combined
 * in block order (Chan et al.'s pairwise update, no cancellation);
 * P(NPV >= walk-away) from counts; the display histogram from fine bin
 * counts; type-7 quantiles by distributed selection: bin counts narrow each
 * wanted rank to one bin, bins holding many values are narrowed again, and
 * the few values left are fetched and selected here. Each round is one
 * message per shard, and the shards make their passes in parallel.
 *
 * Sums are added in block order, counts are exact, and an order statistic is
 * a value, so any split of a run between shards gives identical results.
 *
 * Intentionally has no platform imports.
 */
import type { CompiledDeal } from './kernel';
import { CURVE_LEVELS, type CashFlowFan, type ConditionalValuation, type DistributionCurve, type Histogram, type NpvStats, type PartyValuation, type ValuationResult } from './results';
import { populationIndex, type Binning, type PopulationRole, type ShardSummary, type StatAnswer, type StatQuery } from './shard';
import { orderStatisticsInPlace } from './select';
import { HISTOGRAM_BINS } from './statistics';

/** One shard as the merge sees it: its first summary, and a way to ask it questions. */
export interface ShardHandle {
  summary: ShardSummary;
  ask(queries: StatQuery[]): Promise<StatAnswer[]>;
}

/** Fine bins per display-histogram bin: the first round's bins serve both the histogram and the selection. */
const FINE_PER_BIN = 128;
const FINE_BINS = HISTOGRAM_BINS * FINE_PER_BIN;
/** The most values fetched for a final selection; larger bins are narrowed again. */
const FETCH_LIMIT = 65_536;
/** After this many rounds the remaining values are fetched whatever their number (pathologically spread values). */
const MAX_ROUNDS = 12;

const QUANTILE_PS = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/** Queries gathered for one round: every shard gets the same list, and each query's answers (one per shard) go to its handler. */
class Round {
  private readonly queries: StatQuery[] = [];
  private readonly handlers: ((answers: StatAnswer[]) => void)[] = [];

  add<K extends StatQuery['kind']>(query: StatQuery & { kind: K }, handler: (answers: (StatAnswer & { kind: K })[]) => void): void {
    this.queries.push(query);
    this.handlers.push(handler as (answers: StatAnswer[]) => void);
  }

  get empty(): boolean {
    return this.queries.length === 0;
  }

  async run(shards: readonly ShardHandle[]): Promise<void> {
    const answers = await Promise.all(shards.map((s) => s.ask(this.queries)));
    this.handlers.forEach((handle, i) => handle(answers.map((a) => a[i]!)));
  }
}

interface Population {
  index: number;
  role: PopulationRole;
  count: number;
  min: number;
  max: number;
  atLeast: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  squares: number;
  histogram?: Histogram;
  /** Order statistics found so far, by rank. */
  ranks: Map<number, number>;
}

/** One bin of a binning, known to hold the order statistics `ranks`, with `below` values under it. */
interface Target {
  population: Population;
  binning: Binning;
  bin: number;
  /** The smallest and largest value in the bin. */
  lo: number;
  hi: number;
  below: number;
  count: number;
  ranks: number[];
}

/** What merging needs of the deal: no kernel (a run is planned without compiling on the host thread). */
export type DealShape = Pick<CompiledDeal, 'partyIds' | 'walkAway' | 'periods' | 'conditionSeries'>;

/** Builds the result of a complete run from its shards (any number, any split). */
export async function summariseShards(
  c: DealShape,
  handles: readonly ShardHandle[],
  meta: { scenario: string; iterations: number; seed: number; elapsedMs: number; headBlocks?: number },
): Promise<ValuationResult> {
  const shards = [...handles].sort((a, b) => a.summary.firstBlock - b.summary.firstBlock);
  const nP = c.partyIds.length;
  const n = shards.reduce((s, x) => s + x.summary.iterations, 0);
  const conditioned = c.conditionSeries !== null;
  const headBlocks = shards[0]?.summary.headBlocks ?? 0;
  const roles: PopulationRole[] = ['party', ...(conditioned ? (['conditional'] as const) : []), ...(headBlocks > 0 ? (['head'] as const) : [])];
  const populations = roles.flatMap((role) => c.partyIds.map((_, p) => mergeSummaries(shards, populationIndex(role, p, nP, conditioned), role)));

  const round = new Round();
  const targets: Target[] = [];
  for (const pop of populations) if (pop.count > 0) firstRound(round, pop, targets);
  await selectRanks(round, targets, shards);

  const parties: Record<string, PartyValuation> = {};
  c.partyIds.forEach((id, p) => {
    const pop = populations[p]!;
    parties[id] = {
      npv: npvStatsOf(pop),
      pAboveWalkAway: pop.atLeast / n,
      histogram: { ...(pop.histogram ?? { edges: [], counts: [] }), curve: curveOf(pop, c.walkAway[p]!) },
      fan: fanOf(shards, p, nP, c.periods, n),
    };
  });
  const all = shards.reduce((s, x) => s + x.summary.allAtLeastWalkAway, 0);
  const result: ValuationResult = {
    scenario: meta.scenario,
    iterations: n,
    seed: meta.seed,
    elapsedMs: meta.elapsedMs,
    parties,
    pAllAboveWalkAway: all / n,
  };
  if (c.conditionSeries !== null) {
    const m = shards.reduce((s, x) => s + x.summary.conditionCount, 0);
    const conditional: ConditionalValuation['parties'] = {};
    c.partyIds.forEach((id, p) => {
      const pop = populations[populationIndex('conditional', p, nP, conditioned)]!;
      conditional[id] = { npv: npvStatsOf(pop), pAboveWalkAway: m > 0 ? pop.atLeast / m : NaN };
    });
    result.conditional = { series: c.conditionSeries, probability: m / n, iterations: m, parties: conditional };
  }
  if (headBlocks > 0) result.head = headOf(c, shards, populations, parties, meta, headBlocks);
  return result;
}

/** The run's head as the result a preview at its size gives: statistics of the head populations, the same fan percentiles (the fan sample lies in the head), the head's own per-period means. */
function headOf(
  c: DealShape,
  shards: readonly ShardHandle[],
  populations: readonly Population[],
  parties: Record<string, PartyValuation>,
  meta: { scenario: string; seed: number; elapsedMs: number },
  headBlocks: number,
): ValuationResult {
  const nP = c.partyIds.length;
  const conditioned = c.conditionSeries !== null;
  const first = populations[populationIndex('head', 0, nP, conditioned)]!;
  const m = first.count;
  const headParties: Record<string, PartyValuation> = {};
  c.partyIds.forEach((id, p) => {
    const pop = populations[populationIndex('head', p, nP, conditioned)]!;
    const full = parties[id]!.fan;
    headParties[id] = {
      npv: npvStatsOf(pop),
      pAboveWalkAway: pop.atLeast / m,
      histogram: { edges: [], counts: [], curve: curveOf(pop, c.walkAway[p]!) },
      fan: { p10: full.p10, p50: full.p50, p90: full.p90, mean: fanMeanOf(shards, p, nP, c.periods, m, headBlocks) },
    };
  });
  const all = shards.reduce((s, x) => s + x.summary.headAllAtLeastWalkAway, 0);
  return { scenario: meta.scenario, iterations: m, seed: meta.seed, elapsedMs: meta.elapsedMs, parties: headParties, pAllAboveWalkAway: all / m };
}

/** Count, mean and squared deviations from the mean of one population over shards' summaries, blocks in order (any split gives the same). */
export function momentsOf(summaries: readonly ShardSummary[], population: number): { count: number; mean: number; squares: number } {
  const ordered = [...summaries].sort((a, b) => a.firstBlock - b.firstBlock);
  let total = 0;
  // Chan, Golub and LeVeque's update, block by block in block order.
  let m = 0;
  let runningMean = 0;
  let squares = 0;
  for (const summary of ordered) {
    const p = summary.populations[population]!;
    for (let b = 0; b < p.blockCounts.length; b++) {
      const nb = p.blockCounts[b]!;
      if (nb === 0) continue;
      total += p.blockSums[b]!;
      const meanB = p.blockSums[b]! / nb;
      const delta = meanB - runningMean;
      const next = m + nb;
      runningMean += (delta * nb) / next;
      squares += p.blockSquares[b]! + (delta * delta * m * nb) / next;
      m = next;
    }
  }
  return { count: m, mean: m > 0 ? total / m : NaN, squares };
}

/** Count, extremes, walk-away count, mean and squared deviations of one population over all shards. */
function mergeSummaries(shards: readonly ShardHandle[], index: number, role: PopulationRole): Population {
  let min = Infinity;
  let max = -Infinity;
  let atLeast = 0;
  for (const shard of shards) {
    const p = shard.summary.populations[index]!;
    min = Math.min(min, p.min);
    max = Math.max(max, p.max);
    atLeast += p.atLeastWalkAway;
  }
  const { count, mean, squares } = momentsOf(
    shards.map((s) => s.summary),
    index,
  );
  return { index, role, count, min, max, atLeast, mean, squares, ranks: new Map() };
}

/** The ranks type-7 interpolation reads for the reported quantiles (and, for a party, every level of its curve). */
function wantedRanks(count: number, withCurve: boolean): number[] {
  const set = new Set<number>();
  for (const p of withCurve ? [...QUANTILE_PS, ...CURVE_LEVELS] : QUANTILE_PS) {
    const h = (count - 1) * p;
    set.add(Math.floor(h));
    set.add(Math.min(count - 1, Math.floor(h) + 1));
  }
  return [...set].sort((a, b) => a - b);
}

/** The type-7 quantile at p of a population whose order statistics at the needed ranks are known. */
function quantileOf(pop: Population, p: number): number {
  const n = pop.count;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const f = Math.floor(h);
  const lo = pop.ranks.get(f)!;
  return lo + (h - f) * (pop.ranks.get(Math.min(n - 1, f + 1))! - lo);
}

/** A party's distribution curve: the same order statistics as its P10/P50/P90, and the walk-away count of its card. */
function curveOf(pop: Population, walkAway: number): DistributionCurve {
  const n = pop.count;
  return { values: CURVE_LEVELS.map((p) => quantileOf(pop, p)), walkAway: { value: walkAway, below: n > 0 ? (n - pop.atLeast) / n : NaN } };
}

/** A binning of [lo, hi] into `bins`, or null when the range is too narrow or too wide to bin in floating point. */
function binningOf(population: number, lo: number, hi: number, bins: number): Binning | null {
  const scale = bins / (hi - lo);
  return scale > 0 && Number.isFinite(scale) ? { population, lo, hi, scale, bins } : null;
}

/** Bin j of a value under a binning (the shards' rule, for values fetched here). */
function binOf(v: number, b: Binning): number {
  const f = Math.floor((v - b.lo) * b.scale);
  return f < b.bins - 1 ? f : b.bins - 1;
}

/** The first question about a population: its fine bins (display histogram and first narrowing), or all its values when few. */
function firstRound(round: Round, pop: Population, targets: Target[]): void {
  const ranks = wantedRanks(pop.count, pop.role !== 'conditional');
  if (pop.min === pop.max) {
    for (const r of ranks) pop.ranks.set(r, pop.min);
    if (pop.role === 'party') pop.histogram = { edges: [pop.min - 0.5, pop.max + 0.5], counts: [pop.count] };
    return;
  }
  const fine = binningOf(pop.index, pop.min, pop.max, FINE_BINS);
  const histogram = pop.role === 'party' ? emptyHistogram(pop.min, pop.max) : undefined;
  pop.histogram = histogram;
  if (!fine || pop.count <= FETCH_LIMIT) {
    const all: Binning = { population: pop.index, lo: pop.min, hi: pop.max, scale: 0, bins: 1 };
    round.add({ kind: 'values', ...all, wanted: [0], capacity: [pop.count] }, (answers) => {
      const parts = answers.map((a) => a.values[0]!);
      if (histogram) for (const values of parts) for (let i = 0; i < values.length; i++) histogram.counts[fine ? Math.floor(binOf(values[i]!, fine) / FINE_PER_BIN) : 0]!++;
      for (const [r, v] of select(parts, ranks)) pop.ranks.set(r, v);
    });
    return;
  }
  round.add({ kind: 'bins', ...fine }, (answers) => {
    const merged = mergeBins(answers, fine.bins);
    if (histogram) for (let j = 0; j < fine.bins; j++) histogram.counts[Math.floor(j / FINE_PER_BIN)]! += merged.counts[j]!;
    targetsOf(pop, fine, merged, 0, ranks, targets);
  });
}

/** Runs the first round, then narrows its targets round by round until every wanted order statistic is known. */
async function selectRanks(first: Round, firstTargets: Target[], shards: readonly ShardHandle[]): Promise<void> {
  if (!first.empty) await first.run(shards);
  let pending = firstTargets;
  for (let r = 1; pending.length > 0; r++) {
    const next: Target[] = [];
    const round = new Round();
    // Targets fetched from the same binning share one query.
    const fetches = new Map<Binning, Target[]>();
    for (const t of pending) {
      if (t.lo === t.hi) {
        for (const rank of t.ranks) t.population.ranks.set(rank, t.lo);
        continue;
      }
      const finer = t.count > FETCH_LIMIT && r < MAX_ROUNDS ? binningOf(t.population.index, t.lo, t.hi, FINE_BINS) : null;
      if (finer) {
        round.add({ kind: 'bins', ...finer }, (answers) => targetsOf(t.population, finer, mergeBins(answers, finer.bins), t.below, t.ranks, next));
      } else {
        const group = fetches.get(t.binning);
        if (group) group.push(t);
        else fetches.set(t.binning, [t]);
      }
    }
    for (const [binning, group] of fetches) {
      round.add({ kind: 'values', ...binning, wanted: group.map((t) => t.bin), capacity: group.map((t) => t.count) }, (answers) => {
        group.forEach((t, slot) => {
          const at = select(
            answers.map((a) => a.values[slot]!),
            t.ranks.map((rank) => rank - t.below),
          );
          for (const rank of t.ranks) t.population.ranks.set(rank, at.get(rank - t.below)!);
        });
      });
    }
    if (round.empty) return;
    await round.run(shards);
    pending = next;
  }
}

function mergeBins(answers: readonly (StatAnswer & { kind: 'bins' })[], bins: number): { counts: Float64Array; mins: Float64Array; maxs: Float64Array } {
  const counts = new Float64Array(bins);
  const mins = new Float64Array(bins).fill(Infinity);
  const maxs = new Float64Array(bins).fill(-Infinity);
  for (const a of answers) {
    for (let j = 0; j < bins; j++) {
      counts[j]! += a.counts[j]!;
      if (a.mins[j]! < mins[j]!) mins[j] = a.mins[j]!;
      if (a.maxs[j]! > maxs[j]!) maxs[j] = a.maxs[j]!;
    }
  }
  return { counts, mins, maxs };
}

/** Which bin holds each wanted rank: one target per bin (ranks ascend, so a bin's ranks are consecutive). */
function targetsOf(
  population: Population,
  binning: Binning,
  merged: { counts: Float64Array; mins: Float64Array; maxs: Float64Array },
  below: number,
  ranks: readonly number[],
  out: Target[],
): void {
  let cum = below;
  let j = 0;
  let current = null as Target | null;
  for (const r of ranks) {
    while (r >= cum + merged.counts[j]!) cum += merged.counts[j++]!;
    if (current !== null && current.bin === j) current.ranks.push(r);
    else {
      current = { population, binning, bin: j, lo: merged.mins[j]!, hi: merged.maxs[j]!, below: cum, count: merged.counts[j]!, ranks: [r] };
      out.push(current);
    }
  }
}

function emptyHistogram(min: number, max: number): Histogram {
  const bins = HISTOGRAM_BINS;
  const width = (max - min) / bins;
  // (A range wider than the largest double, e.g. -1e308..1e308, is interpolated without overflowing.)
  const edge = (i: number) => (i === 0 ? min : i === bins ? max : Number.isFinite(width) ? min + i * width : (1 - i / bins) * min + (i / bins) * max);
  return { edges: Array.from({ length: bins + 1 }, (_, i) => edge(i)), counts: new Array<number>(bins).fill(0) };
}

/** Mean, sd (n - 1), se and type-7 quantiles of a population whose wanted order statistics are known. */
function npvStatsOf(pop: Population): NpvStats {
  const n = pop.count;
  const sd = n > 1 ? Math.sqrt(pop.squares / (n - 1)) : 0;
  const q = QUANTILE_PS.map((p) => quantileOf(pop, p));
  const [p5, p10, p50, p90, p95] = q as [number, number, number, number, number];
  return { mean: pop.mean, sd, se: n > 0 ? sd / Math.sqrt(n) : NaN, p5, p10, p50, p90, p95 };
}

/** The values at `ranks` (ascending, relative to the arrays' union) by selection on a fresh copy. */
function select(arrays: readonly Float64Array[], ranks: readonly number[]): Map<number, number> {
  return orderStatisticsInPlace(concat(arrays), [...ranks]);
}

function concat(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((s, a) => s + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/** Per-period mean of one party's nominal flows over the first `blocks` blocks of the run (all of them by default), from block sums in block order. */
function fanMeanOf(shards: readonly ShardHandle[], party: number, nParties: number, P: number, iterations: number, blocks = Infinity): number[] {
  const mean = new Array<number>(P).fill(0);
  for (const shard of shards) {
    const sums = shard.summary.flowSums;
    for (let b = 0; b < shard.summary.blocks && shard.summary.firstBlock + b < blocks; b++) {
      const base = (b * nParties + party) * P;
      for (let t = 0; t < P; t++) mean[t]! += sums[base + t]!;
    }
  }
  for (let t = 0; t < P; t++) mean[t] = mean[t]! / iterations;
  return mean;
}

/** Per-period mean (all iterations) and P10/P50/P90 (the fan sample, from the shard holding it) of one party's nominal flows. */
function fanOf(shards: readonly ShardHandle[], party: number, nParties: number, P: number, iterations: number): CashFlowFan {
  const mean = fanMeanOf(shards, party, nParties, P, iterations);
  const fan = shards.find((s) => s.summary.fan !== null)?.summary.fan;
  const row = (a: Float64Array | undefined) => (a ? Array.from(a.subarray(party * P, (party + 1) * P)) : new Array<number>(P).fill(NaN));
  return { p10: row(fan?.p10), p50: row(fan?.p50), p90: row(fan?.p90), mean };
}
