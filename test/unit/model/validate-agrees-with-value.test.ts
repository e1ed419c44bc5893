/**
 * Validate agrees with value: every reason in the file that would make a
 * valuation go wrong is reported by validate with its path, or, where it
 * depends on what is drawn, stops the valuation with the same message and
 * path. Before: `at: "sqrt(-1)"` validated and silently never paid, a hazard
 * of `1.5 + t` was accepted and always fired, a normal truncated to a range
 * with no probability passed validate, unknown placeholders only failed at
 * export (now warnings of the term-sheet gate), ids NaN/Infinity/null/undefined were accepted but unusable, and a
 * comment-only formula said `"undefined" is not allowed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { ValuationError } from '../../../host/valuation/runner';
import type { Deal, Input, Term } from '../../../shared/model/schema';
import { dealProblems, validateDeal } from '../../../shared/model/validate';
import { termSheetWarnings } from '../../../shared/termsheet/gate';
import { smallDeal } from '../engine/deal-builder';
import { repoRoot } from '../../cli/run-cli';

const pay: Term = { id: 'pay', type: 'payment', from: 'b', to: 'a', amount: 10, at: 1 };
const runner = createInProcessRunner();

function deal(parts: Partial<Deal>): Deal {
  return smallDeal({ terms: [pay], ...parts });
}

async function valuationProblems(d: Deal, iterations = 1_000): Promise<{ path: string; message: string }[]> {
  const validated = validateDeal(d);
  expect(validated.ok ? [] : validated.problems).toEqual([]);
  try {
    await runner.value({ deal: d, iterations });
  } catch (err) {
    if (err instanceof ValuationError) return err.problems.map(({ path, message }) => ({ path, message }));
    throw err;
  }
  return [];
}

const TIMING = 'is NaN (not a number), not a period: it must give a finite number (e.g. no sqrt or log of a negative number, no division by zero)';

describe('timings that are not a number', () => {
  it('a constant one is refused by validate, with its path', () => {
    expect(dealProblems(deal({ terms: [{ ...pay, at: 'sqrt(-1)' }] }))).toEqual([{ path: 'terms.pay.at', message: TIMING }]);
    expect(dealProblems(deal({ terms: [{ ...pay, at: '1 / 0' }] }))).toEqual([
      { path: 'terms.pay.at', message: TIMING.replace('NaN (not a number)', 'infinite') },
    ]);
  });

  it.each([
    ['a royalty until', { id: 'roy', type: 'royalty', from: 'b', to: 'a', base: 100, tiers: [{ rate: 0.1 }], until: 'log(-1)' } as Term, 'terms.roy.until'],
    ['a termination from', { id: 'end', type: 'termination', when: 't > 1', from: '0 / 0' } as Term, 'terms.end.from'],
  ])('%s is refused by validate too', (_what, term, path) => {
    expect(dealProblems(deal({ terms: [pay, term] }))).toEqual([{ path, message: TIMING }]);
  });

  it('one that depends on a draw stops the valuation with the same message, where validate could not know', async () => {
    const inputs: Record<string, Input> = { x: { dist: 'fixed', value: 1 } };
    expect(await valuationProblems(deal({ inputs, terms: [{ ...pay, at: 'sqrt(x - 2)' }] }))).toEqual([{ path: 'terms.pay.at', message: TIMING }]);
  });
});

describe('hazards outside 0 to 1', () => {
  const end = (hazard: string, extra: Partial<Extract<Term, { type: 'termination' }>> = {}): Term => ({ id: 'end', type: 'termination', hazard, ...extra });

  it('one known before valuing is refused by validate at the first period where it is out of range', () => {
    expect(dealProblems(deal({ terms: [pay, end('1.5 + t')] }))).toEqual([
      { path: 'terms.end.hazard', message: 'is 1.5 in period 0: a hazard is a probability per period and must be from 0 to 1' },
    ]);
    expect(dealProblems(deal({ terms: [pay, end('t >= 3 ? 2 : 0.1')] }))).toEqual([
      { path: 'terms.end.hazard', message: 'is 2 in period 3: a hazard is a probability per period and must be from 0 to 1' },
    ]);
    expect(dealProblems(deal({ terms: [pay, end('year < 2029 ? -0.5 : 0.1')] }))[0]!.message).toBe('is -0.5 in period 0: a hazard is a probability per period and must be from 0 to 1');
  });

  it('periods before its "from" are not evaluated, so they are not checked', () => {
    expect(dealProblems(deal({ terms: [pay, end('t < 3 ? 7 : 0.2', { from: 3 })] }))).toEqual([]);
    expect(dealProblems(deal({ terms: [pay, end('t < 3 ? 7 : 0.2', { from: '1 + 2' })] }))).toEqual([]);
  });

  it('one that depends on a draw stops the valuation in the period where it first goes out of range', async () => {
    const inputs: Record<string, Input> = { x: { dist: 'fixed', value: 0.5 } };
    expect(await valuationProblems(deal({ inputs, terms: [pay, end('x + t * 0.3')] }))).toEqual([
      { path: 'terms.end.hazard', message: 'is 1.1 in period 2: a hazard is a probability per period and must be from 0 to 1' },
    ]);
  });

  it('a hazard that stays in range values as before', async () => {
    const inputs: Record<string, Input> = { x: { dist: 'fixed', value: 0.1 } };
    expect(await valuationProblems(deal({ inputs, terms: [pay, end('x + t * 0.2')] }))).toEqual([]);
  });
});

describe('inputs, ids and formulas', () => {
  it('a normal truncated to a range with (almost) no probability is refused by validate, as the engine refuses it', () => {
    const inputs: Record<string, Input> = { x: { dist: 'normal', mean: 0, sd: 1, min: 50, max: 60 } };
    expect(dealProblems(deal({ inputs }))).toEqual([{ path: 'inputs.x.min', message: 'the range min..max has (almost) no probability under this normal' }]);
    // A narrow range that still has probability is fine.
    expect(dealProblems(deal({ inputs: { x: { dist: 'normal', mean: 0, sd: 1, min: 5, max: 6 } } }))).toEqual([]);
  });

  it.each(['NaN', 'Infinity', 'null', 'undefined'])('"%s" is refused as an id (a formula could never name it)', (id) => {
    expect(dealProblems(deal({ inputs: { [id]: { dist: 'fixed', value: 1 } } }))).toEqual([
      { path: `inputs.${id}`, message: `"${id}" is a reserved name of the formula language; choose another input id` },
    ]);
  });

  it('a formula that is only a comment says so', () => {
    expect(dealProblems(deal({ series: { x: '# to do' } }))).toEqual([{ path: 'series.x', message: 'formula has no expression (only a comment after #)', column: 1 }]);
  });

  it('an unknown placeholder is a warning with its path: the deal still opens and values', () => {
    const d = deal({ termSheet: { sections: [{ heading: 'Fees', text: 'An upfront of {{terms.pay.amount|money}} and {{terms.pya.amount}}.' }] } });
    expect(validateDeal(d).ok).toBe(true);
    // The term sheet's own gate says what its export would refuse (issue 11); validate hands it the valid deal.
    const warnings = termSheetWarnings(d);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path: 'termSheet.sections[0].text', severity: 'warning' });
    expect(warnings[0]!.message).toMatch(/unknown placeholder "\{\{terms\.pya\.amount\}\}"/);
  });
});

describe('one line per problem on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dealwright-oneline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('raw text with line breaks is escaped, so each problem is one line', () => {
    const file = join(dir, 'newlines.deal');
    const d = deal({ inputs: { 'net\nsales': { dist: 'fixed', value: 1 } }, series: { x: 'foo +\n bar' } });
    writeFileSync(file, JSON.stringify(d, null, 2));
    const r = spawnSync(process.execPath, [join(repoRoot, 'out', 'cli', 'main.js'), 'validate', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'inputs.net\\nsales: "net\\nsales" is not a valid id: start with a letter and use only letters, digits and _',
      'series.x: unknown name "foo" (column 1)',
      'series.x: unknown name "bar" (column 8)',
    ]);
  });
});
