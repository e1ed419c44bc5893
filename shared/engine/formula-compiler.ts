/**
 * Compiles one formula (mathjs syntax, checked against the single allowlist in
 * ../formula/allowlist.ts) into a JavaScript expression over generated
 * variable names. No user text ever enters the generated source: names map to
 * slots chosen by the caller (`resolve`), numbers are emitted from their
 * numeric value, and any node outside the allowlist is refused with a problem
 * that names the formula's path.
 *
 * This is defence in depth: files are validated on load too, but the compiler
 * never trusts that they were.
 *
 * Semantics (../shared/spec/deal-format.md, "Precise semantics"): exact IEEE
 * comparisons, booleans as 1/0, `%` with the sign of the divisor and x % 0 = x,
 * round half away from zero, NaN for sqrt/log of negatives and a negative base
 * to a fractional power (what Math.* gives).
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import type { MathNode } from 'mathjs';
import { COMPARISONS, FUNCTIONS, NODE_TYPES, OPERATORS, SERIES_FUNCTIONS } from '../formula/allowlist';
// The one lean mathjs instance (the parser's factories only): importing the full library would build
// every typed function at start-up, ~0.8 s of a cold CLI call, for a parse.
import { parseFormula } from '../formula/check';
import { bracketProblem, chainFamily, chainSpine, EMPTY_EXPRESSION_MESSAGE, isEmptyExpression, NESTING_MESSAGE, treeProblem, type TreeNode } from '../formula/nesting';

/** What a name means where the formula is evaluated. */
export type NameRef =
  /** `periodic`: the value changes from period to period (t, year, terminated). */
  | { kind: 'value'; code: string; periodic?: boolean }
  | { kind: 'series'; code: string; prevCode: string; cumsumCode: string; id: string }
  | { kind: 'unavailable'; why: string };

export interface CompiledFormula {
  code: string;
  /** Series read in the same period (including through cumsum), for ordering. */
  sameperiodSeries: Set<string>;
  /** Series read through prev() and cumsum(). */
  prevSeries: Set<string>;
  cumsumSeries: Set<string>;
  /** True when the value can change between periods by itself (t, year, terminated, prev, cumsum). */
  periodic: boolean;
}

export type FormulaResult = Result<{ value: CompiledFormula }>;

/** Helpers every kernel defines before using compiled expressions (md, rnd, pw: ../formula/operations.ts). */
export { KERNEL_HELPERS } from '../formula/operations';

const MATH_FN: Readonly<Record<string, string>> = {
  min: 'Math.min',
  max: 'Math.max',
  abs: 'Math.abs',
  sqrt: 'Math.sqrt',
  exp: 'Math.exp',
  log: 'Math.log',
  floor: 'Math.floor',
  ceil: 'Math.ceil',
  round: 'rnd',
};

const BINARY: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/' };
const COMPARE: Readonly<Record<string, string>> = {
  equal: '===',
  unequal: '!==',
  smaller: '<',
  larger: '>',
  smallerEq: '<=',
  largerEq: '>=',
};

/** A finite or infinite number as a JavaScript literal (never text from the file). */
export function numberLiteral(v: number): string {
  if (typeof v !== 'number' || Number.isNaN(v)) return '(0/0)';
  if (v === Infinity) return '(1/0)';
  if (v === -Infinity) return '(-1/0)';
  if (Object.is(v, -0)) return '(-0)';
  return `(${String(v)})`;
}

/**
 * Parsed formulas by source text. A slider move changes a number, not the
 * formulas, so recompiling a deal on the slider path reuses every parse (the
 * slow part); emitting code from a tree is cheap. Trees are only read.
 */
const parseCache = new Map<string, MathNode>();
const PARSE_CACHE_SIZE = 4000;

function parsed(source: string): MathNode {
  const hit = parseCache.get(source);
  if (hit) return hit;
  const node = parseFormula(source);
  if (parseCache.size >= PARSE_CACHE_SIZE) parseCache.delete(parseCache.keys().next().value!);
  parseCache.set(source, node);
  return node;
}

class FormulaError extends Error {
  constructor(
    message: string,
    readonly column?: number,
  ) {
    super(message);
  }
}

function columnOf(source: string, name: string): number | undefined {
  const m = new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, '')}(?![A-Za-z0-9_])`).exec(source);
  return m ? m.index + m[1]!.length + 1 : undefined;
}

/**
 * Compiles `source` at `path`. `resolve` maps each identifier to generated
 * code, or says why it cannot be used there.
 */
export function compileFormula(source: string | number, path: string, resolve: (name: string) => NameRef | undefined): FormulaResult {
  if (typeof source === 'number') {
    return { ok: true, value: { code: numberLiteral(source), sameperiodSeries: new Set(), prevSeries: new Set(), cumsumSeries: new Set(), periodic: false } };
  }
  // The same nesting limit as the checker (../formula/nesting.ts): a formula validate accepts compiles here.
  const brackets = bracketProblem(source);
  if (brackets) return { ok: false, problems: [{ path, ...brackets }] };
  let root: MathNode;
  try {
    root = parsed(source);
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, problems: [{ path, message: NESTING_MESSAGE, column: 1 }] };
    const message = err instanceof Error ? err.message : String(err);
    const m = /\(char (\d+)\)/.exec(message);
    return { ok: false, problems: [{ path, message: `cannot read the formula: ${message.replace(/ \(char \d+\)/, '')}`, ...(m ? { column: Number(m[1]) } : {}) }] };
  }
  if (isEmptyExpression(root as unknown as TreeNode, source)) return { ok: false, problems: [{ path, message: EMPTY_EXPRESSION_MESSAGE, column: 1 }] };
  const deep = treeProblem(source, root as unknown as TreeNode);
  if (deep) return { ok: false, problems: [{ path, ...deep }] };
  const sameperiodSeries = new Set<string>();
  const prevSeries = new Set<string>();
  const cumsumSeries = new Set<string>();
  let periodic = false;

  const name = (n: string): Exclude<NameRef, { kind: 'unavailable' }> => {
    const ref = resolve(n);
    if (!ref) throw new FormulaError(`unknown name "${n}" (not an input, a series, t, year or terminated)`, columnOf(source, n));
    if (ref.kind === 'unavailable') throw new FormulaError(ref.why, columnOf(source, n));
    return ref;
  };

  const emit = (node: MathNode): string => {
    if (!NODE_TYPES.has(node.type)) throw new FormulaError(`${describeNode(node)} is not allowed in a formula`);
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value === 'number') return numberLiteral(value);
        if (typeof value === 'boolean') return value ? '1' : '0';
        throw new FormulaError(`${typeof value === 'string' ? 'text' : 'this value'} is not allowed in a formula (numbers only)`);
      }
      case 'SymbolNode': {
        const ref = name((node as unknown as { name: string }).name);
        if (ref.kind === 'series') sameperiodSeries.add(ref.id);
        else if (ref.periodic) periodic = true;
        return ref.code;
      }
      // Every emitted expression is already bracketed or a call or a name, so brackets and the parts of a
      // condition need no more of their own: fewer levels for the JavaScript parser to descend.
      case 'ParenthesisNode':
        return emit((node as unknown as { content: MathNode }).content);
      case 'ConditionalNode': {
        const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        return `(${emit(c.condition)} ? ${emit(c.trueExpr)} : ${emit(c.falseExpr)})`;
      }
      case 'OperatorNode': {
        const o = node as unknown as { fn: string; op: string; args: MathNode[]; implicit?: boolean; isPercentage?: boolean };
        operatorAllowed(o);
        if (chainFamily(node as unknown as TreeNode) !== undefined) return emitChain(node);
        const a = o.args.map(emit);
        if (a.length === 1) {
          if (o.fn === 'unaryMinus') return `(-${a[0]})`;
          if (o.fn === 'unaryPlus') return `(+${a[0]})`;
          if (o.fn === 'not') return `(${a[0]} ? 0 : 1)`;
        } else if (a.length === 2) {
          // + - * / and, or are chains (emitChain). A negative base (even -Infinity) to a fractional power is NaN, as the spec says; Math.pow alone gives ±Infinity or 0 there.
          if (o.fn === 'pow') return `pw(${a[0]}, ${a[1]})`;
          if (o.fn === 'mod') return `md(${a[0]}, ${a[1]})`;
          const cmp = COMPARE[o.fn];
          if (cmp) return `(${a[0]} ${cmp} ${a[1]} ? 1 : 0)`;
        }
        throw new FormulaError(`the operator "${o.op}" is not allowed here`);
      }
      case 'RelationalNode': {
        const r = node as unknown as { conditionals: string[]; params: MathNode[] };
        const p = r.params.map(emit);
        const parts = r.conditionals.map((fn, i) => {
          if (!COMPARISONS.has(fn) || !COMPARE[fn]) throw new FormulaError(`the comparison "${fn}" is not allowed`);
          return `${p[i]} ${COMPARE[fn]} ${p[i + 1]}`;
        });
        return `(${parts.join(' && ')} ? 1 : 0)`;
      }
      case 'FunctionNode': {
        const f = node as unknown as { fn: MathNode; args: MathNode[] };
        if (f.fn.type !== 'SymbolNode') throw new FormulaError('only the functions min, max, abs, sqrt, exp, log, floor, ceil, round, prev and cumsum may be called');
        const fname = (f.fn as unknown as { name: string }).name;
        if (SERIES_FUNCTIONS.has(fname)) {
          const arg = f.args[0];
          if (f.args.length !== 1 || !arg || arg.type !== 'SymbolNode') throw new FormulaError(`${fname}() takes one series name, e.g. ${fname}(netSales)`, columnOf(source, fname));
          const argName = (arg as unknown as { name: string }).name;
          const ref = name(argName);
          if (ref.kind !== 'series') throw new FormulaError(`${fname}() takes a series name; "${argName}" is not a series`, columnOf(source, argName));
          periodic = true;
          if (fname === 'cumsum') {
            sameperiodSeries.add(ref.id);
            cumsumSeries.add(ref.id);
            return ref.cumsumCode;
          }
          prevSeries.add(ref.id);
          return ref.prevCode;
        }
        const arity = Object.prototype.hasOwnProperty.call(FUNCTIONS, fname) ? FUNCTIONS[fname] : undefined;
        const js = MATH_FN[fname];
        if (!arity || !js) throw new FormulaError(`unknown function "${fname}" (allowed: min, max, abs, sqrt, exp, log, floor, ceil, round, prev, cumsum)`, columnOf(source, fname));
        if (f.args.length < arity[0] || f.args.length > arity[1]) {
          throw new FormulaError(`${fname}() takes ${arity[0] === arity[1] ? `${arity[0]} argument` : `at least ${arity[0]} argument`}${arity[0] === 1 ? '' : 's'}`, columnOf(source, fname));
        }
        return `${js}(${f.args.map(emit).join(', ')})`;
      }
      default:
        throw new FormulaError(`${describeNode(node)} is not allowed in a formula`);
    }
  };

  function operatorAllowed(o: { fn: string; op: string; implicit?: boolean; isPercentage?: boolean }): void {
    if (o.implicit) throw new FormulaError('implicit multiplication (like 2x) is not allowed: write 2 * x');
    if (o.isPercentage) throw new FormulaError('the percent sign is not allowed: write 0.05 for 5%');
    if (!Object.prototype.hasOwnProperty.call(OPERATORS, o.fn) || OPERATORS[o.fn] !== o.op) {
      throw new FormulaError(`the operator "${o.op}" is not allowed in a formula`);
    }
  }

  /**
   * `a + b - c + …` (or * /, and, or) as one flat JavaScript expression, walked along its spine: the
   * same left-to-right evaluation as the nested form, without a level per term (a 2,000-term sum
   * would otherwise exceed what the JavaScript parser accepts).
   */
  function emitChain(root: MathNode): string {
    const spine = chainSpine(root as unknown as TreeNode) as unknown as { fn: string; op: string; args: MathNode[]; implicit?: boolean; isPercentage?: boolean }[];
    for (let k = spine.length - 1; k >= 1; k--) operatorAllowed(spine[k]!);
    let code = emit(spine[0] as unknown as MathNode);
    const logical = spine[spine.length - 1]!.fn === 'and' || spine[spine.length - 1]!.fn === 'or';
    for (let k = 1; k < spine.length; k++) {
      const o = spine[k]!;
      const js = o.fn === 'and' ? '&&' : o.fn === 'or' ? '||' : BINARY[o.fn]!;
      code += ` ${js} ${emit(o.args[1]!)}`;
    }
    // and/or give 1 or 0: `a && b && c` is truthy exactly when each part is, as nested and()s are.
    return logical ? `(${code} ? 1 : 0)` : `(${code})`;
  }

  try {
    const code = emit(root);
    return { ok: true, value: { code, sameperiodSeries, prevSeries, cumsumSeries, periodic } };
  } catch (err) {
    if (err instanceof FormulaError) return { ok: false, problems: [{ path, message: err.message, ...(err.column ? { column: err.column } : {}) }] };
    throw err;
  }
}

function describeNode(node: MathNode): string {
  switch (node.type) {
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return 'assignment';
    case 'AccessorNode':
    case 'IndexNode':
      return 'indexing';
    case 'ObjectNode':
      return 'an object';
    case 'ArrayNode':
      return 'a matrix';
    case 'BlockNode':
      return 'several expressions';
    case 'RangeNode':
      return 'a range';
    default:
      return node.type.replace(/Node$/, '').toLowerCase();
  }
}
