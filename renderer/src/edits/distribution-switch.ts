/**
 * Switching an input's distribution while keeping what the negotiator meant:
 * the current input is summarised as a central value and a 90% range, and the
 * new distribution is fitted to that summary. A PERT 10/25/60 becomes a
 * uniform 10..60, a normal with low 10 and high 60, and so on.
 */
import type { DistName, Input } from '../../../shared/model/schema';

const Z95 = 1.6448536269514722;

interface Summary {
  center: number;
  low: number;
  high: number;
}

/** Rounds to 4 significant digits so fitted parameters read like a person typed them. */
export function niceNumber(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  return Number(x.toPrecision(4));
}

export function summarise(input: Input): Summary {
  switch (input.dist) {
    case 'fixed': {
      const v = input.value;
      const spread = v === 0 ? 1 : Math.abs(v) * 0.2;
      return { center: v, low: v - spread, high: v + spread };
    }
    case 'uniform':
      return { center: (input.min + input.max) / 2, low: input.min, high: input.max };
    case 'triangular':
    case 'pert':
      return { center: input.mode, low: input.min, high: input.max };
    case 'normal': {
      if (input.low !== undefined && input.high !== undefined) return { center: (input.low + input.high) / 2, low: input.low, high: input.high };
      const mean = input.mean ?? 0;
      const sd = input.sd ?? 1;
      return { center: mean, low: mean - Z95 * sd, high: mean + Z95 * sd };
    }
    case 'lognormal': {
      if (input.low !== undefined && input.high !== undefined) return { center: Math.sqrt(input.low * input.high), low: input.low, high: input.high };
      const p50 = input.p50 ?? 1;
      const p90 = input.p90 ?? p50 * 2;
      // The 5th..95th percentiles of a lognormal given its median and 90th percentile.
      const sigma = Math.log(p90 / p50) / 1.2815515655446004;
      return { center: p50, low: p50 * Math.exp(-Z95 * sigma), high: p50 * Math.exp(Z95 * sigma) };
    }
    case 'beta': {
      const n = input.alpha + input.beta;
      const mean = input.alpha / n;
      const sd = Math.sqrt((input.alpha * input.beta) / (n * n * (n + 1)));
      return { center: mean, low: Math.max(0, mean - Z95 * sd), high: Math.min(1, mean + Z95 * sd) };
    }
    case 'chance':
      return { center: input.p, low: 0, high: 1 };
    case 'discrete': {
      const values = input.values;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return { center: mean, low: Math.min(...values), high: Math.max(...values) };
    }
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The input re-expressed as `dist`, keeping its label, note and how often it is drawn. */
export function switchDistribution(input: Input, dist: DistName): Input {
  if (input.dist === dist) return input;
  const { center, low, high } = summarise(input);
  const common = { ...(input.label !== undefined && { label: input.label }), ...(input.note !== undefined && { note: input.note }), ...(input.per !== undefined && { per: input.per }) };
  const n = niceNumber;
  switch (dist) {
    case 'fixed':
      return { dist, value: n(center), ...common };
    case 'uniform':
      return { dist, min: n(low), max: n(high), ...common };
    case 'triangular':
    case 'pert':
      return { dist, min: n(low), mode: n(clamp(center, low, high)), max: n(high), ...common };
    case 'normal':
      return { dist, low: n(low), high: n(high), ...common };
    case 'lognormal': {
      // A lognormal needs positive values: keep the range if it is positive, else centre on |center|.
      if (low > 0 && high > low) return { dist, low: n(low), high: n(high), ...common };
      const p50 = Math.abs(center) || 1;
      return { dist, p50: n(p50), p90: n(p50 * 2), ...common };
    }
    case 'beta': {
      const m = clamp(center, 0.01, 0.99);
      const k = 20;
      return { dist, alpha: n(m * k), beta: n((1 - m) * k), ...common };
    }
    case 'chance':
      return { dist, p: n(clamp(center, 0, 1)), ...common };
    case 'discrete': {
      const values = [...new Set([n(low), n(center), n(high)])];
      return { dist, values, ...common };
    }
  }
}
