/**
 * The one-pass loops every statistic is built from: sum, squared deviations,
 * extremes, threshold counts. Each function holds one loop: V8 optimises small
 * single-loop functions well, where one function with several long loops kept
 * deoptimising as each later loop was reached without type feedback.
 *
 * Intentionally has no platform imports.
 */

export function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

/** Σ (v - mean)² */
export function squaredDeviations(values: Float64Array, mean: number): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    s += d * d;
  }
  return s;
}

/** [smallest, largest] ([Infinity, -Infinity] when empty). */
export function minMax(values: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** How many values are >= threshold (pAboveWalkAway counts NPV >= walk-away). */
export function countAtLeast(values: Float64Array, threshold: number): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! >= threshold) c++;
  return c;
}

/** Clears the flag of every value below threshold (or not a number): what is left marks the values >= it. */
export function clearBelow(values: Float64Array, threshold: number, flags: Uint8Array): void {
  for (let i = 0; i < values.length; i++) if (!(values[i]! >= threshold)) flags[i] = 0;
}

/** How many flags are set. */
export function countSet(flags: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < flags.length; i++) c += flags[i]!;
  return c;
}
