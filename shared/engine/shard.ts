/**
 * A shard is what one range of blocks leaves behind after simulating: the
 * NPV of every iteration, kept where it was computed (a worker thread, or
 * this thread in process). Only summaries leave it: a first summary with the
 * simulation (per-block counts, sums and squared deviations, extremes,
 * walk-away counts, made block by block while each block is still in cache),
 * then answers to statistic queries (bin counts over a range, the values of a
 * few bins). statistics-merge.ts turns the answers of all shards into exact
 * run statistics, so no sample array crosses a thread boundary and the
 * shards do their passes in parallel.
 *
 * Everything is made per block or per bin and merged in block order, so any
 * split of a run between shards gives identical numbers.
 *
 * Intentionally has no platform imports.
 */
import type { CompiledDeal } from './kernel';
import { clearBelow, countAtLeast, countSet, minMax, squaredDeviations, sum } from './array-stats';
import { orderStatisticsInPlace } from './select';
import type { SimulationPart } from './simulate';

/**
 * A population is a set of NPVs the statistics are asked of: party p's NPV
 * over all iterations (population p); when the run is conditioned on a
 * series, party p's NPV over the iterations where it held (population
 * parties + p); when the run reports its head (the first blocks, exactly what
 * a preview at that count values), party p's NPV over those (after the
 * conditional ones). `populationIndex` is the one place that layout is written.
 */
export type PopulationRole = 'party' | 'conditional' | 'head';

export function populationIndex(role: PopulationRole, party: number, nParties: number, conditioned: boolean): number {
  if (role === 'party') return party;
  if (role === 'conditional') return nParties + party;
  return (conditioned ? 2 : 1) * nParties + party;
}
export interface PopulationSummary {
  count: number;
  /** Smallest and largest value (Infinity / -Infinity when empty). */
  min: number;
  max: number;
  /** Values >= the party's walk-away. */
  atLeastWalkAway: number;
  /** Per block of the shard, in block order: how many values, their sum, and their squared deviations from the block's own mean. */
  blockCounts: Float64Array;
  blockSums: Float64Array;
  blockSquares: Float64Array;
}

/** The first summary of a shard: everything except order statistics and bin counts. */
export interface ShardSummary {
  firstBlock: number;
  blocks: number;
  iterations: number;
  populations: PopulationSummary[];
  /** Iterations in which every party's NPV is >= its walk-away. */
  allAtLeastWalkAway: number;
  /** Iterations in which the condition series held (0 when the run is not conditioned). */
  conditionCount: number;
  /** Blocks of the run's head (0 when not asked for), and the head's iterations in this shard where every party is at or above its walk-away. */
  headBlocks: number;
  headAllAtLeastWalkAway: number;
  /** [block][party][period] sums of nominal flows. */
  flowSums: Float64Array;
  /** Per-period P10/P50/P90 of each party's nominal flows over the fan sample, [party][period]; only in the shard holding block 0. */
  fan: FanQuantiles | null;
}

export interface FanQuantiles {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

/**
 * A binning of one population's values in [lo, hi]: bin j = min(bins - 1,
 * floor((v - lo) * scale)). Monotone in v, so every bin is an interval.
 */
export interface Binning {
  population: number;
  lo: number;
  hi: number;
  scale: number;
  bins: number;
}

/** A question to a shard. */
export type StatQuery =
  /** Count, minimum and maximum of each bin. */
  | ({ kind: 'bins' } & Binning)
  /** The values in the wanted bins (one array per wanted bin; `capacity` bounds each, across all shards). */
  | ({ kind: 'values'; wanted: number[]; capacity: number[] } & Binning);

export type StatAnswer = { kind: 'bins'; counts: Float64Array; mins: Float64Array; maxs: Float64Array } | { kind: 'values'; values: Float64Array[] };

/** The samples a shard keeps. */
export interface Shard {
  summary: ShardSummary;
  /** Per population, in iteration order. */
  values: Float64Array[];
}

/**
 * Collects a shard while its range is simulated: `addBlock` right after the
 * kernel has written a block (its NPVs still in cache), `finish` at the end.
 */
export class ShardBuilder {
  private readonly nP: number;
  private readonly walkAway: number[];
  private readonly populations: PopulationSummary[];
  private readonly conditionValues: Float64Array[];
  private conditionCount = 0;
  private allAtLeast = 0;
  private readonly headValues: Float64Array[];
  private headCount = 0;
  private headAllAtLeast = 0;
  private readonly conditioned: boolean;
  private every: Uint8Array;
  private condScratch: Float64Array;

  constructor(
    compiled: CompiledDeal,
    private readonly firstBlock: number,
    private readonly blocks: number,
    private readonly iterations: number,
    /** The run's head: its first `headBlocks` blocks (0 for none), `headSize` iterations of which fall in this shard. */
    private readonly headBlocks = 0,
    headSize = 0,
  ) {
    this.nP = compiled.partyIds.length;
    this.walkAway = compiled.walkAway;
    const conditioned = compiled.conditionSeries !== null;
    this.conditioned = conditioned;
    const count = (1 + (conditioned ? 1 : 0) + (headBlocks > 0 ? 1 : 0)) * this.nP;
    this.populations = Array.from({ length: count }, () => ({
      count: 0,
      min: Infinity,
      max: -Infinity,
      atLeastWalkAway: 0,
      blockCounts: new Float64Array(blocks),
      blockSums: new Float64Array(blocks),
      blockSquares: new Float64Array(blocks),
    }));
    this.conditionValues = conditioned ? Array.from({ length: this.nP }, () => new Float64Array(iterations)) : [];
    this.headValues = headBlocks > 0 ? Array.from({ length: this.nP }, () => new Float64Array(headSize)) : [];
    this.every = new Uint8Array(0);
    this.condScratch = new Float64Array(0);
  }

  /** Takes in block `index` of the range (0-based): its NPVs per party and, when conditioning, its condition flags. */
  addBlock(index: number, npv: readonly Float64Array[], cond: Uint8Array | null, n: number): void {
    if (this.every.length < n) {
      this.every = new Uint8Array(n);
      this.condScratch = new Float64Array(n);
    }
    const every = this.every.subarray(0, n).fill(1);
    for (let p = 0; p < this.nP; p++) {
      const values = npv[p]!.subarray(0, n);
      this.addTo(p, index, values);
      clearBelow(values, this.walkAway[p]!, every);
    }
    const all = countSet(every);
    this.allAtLeast += all;
    if (this.firstBlock + index < this.headBlocks) {
      for (let p = 0; p < this.nP; p++) {
        const target = this.headValues[p]!.subarray(this.headCount, this.headCount + n);
        target.set(npv[p]!.subarray(0, n));
        this.addTo(populationIndex('head', p, this.nP, this.conditioned), index, target);
      }
      this.headCount += n;
      this.headAllAtLeast += all;
    }
    if (cond) {
      const start = this.conditionCount;
      const m = countSet(cond.subarray(0, n));
      for (let p = 0; p < this.nP; p++) {
        const target = this.conditionValues[p]!.subarray(start, start + m);
        compact(npv[p]!, cond, n, target);
        this.addTo(populationIndex('conditional', p, this.nP, this.conditioned), index, target);
      }
      this.conditionCount += m;
    }
  }

  private addTo(population: number, index: number, values: Float64Array): void {
    const s = this.populations[population]!;
    const n = values.length;
    s.count += n;
    s.blockCounts[index] = n;
    if (n === 0) return;
    const total = sum(values);
    s.blockSums[index] = total;
    s.blockSquares[index] = squaredDeviations(values, total / n);
    const [min, max] = minMax(values);
    if (min < s.min) s.min = min;
    if (max > s.max) s.max = max;
    s.atLeastWalkAway += countAtLeast(values, this.walkAway[population % this.nP]!);
  }

  finish(part: SimulationPart, periods: number): Shard {
    const values = [...part.npv, ...this.conditionValues.map((v) => v.subarray(0, this.conditionCount)), ...this.headValues];
    return {
      summary: {
        firstBlock: this.firstBlock,
        blocks: this.blocks,
        iterations: this.iterations,
        populations: this.populations,
        allAtLeastWalkAway: this.allAtLeast,
        conditionCount: this.conditionCount,
        headBlocks: this.headBlocks,
        headAllAtLeastWalkAway: this.headAllAtLeast,
        flowSums: part.blockSums,
        fan: part.fanFlows.length > 0 ? fanQuantiles(part.fanFlows, this.nP, periods) : null,
      },
      values,
    };
  }
}

/** Answers queries about a shard's populations. */
export function answerQueries(shard: Shard, queries: readonly StatQuery[]): StatAnswer[] {
  return queries.map((q): StatAnswer => {
    const values = shard.values[q.population];
    if (!values) throw new Error(`no population ${q.population} in this shard`);
    if (q.kind === 'bins') {
      const counts = new Float64Array(q.bins);
      const mins = new Float64Array(q.bins).fill(Infinity);
      const maxs = new Float64Array(q.bins).fill(-Infinity);
      binStats(values, q.lo, q.hi, q.scale, q.bins, counts, mins, maxs);
      return { kind: 'bins', counts, mins, maxs };
    }
    const slotOf = new Int32Array(q.bins).fill(-1);
    const out = q.wanted.map((bin, slot) => {
      slotOf[bin] = slot;
      return new Float64Array(q.capacity[slot]!);
    });
    const filled = new Uint32Array(out.length);
    collectBins(values, q.lo, q.hi, q.scale, q.bins, slotOf, out, filled);
    return { kind: 'values', values: out.map((a, slot) => a.slice(0, filled[slot]!)) };
  });
}

/** Buffers of a summary or of answers, for transfer between threads without copying. */
export function summaryBuffers(summary: ShardSummary): ArrayBuffer[] {
  const list: ArrayBufferLike[] = [summary.flowSums.buffer];
  if (summary.fan) list.push(summary.fan.p10.buffer, summary.fan.p50.buffer, summary.fan.p90.buffer);
  for (const p of summary.populations) list.push(p.blockCounts.buffer, p.blockSums.buffer, p.blockSquares.buffer);
  return list as ArrayBuffer[];
}

export function answerBuffers(answers: readonly StatAnswer[]): ArrayBuffer[] {
  const list: ArrayBufferLike[] = [];
  for (const a of answers) {
    if (a.kind === 'bins') list.push(a.counts.buffer, a.mins.buffer, a.maxs.buffer);
    else for (const v of a.values) list.push(v.buffer);
  }
  return list as ArrayBuffer[];
}

/**
 * The fan sample is the first iterations of the run (all in block 0, see
 * fanSampleSize), so the shard holding block 0 has all of it whatever the
 * split, and computes the fan's per-period quantiles itself.
 */
function fanQuantiles(flows: Float64Array, nP: number, P: number): FanQuantiles {
  const m = flows.length / (nP * P);
  const out: FanQuantiles = { p10: new Float64Array(nP * P), p50: new Float64Array(nP * P), p90: new Float64Array(nP * P) };
  const col = new Float64Array(m);
  const ranks = [0.1, 0.5, 0.9].map((p) => {
    const h = (m - 1) * p;
    return { f: Math.floor(h), frac: h - Math.floor(h) };
  });
  const wanted = [...new Set(ranks.flatMap(({ f }) => [f, Math.min(m - 1, f + 1)]))].sort((a, b) => a - b);
  for (let k = 0; k < nP * P; k++) {
    gatherColumn(flows, col, m, nP * P, k);
    const at = orderStatisticsInPlace(col, wanted);
    const q = ranks.map(({ f, frac }) => at.get(f)! + frac * (at.get(Math.min(m - 1, f + 1))! - at.get(f)!));
    out.p10[k] = q[0]!;
    out.p50[k] = q[1]!;
    out.p90[k] = q[2]!;
  }
  return out;
}

// Below, one hot loop per function: V8 optimises small single-loop functions well.

function gatherColumn(flows: Float64Array, out: Float64Array, m: number, stride: number, offset: number): void {
  for (let k = 0; k < m; k++) out[k] = flows[k * stride + offset]!;
}


function compact(values: Float64Array, flags: Uint8Array, n: number, out: Float64Array): void {
  let j = 0;
  for (let i = 0; i < n; i++) if (flags[i]) out[j++] = values[i]!;
}

function binStats(values: Float64Array, lo: number, hi: number, scale: number, bins: number, counts: Float64Array, mins: Float64Array, maxs: Float64Array): void {
  const top = bins - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= lo && v <= hi)) continue;
    const f = Math.floor((v - lo) * scale);
    const j = f < top ? f : top;
    counts[j]!++;
    if (v < mins[j]!) mins[j] = v;
    if (v > maxs[j]!) maxs[j] = v;
  }
}

function collectBins(values: Float64Array, lo: number, hi: number, scale: number, bins: number, slotOf: Int32Array, out: Float64Array[], filled: Uint32Array): void {
  const top = bins - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= lo && v <= hi)) continue;
    const f = Math.floor((v - lo) * scale);
    const slot = slotOf[f < top ? f : top]!;
    if (slot >= 0) out[slot]![filled[slot]!++] = v;
  }
}
