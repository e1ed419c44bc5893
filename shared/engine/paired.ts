/**
 * Several structures of one deal on common random numbers, with the paired
 * differences between them: the engine behind the worth of a negotiation
 * move, the exchange rates of the sliders and the efficient frontier.
 *
 * A structure is the deal with some numbers changed (a round, a round with
 * one move made, a slider one step on, a frontier point). Structures that
 * differ only in plain numbers (term fields, discount rates, walk-aways)
 * share one compiled kernel and one draw of every block: each runs the
 * block's draws through the kernel linked with its own numbers. Structures
 * whose inputs differ draw the block from the same stream with their own
 * distributions, exactly as a separate run with the same seed would. So the
 * mean of every structure is the mean a full valuation of it gives (the same
 * per-block sums, added in block order), and the difference between two
 * structures is measured iteration by iteration: its standard error comes
 * from the spread of the per-iteration differences, which common draws make
 * far smaller than the two means' own standard errors combined.
 *
 * Per block the output holds, for every structure, each party's NPV sum, sum
 * of squares and count at or above its walk-away and the count where every
 * party is (meansStride), then for every pair, each party's sum and sum of
 * squares of the differences.
 *
 * Intentionally has no platform imports (workers run it).
 */
import { kernelSpecOf, linkKernel, type CompiledDeal, type KernelOut, type KernelSpec } from './kernel';
import { BLOCK_SIZE, blockLength } from './rng';
import { blockMoments, drawBlock, drawScratch, KernelFault, meansStride, type BlockRange, type BlockSteps } from './simulate';

/** One structure of a paired job: which shared spec it runs (its draws), with its own plain numbers. */
export interface PairedVariant {
  spec: number;
  fieldNumbers: Float64Array;
  disc: Float64Array[];
  walkAway: number[];
}

/** A pair of structures (indices) whose per-iteration difference, second minus first, is measured. */
export type Pair = readonly [number, number];

/** Numbers per block of a paired job's output. */
export function pairedStride(nVariants: number, nPairs: number, nParties: number): number {
  return nVariants * meansStride(nParties) + nPairs * 2 * nParties;
}

/** A kernel's numbers as one variant of the spec at `spec`. */
export function pairedVariantOf(kernel: KernelSpec, spec: number): PairedVariant {
  return { spec, fieldNumbers: kernel.fieldNumbers, disc: kernel.disc, walkAway: kernel.walkAway };
}

/** Σd and Σd² of b - a, written at out[at] and out[at + 1]. */
function pairSums(a: Float64Array, b: Float64Array, out: Float64Array, at: number): void {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < a.length; i++) {
    const d = b[i]! - a[i]!;
    s += d;
    s2 += d * d;
  }
  out[at] = s;
  out[at + 1] = s2;
}

/** A paired job one block per step (each step runs the block once per structure). */
export function simulatePairedSteps(
  specs: readonly (KernelSpec | CompiledDeal)[],
  variants: readonly PairedVariant[],
  pairs: readonly Pair[],
  range: BlockRange,
): BlockSteps<Float64Array> {
  const nP = specs[0]!.partyIds.length;
  const P = specs[0]!.periods;
  const nV = variants.length;
  const stride = pairedStride(nV, pairs.length, nP);
  const mStride = meansStride(nP);
  const sums = new Float64Array((range.endBlock - range.firstBlock) * stride);
  const portable = specs.map((s) => kernelSpecOf(s));
  const kernels = variants.map((v) => linkKernel({ ...portable[v.spec]!, fieldNumbers: v.fieldNumbers, disc: v.disc, walkAway: v.walkAway }).kernel);
  const scratch = specs.map((s) => drawScratch(s));
  const bySpec = specs.map((_, s) => variants.flatMap((v, i) => (v.spec === s ? [i] : [])));
  // Every structure's NPVs of the block stay until the pairs are measured.
  const npv = variants.map(() => Array.from({ length: nP }, () => new Float64Array(BLOCK_SIZE)));
  const flowSums = Array.from({ length: nP }, () => new Float64Array(P));
  const every = new Uint8Array(BLOCK_SIZE);
  let b = range.firstBlock;
  return {
    step() {
      if (b >= range.endBlock) return 0;
      const n = blockLength(range.iterations, b);
      const base = (b - range.firstBlock) * stride;
      specs.forEach((spec, s) => {
        if (bySpec[s]!.length === 0) return;
        const draws = drawBlock(spec, range.seed, b, n, scratch[s]);
        for (const v of bySpec[s]!) {
          const out: KernelOut = { npv: npv[v]!, sums: flowSums, flows: null, flowRows: 0, cond: null, fault: [-1, -1, -1, 0] };
          if (kernels[v]!(draws.cols, draws.hz, n, out) >= 0) throw new KernelFault(b, v);
          blockMoments(npv[v]!, variants[v]!.walkAway, n, every, sums, base + v * mStride);
        }
      });
      pairs.forEach(([x, y], k) => {
        const at = base + nV * mStride + k * 2 * nP;
        for (let p = 0; p < nP; p++) pairSums(npv[x]![p]!.subarray(0, n), npv[y]![p]!.subarray(0, n), sums, at + 2 * p);
      });
      b++;
      return n * nV;
    },
    result: () => sums,
  };
}

/** Each party's mean difference (second minus first) and its standard error from the per-iteration differences. */
export interface PairStats {
  mean: number[];
  se: number[];
}
