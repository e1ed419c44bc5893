/**
 * The formula front end: parse a formula with the mathjs parser, walk the
 * tree through the allowlist (allowlist.ts), resolve every name against the
 * deal's inputs and series, and say what the formula refers to. The engine
 * compiles the checked tree; nothing here evaluates user text.
 *
 * Every outcome is a value: bad text gives problems with a 1-based column,
 * never a throw.
 *
 * Intentionally has no platform imports.
 */
import { create, parseDependencies, type MathNode } from 'mathjs/number';
import type { Problem, Result } from '../problems';
import { didYouMean } from '../model/suggest';
import { BUILTIN_NAMES, COMPARISONS, FUNCTIONS, OPERATORS, SERIES_FUNCTIONS } from './allowlist';
import { Locator } from './locate';
import { bracketProblem, chainFamily, chainSpine, EMPTY_EXPRESSION_MESSAGE, isEmptyExpression, NESTING_MESSAGE, treeProblem, type TreeNode } from './nesting';

const { parse } = create({ parseDependencies });

/**
 * When a formula is evaluated, which decides the names it may use:
 * - `series`: a series, every period: inputs, series, t, year, terminated;
 * - `period`: a term field evaluated every period: the same names;
 * - `iteration`: `at`, `until`, a termination's `from`, a royalty's `cap`: once per iteration,
 *   inputs drawn once per iteration only.
 */
export type FormulaScope = 'series' | 'period' | 'iteration';

export interface FormulaEnv {
  inputs: ReadonlySet<string>;
  series: ReadonlySet<string>;
  scope: FormulaScope;
  /** Inputs drawn every period: not in a once-per-iteration field, not under prev/cumsum. */
  perPeriod?: ReadonlySet<string>;
}

/** What a checked formula refers to; each list is sorted and without repeats. */
export interface FormulaRefs {
  inputs: string[];
  /** Series used in the same period, including through cumsum (these are dependency edges). */
  series: string[];
  /** Series used through prev() only need the previous period: not a dependency edge. */
  prev: string[];
  cumsum: string[];
  builtins: string[];
}

export type FormulaCheck = Result<{ ast: MathNode; refs: FormulaRefs }>;

export const MAX_FORMULA_LENGTH = 10_000;

/** Thrown inside the walk when a construct is outside the language; the walk stops there. */
class Disallowed extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = 'Disallowed';
  }
}

interface NodeLike {
  type: string;
}
type Node = NodeLike & Record<string, unknown>;

/** Builds the mathjs-syntax error into our message and column. */
function syntaxProblem(err: unknown, path: string): Problem {
  if (err instanceof RangeError) return { path, message: NESTING_MESSAGE, column: 1 };
  const raw = err instanceof Error ? err.message : 'cannot be read';
  const charMatch = /\(char (\d+)\)/.exec(raw);
  const column = charMatch ? Math.max(1, Number(charMatch[1])) : 1;
  const text = raw.replace(/\s*\(char \d+\)/, '').trim();
  return { path, message: `syntax error: ${text.charAt(0).toLowerCase()}${text.slice(1)}`, column };
}

/**
 * Checks one formula. `path` is where it sits in the deal (`series.netSales`,
 * `terms.royalty.tiers[1].rate`) and is copied into every problem.
 */
export function checkFormula(source: string, env: FormulaEnv, path = ''): FormulaCheck {
  if (typeof source !== 'string' || source.trim() === '') {
    return { ok: false, problems: [{ path, message: 'formula is empty', column: 1 }] };
  }
  if (source.length > MAX_FORMULA_LENGTH) {
    return { ok: false, problems: [{ path, message: `formula is longer than ${MAX_FORMULA_LENGTH.toLocaleString('en-US')} characters`, column: 1 }] };
  }
  const brackets = bracketProblem(source);
  if (brackets) return { ok: false, problems: [{ path, ...brackets }] };
  let ast: MathNode;
  try {
    ast = parse(source);
  } catch (err) {
    return { ok: false, problems: [syntaxProblem(err, path)] };
  }
  if (isEmptyExpression(ast as unknown as TreeNode, source)) return { ok: false, problems: [{ path, message: EMPTY_EXPRESSION_MESSAGE, column: 1 }] };
  const deep = treeProblem(source, ast as unknown as TreeNode);
  if (deep) return { ok: false, problems: [{ path, ...deep }] };

  const locator = new Locator(source);
  const problems: Problem[] = [];
  const refs = { inputs: new Set<string>(), series: new Set<string>(), prev: new Set<string>(), cumsum: new Set<string>(), builtins: new Set<string>() };
  const iterationOnly = env.scope === 'iteration';
  const whyIteration = 'this value is fixed once per iteration, so it may use inputs only';

  const known = (): string[] => [
    ...env.inputs,
    ...(iterationOnly ? [] : [...env.series, 't', 'year', 'terminated']),
  ];

  const symbol = (name: string): void => {
    const column = locator.nextName(name);
    if (name === 'true' || name === 'false') return;
    if (BUILTIN_NAMES.has(name)) {
      if (iterationOnly) problems.push({ path, message: `"${name}" cannot be used here: ${whyIteration}`, column });
      else refs.builtins.add(name);
      return;
    }
    if (env.inputs.has(name)) {
      if (iterationOnly && env.perPeriod?.has(name)) problems.push({ path, message: `input "${name}" is drawn every period, so it cannot be used here: this value is fixed once per iteration, so it may use only inputs drawn once per iteration`, column });
      else refs.inputs.add(name);
      return;
    }
    if (env.series.has(name)) {
      if (iterationOnly) problems.push({ path, message: `series "${name}" cannot be used here: ${whyIteration}`, column });
      else refs.series.add(name);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(FUNCTIONS, name) || SERIES_FUNCTIONS.has(name)) {
      problems.push({ path, message: `"${name}" is a function: write ${name}(…)`, column });
      return;
    }
    problems.push({ path, message: `unknown name "${name}"${didYouMean(name, known())}`, column });
  };

  const walk = (node: Node): void => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = node.value;
        if (typeof value === 'number') {
          if (Number.isNaN(value)) throw new Disallowed('"NaN" is not a number a formula can use', locator.nextName('NaN'));
          if (!Number.isFinite(value)) throw new Disallowed(/Infinity/.test(source) ? '"Infinity" is not a number a formula can use' : 'number is too large', locator.firstColumn());
          return;
        }
        if (typeof value === 'boolean') {
          locator.nextName(String(value));
          return;
        }
        if (typeof value === 'string') throw new Disallowed('text in quotes is not allowed in a formula', locator.firstString());
        throw new Disallowed(`"${String(value)}" is not allowed in a formula`, locator.nextName(String(value)));
      }
      case 'SymbolNode':
        symbol(node.name as string);
        return;
      case 'ParenthesisNode':
        walk(node.content as Node);
        return;
      case 'OperatorNode': {
        if (chainFamily(node as unknown as TreeNode) !== undefined) {
          // A flat chain (a + b - c …) is walked along its spine, in source order, not by recursion.
          const spine = chainSpine(node as unknown as TreeNode) as unknown as Node[];
          for (let k = spine.length - 1; k >= 1; k--) operatorAllowed(spine[k]!);
          walk(spine[0]!);
          for (let k = 1; k < spine.length; k++) walk((spine[k]!.args as Node[])[1]!);
          return;
        }
        operatorAllowed(node);
        for (const arg of node.args as Node[]) walk(arg);
        return;
      }
      case 'ConditionalNode':
        walk(node.condition as Node);
        walk(node.trueExpr as Node);
        walk(node.falseExpr as Node);
        return;
      case 'RelationalNode':
        for (const c of node.conditionals as string[]) {
          if (!COMPARISONS.has(c)) throw new Disallowed(`comparison "${c}" is not allowed`, locator.firstColumn());
        }
        for (const p of node.params as Node[]) walk(p);
        return;
      case 'FunctionNode': {
        const fnNode = node.fn as Node;
        if (fnNode.type !== 'SymbolNode') throw new Disallowed('only the functions of the formula language can be called', locator.firstOf('('));
        const name = fnNode.name as string;
        const column = locator.nextName(name);
        const args = node.args as Node[];
        if (SERIES_FUNCTIONS.has(name)) {
          seriesFunction(name, args, column);
          return;
        }
        const arity = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
        if (!arity) {
          const what = env.inputs.has(name) || env.series.has(name) ? `"${name}" is not a function` : `unknown function "${name}"${didYouMean(name, [...Object.keys(FUNCTIONS), ...SERIES_FUNCTIONS])}`;
          problems.push({ path, message: what, column });
        } else if (args.length < arity[0] || args.length > arity[1]) {
          const want = arity[1] === Infinity ? `at least ${arity[0]}` : String(arity[0]);
          problems.push({ path, message: `${name} takes ${want} argument${arity[0] === 1 && arity[1] === 1 ? '' : 's'}, not ${args.length}`, column });
        }
        for (const arg of args) walk(arg);
        return;
      }
      case 'AccessorNode':
      case 'IndexNode':
        throw new Disallowed('indexing and properties (a[1], a.b) are not allowed', locator.firstOf('[') !== locator.firstColumn() ? locator.firstOf('[') : locator.firstOf('.'));
      case 'AssignmentNode':
        throw new Disallowed('assignment (=) is not allowed; to compare, write ==', locator.assignment());
      case 'FunctionAssignmentNode':
        throw new Disallowed('defining functions is not allowed', locator.assignment());
      case 'ArrayNode':
        throw new Disallowed('lists and matrices ([…]) are not allowed', locator.firstOf('['));
      case 'ObjectNode':
        throw new Disallowed('objects ({…}) are not allowed', locator.firstOf('{'));
      case 'RangeNode':
        throw new Disallowed('ranges (a:b) are not allowed', locator.firstOf(':'));
      case 'BlockNode':
        throw new Disallowed('a formula is one expression (no ; or line breaks between expressions)', locator.firstOf(';'));
      default:
        throw new Disallowed(`${node.type} is not allowed in a formula`, locator.firstColumn());
    }
  };

  const operatorAllowed = (node: Node): void => {
    const op = node.op as string;
    const fn = node.fn as string;
    if (node.isPercentage === true) {
      throw new Disallowed('a postfix % is not allowed: write 0.05 for 5% (% between two numbers is the remainder)', locator.postfixPercent());
    }
    if (node.implicit === true) {
      throw new Disallowed('write * between the two values (implicit multiplication such as 2x is not allowed)', locator.implicitMultiplication());
    }
    if (OPERATORS[fn] !== op) {
      // `mod` is mathjs's other spelling of %; the language has one.
      const hint = op === 'mod' ? ': use %' : '';
      throw new Disallowed(`operator "${op}" is not allowed${hint}`, locator.firstOf(op));
    }
  };

  const seriesFunction = (name: string, args: Node[], column: number): void => {
    const arg = args[0];
    if (args.length !== 1 || arg?.type !== 'SymbolNode') {
      problems.push({ path, message: `${name} takes the bare name of one series, as in ${name}(netSales)`, column });
      for (const a of args) walk(a);
      return;
    }
    const target = arg.name as string;
    const argColumn = locator.nextName(target);
    if (iterationOnly) {
      problems.push({ path, message: `${name}(…) cannot be used here: ${whyIteration}`, column });
    } else if (env.series.has(target)) {
      if (name === 'prev') refs.prev.add(target);
      else {
        refs.cumsum.add(target);
        refs.series.add(target);
      }
    } else if (env.inputs.has(target)) {
      const wrap = env.perPeriod?.has(target) ? ` drawn every period: wrap it in a series (e.g. ${target}Series = ${target}) and write ${name}(${target}Series)` : '';
      problems.push({ path, message: `${name} takes the name of a series; "${target}" is an input${wrap}`, column: argColumn });
    } else {
      problems.push({ path, message: `unknown series "${target}"${didYouMean(target, env.series)}`, column: argColumn });
    }
  };

  try {
    walk(ast as unknown as Node);
  } catch (err) {
    if (err instanceof Disallowed) problems.push({ path, message: err.message, column: err.column });
    else if (err instanceof RangeError) problems.push({ path, message: NESTING_MESSAGE, column: 1 });
    else throw err;
  }
  if (problems.length > 0) return { ok: false, problems };
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    ok: true,
    ast,
    refs: { inputs: sorted(refs.inputs), series: sorted(refs.series), prev: sorted(refs.prev), cumsum: sorted(refs.cumsum), builtins: sorted(refs.builtins) },
  };
}


/**
 * The mathjs parser alone (the number-only build: a fraction of the full
 * library's start-up cost). For callers that need the raw tree of an
 * already-checked formula (the kernel compiler); everything else should go
 * through checkFormula.
 */
export function parseFormula(source: string): MathNode {
  return parse(source);
}
