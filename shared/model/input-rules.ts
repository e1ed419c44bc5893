/**
 * Rules on the uncertain inputs that the schema's shapes cannot express:
 * distribution parameters in order (p90 above p50, min <= mode <= max, …) and
 * correlations that name continuous inputs and form a valid correlation
 * matrix (positive definite, checked by a Cholesky factorisation, the same
 * one Iman–Conover will need).
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import { prepareInput } from '../engine/distributions';
import type { Correlation, Input } from './schema';
import { didYouMean } from './suggest';

/** Inputs whose draws can be reordered by Iman–Conover (not fixed, chance or discrete). */
export const CONTINUOUS_DISTS: ReadonlySet<Input['dist']> = new Set(['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'beta']);

export function inputProblems(id: string, input: Input): Problem[] {
  const path = `inputs.${id}`;
  const out: Problem[] = [];
  const bad = (message: string, field?: string) => out.push({ path: field ? `${path}.${field}` : path, message });
  switch (input.dist) {
    case 'fixed':
    case 'chance':
      break;
    case 'uniform':
      if (!(input.min < input.max)) bad('max must be above min');
      break;
    case 'triangular':
    case 'pert':
      if (!(input.min < input.max)) bad('max must be above min');
      else if (input.mode < input.min || input.mode > input.max) bad('mode must be between min and max');
      break;
    case 'normal': {
      const byMean = input.mean !== undefined || input.sd !== undefined;
      const byInterval = input.low !== undefined || input.high !== undefined;
      if (byMean && byInterval) bad('give either mean and sd, or low and high (the 90% interval), not both');
      else if (byMean) {
        if (input.mean === undefined) bad('needs mean as well as sd');
        else if (input.sd === undefined) bad('needs sd as well as mean');
        else if (!(input.sd > 0)) bad('must be above 0', 'sd');
      } else if (byInterval) {
        if (input.low === undefined || input.high === undefined) bad('needs both low and high (the 90% interval)');
        else if (!(input.low < input.high)) bad('high must be above low');
      } else bad('needs mean and sd, or low and high (the 90% interval)');
      if (input.min !== undefined && input.max !== undefined && !(input.min < input.max)) bad('max must be above min');
      // A truncation the normal gives (almost) no probability cannot be drawn from: the engine's own check.
      if (out.length === 0 && (input.min !== undefined || input.max !== undefined)) {
        const prepared = prepareInput(input, path);
        if (!prepared.ok) out.push(...prepared.problems);
      }
      break;
    }
    case 'lognormal': {
      const byMedian = input.p50 !== undefined || input.p90 !== undefined;
      const byInterval = input.low !== undefined || input.high !== undefined;
      if (byMedian && byInterval) bad('give either p50 and p90, or low and high (the 90% interval), not both');
      else if (byMedian) {
        if (input.p50 === undefined || input.p90 === undefined) bad('needs both p50 and p90');
        else if (!(input.p50 > 0)) bad('must be above 0 (a lognormal is positive)', 'p50');
        else if (!(input.p90 > input.p50)) bad('p90 must be above p50');
      } else if (byInterval) {
        if (input.low === undefined || input.high === undefined) bad('needs both low and high (the 90% interval)');
        else if (!(input.low > 0)) bad('must be above 0 (a lognormal is positive)', 'low');
        else if (!(input.high > input.low)) bad('high must be above low');
      } else bad('needs p50 and p90, or low and high (the 90% interval)');
      break;
    }
    case 'beta':
      if (!(input.alpha > 0)) bad('must be above 0', 'alpha');
      if (!(input.beta > 0)) bad('must be above 0', 'beta');
      break;
    case 'discrete':
      if (input.weights !== undefined) {
        if (input.weights.length !== input.values.length) {
          bad(`has ${input.weights.length} weights for ${input.values.length} values; give one weight per value`, 'weights');
        } else if (input.weights.some((w) => w < 0)) bad('must not be negative', 'weights');
        else if (!(input.weights.reduce((a, b) => a + b, 0) > 0)) bad('must not all be 0', 'weights');
      }
      break;
  }
  return out;
}

/** Cholesky of a symmetric matrix; undefined when it is not positive definite. */
export function cholesky(m: number[][]): number[][] | undefined {
  const n = m.length;
  const l = m.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 1e-12)) return undefined;
        l[i]![i] = Math.sqrt(sum);
      } else l[i]![j] = sum / l[j]![j]!;
    }
  }
  return l;
}

export function correlationProblems(correlations: readonly Correlation[], inputs: Readonly<Record<string, Input>>): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, number>();
  const valid: Correlation[] = [];
  correlations.forEach((c, i) => {
    const path = `correlations[${i}]`;
    const [a, b] = c.between;
    let ok = true;
    for (const name of [a, b]) {
      const input = Object.prototype.hasOwnProperty.call(inputs, name) ? inputs[name] : undefined;
      if (!input) {
        out.push({ path: `${path}.between`, message: `unknown input "${name}"${didYouMean(name, Object.keys(inputs))}` });
        ok = false;
      } else if (!CONTINUOUS_DISTS.has(input.dist)) {
        out.push({ path: `${path}.between`, message: `"${name}" is a ${input.dist} input; only continuous inputs can be correlated` });
        ok = false;
      } else if (input.per === 'period') {
        out.push({ path: `${path}.between`, message: `"${name}" is drawn every period (per: "period"); such an input is independent in every period and cannot be correlated` });
        ok = false;
      }
    }
    if (ok && a === b) {
      out.push({ path: `${path}.between`, message: `an input cannot be correlated with itself ("${a}")` });
      ok = false;
    }
    if (!(c.rank >= -1 && c.rank <= 1)) {
      out.push({ path: `${path}.rank`, message: 'must be between -1 and 1' });
      ok = false;
    } else if (ok && Math.abs(c.rank) === 1) {
      out.push({ path: `${path}.rank`, message: 'must be strictly between -1 and 1 (a perfect correlation means one input is a function of the other: use a formula)' });
      ok = false;
    }
    const key = [a, b].sort().join('\u0000');
    if (ok && seen.has(key)) {
      out.push({ path: `${path}.between`, message: `"${a}" and "${b}" are already correlated in correlations[${seen.get(key)!}]` });
      ok = false;
    }
    seen.set(key, i);
    if (ok) valid.push(c);
  });
  if (out.length > 0 || valid.length === 0) return out;
  // The pairs must fit together: e.g. a~b 0.9, b~c 0.9, a~c -0.9 is impossible.
  const names = [...new Set(valid.flatMap((c) => c.between))];
  const index = new Map(names.map((n, i) => [n, i]));
  const m: number[][] = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0)));
  for (const c of valid) {
    const i = index.get(c.between[0])!;
    const j = index.get(c.between[1])!;
    m[i]![j] = c.rank;
    m[j]![i] = c.rank;
  }
  if (!cholesky(m)) {
    out.push({
      path: 'correlations',
      message: `the correlations between ${names.join(', ')} do not form a valid correlation matrix (not positive definite): weaken some of them`,
    });
  }
  return out;
}
