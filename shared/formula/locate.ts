/**
 * Columns for formula problems. mathjs nodes carry no source positions, so
 * this module scans the formula text into tokens once and answers "where is
 * the k-th use of this name" or "where is the first token of this kind", which
 * is what a problem needs to point the user at the right spot.
 *
 * Intentionally has no platform imports.
 */

export interface Token {
  kind: 'name' | 'number' | 'string' | 'punct';
  text: string;
  /** 0-based offset in the formula. */
  index: number;
}

const NAME = /[A-Za-z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F][A-Za-z0-9_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]*/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xbo][0-9a-fA-F]+/y;
const PUNCT = ['.^', '.*', './', "'", '==', '!=', '<=', '>=', '<<', '>>>', '>>', '??', '?.'];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(source);
    if (num && /[0-9.]/.test(ch)) {
      tokens.push({ kind: 'number', text: num[0], index: i });
      i += num[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(source);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], index: i });
      i += name[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      // A quote after an operand is mathjs's transpose; as a string start, skip to its end.
      const prev = tokens[tokens.length - 1];
      const afterOperand = prev && (prev.kind !== 'punct' || prev.text === ')' || prev.text === ']');
      if (ch === '"' || !afterOperand) {
        let j = i + 1;
        while (j < source.length && source[j] !== ch) j += source[j] === '\\' ? 2 : 1;
        tokens.push({ kind: 'string', text: source.slice(i, j + 1), index: i });
        i = j + 1;
        continue;
      }
    }
    const multi = PUNCT.find((p) => source.startsWith(p, i));
    const text = multi ?? ch;
    tokens.push({ kind: 'punct', text, index: i });
    i += text.length;
  }
  return tokens;
}

const OPERAND_END = (t: Token | undefined) =>
  t !== undefined && (t.kind === 'name' || t.kind === 'number' || t.kind === 'string' || t.text === ')' || t.text === ']');
const OPERAND_START = (t: Token | undefined) =>
  t !== undefined && (t.kind === 'name' || t.kind === 'number' || t.kind === 'string' || t.text === '(');
const KEYWORD_OPERATORS = new Set(['and', 'or', 'not', 'xor', 'mod', 'to', 'in']);

/** Answers position questions about one formula; columns are 1-based. */
export class Locator {
  private readonly tokens: Token[];
  private readonly seen = new Map<string, number>();
  private byName: Map<string, number[]> | undefined;

  constructor(source: string) {
    this.tokens = tokenize(source);
  }

  /**
   * Column of the next use of `name` (each call moves past the previous one),
   * so the k-th reference in the tree, visited in source order, maps to the
   * k-th occurrence in the text.
   */
  nextName(name: string): number {
    const k = this.seen.get(name) ?? 0;
    this.seen.set(name, k + 1);
    const at = this.names().get(name)?.[k];
    return at !== undefined ? at + 1 : this.firstColumn();
  }

  /** Offsets of each name's uses, built once (a formula can name thousands of things). */
  private names(): Map<string, number[]> {
    if (!this.byName) {
      this.byName = new Map();
      for (const t of this.tokens) {
        if (t.kind !== 'name') continue;
        const list = this.byName.get(t.text);
        if (list) list.push(t.index);
        else this.byName.set(t.text, [t.index]);
      }
    }
    return this.byName;
  }

  /** Column of the first punctuation token with this text (or of a keyword operator such as `xor`). */
  firstOf(text: string): number {
    const t = this.tokens.find((tok) => tok.text === text && (tok.kind === 'punct' || KEYWORD_OPERATORS.has(text)));
    return t ? t.index + 1 : this.firstColumn();
  }

  /** Column of the first string literal. */
  firstString(): number {
    const t = this.tokens.find((tok) => tok.kind === 'string');
    return t ? t.index + 1 : this.firstColumn();
  }

  /** Where two operands meet with no operator between them (mathjs reads `2x` as 2 * x). */
  implicitMultiplication(): number {
    for (let i = 1; i < this.tokens.length; i++) {
      const prev = this.tokens[i - 1];
      const cur = this.tokens[i];
      if (!OPERAND_END(prev) || !OPERAND_START(cur)) continue;
      if (prev!.kind === 'name' && KEYWORD_OPERATORS.has(prev!.text)) continue;
      if (cur!.kind === 'name' && KEYWORD_OPERATORS.has(cur!.text)) continue;
      // `f(` is a call, not a product.
      if (prev!.kind === 'name' && cur!.text === '(') continue;
      return cur!.index + 1;
    }
    return this.firstColumn();
  }

  /** A `%` that ends an operand (mathjs reads `5%` as 5 / 100). */
  postfixPercent(): number {
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.text === '%' && !OPERAND_START(this.tokens[i + 1]) && !['-', '+', 'not'].includes(this.tokens[i + 1]?.text ?? '')) {
        return t.index + 1;
      }
    }
    return this.firstOf('%');
  }

  /** A single `=` (assignment), not part of `==`, `<=`, `>=` or `!=`. */
  assignment(): number {
    const t = this.tokens.find((tok) => tok.text === '=');
    return t ? t.index + 1 : this.firstColumn();
  }

  firstColumn(): number {
    return this.tokens.length > 0 ? this.tokens[0]!.index + 1 : 1;
  }
}
