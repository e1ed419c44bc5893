/**
 * The efficient frontier of deal structures: over up to 4 numbers, each
 * within its slider's range, the structures for which no other structure
 * gives both sides at least as much mean NPV and one of them more
 * (optionally only among structures that give the other side at least a
 * given chance of reaching its walk-away).
 *
 * The algorithm, and why. Every structure is valued on common random
 * numbers (the position's seed), so each party's mean NPV is an exact
 * function of the structure: the same draws every time, no noise between
 * structures. The grid is the sliders' own steps (thinned evenly when the
 * whole lattice would exceed 4,096 points, or to `points` per number), and
 * the frontier is the grid's non-dominated points, found by refinement
 * rather than by valuing every point: a coarse grid first, then every cell
 * that could hold a frontier point is split in two along each number and
 * its new points valued, down to the full grid. What "could hold" means
 * rests on the shape of the function, known from the kind of number:
 *
 * - Amounts, royalty and share rates, adjustment factors enter every cash
 *   flow linearly, so the means are multilinear in them: every outcome of a
 *   cell lies in the convex hull of its corners' outcomes. A cell is left
 *   when that hull lies wholly below the staircase of the points valued so
 *   far (pareto.ts): no point of it can be on the frontier.
 * - Tier ceilings, thresholds, caps and walk-aways move value one way only,
 *   iteration by iteration (a threshold only when no party discounts at a
 *   negative rate), so a cell's outcomes are bounded by its best corners: a
 *   cell is left when that bound lies below the staircase.
 * - Anything else (timings, hazards, equity terms, inputs, discount rates)
 *   is valued on the full grid.
 *
 * Each premise is checked as it goes: a new point that is not the
 * multilinear interpolation of its cell's corners (or lies outside their
 * range) sends the rest of the grid to be valued in full. So the frontier is
 * always exactly the full grid's, and the result says how many grid points
 * were valued. (Scalarisation with a solver finds only the convex part of a
 * frontier, and a frontier of transfers between parties who discount
 * differently need not be convex; near a frontier of pure transfers most
 * cells still have to be split, since the outcomes lie close together.)
 *
 * Intentionally has no platform imports.
 */
import { termKind } from '../terms/registry';
import { failureText } from '../problems';
import { numberKind, numberLabel, type NumberKind } from '../model/number-fields';
import { getNumberAt, parsePath } from '../model/paths';
import type { Deal } from '../model/schema';
import { sliderReach, validRange, withNumber } from '../model/what-if-rules';
import { analysisSides } from './exchange-rates';
import { MAX_FRONTIER_NUMBERS } from './negotiation-requests';
import { chainReachesFront, hullChain, nonDominated, type Outcome } from './pareto';
import type { VariantStats } from './run-plan';
import { resolveScenario } from './sensitivity';
import { EngineError } from './simulate';
import type { StructuresEvaluator } from './structures';

/** The sliders' whole lattice is the grid up to this many points; beyond it every number is thinned to the same count. */
const DEFAULT_GRID = 4096;
/** The largest grid a frontier may be asked for (points per number to the power of the numbers). */
export const MAX_GRID_POINTS = 250_000;
/** Structures valued per call of the evaluator (a call's draws are shared by its structures). */
const BATCH = 48;

export interface FrontierRequest {
  deal: Deal;
  /** The position the numbers vary from: a scenario or round id (the first scenario by default). */
  scenarioId?: string;
  /** 1 to 4 number paths, each with a slider. */
  paths: string[];
  /** Our party (the deal's `us` by default) and the other side (the other party of a two-party deal by default). */
  party?: string;
  other?: string;
  /** Points per number on the grid (at most the slider's steps + 1). */
  points?: number;
  /** Keep only structures that give the other side at least this chance of reaching its walk-away. */
  floor?: number;
  iterations?: number;
  seed?: number;
  /** 'refine' (the default, above) or 'grid': value every grid point (what the bench compares with). */
  method?: 'refine' | 'grid';
}

export interface FrontierPoint {
  /** The value of each varied number. */
  set: Record<string, number>;
  parties: Record<string, { mean: number; se: number; pAboveWalkAway: number }>;
  pAllAboveWalkAway: number;
}

export interface FrontierAxis {
  path: string;
  label: string;
  kind: NumberKind;
  values: number[];
}

export interface FrontierResult {
  scenario: string;
  iterations: number;
  seed: number;
  party: string;
  other: string;
  floor?: number;
  axes: FrontierAxis[];
  /** The frontier, from the structure best for the other side to the one best for us. */
  points: FrontierPoint[];
  gridPoints: number;
  /** Grid points valued (those that make a valid deal; a grid point that does not is never valued). */
  valued: number;
  method: 'refine' | 'grid';
  /** Why every grid point was valued, when the method asked was refine. */
  fullGridBecause?: string;
}

const tidy = (v: number) => Number(v.toPrecision(12));

/** How the means move with a number (see the header): multilinear, monotone, or unknown (with why). */
export type NumberShape = { shape: 'linear' | 'monotone' } | { shape: 'unknown'; why: string };

export function numberShape(deal: Deal, path: string): NumberShape {
  const [root, id, ...keys] = parsePath(path);
  const field = keys.map(String);
  const last = field.at(-1) ?? '';
  const unknown: NumberShape = { shape: 'unknown', why: `${numberLabel(deal, path)} is not known to move each party's value one way` };
  if (root === 'parties') return field[0] === 'walkAway' ? { shape: 'monotone' } : unknown;
  if (root !== 'terms') return unknown;
  const term = deal.terms.find((t) => t.id === id);
  if (!term) return unknown;
  const own = termKind(term).numberShape?.(field);
  if (own === 'unknown') return unknown;
  if (own) return { shape: own };
  if (last === 'threshold') return deal.parties.every((p) => p.discountRate >= 0) ? { shape: 'monotone' } : { shape: 'unknown', why: `${unknown.why} (a party discounts at a negative rate)` };
  if (last === 'upTo' || last === 'cap') return { shape: 'monotone' };
  // A cap makes a royalty's payments a minimum of two things: still one way, no longer linear.
  const capped = (term as { cap?: unknown }).cap !== undefined;
  if (last === 'amount' || last === 'rate' || last === 'factor' || field.includes('shares')) return { shape: capped ? 'monotone' : 'linear' };
  return unknown;
}

/** The shape the frontier may rely on for all the numbers together (shares of one split varied together couple each other: unknown). */
function jointShape(deal: Deal, paths: readonly string[]): NumberShape {
  const shapes = paths.map((p) => numberShape(deal, p));
  const unknown = shapes.find((s): s is Extract<NumberShape, { shape: 'unknown' }> => s.shape === 'unknown');
  if (unknown) return unknown;
  const groups = paths.filter((p) => /\.(shares|stakes)\.[^.]+$/.test(p)).map((p) => p.slice(0, p.lastIndexOf('.')));
  if (new Set(groups).size < groups.length) return { shape: 'unknown', why: 'two shares of one split move each other' };
  return { shape: shapes.every((s) => s.shape === 'linear') ? 'linear' : 'monotone' };
}

/** The slider of `path` narrowed to where the deal stays valid: its lowest value, step and number of steps. */
function lattice(deal: Deal, path: string): { min: number; step: number; steps: number } {
  const slider = (deal.sliders ?? []).find((s) => s.path === path);
  if (!slider) throw new EngineError([{ path: 'vary', message: `"${path}" has no slider: the frontier varies numbers within their slider's range` }]);
  const current = getNumberAt(deal, path);
  if (!current.ok) throw new EngineError([{ path: 'vary', message: failureText(current) }]);
  const reach = sliderReach(slider, validRange(deal, path));
  if (!reach) throw new EngineError([{ path: 'vary', message: `no value of ${numberLabel(deal, path)} in its slider's range keeps the deal valid` }]);
  return { min: reach.min, step: slider.step, steps: Math.round((reach.max - reach.min) / slider.step) };
}

/** `count` values evenly spread over a lattice (all of it when it has no more). */
function thinned(l: { min: number; step: number; steps: number }, count: number): number[] {
  const n = Math.max(1, Math.min(l.steps + 1, count));
  if (n === 1) return [l.min];
  return [...new Set(Array.from({ length: n }, (_, k) => tidy(l.min + Math.round((k * l.steps) / (n - 1)) * l.step)))];
}

/** The grid coordinates (indices) of an axis of `n` points at spacing `s`: multiples of s, and the last. */
function coords(n: number, s: number, lo = 0, hi = n - 1): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k += s) if (k >= lo && k <= hi) out.push(k);
  if (n - 1 >= lo && n - 1 <= hi && out.at(-1) !== n - 1) out.push(n - 1);
  return out;
}

/** Every choice of one item from each list. */
function cartesian<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

const product = (lists: readonly number[][]): number[][] => cartesian(lists);

interface Valued {
  us: number;
  them: number;
  feasible: boolean;
  stats: VariantStats;
}

/** A box of the grid: per axis, its lowest and highest index. */
type Cell = [number, number][];

export async function runFrontier(request: FrontierRequest, evaluate: StructuresEvaluator, onProgress?: (done: number, total: number) => void): Promise<FrontierResult> {
  const { deal, scenario } = resolveScenario(request.deal, request.scenarioId);
  const paths = [...new Set(request.paths)];
  if (paths.length === 0 || paths.length > MAX_FRONTIER_NUMBERS) {
    throw new EngineError([{ path: 'vary', message: `give 1 to ${MAX_FRONTIER_NUMBERS} numbers to vary (got ${paths.length})` }]);
  }
  const { party, other, us, them, iterations, seed } = analysisSides(deal, request);
  const lattices = paths.map((path) => lattice(deal, path));
  const whole = lattices.reduce((n, l) => n * (l.steps + 1), 1);
  const perNumber = request.points ?? (whole <= DEFAULT_GRID ? Infinity : Math.max(2, Math.floor(DEFAULT_GRID ** (1 / paths.length))));
  const axes: FrontierAxis[] = paths.map((path, k) => ({ path, label: numberLabel(deal, path), kind: numberKind(deal, path), values: thinned(lattices[k]!, perNumber) }));
  const sizes = axes.map((a) => a.values.length);
  const gridPoints = sizes.reduce((a, b) => a * b, 1);
  if (gridPoints > MAX_GRID_POINTS) {
    throw new EngineError([{ path: 'points', message: `${gridPoints.toLocaleString('en-US')} grid points is more than the ${MAX_GRID_POINTS.toLocaleString('en-US')} a frontier may value: ask for fewer points per number` }]);
  }
  const floor = request.floor;

  const valued = new Map<string, Valued | null>();
  const keyOf = (idx: readonly number[]) => idx.join(',');
  let done = 0;
  const structure = (idx: readonly number[]): { set: Record<string, number>; deal: Deal } | null => {
    let at = deal;
    const set: Record<string, number> = {};
    for (const [k, axis] of axes.entries()) {
      const moved = withNumber(at, axis.path, axis.values[idx[k]!]!);
      if (!moved.ok) return null;
      at = moved.value.deal;
      set[axis.path] = axis.values[idx[k]!]!;
    }
    return { set, deal: at };
  };
  const value = async (points: readonly number[][]) => {
    // Neighbouring cells share their edges: each new point once.
    const fresh = [...new Map(points.filter((idx) => !valued.has(keyOf(idx))).map((idx) => [keyOf(idx), idx])).values()];
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH).map((idx) => ({ idx, at: structure(idx) }));
      const valid = batch.filter((b) => b.at !== null);
      for (const b of batch) if (!b.at) valued.set(keyOf(b.idx), null);
      if (valid.length === 0) continue;
      const start = done;
      const result = await evaluate({ deals: valid.map((b) => b.at!.deal), pairs: [], iterations, seed }, (d, total) => onProgress?.(start + (d / total) * valid.length, gridPoints));
      valid.forEach((b, j) => {
        const stats = result.variants[j]!;
        valued.set(keyOf(b.idx), { us: stats.mean[us]!, them: stats.mean[them]!, feasible: floor === undefined || stats.pAboveWalkAway[them]! >= floor, stats });
      });
      done += valid.length;
      onProgress?.(done, gridPoints);
    }
  };

  const shape = jointShape(deal, paths);
  let fullGridBecause: string | undefined = request.method === 'grid' || shape.shape !== 'unknown' ? undefined : shape.why;
  const maxSize = Math.max(...sizes);
  let s = 1;
  while (s * 2 <= (maxSize - 1) / 2) s *= 2;
  const intervals = (k: number, spacing: number, lo: number, hi: number): [number, number][] => {
    const list = coords(sizes[k]!, spacing, lo, hi);
    return list.length === 1 ? [[list[0]!, list[0]!]] : pairsOf(list);
  };
  const cellsWithin = (bounds: readonly [number, number][], spacing: number): Cell[] => cartesian(bounds.map(([lo, hi], k) => intervals(k, spacing, lo, hi)));
  if (request.method === 'grid' || fullGridBecause !== undefined || s === 1) {
    await value(product(sizes.map((n) => coords(n, 1))));
  } else {
    await value(product(sizes.map((n) => coords(n, s))));
    let cells = cellsWithin(sizes.map((n) => [0, n - 1] as [number, number]), s);
    while (s > 1 && fullGridBecause === undefined) {
      const next = s / 2;
      const front = nonDominated([...valued.values()].filter((v): v is Valued => v !== null && v.feasible));
      const split = cells.filter((cell) => mayHoldFrontier(cell, shape.shape === 'linear', front, valued, keyOf));
      await value(split.flatMap((cell) => product(cell.map(([lo, hi], k) => coords(sizes[k]!, next, lo, hi)))));
      fullGridBecause = split.map((cell) => premiseBreach(cell, shape.shape === 'linear', sizes, next, valued, keyOf, axes)).find((w) => w !== undefined);
      cells = split.flatMap((cell) => cellsWithin(cell, next));
      s = next;
    }
    if (fullGridBecause !== undefined) await value(product(sizes.map((n) => coords(n, 1))));
  }

  const candidates = [...valued.entries()].flatMap(([key, v]) => (v && v.feasible ? [{ idx: key.split(',').map(Number), us: v.us, them: v.them, v }] : []));
  // Equal outcomes in grid order, so the answer does not depend on the order points were valued in.
  const gridOrder = (a: readonly number[], b: readonly number[]) => a.reduce((d, x, k) => d || x - b[k]!, 0);
  const front = nonDominated(candidates).sort((a, b) => a.us - b.us || b.them - a.them || gridOrder(a.idx, b.idx));
  return {
    scenario,
    iterations,
    seed,
    party,
    other,
    ...(floor === undefined ? {} : { floor }),
    axes,
    points: front.map(({ idx, v }) => ({
      set: Object.fromEntries(axes.map((a, k) => [a.path, a.values[idx[k]!]!])),
      parties: Object.fromEntries(deal.parties.map((p, i) => [p.id, { mean: v.stats.mean[i]!, se: v.stats.se[i]!, pAboveWalkAway: v.stats.pAboveWalkAway[i]! }])),
      pAllAboveWalkAway: v.stats.pAllAboveWalkAway,
    })),
    gridPoints,
    valued: [...valued.values()].filter((v) => v !== null).length,
    method: request.method === 'grid' || fullGridBecause !== undefined ? 'grid' : 'refine',
    ...(request.method !== 'grid' && fullGridBecause !== undefined ? { fullGridBecause } : {}),
  };
}

/** Consecutive pairs of a sorted list: [a, b], [b, c], … */
function pairsOf(list: readonly number[]): [number, number][] {
  return list.slice(1).map((b, i) => [list[i]!, b]);
}

/** The corners of a cell. */
function corners(cell: Cell): number[][] {
  return product(cell.map(([lo, hi]) => (lo === hi ? [lo] : [lo, hi])));
}

/**
 * Whether the cell may hold a point of the frontier, given the frontier of the points valued so far:
 * its outcomes lie in the convex hull of its corners' outcomes (multilinear numbers), or below its best
 * corners (monotone ones); a cell with a corner that is not a valid deal is always split.
 */
function mayHoldFrontier(cell: Cell, linear: boolean, front: readonly Outcome[], valued: ReadonlyMap<string, Valued | null>, keyOf: (idx: readonly number[]) => string): boolean {
  const outcomes: Outcome[] = [];
  for (const corner of corners(cell)) {
    const v = valued.get(keyOf(corner));
    if (!v) return true;
    outcomes.push(v);
  }
  const chain = linear ? hullChain(outcomes) : [{ us: Math.max(...outcomes.map((o) => o.us)), them: Math.max(...outcomes.map((o) => o.them)) }];
  return chainReachesFront(chain, front);
}

/**
 * A point valued inside a split cell that breaks the premise the cell was judged on: not the
 * multilinear interpolation of the corners' outcomes (linear), or outside their range (monotone).
 * Returns why, for the result.
 */
function premiseBreach(
  cell: Cell,
  linear: boolean,
  sizes: readonly number[],
  spacing: number,
  valued: ReadonlyMap<string, Valued | null>,
  keyOf: (idx: readonly number[]) => string,
  axes: readonly FrontierAxis[],
): string | undefined {
  const cornerList = corners(cell);
  const cornerValues = cornerList.map((c) => valued.get(keyOf(c)));
  if (cornerValues.some((v) => !v)) return undefined;
  const us = cornerValues.map((v) => v!.us);
  const them = cornerValues.map((v) => v!.them);
  const scale = Math.max(1, ...us.map(Math.abs), ...them.map(Math.abs));
  const tolerance = 1e-9 * scale;
  for (const idx of product(cell.map(([l, h], k) => coords(sizes[k]!, spacing, l, h)))) {
    const v = valued.get(keyOf(idx));
    if (!v) continue;
    let expected: Outcome;
    if (linear) {
      // Multilinear interpolation in the numbers' values: each corner weighted by how near the point is to it on every axis.
      const weights = cornerList.map((corner) =>
        corner.reduce((w, c, k) => {
          const [lo, hi] = cell[k]!;
          if (lo === hi) return w;
          const values = axes[k]!.values;
          const t = (values[idx[k]!]! - values[lo]!) / (values[hi]! - values[lo]!);
          return w * (c === hi ? t : 1 - t);
        }, 1),
      );
      expected = { us: weights.reduce((a, w, i) => a + w * us[i]!, 0), them: weights.reduce((a, w, i) => a + w * them[i]!, 0) };
      if (Math.abs(v.us - expected.us) <= tolerance && Math.abs(v.them - expected.them) <= tolerance) continue;
    } else if (v.us <= Math.max(...us) + tolerance && v.us >= Math.min(...us) - tolerance && v.them <= Math.max(...them) + tolerance && v.them >= Math.min(...them) - tolerance) {
      continue;
    }
    return `at ${axes.map((a, k) => `${a.label} ${a.values[idx[k]!]}`).join(', ')} the values are not ${linear ? 'linear' : 'monotone'} in the numbers varied: the rest of the grid was valued in full`;
  }
  return undefined;
}
