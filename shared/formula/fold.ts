/**
 * Values of formulas that read nothing drawn at random: no inputs, series or
 * `terminated`, only numbers, `t` and `year`. Their value in every period is
 * known before anything is valued, so validate can check it where the engine
 * would otherwise only find out mid-run (a timing of `sqrt(-1)`, a hazard of
 * `1.5 + t`). Evaluation follows the compiled kernel exactly: the same
 * operations (operations.ts), booleans as 1 and 0, JavaScript truthiness.
 *
 * Runs on trees that checkFormula accepted (allowlisted, at most 64 levels
 * deep); flat chains are walked, not recursed.
 *
 * Intentionally has no platform imports.
 */
import type { MathNode } from 'mathjs/number';
import type { FormulaRefs } from './check';
import { chainFamily, chainSpine, type TreeNode } from './nesting';
import { md, pw, rnd } from './operations';

/** Whether a checked formula's value depends only on the period (t, year). */
export function foldable(refs: FormulaRefs): boolean {
  return refs.inputs.length === 0 && refs.series.length === 0 && refs.prev.length === 0 && refs.cumsum.length === 0 && !refs.builtins.includes('terminated');
}

type Node = TreeNode & Record<string, unknown>;

const FUNCTIONS: Readonly<Record<string, (...x: number[]) => number>> = {
  min: Math.min,
  max: Math.max,
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  floor: Math.floor,
  ceil: Math.ceil,
  round: rnd,
};

function compare(fn: string, a: number, b: number): boolean {
  switch (fn) {
    case 'equal':
      return a === b;
    case 'unequal':
      return a !== b;
    case 'smaller':
      return a < b;
    case 'larger':
      return a > b;
    case 'smallerEq':
      return a <= b;
    case 'largerEq':
      return a >= b;
    default:
      throw new Error(`comparison ${fn} is not in the formula language`);
  }
}

/** The value of a foldable formula in the period where `t` and `year` have these values. */
export function evaluateFolded(ast: MathNode, scope: { t: number; year: number }): number {
  const value = (node: Node): number => {
    switch (node.type) {
      case 'ConstantNode':
        return typeof node.value === 'boolean' ? (node.value ? 1 : 0) : (node.value as number);
      case 'SymbolNode': {
        const name = node.name as string;
        if (name === 't') return scope.t;
        if (name === 'year') return scope.year;
        if (name === 'true') return 1;
        if (name === 'false') return 0;
        throw new Error(`"${name}" is not foldable`);
      }
      case 'ParenthesisNode':
        return value(node.content as Node);
      case 'ConditionalNode':
        return value(node.condition as Node) ? value(node.trueExpr as Node) : value(node.falseExpr as Node);
      case 'RelationalNode': {
        const params = (node.params as Node[]).map(value);
        return (node.conditionals as string[]).every((fn, i) => compare(fn, params[i]!, params[i + 1]!)) ? 1 : 0;
      }
      case 'FunctionNode': {
        const fn = FUNCTIONS[(node.fn as { name: string }).name]!;
        return fn(...(node.args as Node[]).map(value));
      }
      case 'OperatorNode':
        return operator(node);
      default:
        throw new Error(`${node.type} is not in the formula language`);
    }
  };

  const operator = (node: Node): number => {
    const fn = node.fn as string;
    const args = node.args as Node[];
    if (chainFamily(node) !== undefined) {
      const spine = chainSpine(node) as Node[];
      let acc = value(spine[0]!);
      if (fn === 'and' || fn === 'or') {
        // As the kernel's `a && b && c ? 1 : 0` (a chain is all `and` or all `or`): the first part that decides.
        let truth = !!acc;
        for (let k = 1; k < spine.length && (fn === 'and' ? truth : !truth); k++) truth = !!value((spine[k]!.args as Node[])[1]!);
        return truth ? 1 : 0;
      }
      for (let k = 1; k < spine.length; k++) {
        const right = value((spine[k]!.args as Node[])[1]!);
        const op = spine[k]!.fn as string;
        acc = op === 'add' ? acc + right : op === 'subtract' ? acc - right : op === 'multiply' ? acc * right : acc / right;
      }
      return acc;
    }
    if (args.length === 1) {
      const x = value(args[0]!);
      return fn === 'unaryMinus' ? -x : fn === 'not' ? (x ? 0 : 1) : +x;
    }
    const a = value(args[0]!);
    const b = value(args[1]!);
    if (fn === 'pow') return pw(a, b);
    if (fn === 'mod') return md(a, b);
    return compare(fn, a, b) ? 1 : 0;
  };

  return value(ast as unknown as Node);
}

/** How a value that is not a number reads: "NaN (not a number)", "infinite", or the number. */
export function describeValue(v: number): string {
  return Number.isNaN(v) ? 'NaN (not a number)' : v === Infinity ? 'infinite' : v === -Infinity ? 'minus infinity' : String(Number(v.toPrecision(6)));
}

/** Why a timing (at, until, from) that is not a finite number is refused: validate and value say the same. */
export function timingMessage(value: number): string {
  return `is ${describeValue(value)}, not a period: it must give a finite number (e.g. no sqrt or log of a negative number, no division by zero)`;
}

/** Why a hazard outside 0 to 1 is refused, in the period where it is: validate and value say the same. */
export function hazardMessage(value: number, period: number): string {
  return `is ${describeValue(value)}${period >= 0 ? ` in period ${period}` : ''}: a hazard is a probability per period and must be from 0 to 1`;
}

/** A factor of a royalty adjustment outside 0 to 1. */
export function factorMessage(value: number, period: number): string {
  return `is ${describeValue(value)}${period >= 0 ? ` in period ${period}` : ''}: an adjustment factor multiplies the royalty and must be from 0 to 1`;
}

/** A royalty cap that is negative or not a number. */
export function capMessage(value: number): string {
  return `is ${describeValue(value)}: a royalty cap is the most paid over the deal and must be a number of at least 0`;
}

/** The message for a value the file makes impossible to use, by what kind of value it is. */
export function faultMessage(kind: 'timing' | 'probability' | 'factor' | 'cap', value: number, period: number): string {
  switch (kind) {
    case 'timing':
      return timingMessage(value);
    case 'probability':
      return hazardMessage(value, period);
    case 'factor':
      return factorMessage(value, period);
    case 'cap':
      return capMessage(value);
  }
}
