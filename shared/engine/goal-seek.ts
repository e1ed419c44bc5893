/**
 * Goal seek: the value of one number path that gives a party a target mean
 * NPV. Every evaluation runs on the same seed (common random numbers), so the
 * mean is a deterministic, piecewise-smooth function of the value. The number
 * moves by the what-if rules (what-if-rules.ts: a share moves the others with
 * it, a median carries its P90) and only where the deal stays valid.
 *
 * The search brackets a sign change: in the range given, else in the path's
 * slider range first and then as far as the number stays valid (0% to 100%
 * for a rate, outward without end for an amount); then it narrows the bracket
 * with the Illinois variant of regula falsi, falling back to bisection.
 * Failures carry the numbers searched and reached, so the app can word them
 * with labels and formatted figures; `message` is the CLI's wording.
 *
 * Intentionally has no platform imports.
 */
import { failureText } from '../problems';
import { getNumberAt } from '../model/paths';
import type { Deal } from '../model/schema';
import { inRange, validRange, withNumber, type ValidRange } from '../model/what-if-rules';
import type { SolveRequest, SolveResult } from './results';
import type { MeansEvaluator } from './sensitivity';
import { resolveScenario } from './sensitivity';
import { EngineError } from './simulate';

const MAX_EVALUATIONS = 80;
const GRID = 8;
/** Outward steps of an open-ended search: the distance doubles each time (up to ~4 million times the start). */
const OUTWARD_STEPS = 24;

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
}

type Bracket = { a: number; b: number; fa: number; fb: number };

/** The ends of a valid range as values a search may evaluate (an open end nudged inside). */
function searchEnds(range: ValidRange): { lo?: number; hi?: number } {
  const nudge = (v: number, dir: number) => v + dir * Math.max(1e-9, Math.abs(v) * 1e-9);
  return {
    ...(range.min ? { lo: range.min.inclusive ? range.min.value : nudge(range.min.value, 1) } : {}),
    ...(range.max ? { hi: range.max.inclusive ? range.max.value : nudge(range.max.value, -1) } : {}),
  };
}

export async function runSolve(request: SolveRequest, means: MeansEvaluator): Promise<SolveResult> {
  const { deal } = resolveScenario(request.deal, request.scenarioId);
  const { path, party, target } = request;
  const start = getNumberAt(deal, path);
  if (!start.ok) throw new EngineError([{ path: 'vary', message: failureText(start) }]);
  // Party order is the deal's (as in every compiled kernel); compiling happens where the means run.
  const partyIds = deal.parties.map((q) => q.id);
  const p = partyIds.indexOf(party);
  if (p < 0) throw new EngineError([{ path: 'party', message: `"${party}" is not a party of this deal (parties: ${partyIds.join(', ')})` }]);
  const iterations = request.iterations ?? deal.simulation.iterations;
  const seed = request.seed ?? deal.simulation.seed;
  const valid = validRange(deal, path);
  let evaluations = 0;
  const meanAt = async (x: number): Promise<number> => {
    const next = withNumber(deal, path, x);
    if (!next.ok) throw new EngineError([{ path: 'vary', message: failureText(next) }]);
    evaluations++;
    const r = await means(next.value.deal as Deal, [null], iterations, seed);
    return r[0]![p]!;
  };
  const f = async (x: number) => (await meanAt(x)) - target;
  const scale = Math.max(1, Math.abs(target));
  const tolerance = 1e-9 * scale;
  let lowest = Infinity;
  let highest = -Infinity;
  let searchedFrom = Infinity;
  let searchedTo = -Infinity;
  const seen = (x: number, fx: number) => {
    lowest = Math.min(lowest, fx + target);
    highest = Math.max(highest, fx + target);
    searchedFrom = Math.min(searchedFrom, x);
    searchedTo = Math.max(searchedTo, x);
  };

  const x0 = start.value;
  const f0 = await f(x0);
  seen(x0, f0);
  if (Math.abs(f0) <= tolerance) return { ok: true, path, party, target, value: x0, achievedMean: f0 + target, iterations };

  /** A sign change on a grid over [from, to] (the mean need not be monotone). */
  const gridSearch = async (from: number, to: number): Promise<Bracket | null> => {
    let prevX = from;
    let prevF = await f(from);
    seen(from, prevF);
    if (Math.abs(prevF) <= tolerance) return { a: from, b: from, fa: prevF, fb: prevF };
    for (let i = 1; i <= GRID; i++) {
      const x = from + ((to - from) * i) / GRID;
      const fx = await f(x);
      seen(x, fx);
      if (Math.sign(fx) !== Math.sign(prevF) || Math.abs(fx) <= tolerance) return { a: prevX, b: x, fa: prevF, fb: fx };
      prevX = x;
      prevF = fx;
    }
    return null;
  };

  /** Outward from `from` (whose f is `fFrom`) in direction `dir`, doubling the step, stopping at `limit`. */
  const outward = async (from: number, fFrom: number, dir: 1 | -1, limit: number | undefined): Promise<Bracket | null> => {
    const h0 = Math.max(Math.abs(from), Math.abs(x0), 1);
    let prevX = from;
    let prevF = fFrom;
    for (let k = 0; k < OUTWARD_STEPS && evaluations < MAX_EVALUATIONS; k++) {
      let x = from + dir * h0 * 0.25 * 2 ** k;
      if (limit !== undefined && (dir > 0 ? x > limit : x < limit)) x = limit;
      if (x === prevX) break;
      const fx = await f(x);
      seen(x, fx);
      if (Math.sign(fx) !== Math.sign(prevF) || Math.abs(fx) <= tolerance) return dir > 0 ? { a: prevX, b: x, fa: prevF, fb: fx } : { a: x, b: prevX, fa: fx, fb: prevF };
      if (x === limit) break;
      prevX = x;
      prevF = fx;
    }
    return null;
  };

  let bracket: Bracket | null = null;
  const given = request.min !== undefined || request.max !== undefined;
  if (given) {
    const from = request.min ?? Math.min(x0, request.max! - Math.max(1, Math.abs(request.max!)));
    const to = request.max ?? Math.max(x0, from + Math.max(1, Math.abs(from)));
    bracket = await gridSearch(from, to);
  } else {
    const slider = deal.sliders?.find((s) => s.path === path);
    const ends = searchEnds(valid);
    if (slider) {
      const from = ends.lo !== undefined ? Math.max(slider.min, ends.lo) : slider.min;
      const to = ends.hi !== undefined ? Math.min(slider.max, ends.hi) : slider.max;
      if (from < to) bracket = await gridSearch(from, to);
    }
    if (!bracket && ends.lo !== undefined && ends.hi !== undefined) {
      bracket = await gridSearch(ends.lo, ends.hi);
    } else if (!bracket) {
      // Open on at least one side: search outward from the ends reached so far, as far as the number stays valid.
      const upFrom = Math.max(x0, slider?.max ?? x0);
      const downFrom = Math.min(x0, slider?.min ?? x0);
      const fUp = await f(upFrom);
      seen(upFrom, fUp);
      const fDown = upFrom === downFrom ? fUp : await f(downFrom);
      seen(downFrom, fDown);
      // Towards the side whose value is closer to the target first.
      const order: (1 | -1)[] = Math.abs(fUp) <= Math.abs(fDown) ? [1, -1] : [-1, 1];
      for (const dir of order) {
        const limit = dir > 0 ? ends.hi : ends.lo;
        const from = dir > 0 ? upFrom : downFrom;
        if (limit !== undefined && (dir > 0 ? from >= limit : from <= limit)) continue;
        bracket = await outward(from, dir > 0 ? fUp : fDown, dir, limit);
        if (bracket) break;
      }
    }
  }
  if (!bracket) {
    const where = Number.isFinite(searchedFrom) ? ` from ${formatNumber(searchedFrom)} to ${formatNumber(searchedTo)}` : '';
    return {
      ok: false,
      path,
      party,
      target,
      message:
        `no value of ${path}${where} gives ${party} a mean NPV of ${formatNumber(target)}: ` +
        `it ranges from about ${formatNumber(lowest)} to ${formatNumber(highest)} there`,
      searched: { from: searchedFrom, to: searchedTo },
      reached: { lowest, highest },
    };
  }
  let { a, b, fa, fb } = bracket;

  // Illinois regula falsi on [a, b] with fa, fb of opposite signs.
  let side = 0;
  let best = Math.abs(fa) < Math.abs(fb) ? { x: a, fx: fa } : { x: b, fx: fb };
  while (evaluations < MAX_EVALUATIONS && Math.abs(best.fx) > tolerance && Math.abs(b - a) > 1e-12 * Math.max(1, Math.abs(a))) {
    let x = (a * fb - b * fa) / (fb - fa);
    if (!(x > Math.min(a, b) && x < Math.max(a, b))) x = 0.5 * (a + b);
    if (!inRange(valid, x)) x = 0.5 * (a + b);
    const fx = await f(x);
    if (Math.abs(fx) < Math.abs(best.fx)) best = { x, fx };
    if (Math.sign(fx) === Math.sign(fb)) {
      b = x;
      fb = fx;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = x;
      fa = fx;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  // A mean that jumps (e.g. at a milestone threshold) may have no exact root: report how close we got.
  if (Math.abs(best.fx) > Math.max(1e-6 * scale, 1e-6)) {
    return {
      ok: false,
      path,
      party,
      target,
      message: `the mean NPV of ${party} jumps across ${formatNumber(target)} near ${path} = ${formatNumber(best.x)} (closest: ${formatNumber(best.fx + target)}); no value gives it exactly`,
      jump: { near: best.x, closest: best.fx + target },
    };
  }
  return { ok: true, path, party, target, value: best.x, achievedMean: best.fx + target, iterations };
}
