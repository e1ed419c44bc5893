/**
 * Each deal of a portfolio draws from its own stream, derived from the deal's
 * own seed and its place in the portfolio's list (deal-format.md,
 * "Portfolios"): two deals that happen to share a seed (every new deal starts
 * at 42) are still drawn independently, and moving a deal in the list is a
 * new draw of it. The derived seed is an ordinary seed: `dealwright value
 * FILE --seed <it>` at the portfolio's iterations gives that deal's row
 * exactly.
 *
 * Intentionally has no platform imports.
 */

/** Murmur3's 32-bit finaliser: every input bit reaches every output bit. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_32 = 4294967296;

/** The seed of the deal at `place` (0-based) in a portfolio, from the deal's own seed: a whole number from 0 to 2^53 - 1. */
export function memberSeed(seed: number, place: number): number {
  const lo = seed % TWO_32 | 0;
  const hi = Math.floor(seed / TWO_32) | 0;
  let a = mix32(lo ^ 0x9e3779b9);
  a = mix32(a ^ hi);
  a = mix32(a ^ Math.imul(place + 1, 0x632be5ab));
  const b = mix32(a ^ 0x7f4a7c15);
  return (b & 0x1fffff) * TWO_32 + a;
}
