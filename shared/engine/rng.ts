/**
 * Seeded, reproducible random streams. Iterations are cut into fixed blocks
 * (BLOCK_SIZE) and every block draws from its own stream derived from
 * (seed, block index), so a run gives identical numbers whether its blocks are
 * computed by 1, 2 or 8 workers, in any order.
 *
 * Generator: sfc32 (small, fast, passes PractRand/BigCrush), seeded by
 * splitmix32 so that nearby seeds and block indices give unrelated streams.
 *
 * Intentionally has no platform imports.
 */

/** Iterations per block: the unit of work split between workers, and of Iman–Conover reordering. */
export const BLOCK_SIZE = 4096;

export interface Rng {
  /** Uniform on the open interval (0, 1): never exactly 0 or 1, so inverse CDFs stay finite. */
  next(): number;
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Writes the next n uniforms (exactly the values n calls of next() would give) into out[0..n). */
  fill(out: Float64Array, n: number): void;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32. Its state lives in an Int32Array: loads and stores stay untagged
 * 32-bit integers (object fields start out undefined and V8 then keeps them
 * tagged, which made the generator three times slower), and `fill` runs the
 * generator with the state in locals, which is what block sampling spends
 * its time on.
 */
class Sfc32 implements Rng {
  private readonly s: Int32Array;

  constructor(a: number, b: number, c: number) {
    this.s = Int32Array.of(a, b, c, 1);
  }

  nextUint32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const r = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + r) | 0;
    return r >>> 0;
  }

  // 32-bit resolution (2.3e-10, tails to ±6.3 sd) is ample for Monte Carlo and halves the cost;
  // +0.5 keeps it strictly inside (0, 1) so inverse CDFs stay finite.
  next(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  fill(out: Float64Array, n: number): void {
    const s = this.s;
    let a = s[0]!;
    let b = s[1]!;
    let c = s[2]!;
    let d = s[3]!;
    for (let i = 0; i < n; i++) {
      const r = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + r) | 0;
      out[i] = ((r >>> 0) + 0.5) / 4294967296;
    }
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
  }
}

/** sfc32 seeded from two integers (seed, stream). */
export function createRng(seed: number, stream: number): Rng {
  // Fold a seed of any integer size into 32 bits without losing its high part.
  const hi = Math.floor(seed / 4294967296) | 0;
  const mix = splitmix32((seed | 0) ^ Math.imul(hi, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1));
  const rng = new Sfc32(mix(), mix(), mix());
  for (let i = 0; i < 12; i++) rng.nextUint32();
  return rng;
}

/** The stream of one block of a run. */
export function blockRng(seed: number, block: number): Rng {
  return createRng(seed, block);
}

/**
 * The per-period hazard stream of one iteration (mulberry32). Kernels inline
 * the same arithmetic (see hazardStep in kernel source); the reference
 * interpreter in the tests calls this.
 */
export function hazardUniforms(seed: number, periods: number): Float64Array {
  const out = new Float64Array(periods);
  let s = seed | 0;
  for (let t = 0; t < periods; t++) {
    s = (s + 0x6d2b79f5) | 0;
    let z = Math.imul(s ^ (s >>> 15), 1 | s);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    out[t] = (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296;
  }
  return out;
}

/** Number of blocks of a run, and the size of block `b`. */
export function blockCount(iterations: number): number {
  return Math.ceil(iterations / BLOCK_SIZE);
}
export function blockLength(iterations: number, b: number): number {
  return Math.min(BLOCK_SIZE, iterations - b * BLOCK_SIZE);
}
