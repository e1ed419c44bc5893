/**
 * The formula front end as the spec defines the language: every allowlisted
 * construct is accepted, every other construct is refused with the formula's
 * path and the column of the offending text, and no input, however strange,
 * makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormula, MAX_FORMULA_LENGTH, type FormulaEnv } from '../../../shared/formula/check';
import { seriesOrder } from '../../../shared/formula/series-order';

const env: FormulaEnv = { inputs: new Set(['peakSales', 'pA', 'rate']), series: new Set(['netSales', 'approved', 's1']), scope: 'series' };
const check = (source: string, e: FormulaEnv = env) => checkFormula(source, e, 'series.x');

describe('accepted constructs', () => {
  it.each([
    '42',
    '1.5e3',
    'peakSales + 1 - 2 * 3 / 4 ^ 2',
    '7 % 3',
    '-peakSales',
    '+peakSales',
    'netSales == 1',
    'netSales != 1',
    'netSales < 1 or netSales > 2',
    'netSales <= 1 and netSales >= 0',
    '1 < t < 3',
    'not approved == 1',
    'approved ? netSales : 0',
    '(peakSales + 1) * 2',
    'true',
    'false + 1',
    't + year + terminated',
    'min(1, 2, 3) + max(4, 5) + abs(-1) + sqrt(4) + exp(1) + log(2) + floor(1.5) + ceil(1.5) + round(2.5)',
    'prev(netSales)',
    'cumsum(netSales)',
    'prev(s1) + cumsum(approved)',
  ])('%s', (source) => {
    const result = check(source);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('reports what a formula refers to, with prev kept apart from same-period use', () => {
    const result = check('peakSales * netSales + prev(s1) + cumsum(approved) + t + year');
    expect(result.ok && result.refs).toEqual({
      inputs: ['peakSales'],
      series: ['approved', 'netSales'],
      prev: ['s1'],
      cumsum: ['approved'],
      builtins: ['t', 'year'],
    });
  });
});

describe('refused constructs, with the column of the offending text', () => {
  it.each([
    ['peakSale * 2', 'unknown name "peakSale" (did you mean "peakSales"?)', 1],
    ['1 + peakSale', 'unknown name "peakSale" (did you mean "peakSales"?)', 5],
    ['2peakSales', 'implicit multiplication', 2],
    ['2 (3)', 'implicit multiplication', 3],
    ['peakSales * 5%', 'postfix %', 14],
    ['7 mod 3', 'operator "mod" is not allowed: use %', 3],
    ['peakSales = 3', 'assignment (=) is not allowed', 11],
    ['f(x) = x', 'defining functions is not allowed', 6],
    ['peakSales[1]', 'indexing and properties', 10],
    ['peakSales.b', 'indexing and properties', 10],
    ['[1, 2]', 'lists and matrices', 1],
    ['1 + {a: 1}', 'objects', 5],
    ['1:3', 'ranges', 2],
    ['1; 2', 'one expression', 2],
    ['"text"', 'text in quotes', 1],
    ['1 + \'text\'', 'text in quotes', 5],
    ['peakSales\'', 'operator "\'" is not allowed', 10],
    ['3!', 'operator "!" is not allowed', 2],
    ['1 xor 0', 'operator "xor" is not allowed', 3],
    ['1 & 2', 'operator "&" is not allowed', 3],
    ['1 | 2', 'operator "|" is not allowed', 3],
    ['1 << 2', 'operator "<<" is not allowed', 3],
    ['~1', 'operator "~" is not allowed', 1],
    ['2 .* 3', 'operator ".*" is not allowed', 3],
    ['1 ?? 2', 'operator "??" is not allowed', 3],
    ['sin(1)', 'unknown function "sin" (did you mean "min"?)', 1],
    ['1 + evaluate(1)', 'unknown function "evaluate"', 5],
    ['peakSales(2)', '"peakSales" is not a function', 1],
    ['min', '"min" is a function', 1],
    ['abs(1, 2)', 'abs takes 1 argument, not 2', 1],
    ['min()', 'min takes at least 1 arguments, not 0', 1],
    ['prev(pA)', 'prev takes the name of a series; "pA" is an input', 6],
    ['prev(1)', 'prev takes the bare name of one series', 1],
    ['cumsum(netSales + 1)', 'cumsum takes the bare name of one series', 1],
    ['prev(nope)', 'unknown series "nope"', 6],
    ['pi * 2', 'unknown name "pi"', 1],
    ['null', '"null" is not allowed', 1],
    ['1e400', 'number is too large', 1],
    ['peakSales *', 'syntax error: unexpected end of expression', 12],
    ['(1 + 2', 'syntax error: parenthesis ) expected', 7],
    ['@', 'syntax error', 1],
    ['', 'formula is empty', 1],
    ['   ', 'formula is empty', 1],
  ])('%j', (source, message, column) => {
    const result = check(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems[0]!;
    expect(problem.path).toBe('series.x');
    expect(problem.message).toContain(message);
    expect(problem.column).toBe(column);
  });

  it('gives every unknown name its own column, in order', () => {
    const result = check('foo + peakSales * foo');
    expect(result.ok ? [] : result.problems.map((p) => p.column)).toEqual([1, 19]);
  });

  it('refuses deep nesting and overlong text before parsing', () => {
    const deep = check(`${'('.repeat(1000)}1${')'.repeat(1000)}`);
    expect(!deep.ok && deep.problems[0]!.message).toMatch(/nested more than 64 levels/);
    const long = check('1 + '.repeat(MAX_FORMULA_LENGTH));
    expect(!long.ok && long.problems[0]!.message).toMatch(/longer than 10,000 characters/);
  });
});

describe('scope: values fixed per iteration (at, until, from)', () => {
  const iteration: FormulaEnv = { ...env, scope: 'iteration' };
  it('may use inputs and arithmetic', () => {
    expect(check('pA * 2 + max(rate, 1)', iteration).ok).toBe(true);
  });
  it.each([
    ['t + 1', '"t" cannot be used here'],
    ['year', '"year" cannot be used here'],
    ['terminated', '"terminated" cannot be used here'],
    ['netSales', 'series "netSales" cannot be used here'],
    ['prev(netSales)', 'prev(…) cannot be used here'],
  ])('%s is refused', (source, message) => {
    const result = check(source, iteration);
    expect(!result.ok && result.problems[0]!.message).toContain(message);
  });
});

describe('series order and cycles', () => {
  const deal = (series: Record<string, string>) => ({ inputs: { k: { dist: 'fixed' as const, value: 1 } }, series });
  it('orders each series after what it uses in the same period', () => {
    const order = seriesOrder(deal({ c: 'b + a', b: 'a * 2', a: 'k' }));
    expect(order).toEqual({ ok: true, order: ['a', 'b', 'c'] });
  });
  it('lets a series use itself and others through prev', () => {
    expect(seriesOrder(deal({ a: 'prev(a) + prev(b)', b: 'a + 1' })).ok).toBe(true);
  });
  it('names every series on a cycle, cumsum included', () => {
    const order = seriesOrder(deal({ a: 'b', b: 'cumsum(c)', c: 'a + k' }));
    expect(order.ok).toBe(false);
    expect(!order.ok && order.problems).toEqual([{ path: 'series.a', message: "cycle: a -> b -> c -> a (use prev(…) for last period's value)" }]);
  });
});

// ---- Properties ----

const NAMES = ['peakSales', 'pA', 'rate', 'netSales', 'approved', 's1', 't', 'year', 'terminated', 'true', 'false'];

/** Random formulas built only from the language's constructs. */
const validFormula: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.nat({ max: 1_000_000 }).map(String),
    fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => String(x)),
    fc.constantFrom(...NAMES),
    fc.constantFrom('prev(netSales)', 'cumsum(s1)'),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '%', '==', '!=', '<', '>', '<=', '>=', 'and', 'or'), tie('expr')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(fc.constantFrom('-', '+', 'not '), tie('expr')).map(([op, a]) => `${op}(${a})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c}) ? (${a}) : (${b})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `(${a}) < (${b}) <= (${c})`),
    fc.tuple(fc.constantFrom('abs', 'sqrt', 'exp', 'log', 'floor', 'ceil', 'round'), tie('expr')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(fc.constantFrom('min', 'max'), fc.array(tie('expr'), { minLength: 1, maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
  ),
})).expr;

/** Snippets outside the language, each a complete expression on its own. */
const disallowed = fc.constantFrom(
  '"text"', '[1, 2]', '{a: 1}', 'peakSales[1]', '(1:3)', 'sin(1)', '(5%)', '(2 t)', "(t')", '(3!)', '(1 xor 0)', '(1 & 2)',
  '(1 | 2)', '(1 << 2)', '(2 .* 3)', '(7 mod 2)', 'pi', 'null', 'prev(1)', 'prev(pA)', 'cumsum(s1 + 1)', 'unknownFn(1)', '(1 ?? 2)', 'peakSales.x', 'e',
);

describe('properties', () => {
  it('random text: only typed problems come out, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[a-z0-9+\-*/^%()<>=!?:,.;[\]{} '"&|~@#]{0,60}$/)), (source) => {
        const result = check(source);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            expect(p.path).toBe('series.x');
            expect(typeof p.message).toBe('string');
            expect(p.message.length).toBeGreaterThan(0);
            expect(Number.isInteger(p.column) && p.column! >= 1 && p.column! <= source.length + 1).toBe(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('every formula built from allowlisted constructs is accepted', () => {
    fc.assert(
      fc.property(validFormula, (source) => {
        const result = check(source);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('any formula containing a construct outside the language is refused', () => {
    fc.assert(
      fc.property(validFormula, disallowed, fc.boolean(), (valid, bad, badFirst) => {
        const source = badFirst ? `${bad} + (${valid})` : `(${valid}) * ${bad}`;
        const result = check(source);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
