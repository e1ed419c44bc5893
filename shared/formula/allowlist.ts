/**
 * The formula language of .deal files (../shared/spec/deal-format.md, "Series
 * and formulas"): the one list of what is allowed, shared by the checker
 * (check.ts, load-time errors) and the compiler (engine kernels), so the two
 * can never disagree.
 *
 * Intentionally has no platform imports.
 */

/** mathjs node types a formula may contain. FunctionNode is limited further by FUNCTIONS. */
export const NODE_TYPES = new Set([
  'ConstantNode',
  'SymbolNode',
  'OperatorNode',
  'ParenthesisNode',
  'ConditionalNode',
  'RelationalNode',
  'FunctionNode',
]);

/** mathjs OperatorNode `fn` names allowed, with the operator users write. */
export const OPERATORS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  mod: '%',
  unaryMinus: '-',
  unaryPlus: '+',
  and: 'and',
  or: 'or',
  not: 'not',
  equal: '==',
  unequal: '!=',
  smaller: '<',
  larger: '>',
  smallerEq: '<=',
  largerEq: '>=',
};

/** Comparison functions a RelationalNode (chained comparison) may hold. */
export const COMPARISONS = new Set(['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq']);

/** Plain numeric functions and their allowed argument counts [min, max]. */
export const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
};

/** Functions that take one bare series name: prev(x) is x at t-1 (0 at t = 0), cumsum(x) the sum up to t. */
export const SERIES_FUNCTIONS = new Set(['prev', 'cumsum']);

/** Names the language defines; no input, series, party or term may use them as an id. */
export const BUILTIN_NAMES = new Set(['t', 'year', 'terminated', 'true', 'false']);

export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...BUILTIN_NAMES,
  ...Object.keys(FUNCTIONS),
  ...SERIES_FUNCTIONS,
  // Operator keywords of mathjs syntax cannot be names either.
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'to',
  'in',
  // Words the parser reads as constants, not names: an id spelled so could never be used in a formula.
  'NaN',
  'Infinity',
  'null',
  'undefined',
]);
