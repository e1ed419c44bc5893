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

/** sfc32 seeded from two integers (seed, stream). */
export function createRng(seed: number, stream: number): Rng {
  // Fold a seed of any integer size into 32 bits without losing its high part.
  const hi = Math.floor(seed / 4294967296) | 0;
  const mix = splitmix32((seed | 0) ^ Math.imul(hi, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = 1;
  const nextUint32 = (): number => {
    const r = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + r) | 0;
    return r >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    nextUint32,
    // 32-bit resolution (2.3e-10, tails to ±6.3 sd) is ample for Monte Carlo and halves the cost;
    // +0.5 keeps it strictly inside (0, 1) so inverse CDFs stay finite.
    next: () => (nextUint32() + 0.5) / 4294967296,
  };
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
