/**
 * The file format's clauses (../shared/spec/deal-format.md) read one by one as
 * a checker would: for each, a minimal hand-made deal that must be accepted,
 * or refused with the path a person follows. Boundaries are the point: dates
 * at the ends of 1900 to 2199 and just outside, fields fixed once per
 * iteration naming an input drawn every period, every rule of a round, legal
 * details of the wrong type, position paths outside terms/inputs/parties.
 * Then every valid deal shipped or kept as a fixture saves back byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDealLike } from '../../../shared/model/layout-preserving';
import { parseDealText } from '../../../shared/model/parse';
import { serializeDeal } from '../../../shared/model/serialize';
import { validateDeal } from '../../../shared/model/validate';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- hand-made JSON, wrong types on purpose

function base(): Raw {
  return {
    format: 'dealwright.deal',
    version: 1,
    title: 'Clauses',
    currency: 'USD',
    unit: 'million',
    us: 'a',
    timeline: { start: 2027, periods: 10, step: 'year' },
    parties: [
      { id: 'a', name: 'A', discountRate: 0, walkAway: 0 },
      { id: 'b', name: 'B', discountRate: 0, walkAway: 0 },
    ],
    inputs: { x: { dist: 'uniform', min: 0, max: 1 }, pp: { dist: 'uniform', min: 0, max: 1, per: 'period' } },
    series: { sales: '100 * x * pp' },
    terms: [
      { id: 'up', type: 'payment', from: 'b', to: 'a', amount: 10, at: 0 },
      { id: 'roy', type: 'royalty', from: 'b', to: 'a', base: 'sales', tiers: [{ upTo: 50, rate: 0.1 }, { rate: 0.2 }] },
    ],
    scenarios: [{ id: 'base', name: 'Base', set: {} }],
    simulation: { iterations: 100, seed: 1 },
  };
}

/** `path: message` of each problem; [] when the file is valid. */
function problems(change: (d: Raw) => void): string[] {
  const d = base();
  change(d);
  const r = validateDeal(JSON.parse(JSON.stringify(d)));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}
const paths = (change: (d: Raw) => void) => problems(change).map((p) => p.slice(0, p.indexOf(': ')));
const round = (over: Raw): Raw => ({ id: 'r1', date: '2027-03-03', by: 'a', set: {}, status: 'open', ...over });

describe('dates wherever a period is asked for', () => {
  it('a date is exactly "YYYY", "YYYY-MM" or "YYYY-Qn" with a year from 1900 to 2199', () => {
    for (const at of ['1900', '2199', '1900-01', '2199-12', '2029-Q1', '2199-Q4']) expect(problems((d) => (d.terms[0].at = at)), at).toEqual([]);
  });

  it('any other string is a formula: a number outside 1900 to 2199 or a sum is accepted, a bad name is refused at its field', () => {
    // "1899", "2200" and "2029-13" are the formulas 1899, 2200 and 2016: period indexes beyond the timeline.
    for (const at of ['1899', '2200', '2029-13', '2029-00', '1899-06']) expect(problems((d) => (d.terms[0].at = at)), at).toEqual([]);
    expect(problems((d) => (d.terms[0].at = '2029-Q5'))).toEqual(['terms.up.at: unknown name "Q5"']);
    expect(problems((d) => (d.terms[0].at = '2200-Q1'))).toEqual(['terms.up.at: unknown name "Q1"']);
  });

  it("until and a termination's from take dates", () => {
    expect(problems((d) => (d.terms[1].until = '2030-Q2'))).toEqual([]);
    expect(problems((d) => d.terms.push({ id: 'exit', type: 'termination', hazard: 0.1, from: '2031-06' }))).toEqual([]);
  });

  it('a date field cannot be a scenario or slider number (it holds text, not a number)', () => {
    expect(paths((d) => {
      d.terms[0].at = '2029';
      d.scenarios.push({ id: 's', name: 'S', set: { 'terms.up.at': 3 } });
      d.sliders = [{ path: 'terms.up.at', min: 0, max: 5, step: 1 }];
    })).toEqual(['scenarios.s', 'sliders[0].path']);
  });
});

describe('inputs drawn every period', () => {
  it('may not be correlated, be under prev or cumsum, or appear in at, until, from or cap: each refused at its path', () => {
    expect(paths((d) => (d.correlations = [{ between: ['x', 'pp'], rank: 0.2 }]))).toEqual(['correlations[0].between']);
    expect(paths((d) => (d.series.s = 'prev(pp)'))).toEqual(['series.s']);
    expect(paths((d) => (d.series.s = 'cumsum(pp)'))).toEqual(['series.s']);
    expect(paths((d) => (d.terms[0].at = 'pp * 3'))).toEqual(['terms.up.at']);
    expect(paths((d) => (d.terms[1].until = 'pp * 3'))).toEqual(['terms.roy.until']);
    expect(paths((d) => (d.terms[1].cap = '10 * pp'))).toEqual(['terms.roy.cap']);
    expect(paths((d) => d.terms.push({ id: 'exit', type: 'termination', hazard: 0.1, from: 'pp' }))).toEqual(['terms.exit.from']);
  });

  it('may appear in per-period fields: a series, an adjustment factor, a condition', () => {
    expect(problems((d) => (d.terms[1].adjustments = [{ when: 'pp > 0.5', factor: 'pp' }]))).toEqual([]);
  });
});

describe('royalty basis, adjustments and cap', () => {
  it('basis is period, calendarYear or cumulative; factors are from 0 to 1; the cap is not negative and fixed per iteration', () => {
    for (const basis of ['period', 'calendarYear', 'cumulative']) expect(problems((d) => (d.terms[1].basis = basis)), basis).toEqual([]);
    expect(paths((d) => (d.terms[1].basis = 'annual'))).toEqual(['terms.roy.basis']);
    for (const factor of [0, 1, 'x']) expect(problems((d) => (d.terms[1].adjustments = [{ when: 't >= 3', factor }])), String(factor)).toEqual([]);
    for (const factor of [-0.01, 1.01]) expect(paths((d) => (d.terms[1].adjustments = [{ when: 't >= 3', factor }])), String(factor)).toEqual(['terms.roy.adjustments[0].factor']);
    expect(problems((d) => (d.terms[1].cap = 0))).toEqual([]);
    expect(paths((d) => (d.terms[1].cap = -1))).toEqual(['terms.roy.cap']);
    expect(paths((d) => (d.terms[1].cap = 'sales'))).toEqual(['terms.roy.cap']);
    expect(paths((d) => (d.terms[1].cap = '10 * t'))).toEqual(['terms.roy.cap']);
  });
});

describe("parties' legal details", () => {
  it('are strings, and a signatory is { name, title }', () => {
    const full = { legalName: 'A Inc.', jurisdiction: 'Delaware corporation', address: '1 Main St', signatory: { name: 'N', title: 'CEO' } };
    expect(problems((d) => Object.assign(d.parties[0], full))).toEqual([]);
    expect(paths((d) => (d.parties[0].legalName = 5))).toEqual(['parties.a.legalName']);
    expect(paths((d) => (d.parties[0].jurisdiction = true))).toEqual(['parties.a.jurisdiction']);
    expect(paths((d) => (d.parties[0].address = ['1 Main St']))).toEqual(['parties.a.address']);
    expect(paths((d) => (d.parties[0].signatory = 'N'))).toEqual(['parties.a.signatory']);
    expect(paths((d) => (d.parties[0].signatory = { name: 'N', title: 3 }))).toEqual(['parties.a.signatory.title']);
    expect(paths((d) => (d.parties[0].signatory = { name: 'N', title: 'T', email: 'n@a' }))).toEqual(['parties.a.signatory.email']);
  });

  it('are never valuation inputs: a scenario cannot set them', () => {
    expect(paths((d) => d.scenarios.push({ id: 's', name: 'S', set: { 'parties.a.legalName': 1 } }))).toEqual(['scenarios.s']);
  });
});

describe('negotiation rounds', () => {
  const rounds = (...list: Raw[]) => (d: Raw) => (d.negotiation = { rounds: list });

  it('accepts rounds on the same day, each status, an accepted last round, x- keys', () => {
    const statuses = ['open', 'countered', 'rejected', 'withdrawn', 'accepted'];
    expect(problems(rounds(...statuses.map((status, i) => round({ id: `r${i}`, status, 'x-crm': i }))))).toEqual([]);
    expect(problems(rounds())).toEqual([]);
  });

  it('refuses each broken rule at the round', () => {
    expect(paths(rounds(round({}), round({ id: 'r2', date: '2027-03-02' })))).toEqual(['negotiation.rounds[1].date']);
    expect(paths(rounds(round({ by: 'c' })))).toEqual(['negotiation.rounds[0].by']);
    expect(paths(rounds(round({ status: 'accepted' }), round({ id: 'r2', status: 'accepted' })))).toContain('negotiation.rounds[1].status');
    expect(paths(rounds(round({ status: 'accepted' }), round({ id: 'r2', status: 'withdrawn' })))).toEqual(['negotiation.rounds[1]']);
    expect(paths(rounds(round({ id: 'base' })))).toEqual(['negotiation.rounds[0].id']);
    expect(paths(rounds(round({}), round({ date: '2027-03-04' })))).toEqual(['negotiation.rounds[1].id']);
    expect(paths(rounds(round({ set: { 'terms.up.fee': 1 } })))).toEqual(['negotiation.rounds[0]']);
    expect(paths(rounds(round({ set: { 'terms.roy.tiers.0.rate': 1.5 } })))).toEqual(['negotiation.rounds[0]']);
    expect(paths(rounds(round({ status: 'pending' })))).toEqual(['negotiation.rounds[0].status']);
    expect(paths(rounds(round({ date: '2027-02-30' })))).toEqual(['negotiation.rounds[0].date']);
    expect(paths(rounds(round({ date: '2027-3-3' })))).toEqual(['negotiation.rounds[0].date']);
    expect(paths(rounds(round({ colour: 'red' })))).toEqual(['negotiation.rounds[0].colour']);
  });
});

describe('scenario, round and slider paths', () => {
  it('name a number in terms, inputs or parties; anything else is refused naming the scenario, round or slider', () => {
    expect(problems((d) => d.scenarios.push({ id: 's', name: 'S', set: { 'terms.roy.tiers.1.rate': 0.3, 'inputs.x.max': 2, 'parties.b.walkAway': 5 } }))).toEqual([]);
    // A round is valued with the file's seed (common random numbers): it cannot move the seed, the iterations or the timeline.
    for (const path of ['simulation.seed', 'simulation.iterations', 'timeline.periods', 'timeline.start', 'version']) {
      expect(problems((d) => d.scenarios.push({ id: 's', name: 'S', set: { [path]: 5 } })), path).toEqual([`scenarios.s: scenario "s": "${path}" is not a number a scenario may set: a path starts with terms., inputs. or parties.`]);
      expect(paths((d) => (d.negotiation = { rounds: [round({ set: { [path]: 5 } })] })), path).toEqual(['negotiation.rounds[0]']);
      expect(paths((d) => (d.sliders = [{ path, min: 0, max: 10, step: 1 }])), path).toEqual(['sliders[0].path']);
    }
  });
});

describe('limits', () => {
  it('iterations from 1 to 10,000,000 and periods from 1 to 1,200', () => {
    for (const [iterations, periods] of [[1, 1], [10_000_000, 1200]]) expect(problems((d) => ((d.simulation.iterations = iterations), (d.timeline.periods = periods)))).toEqual([]);
    expect(paths((d) => (d.simulation.iterations = 0))).toEqual(['simulation.iterations']);
    expect(paths((d) => (d.simulation.iterations = 10_000_001))).toEqual(['simulation.iterations']);
    expect(paths((d) => (d.timeline.periods = 0))).toEqual(['timeline.periods']);
    expect(paths((d) => (d.timeline.periods = 1201))).toEqual(['timeline.periods']);
  });

  it('a file of exactly 5 MB is read; one byte more is refused with a message', () => {
    const text = (bytes: number) => {
      const head = `{\n  "x-padding": "`;
      const tail = `",${JSON.stringify(base(), null, 2).slice(1)}`;
      return `${head}${'x'.repeat(bytes - head.length - tail.length)}${tail}`;
    };
    const limit = 5 * 1024 * 1024;
    expect(Buffer.byteLength(text(limit))).toBe(limit);
    expect(parseDealText(text(limit)).ok).toBe(true);
    expect(parseDealText(text(limit + 1))).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/at most 5 MB/) }] });
  });
});

describe('saving exactly as read', () => {
  const root = resolve(import.meta.dirname, '..', '..', '..');
  const folders = [join(root, 'resources', 'examples'), join(root, 'resources', 'examples', 'portfolio'), join(root, '..', 'shared', 'spec', 'examples'), join(root, 'test', 'fixtures', 'good')];
  const files = folders.flatMap((dir) => {
    try {
      return readdirSync(dir).filter((f) => f.endsWith('.deal')).map((f) => join(dir, f));
    } catch {
      return []; // ../shared/spec sits beside the repository on the team's machines only.
    }
  });

  it('every valid deal shipped or kept as a fixture saves back byte for byte (a byte-order mark is not written back)', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseDealText(text);
      expect(parsed.ok, file).toBe(true);
      if (!parsed.ok) continue;
      expect(serializeDealLike(parsed.deal, text), file).toBe(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
  });

  it('the file using every addition is in the canonical layout and reads back the same deal', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'good', 'every-addition.deal'), 'utf8');
    const parsed = parseDealText(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(serializeDeal(parsed.deal)).toBe(text);
  });
});
