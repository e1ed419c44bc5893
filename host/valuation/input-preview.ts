/**
 * The inputs editor's density preview: n draws of one input (a fixed seed, so
 * the preview does not flicker), summarised as a histogram and percentiles.
 * Runs on the host's background thread (../background), never on the thread
 * that serves requests.
 */
import { failureText } from '../../shared/problems';
import { distQuantile, prepareInput, sampleInto } from '../../shared/engine/distributions';
import type { InputSample } from '../../shared/engine/results';
import { createRng } from '../../shared/engine/rng';
import { quantiles } from '../../shared/engine/select';
import { histogram } from '../../shared/engine/statistics';
import { inputSchema } from '../../shared/model/schema';
import { HostError } from '../rpc/host-error';

/** Draws n values of one input and summarises them. */
export function sampleInputPreview(raw: unknown, n: number): InputSample {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HostError({
      code: 'bad-arguments',
      message: 'not an input',
      problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  const prepared = prepareInput(parsed.data, 'input');
  if (!prepared.ok) throw new HostError({ code: 'failed', message: failureText(prepared), problems: prepared.problems });
  const values = new Float64Array(n);
  sampleInto(prepared.dist, createRng(1, 0), values, n);
  const [p5, p10, p50, p90, p95] = quantiles(values, [0.05, 0.1, 0.5, 0.9, 0.95]) as [number, number, number, number, number];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  // Discrete inputs show their exact quantiles rather than interpolated ones.
  const exact = prepared.dist.kind === 'discrete' || prepared.dist.kind === 'chance' || prepared.dist.kind === 'fixed';
  const q = (p: number, sampled: number) => (exact ? distQuantile(prepared.dist, p) : sampled);
  return { histogram: histogram(values), p5: q(0.05, p5), p10: q(0.1, p10), p50: q(0.5, p50), p90: q(0.9, p90), p95: q(0.95, p95), mean: sum / n };
}
