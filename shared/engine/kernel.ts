/**
 * A compiled deal as it travels: the generated kernel source with every
 * number it closes over (discount factors, period years, term-field numbers)
 * and what sampling and statistics need (prepared distributions, correlation
 * plan, party ids), all plain data, so the main thread compiles a deal once
 * and hands the result to the workers. A worker links it (one `new Function`
 * per distinct source, cached) and never needs the formula parser or the
 * schema library: that keeps its bundle, and its start-up, small.
 *
 * Intentionally has no platform imports, and nothing that parses formulas or
 * validates files (the worker bundle is built from this module's imports).
 */
import type { CorrelationPlan } from './correlation';
import type { PreparedDist } from './distributions';
import type { FaultKind } from './term-codegen';

/** Where a kernel writes one block's results. */
export interface KernelOut {
  /** Per party: NPV of each iteration of the block. */
  npv: Float64Array[];
  /** Per party: per-period sum of nominal cash flows over the block's iterations (added to). */
  sums: Float64Array[];
  /** Optional raw flows of the first `flowRows` iterations, laid out [iteration][party][period]. */
  flows: Float64Array | null;
  flowRows: number;
  /** Optional: 1 when the condition series was true in some period of the iteration. */
  cond: Uint8Array | null;
  /** On failure: [iteration, location index (-1 unknown), period (-1 none), the value at fault]. */
  fault: number[];
}

export type Kernel = (cols: Float64Array[], hz: Uint32Array, n: number, out: KernelOut) => number;

/** A place the kernel can report a fault at: a series or term (kind 'flow'), or a field (timing, probability). */
export interface FaultLocation {
  kind: FaultKind;
  /** The problem path: `series.netSales`, `terms.upfront`, `terms.upfront.at`. */
  path: string;
  /** How a person names it: `series "netSales"`, `term "upfront"`, `terms.upfront.at`. */
  label: string;
}

/** A compiled deal without its function: what crosses to a worker (structured-clonable). */
export interface KernelSpec {
  inputIds: string[];
  dists: PreparedDist[];
  /**
   * Per input: drawn every period (`per: "period"`). Its column then holds n × periods draws,
   * iteration k's in [k × periods, (k + 1) × periods).
   */
  perPeriod: boolean[];
  correlation: CorrelationPlan | null;
  /** Input column index of each correlated input, in plan order. */
  correlatedColumns: number[];
  partyIds: string[];
  walkAway: number[];
  periods: number;
  hazards: number;
  seriesOrder: string[];
  conditionSeries: string | null;
  /** Where a fault can be, by the location index the kernel reports. */
  locations: FaultLocation[];
  /** The generated kernel factory's body: generated names and numeric literals only. */
  source: string;
  /** What the factory closes over: per-party discount factors, each period's year, the term fields' plain numbers. */
  disc: Float64Array[];
  yrs: Float64Array;
  fieldNumbers: Float64Array;
}

/** A compiled deal ready to run on this thread. */
export interface CompiledDeal extends KernelSpec {
  kernel: Kernel;
}

type KernelFactory = (disc: Float64Array[], yrs: Float64Array, K: Float64Array) => Kernel;

/**
 * Generated kernels by source text. Deals that differ only in plain numbers
 * (a slider move, a scenario, a goal-seek step) share one source, so they share
 * one function that V8 has already optimised: a fresh `new Function` per move
 * would start cold in the interpreter on every 10k-iteration preview.
 */
const factories = new Map<string, KernelFactory>();
const FACTORY_CACHE_SIZE = 64;

function kernelFactory(source: string): KernelFactory {
  let factory = factories.get(source);
  if (!factory) {
    // The source holds generated names and numeric literals only (see formula-compiler.ts): compiling it
    // is the point of the engine (per-sample interpretation is ~2000x slower).
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    factory = new Function('disc', 'yrs', 'K', source) as KernelFactory;
    if (factories.size >= FACTORY_CACHE_SIZE) factories.delete(factories.keys().next().value!);
    factories.set(source, factory);
  }
  return factory;
}

/**
 * Linked kernels by source and the numbers they close over. A worker receives a fresh copy of the
 * spec with every job; linking each copy anew would give V8 a new closure every time, and a function
 * with many closures is optimised without specialising on the values it closes over (measurably
 * slower kernels at 1M iterations). So the same kernel with the same numbers is one closure.
 */
const linked = new Map<string, Kernel>();
const LINKED_CACHE_SIZE = 16;

/** The runnable kernel of a spec (a spec that is already linked is returned as it is). */
export function linkKernel(spec: KernelSpec | CompiledDeal): CompiledDeal {
  if ('kernel' in spec && typeof spec.kernel === 'function') return spec;
  const key = `${spec.source}\u0000${spec.fieldNumbers.join()}\u0000${spec.yrs.join()}\u0000${spec.disc.map((d) => d.join()).join(';')}`;
  let kernel = linked.get(key);
  if (kernel) {
    linked.delete(key);
  } else {
    kernel = kernelFactory(spec.source)(spec.disc, spec.yrs, spec.fieldNumbers);
    if (linked.size >= LINKED_CACHE_SIZE) linked.delete(linked.keys().next().value!);
  }
  linked.set(key, kernel);
  return { ...spec, kernel };
}

/** A kernel's spec without its function (if it has one), to post to a worker. */
export function kernelSpecOf(kernel: KernelSpec | CompiledDeal): KernelSpec {
  if (!('kernel' in kernel)) return kernel;
  const { kernel: _kernel, ...spec } = kernel;
  return spec;
}
