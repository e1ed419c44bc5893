/**
 * How deeply a formula nests, and the one limit on it that the checker
 * (check.ts, validate) and the engine's compiler (value) both apply, so a
 * formula that validates always compiles and one that cannot compile is
 * refused at validate with its path and column.
 *
 * Depth is counted on the parsed tree the way the compiler emits code:
 * every operation inside another adds a level, except that a chain of the
 * same left-associative operator (`a + b - c + …`, `a * b / c`, `a and b and
 * c`, `a or b or c`) is one level, because it is emitted flat; brackets
 * themselves add nothing here (they have their own limit before parsing).
 * The walk uses an explicit stack, so measuring a deep tree cannot overflow.
 *
 * Intentionally has no platform imports.
 */
import { tokenize } from './locate';

/** Brackets, and operations inside one another, may each go this deep. */
export const MAX_FORMULA_NESTING = 64;

export const NESTING_MESSAGE = `formula is nested more than ${MAX_FORMULA_NESTING} levels deep: split it into series`;

export const EMPTY_EXPRESSION_MESSAGE = 'formula has no expression (only a comment after #)';

/** The parts of a mathjs node this module reads (the number-only and the full parser give the same trees). */
export interface TreeNode {
  type: string;
  fn?: unknown;
  args?: unknown;
  value?: unknown;
  forEach(callback: (child: TreeNode) => void): void;
}

/** Whether mathjs read no expression at all, as from a comment alone (`# note`); the word `undefined` reads the same. */
export function isEmptyExpression(node: TreeNode, source: string): boolean {
  return node.type === 'ConstantNode' && node.value === undefined && !/\bundefined\b/.test(source.replace(/#.*/g, ''));
}

const CHAIN_FAMILY: Readonly<Record<string, string>> = {
  add: 'add',
  subtract: 'add',
  multiply: 'multiply',
  divide: 'multiply',
  and: 'and',
  or: 'or',
};

/** The flat-chain family of a binary operator node (add/subtract, multiply/divide, and, or), if any. */
export function chainFamily(node: TreeNode): string | undefined {
  if (node.type !== 'OperatorNode' || !Array.isArray(node.args) || node.args.length !== 2) return undefined;
  return typeof node.fn === 'string' ? CHAIN_FAMILY[node.fn] : undefined;
}

/**
 * The left spine of a flat chain: `a + b - c` gives [a, the node for `a + b`, the root];
 * the first element is the chain's leftmost operand, every later one a node whose
 * right operand (args[1]) follows in source order. Walking this list instead of
 * recursing keeps a 5,000-term sum off the call stack.
 */
export function chainSpine(root: TreeNode): TreeNode[] {
  const family = chainFamily(root);
  const spine: TreeNode[] = [root];
  let node = root;
  for (;;) {
    const left = (node.args as TreeNode[])[0]!;
    if (family === undefined || chainFamily(left) !== family) {
      spine.push(left);
      break;
    }
    spine.push(left);
    node = left;
  }
  return spine.reverse();
}

/** Levels of operations inside one another (leaves and brackets count 0); never recurses. */
export function treeDepth(root: TreeNode): number {
  let max = 0;
  const stack: [TreeNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.type === 'ParenthesisNode') {
      node.forEach((child) => stack.push([child, depth]));
      continue;
    }
    let hasChildren = false;
    const family = chainFamily(node);
    let index = 0;
    node.forEach((child) => {
      hasChildren = true;
      // The left operand of a same-family chain is emitted in the same flat expression.
      const flat = index++ === 0 && family !== undefined && chainFamily(child) === family;
      stack.push([child, flat ? depth : depth + 1]);
    });
    if (hasChildren) max = Math.max(max, depth + 1);
  }
  return max;
}

/** Deepest bracket nesting of the text (checked before parsing: the parser recurses on brackets). */
export function bracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of source) {
    if (ch === '(' || ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return max;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'xor', 'mod', 'to', 'in']);

/**
 * Where a too-deep formula gets too deep, for the problem's column: a scan of
 * the text counting brackets, conditions, powers and signs inside one another
 * (an estimate: the verdict is treeDepth's). 1-based; the first token past the
 * limit, else the deepest one.
 */
export function deepestColumn(source: string): number {
  const tokens = tokenize(source);
  const groups: number[] = [0];
  let open = 0;
  let best = { depth: -1, column: 1 };
  tokens.forEach((tok, i) => {
    const prev = tokens[i - 1];
    const afterOperand = prev !== undefined && (prev.kind === 'number' || (prev.kind === 'name' && !KEYWORDS.has(prev.text)) || prev.text === ')' || prev.text === ']');
    if (tok.text === '(' || tok.text === '[' || tok.text === '{') {
      open++;
      groups.push(0);
    } else if (tok.text === ')' || tok.text === ']' || tok.text === '}') {
      if (groups.length > 1) {
        groups.pop();
        open--;
      }
    } else if (tok.text === ',') {
      groups[groups.length - 1] = 0;
    } else if (tok.text === '?' || tok.text === '^' || tok.text === 'not' || ((tok.text === '-' || tok.text === '+') && !afterOperand)) {
      groups[groups.length - 1]!++;
    }
    const depth = open + groups.reduce((a, b) => a + b, 0);
    if (depth > best.depth && best.depth <= MAX_FORMULA_NESTING) best = { depth, column: tok.index + 1 };
  });
  return best.column;
}

/** The nesting problem of a formula's text before parsing (brackets), if any. */
export function bracketProblem(source: string): { message: string; column: number } | undefined {
  return bracketDepth(source) > MAX_FORMULA_NESTING ? { message: NESTING_MESSAGE, column: deepestColumn(source) } : undefined;
}

/** The nesting problem of a parsed formula, if any. */
export function treeProblem(source: string, root: TreeNode): { message: string; column: number } | undefined {
  return treeDepth(root) > MAX_FORMULA_NESTING ? { message: NESTING_MESSAGE, column: deepestColumn(source) } : undefined;
}
