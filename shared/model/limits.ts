/**
 * The hard limits of a deal file and a run, and the spelling of an id
 * (../shared/spec/deal-format.md). On their own, without the schema library,
 * so code that only needs these (the CLI before it loads anything heavy, its
 * one-line error output) stays light.
 *
 * Intentionally has no platform imports.
 */
export const LIMITS = {
  maxFileBytes: 5 * 1024 * 1024,
  maxIterations: 10_000_000,
  maxPeriods: 1200,
} as const;

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
