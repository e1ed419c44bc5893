/**
 * Structures of a deal, valued together on common random numbers: the
 * request a runner answers (runner.structures), the deal at a position (a
 * set of number overrides, checked like any deal), and the grouping of
 * compiled kernels by their draws that lets structures share each block's
 * draws (paired.ts). The negotiation's moves, the exchange rates and the
 * efficient frontier are written against `StructuresEvaluator`, so they run
 * in process in tests and on the worker pool in the app and the CLI.
 *
 * Intentionally has no platform imports.
 */
import { failureText } from '../problems';
import { setNumberAt } from '../model/paths';
import { numberRuleProblems } from '../model/rules';
import { dealSchema, type Deal } from '../model/schema';
import { kernelSpecOf, type CompiledDeal, type KernelSpec } from './kernel';
import { pairedVariantOf, type Pair, type PairedVariant, type PairStats } from './paired';
import type { VariantStats } from './run-plan';
import { EngineError } from './simulate';

export interface StructuresRequest {
  /** Each structure as a whole deal (checked already: see positionDeal). */
  deals: Deal[];
  /** Pairs of structures whose per-iteration difference (second minus first) is measured. */
  pairs?: readonly Pair[];
  iterations: number;
  seed: number;
}

export interface StructuresResult {
  /** Per structure: each party's mean NPV, its standard error, P(NPV >= walk-away); P(every party is). */
  variants: VariantStats[];
  /** Per pair: each party's mean difference and the standard error of the paired difference. */
  pairs: PairStats[];
}

/** Values structures on common random numbers; `onProgress` hears structure-iterations done of the total. */
export type StructuresEvaluator = (request: StructuresRequest, onProgress?: (done: number, total: number) => void) => Promise<StructuresResult>;

/**
 * The deal with the numbers of `set` (on top of the deal given, usually a
 * scenario or round already applied), or an EngineError naming `where` with
 * the validator's message when that is not a valid deal.
 */
export function positionDeal(deal: Deal, set: Readonly<Record<string, number>>, where: string): Deal {
  let out = deal;
  for (const [path, value] of Object.entries(set)) {
    const next = setNumberAt(out, path, value);
    if (!next.ok) throw new EngineError([{ path: where, message: failureText(next) }]);
    out = next.value;
  }
  if (out === deal) return deal;
  const parsed = dealSchema.safeParse(out);
  const problems = parsed.success ? numberRuleProblems(parsed.data) : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (problems.length > 0) throw new EngineError(problems.map((p) => ({ path: where, message: `${p.path}: ${p.message}` })));
  return out;
}

/** What decides a kernel's draws (and so which structures can share a block's draws): its source, inputs and timeline. */
function drawKey(spec: KernelSpec): string {
  return `${spec.source}\u0000${JSON.stringify(spec.dists)}\u0000${JSON.stringify(spec.correlation)}\u0000${spec.yrs.join()}\u0000${spec.partyIds.join()}`;
}

/** Compiled kernels of structures -> the distinct specs (one per kind of draws) and each structure's numbers. */
export function groupKernels(kernels: readonly (KernelSpec | CompiledDeal)[]): { specs: (KernelSpec | CompiledDeal)[]; variants: PairedVariant[] } {
  const specs: (KernelSpec | CompiledDeal)[] = [];
  const index = new Map<string, number>();
  const variants = kernels.map((kernel) => {
    const key = drawKey(kernelSpecOf(kernel));
    let at = index.get(key);
    if (at === undefined) {
      at = specs.push(kernel) - 1;
      index.set(key, at);
    }
    return pairedVariantOf(kernelSpecOf(kernel), at);
  });
  return { specs, variants };
}
