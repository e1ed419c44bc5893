/**
 * Goal seek: the value of one number path that gives a party a target mean
 * NPV. Every evaluation runs on the same seed (common random numbers), so the
 * mean is a deterministic, piecewise-smooth function of the value; the search
 * brackets a sign change (within the given range, the path's slider range,
 * [0, 1] for fractions, or by expanding steps) and then narrows it with the
 * Illinois variant of regula falsi, falling back to bisection.
 *
 * Intentionally has no platform imports.
 */
import { getNumberAt, setNumberAt } from '../model/paths';
import type { Deal } from '../model/schema';
import type { SolveRequest, SolveResult } from './results';
import type { MeansEvaluator } from './sensitivity';
import { resolveScenario } from './sensitivity';
import { EngineError } from './simulate';

const MAX_EVALUATIONS = 60;
const FRACTION_FIELD = /(^|\.)(rate|p|stakes\.[A-Za-z0-9_]+|shares\.[A-Za-z0-9_]+|hazard)$/;

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
}

export async function runSolve(request: SolveRequest, means: MeansEvaluator): Promise<SolveResult> {
  const { deal } = resolveScenario(request.deal, request.scenarioId);
  const { path, party, target } = request;
  const start = getNumberAt(deal, path);
  if (!start.ok) throw new EngineError([{ path: 'vary', message: start.message }]);
  // Party order is the deal's (as in every compiled kernel); compiling happens where the means run.
  const partyIds = deal.parties.map((q) => q.id);
  const p = partyIds.indexOf(party);
  if (p < 0) throw new EngineError([{ path: 'party', message: `"${party}" is not a party of this deal (parties: ${partyIds.join(', ')})` }]);
  const iterations = request.iterations ?? deal.simulation.iterations;
  const seed = request.seed ?? deal.simulation.seed;
  let evaluations = 0;
  const meanAt = async (x: number): Promise<number> => {
    const next = setNumberAt(deal, path, x);
    if (!next.ok) throw new EngineError([{ path: 'vary', message: next.message }]);
    evaluations++;
    const r = await means(next.value as Deal, [null], iterations, seed);
    return r[0]![p]!;
  };
  const f = async (x: number) => (await meanAt(x)) - target;
  const fail = (message: string): SolveResult => ({ ok: false, path, party, target, message });
  const scale = Math.max(1, Math.abs(target));
  const tolerance = 1e-9 * scale;

  const slider = deal.sliders?.find((s) => s.path === path);
  let lo = request.min ?? slider?.min;
  let hi = request.max ?? slider?.max;
  if (lo === undefined && hi === undefined && FRACTION_FIELD.test(path)) {
    lo = 0;
    hi = 1;
  }
  const x0 = start.value;
  const f0 = await f(x0);
  if (Math.abs(f0) <= tolerance) return { ok: true, path, party, target, value: x0, achievedMean: f0 + target, iterations };

  let a: number;
  let b: number;
  let fa: number;
  let fb: number;
  if (lo !== undefined || hi !== undefined) {
    // A range: look for a sign change on a coarse grid (the mean need not be monotone).
    const from = lo ?? Math.min(x0, hi! - Math.max(1, Math.abs(hi!)));
    const to = hi ?? Math.max(x0, from + Math.max(1, Math.abs(from)));
    const grid = 8;
    let prevX = from;
    let prevF = await f(from);
    let found = Math.abs(prevF) <= tolerance ? { a: from, b: from, fa: prevF, fb: prevF } : null;
    let lowestF = prevF;
    let highestF = prevF;
    for (let i = 1; i <= grid && !found; i++) {
      const x = from + ((to - from) * i) / grid;
      const fx = await f(x);
      lowestF = Math.min(lowestF, fx);
      highestF = Math.max(highestF, fx);
      if (Math.sign(fx) !== Math.sign(prevF) || Math.abs(fx) <= tolerance) found = { a: prevX, b: x, fa: prevF, fb: fx };
      prevX = x;
      prevF = fx;
    }
    if (!found) {
      return fail(
        `no value of ${path} from ${formatNumber(from)} to ${formatNumber(to)} gives ${party} a mean NPV of ${formatNumber(target)}: ` +
          `it ranges from about ${formatNumber(lowestF + target)} to ${formatNumber(highestF + target)} there`,
      );
    }
    ({ a, b, fa, fb } = found);
  } else {
    // No range: expand away from the current value in the direction that approaches the target.
    const floor = x0 >= 0 ? 0 : -Infinity;
    const h0 = Math.max(Math.abs(x0), 1);
    const up = await f(x0 + h0 * 1e-3);
    const towardsUp = Math.abs(up) < Math.abs(f0) ? 1 : -1;
    let bracket: { a: number; b: number; fa: number; fb: number } | null = null;
    for (const dir of [towardsUp, -towardsUp]) {
      let prevX = x0;
      let prevF = f0;
      for (let k = 0; k < 24 && !bracket; k++) {
        let x = x0 + dir * h0 * Math.pow(2, k) * 0.25;
        if (x < floor) x = floor;
        const fx = await f(x);
        if (Math.sign(fx) !== Math.sign(prevF)) bracket = dir > 0 ? { a: prevX, b: x, fa: prevF, fb: fx } : { a: x, b: prevX, fa: fx, fb: prevF };
        if (x === floor) break;
        prevX = x;
        prevF = fx;
      }
      if (bracket) break;
    }
    if (!bracket) return fail(`no value of ${path} gives ${party} a mean NPV of ${formatNumber(target)} (searched outward from ${formatNumber(x0)})`);
    ({ a, b, fa, fb } = bracket);
  }

  // Illinois regula falsi on [a, b] with fa, fb of opposite signs.
  let side = 0;
  let best = Math.abs(fa) < Math.abs(fb) ? { x: a, fx: fa } : { x: b, fx: fb };
  while (evaluations < MAX_EVALUATIONS && Math.abs(best.fx) > tolerance && Math.abs(b - a) > 1e-12 * Math.max(1, Math.abs(a))) {
    let x = (a * fb - b * fa) / (fb - fa);
    if (!(x > Math.min(a, b) && x < Math.max(a, b))) x = 0.5 * (a + b);
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
    return fail(
      `the mean NPV of ${party} jumps across ${formatNumber(target)} near ${path} = ${formatNumber(best.x)} (closest: ${formatNumber(best.fx + target)}); no value gives it exactly`,
    );
  }
  return { ok: true, path, party, target, value: best.x, achievedMean: best.fx + target, iterations };
}
