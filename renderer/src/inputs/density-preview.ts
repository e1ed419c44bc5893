/**
 * The little density curve beside each input, drawn from the engine's own
 * sampler (shared/engine/distributions.ts) with a fixed seed, so what the
 * negotiator sees is what the Monte Carlo will draw. Pure: input -> bins.
 */
import type { Input } from '../../../shared/model/schema';
import { prepareInput, sampleInto } from '../../../shared/engine/distributions';
import { createRng } from '../../../shared/engine/rng';

export const PREVIEW_SAMPLES = 4000;
const BINS = 32;

export type Density =
  | { ok: true; bins: number[]; min: number; max: number; p5: number; p95: number; discrete: boolean }
  | { ok: false; message: string };

const cache = new WeakMap<Input, Density>();

export function densityOf(input: Input): Density {
  const hit = cache.get(input);
  if (hit) return hit;
  const result = compute(input);
  cache.set(input, result);
  return result;
}

function compute(input: Input): Density {
  const prepared = prepareInput(input, 'input');
  if (!prepared.ok) return { ok: false, message: prepared.problems[0]?.message ?? 'invalid parameters' };
  const samples = new Float64Array(PREVIEW_SAMPLES);
  sampleInto(prepared.dist, createRng(20270101, 0), samples, PREVIEW_SAMPLES);
  const sorted = Float64Array.from(samples).sort();
  const p5 = sorted[Math.floor(0.05 * (PREVIEW_SAMPLES - 1))]!;
  const p95 = sorted[Math.floor(0.95 * (PREVIEW_SAMPLES - 1))]!;
  // Clip the view to the 0.5%..99.5% range so one long tail does not flatten the curve.
  const min = sorted[Math.floor(0.005 * (PREVIEW_SAMPLES - 1))]!;
  const max = sorted[Math.ceil(0.995 * (PREVIEW_SAMPLES - 1))]!;
  const bins = new Array<number>(BINS).fill(0);
  const width = max - min;
  for (const x of samples) {
    if (x < min || x > max) continue;
    const b = width === 0 ? Math.floor(BINS / 2) : Math.min(BINS - 1, Math.floor(((x - min) / width) * BINS));
    bins[b]! += 1;
  }
  const discrete = input.dist === 'fixed' || input.dist === 'chance' || input.dist === 'discrete';
  return { ok: true, bins, min, max, p5, p95, discrete };
}
