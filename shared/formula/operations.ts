/**
 * The arithmetic of the formula language where JavaScript's own differs
 * (../shared/spec/deal-format.md, "Precise semantics"): `%` takes the sign of
 * the divisor and x % 0 is x, round goes half away from zero, and a negative
 * base to a fractional power is NaN. The engine's generated kernels define
 * these same functions from their source (KERNEL_HELPERS), and validate folds
 * constant formulas with them, so the two cannot disagree.
 *
 * Intentionally has no platform imports.
 */

export const md = (x: number, y: number): number => (y === 0 ? x : x - y * Math.floor(x / y));
export const rnd = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x));
export const pw = (x: number, y: number): number => (x < 0 && !Number.isInteger(y) ? NaN : Math.pow(x, y));

/** The functions above as kernel source: their own text, so the kernel runs exactly these. */
export const KERNEL_HELPERS = `
const md = ${md.toString()};
const rnd = ${rnd.toString()};
const pw = ${pw.toString()};
`;
