/**
 * The hard limits of a deal file and a run (../shared/spec/deal-format.md).
 * On their own, without the schema library, so code that only checks a flag
 * against them (the CLI before it loads anything heavy) stays light.
 *
 * Intentionally has no platform imports.
 */
export const LIMITS = {
  maxFileBytes: 5 * 1024 * 1024,
  maxIterations: 10_000_000,
  maxPeriods: 1200,
} as const;
