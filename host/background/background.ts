/**
 * Work that can take more than a few milliseconds runs on one background
 * thread, off the event loop where the host serves every window (validating
 * 20,000 series froze the web host for every client for minutes): reading,
 * validating, compiling a large deal's kernel (the valuation workers only run
 * kernels), sampling. Small deals
 * stay in place: handing them over would only add a round trip to the slider
 * path. If the worker bundle is missing (a tool run from source) the work
 * runs in place, as before.
 */
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../../shared/model/parse';
import type { Problem } from '../../shared/api';
import { withoutRecordExtensions } from '../../shared/model/record-extensions';
import type { Deal } from '../../shared/model/schema';
import { validateDeal, type ValidationResult } from '../../shared/model/validate';
import type { InputSample } from '../../shared/engine/results';
import { compiledFor } from '../../shared/engine/compile-deal';
import type { CompiledDeal, KernelSpec } from '../../shared/engine/kernel';
import { EngineError } from '../../shared/engine/simulate';
import { HostError } from '../rpc/host-error';
import { findWorkerScript } from '../worker-script';
import { runTask, type CompileVerdict, type Task, type TaskOutcome, type Verdict } from './tasks';

export const BACKGROUND_BUNDLE = 'background-worker.js';

/** Text longer than this is read on the background thread. */
export const HEAVY_TEXT_CHARS = 64 * 1024;
/** A deal with more items than this (terms, series, inputs, parties, scenarios, sliders) is validated there. */
export const HEAVY_DEAL_ITEMS = 400;

/** How many items a deal holds, from whatever shape arrived (it is not validated yet). */
export function dealItems(raw: unknown): number {
  if (raw === null || typeof raw !== 'object') return 0;
  const d = raw as Record<string, unknown>;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : v !== null && typeof v === 'object' ? Object.keys(v).length : 0);
  return count(d.terms) + count(d.series) + count(d.inputs) + count(d.parties) + count(d.scenarios) + count(d.sliders) + count(d.correlations);
}

interface Pending {
  resolve: (outcome: TaskOutcome) => void;
  reject: (err: Error) => void;
}

let worker: Worker | null = null;
let unavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function start(): Worker | null {
  if (worker || unavailable) return worker;
  let script: string;
  try {
    script = findWorkerScript(BACKGROUND_BUNDLE);
  } catch {
    unavailable = true;
    return null;
  }
  const w = new Worker(script);
  w.unref();
  w.on('message', (m: { id: number; outcome: TaskOutcome }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    p?.resolve(m.outcome);
  });
  w.on('error', (err) => failAll(new Error(`the background thread failed: ${err.message}`)));
  w.on('exit', () => {
    if (worker === w) worker = null;
    failAll(new Error('the background thread stopped'));
  });
  worker = w;
  return w;
}

async function run(task: Task): Promise<unknown> {
  const w = start();
  const outcome = w
    ? await new Promise<TaskOutcome>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        w.postMessage({ id, task });
      })
    : runTask(task);
  if (!outcome.ok) throw new HostError(outcome.error);
  return outcome.value;
}

/** Parses a deal's text (on the background thread when it is long). */
export async function parseInBackground(text: string, inPlace: (text: string) => ParseResult): Promise<ParseResult> {
  return text.length > HEAVY_TEXT_CHARS ? ((await run({ kind: 'parse', text })) as ParseResult) : inPlace(text);
}

/**
 * Validates a deal (on the background thread when it is large). Only the
 * verdict crosses back; a valid deal is then the one given (less any `x-`
 * entries of id-keyed maps), exactly what validateDeal returns.
 */
export async function validateInBackground(raw: unknown): Promise<ValidationResult> {
  if (dealItems(raw) <= HEAVY_DEAL_ITEMS) return validateDeal(raw);
  const verdict = (await run({ kind: 'validate', raw })) as Verdict;
  return verdict.ok ? { ok: true, deal: withoutRecordExtensions(raw) as Deal } : verdict;
}

/** Large deals compiled on the background thread, by their text: a run, its stages and its repeats reuse one. */
const compiled = new Map<string, KernelSpec>();
const COMPILED_CACHE_SIZE = 4;

/**
 * A deal's kernel for the valuation workers (the runner's compile step): in place when the deal is small,
 * on the background thread when it is large (compiling 20,000 series takes a second). Problems come as an
 * EngineError, as compiling in place gives them.
 */
export async function compileInBackground(deal: Deal, conditionOn: string | undefined): Promise<KernelSpec | CompiledDeal> {
  if (dealItems(deal) <= HEAVY_DEAL_ITEMS) return compiledFor(deal, conditionOn);
  const key = `${conditionOn ?? ''}\u0000${JSON.stringify(deal)}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const verdict = (await run({ kind: 'compile', deal, ...(conditionOn === undefined ? {} : { conditionOn }) })) as CompileVerdict;
  if (!verdict.ok) throw new EngineError(verdict.problems);
  if (compiled.size >= COMPILED_CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, verdict.kernel);
  return verdict.kernel;
}

/** A deal's problems (empty when valid): what the validateDeal method answers. */
export async function problemsInBackground(raw: unknown): Promise<Problem[]> {
  const result = await validateInBackground(raw);
  return result.ok ? [] : result.problems;
}

/** An input's density preview, always on the background thread (draws and sorting take tens of milliseconds). */
export async function sampleInBackground(input: unknown, n: number): Promise<InputSample> {
  return (await run({ kind: 'sample', input, n })) as InputSample;
}

/** Stops the background thread (tests, shutdown); the next task starts a new one. */
export async function stopBackground(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
