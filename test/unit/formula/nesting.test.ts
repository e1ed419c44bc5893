/**
 * One nesting limit for validate and value: every deeply nested shape a
 * hostile or generated file can hold is either refused by validate, with the
 * formula's path and a column, or it validates and then values (in this
 * thread, whose stack is smaller than a worker's). Before, 900 nested
 * conditions, 1,800 signs, a 2,000-term sum and 2,000 `not`s validated and
 * then failed in value with "Maximum call stack size exceeded".
 */
import { describe, expect, it } from 'vitest';
import { checkFormula, MAX_FORMULA_LENGTH } from '../../../shared/formula/check';
import { MAX_FORMULA_NESTING } from '../../../shared/formula/nesting';
import { validateDeal } from '../../../shared/model/validate';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { smallDeal } from '../engine/deal-builder';

/** Each shape at depth n, in the formula language. */
const SHAPES: Record<string, (n: number) => string> = {
  'nested conditions': (n) => `${'t ? 1 : '.repeat(n)}0`,
  'conditions as conditions': (n) => `${'t > '.repeat(n)}0 ? 1 : 0`,
  'unary minus': (n) => `${'-'.repeat(n)}1`,
  'unary minus with brackets': (n) => `${'-('.repeat(Math.min(n, 60))}1${')'.repeat(Math.min(n, 60))}`,
  not: (n) => `${'not '.repeat(n)}t`,
  'power chain': (n) => `${'1 ^ '.repeat(n)}1`,
  'remainder chain': (n) => `${'t % '.repeat(n)}7`,
  sum: (n) => Array.from({ length: n + 1 }, (_, i) => (i % 2 ? 't' : '1')).join(' + '),
  'mixed sum': (n) => Array.from({ length: n + 1 }, (_, i) => (i % 3 === 0 ? '2 * t' : i % 3 === 1 ? 't ^ 2' : '-t')).join(' - '),
  product: (n) => Array.from({ length: n + 1 }, () => '1.0001').join(' * '),
  'and chain': (n) => Array.from({ length: n + 1 }, () => 't >= 0').join(' and '),
  'or chain': (n) => Array.from({ length: n + 1 }, () => 't < 0').join(' or '),
  'nested functions': (n) => `${'abs('.repeat(Math.min(n, 64))}t${')'.repeat(Math.min(n, 64))}`,
  'min inside max': (n) => `${'max(0, min(1, '.repeat(Math.min(n, 32))}t${'))'.repeat(Math.min(n, 32))}`,
};

const SIZES = [1, 10, MAX_FORMULA_NESTING - 1, MAX_FORMULA_NESTING, MAX_FORMULA_NESTING + 1, 200, 900, 1_800, 2_000];

function dealWith(series: string) {
  return smallDeal({
    timeline: { start: 2027, periods: 3, step: 'year' },
    series: { x: series },
    terms: [{ id: 'pay', type: 'cashflow', party: 'a', amount: 'x' }],
  });
}

describe('every nested shape that validates also values', () => {
  const runner = createInProcessRunner();
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(shape, async () => {
      for (const n of SIZES) {
        const source = make(n);
        if (source.length > MAX_FORMULA_LENGTH) continue;
        const validated = validateDeal(dealWith(source));
        if (!validated.ok) {
          // Refused with where it is: the series' path and a column inside the formula.
          const problem = validated.problems[0]!;
          expect(problem.path, `${shape} at ${n}`).toBe('series.x');
          expect(problem.column, `${shape} at ${n}`).toBeGreaterThanOrEqual(1);
          expect(problem.column, `${shape} at ${n}`).toBeLessThanOrEqual(source.length + 1);
          expect(problem.message).not.toMatch(/call stack/i);
          continue;
        }
        const result = await runner.value({ deal: validated.deal, iterations: 2 });
        expect(Number.isFinite(result.parties.a!.npv.mean), `${shape} at ${n}`).toBe(true);
      }
    });
  }
});

describe('the limit itself', () => {
  const env = { inputs: new Set<string>(), series: new Set<string>(), scope: 'series' as const };
  it(`accepts ${MAX_FORMULA_NESTING} nested conditions and refuses one more, at the condition that goes too deep`, () => {
    expect(checkFormula(SHAPES['nested conditions']!(MAX_FORMULA_NESTING), env).ok).toBe(true);
    const deeper = checkFormula(SHAPES['nested conditions']!(MAX_FORMULA_NESTING + 1), env, 'series.x');
    expect(deeper.ok).toBe(false);
    if (deeper.ok) return;
    expect(deeper.problems[0]).toEqual({
      path: 'series.x',
      message: `formula is nested more than ${MAX_FORMULA_NESTING} levels deep: split it into series`,
      // "t ? 1 : " is 8 characters: the 65th condition's "?" is at 64 * 8 + 3.
      column: MAX_FORMULA_NESTING * 8 + 3,
    });
  });

  it('does not count a long flat sum or product as nesting', () => {
    expect(checkFormula(SHAPES.sum!(2_000), env).ok).toBe(true);
    expect(checkFormula(SHAPES['mixed sum']!(1_000), env).ok).toBe(true);
    expect(checkFormula(SHAPES.product!(1_000), env).ok).toBe(true);
  });

  it('values a 2,000-term sum to the same number as adding the terms one by one', async () => {
    const runner = createInProcessRunner();
    const validated = validateDeal(dealWith(SHAPES.sum!(2_000)));
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const result = await runner.value({ deal: validated.deal, iterations: 1 });
    // Periods 0, 1, 2: 1,000 ones plus 1,000 t's each period.
    let expected = 0;
    for (let t = 0; t < 3; t++) {
      let x = 0;
      for (let i = 0; i <= 2_000; i++) x += i % 2 ? t : 1;
      expected += x;
    }
    expect(result.parties.a!.npv.mean).toBe(expected);
  });
});
