/**
 * The additions to version 1 as a file states them (deal-format.md): what is
 * valid and what is refused, with paths a person can follow; where the new
 * keys go when saved (and that a file using them reads and saves byte for
 * byte); scenarios over the new numbers; renaming through the new fields; the
 * gate and placeholders for dates, caps and factors.
 */
import { describe, expect, it } from 'vitest';
import { validateDeal } from '../../../shared/model/validate';
import { serializeDeal } from '../../../shared/model/serialize';
import { parseDealText } from '../../../shared/model/parse';
import { numberFields } from '../../../shared/model/number-fields';
import { validRange } from '../../../shared/model/what-if-rules';
import type { Deal, Term } from '../../../shared/model/schema';
import { counterpartyPlaceholder } from '../../../shared/termsheet/gate';
import { resolvePlaceholders } from '../../../shared/termsheet/placeholders';
import { renameId } from '../../../renderer/src/edits/ids';

function base(): Deal {
  return {
    format: 'dealwright.deal',
    version: 1,
    title: 'Additions',
    currency: 'USD',
    unit: 'million',
    us: 'licensor',
    timeline: { start: '2027-04', periods: 12, step: 'quarter' },
    parties: [
      { id: 'licensor', name: 'Helix', discountRate: 0.1, walkAway: 0 },
      { id: 'licensee', name: 'Northwind', discountRate: 0.1, walkAway: 0 },
    ],
    inputs: {
      peak: { dist: 'lognormal', p50: 100, p90: 200 },
      shock: { label: 'Demand shock', dist: 'normal', mean: 1, sd: 0.1, per: 'period' },
      genericYear: { dist: 'discrete', values: [6, 8] },
    },
    series: { sales: 'peak * shock' },
    terms: [
      { id: 'upfront', type: 'payment', from: 'licensee', to: 'licensor', amount: 10, at: '2027-Q3' },
      {
        id: 'royalty',
        type: 'royalty',
        from: 'licensee',
        to: 'licensor',
        base: 'sales',
        basis: 'calendarYear',
        tiers: [{ upTo: 300, rate: 0.08 }, { rate: 0.12 }],
        until: '2029',
        adjustments: [{ label: 'Generic entry', when: 't >= genericYear', factor: 0.5 }],
        cap: 150,
      },
      { id: 'sales200', type: 'salesMilestone', from: 'licensee', to: 'licensor', amount: 20, base: 'sales', basis: 'cumulative', threshold: 200 },
    ],
    scenarios: [{ id: 'base', name: 'Base', set: {} }],
    simulation: { iterations: 1000, seed: 1 },
  };
}

const royaltyOf = (d: Deal) => d.terms.find((t) => t.id === 'royalty') as Extract<Term, { type: 'royalty' }>;
const withRoyalty = (change: Partial<Extract<Term, { type: 'royalty' }>>): Deal => {
  const d = base();
  d.terms = d.terms.map((t) => (t.id === 'royalty' ? ({ ...t, ...change } as Term) : t));
  return d;
};
const problems = (d: unknown) => {
  const r = validateDeal(d);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('a file using every addition', () => {
  it('is valid', () => {
    expect(problems(base())).toEqual([]);
  });

  it('saves its new keys in the format order and reads back byte for byte', () => {
    const text = serializeDeal(base());
    const royalty = text.slice(text.indexOf('"id": "royalty"'), text.indexOf('"id": "sales200"'));
    const order = ['"from"', '"to"', '"base"', '"basis"', '"tiers"', '"until"', '"adjustments"', '"cap"'].map((k) => royalty.indexOf(k));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(royalty.indexOf('"label": "Generic entry"')).toBeLessThan(royalty.indexOf('"when"'));
    expect(royalty.indexOf('"when"')).toBeLessThan(royalty.indexOf('"factor"'));
    expect(text.indexOf('"dist": "normal"')).toBeLessThan(text.indexOf('"per": "period"'));
    const read = parseDealText(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(serializeDeal(read.deal)).toBe(text);
  });

  it('offers its adjustment factors and cap to scenarios, sliders and goal seek, with their labels and ranges', () => {
    const fields = numberFields(base());
    expect(fields.find((f) => f.path === 'terms.royalty.adjustments.0.factor')).toEqual({ path: 'terms.royalty.adjustments.0.factor', label: 'royalty, Generic entry factor', kind: 'fraction' });
    expect(fields.find((f) => f.path === 'terms.royalty.cap')).toEqual({ path: 'terms.royalty.cap', label: 'royalty, cap', kind: 'money' });
    expect(validRange(base(), 'terms.royalty.adjustments.0.factor')).toMatchObject({ min: { value: 0 }, max: { value: 1 } });
    expect(validRange(base(), 'terms.royalty.cap')).toMatchObject({ min: { value: 0 } });
  });

  it('a scenario may set a factor and a cap like any number, and is refused when it breaks them', () => {
    const d = base();
    d.scenarios.push({ id: 'ask', name: 'Ask', set: { 'terms.royalty.adjustments.0.factor': 0.7, 'terms.royalty.cap': 200 } });
    expect(problems(d)).toEqual([]);
    d.scenarios.push({ id: 'bad', name: 'Bad', set: { 'terms.royalty.adjustments.0.factor': 1.5, 'terms.royalty.cap': -1 } });
    expect(problems(d)).toEqual([
      'scenarios.bad: scenario "bad" makes terms.royalty.adjustments[0].factor invalid: must be between 0 and 1',
      'scenarios.bad: scenario "bad" makes terms.royalty.cap invalid: must not be negative (the direction comes from "from" and "to")',
    ]);
  });
});

describe('refused, with the path', () => {
  it('a factor outside 0 to 1, a negative cap, an unknown basis, an adjustment without its condition', () => {
    expect(problems(withRoyalty({ adjustments: [{ when: 't > 2', factor: 1.2 }] }))).toEqual(['terms.royalty.adjustments[0].factor: must be between 0 and 1']);
    expect(problems(withRoyalty({ cap: -5 }))).toEqual(['terms.royalty.cap: must not be negative (the direction comes from "from" and "to")']);
    expect(problems(withRoyalty({ basis: 'annual' as never }))).toEqual(['terms.royalty.basis: must be one of "period", "calendarYear", "cumulative"']);
    expect(problems(withRoyalty({ adjustments: [{ factor: 0.5 } as never] }))).toEqual(['terms.royalty.adjustments[0].when: is required']);
    expect(problems(withRoyalty({ adjustments: [{ when: '1', factor: 0.5, fator: 1 } as never] }))).toEqual([
      'terms.royalty.adjustments[0].fator: unknown key "fator" (did you mean "factor"?) (keys starting with "x-" are kept for other tools)',
    ]);
  });

  it('an input drawn every period in a field fixed once per iteration (at, until, from, cap)', () => {
    const d = base();
    d.terms[0] = { ...d.terms[0]!, at: 'shock * 4' } as Term;
    d.terms[1] = { ...royaltyOf(d), cap: 'peak + shock' };
    expect(problems(d)).toEqual([
      'terms.upfront.at: input "shock" is drawn every period, so it cannot be used here: this value is fixed once per iteration, so it may use only inputs drawn once per iteration',
      'terms.royalty.cap: input "shock" is drawn every period, so it cannot be used here: this value is fixed once per iteration, so it may use only inputs drawn once per iteration',
    ]);
  });

  it('an input drawn every period under prev or cumsum (the message says to wrap it in a series)', () => {
    const d = base();
    d.series.lagged = 'prev(shock)';
    expect(problems(d)).toEqual(['series.lagged: prev takes the name of a series; "shock" is an input drawn every period: wrap it in a series (e.g. shockSeries = shock) and write prev(shockSeries)']);
  });

  it('an input drawn every period in a correlation', () => {
    const d = base();
    d.correlations = [{ between: ['peak', 'shock'], rank: 0.3 }];
    expect(problems(d)).toEqual(['correlations[0].between: "shock" is drawn every period (per: "period"); such an input is independent in every period and cannot be correlated']);
  });

  it('a `per` that is neither "period" nor "iteration"', () => {
    const d = base() as unknown as { inputs: Record<string, Record<string, unknown>> };
    d.inputs.shock!.per = 'year';
    expect(problems(d)).toEqual(['inputs.shock.per: must be one of "iteration", "period"']);
  });
});

describe('dates', () => {
  it('are dates exactly in the three forms with a year from 1900 to 2199; anything else in a period field is a formula', () => {
    for (const at of ['2029', '2029-06', '2029-Q3', '1900', '2199-Q4', '2030-12']) expect(problems({ ...base(), terms: [{ id: 'p', type: 'payment', from: 'licensee', to: 'licensor', amount: 1, at }] }), at).toEqual([]);
    // A formula: 2029 - 13 is a number (period 2016, never), "2029-Q5" names Q5, which is nothing.
    expect(problems({ ...base(), terms: [{ id: 'p', type: 'payment', from: 'licensee', to: 'licensor', amount: 1, at: '2029-13' }] })).toEqual([]);
    expect(problems({ ...base(), terms: [{ id: 'p', type: 'payment', from: 'licensee', to: 'licensor', amount: 1, at: '2029-Q5' }] })).toEqual(['terms.p.at: unknown name "Q5" (column 6)'.replace(' (column 6)', '')]);
  });

  it('are not formulas anywhere else: an amount of "2029" is the number 2029 written as a formula', () => {
    expect(problems({ ...base(), terms: [{ id: 'p', type: 'payment', from: 'licensee', to: 'licensor', amount: '2029-Q3', at: 0 }] })).toEqual(['terms.p.amount: unknown name "Q3"']);
  });

  it('survive renaming an id that looks like part of a date', () => {
    const d = base();
    d.inputs.Q3 = { dist: 'fixed', value: 1 };
    const renamed = renameId(d, 'Q3', 'q3');
    expect((renamed.terms[0] as Extract<Term, { type: 'payment' }>).at).toBe('2027-Q3');
  });

  it('print as dates in placeholders, and a counterparty document may print them', () => {
    const d = base();
    const ctx = { deal: d, audience: 'counterparty' as const };
    expect(counterpartyPlaceholder(d, 'terms.upfront.at')).toEqual({ ok: true });
    expect(resolvePlaceholders('Paid in {{terms.upfront.at}}; royalties until {{terms.royalty.until}}.', 'x', ctx)).toEqual({ ok: true, text: 'Paid in Q3\u00a02027; royalties until 2029.' });
  });
});

describe('the gate and renaming through the new fields', () => {
  it('lets a counterparty document print the cap and factors, never the conditions', () => {
    const d = base();
    expect(counterpartyPlaceholder(d, 'terms.royalty.cap')).toEqual({ ok: true });
    expect(counterpartyPlaceholder(d, 'terms.royalty.adjustments.0.factor')).toEqual({ ok: true });
    expect(counterpartyPlaceholder(d, 'terms.royalty.adjustments.0.when')).toEqual({ ok: false, reason: 'is a condition of our model' });
    expect(resolvePlaceholders('Capped at {{terms.royalty.cap}}; {{terms.royalty.adjustments.0.factor}} after generic entry.', 'x', { deal: d, audience: 'counterparty' })).toEqual({
      ok: true,
      text: 'Capped at $150.0M; 50% after generic entry.',
    });
  });

  it('renames an input in adjustment conditions and cap formulas, and a party in every party field', () => {
    const d = withRoyalty({ cap: 'peak * 2' });
    const renamed = renameId(renameId(d, 'genericYear', 'genericEntry'), 'licensee', 'northwind');
    const r = royaltyOf(renamed);
    expect(r.adjustments![0]!.when).toBe('t >= genericEntry');
    expect(r.cap).toBe('peak * 2');
    expect(renameId(d, 'peak', 'peakSales').terms.find((t) => t.id === 'royalty')).toMatchObject({ cap: 'peakSales * 2' });
    expect(r.from).toBe('northwind');
    expect(problems(renamed)).toEqual([]);
  });
});
