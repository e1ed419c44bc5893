/**
 * validateDeal as negotiators meet it: the messages of the issue, exactly,
 * with their paths; cross-field rules; leniency where the spec is lenient
 * (optional fields, formulas in every number field of terms, x- keys); and
 * untrusted objects (prototype keys) refused rather than merged.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the cases edit arbitrary JSON paths of a copied deal */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dealProblems, validateDeal } from '../../../shared/model/validate';
import type { Deal } from '../../../shared/model/schema';

const root = resolve(__dirname, '..', '..', '..');
const pharma = JSON.parse(readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8')) as Deal;
const saas = JSON.parse(readFileSync(join(root, 'resources', 'examples', 'saas-alliance.deal'), 'utf8')) as Deal;

/** A deep copy of the example, changed by `edit`. */
function variant(edit: (d: Record<string, any>) => void, base: Deal = pharma): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, any>;
  edit(copy);
  return copy;
}
const term = (d: Record<string, any>, id: string) => (d.terms as { id: string }[]).find((t) => t.id === id) as Record<string, any>;
const lines = (raw: unknown) => dealProblems(raw).map((p) => `${p.path}: ${p.message}`);

describe('the messages of the issue', () => {
  it('terms.royalty.tiers[1].rate: must be between 0 and 1', () => {
    expect(lines(variant((d) => (term(d, 'royalty').tiers[1].rate = 1.5)))).toEqual(['terms.royalty.tiers[1].rate: must be between 0 and 1']);
  });
  it('inputs.peakSales: p90 must be above p50', () => {
    expect(lines(variant((d) => (d.inputs.peakSales.p90 = 100)))).toEqual(['inputs.peakSales: p90 must be above p50']);
  });
  it('series.netSales: unknown name "peakSale" (did you mean "peakSales"?), with its column', () => {
    const problems = dealProblems(variant((d) => (d.series.netSales = 'approved ? peakSale : 0')));
    expect(problems).toEqual([{ path: 'series.netSales', message: 'unknown name "peakSale" (did you mean "peakSales"?)', column: 12 }]);
  });
});

describe('cross-field rules', () => {
  it.each([
    ['duplicate id across kinds', (d: any) => (d.series.royalty = '1'), 'terms.royalty: id "royalty" is already used by series.royalty'],
    ['reserved name as id', (d: any) => (d.inputs.t = { dist: 'fixed', value: 1 }), 'inputs.t: "t" is a reserved name of the formula language; choose another input id'],
    ['function name as id', (d: any) => (d.series.max = '1'), 'series.max: "max" is a reserved name of the formula language; choose another series id'],
    ['unknown party in a term', (d: any) => (term(d, 'upfront').to = 'licenser'), 'terms.upfront.to: unknown party "licenser" (did you mean "licensor"?)'],
    ['us must be a party', (d: any) => (d.us = 'licencor'), 'us: "licencor" is not one of the parties (did you mean "licensor"?)'],
    ['a party paying itself', (d: any) => (term(d, 'upfront').to = 'licensee'), 'terms.upfront.to: a party cannot pay itself ("from" and "to" are both "licensee")'],
    ['tiers ascending', (d: any) => (term(d, 'royalty').tiers[1].upTo = 300), "terms.royalty.tiers[1].upTo: tiers must be ascending: 300 is not above the previous tier's 300"],
    ['min <= mode <= max', (d: any) => (d.inputs.yearsToPeak.mode = 1), 'inputs.yearsToPeak: mode must be between min and max'],
    ['uniform min < max', (d: any) => (d.inputs.cogsPct.max = 0.08), 'inputs.cogsPct: max must be above min'],
    ['discrete weights non-negative', (d: any) => (d.inputs.launchYear.weights = [1, -1, 1]), 'inputs.launchYear.weights: must not be negative'],
    ['discrete weights not all zero', (d: any) => (d.inputs.launchYear.weights = [0, 0, 0]), 'inputs.launchYear.weights: must not all be 0'],
    ['correlation of a chance input', (d: any) => d.correlations.push({ between: ['pPhase2', 'peakSales'], rank: 0.1 }), 'correlations[1].between: "pPhase2" is a chance input; only continuous inputs can be correlated'],
    ['correlation with itself', (d: any) => (d.correlations[0].between = ['peakSales', 'peakSales']), 'correlations[0].between: an input cannot be correlated with itself ("peakSales")'],
    ['scenario path that does not exist', (d: any) => (d.scenarios[1].set['terms.upfront.amout'] = 3), 'scenarios.ask: scenario "ask": "terms.upfront.amout": "amout" does not exist (did you mean "amount"?)'],
    ['scenario path to text', (d: any) => (d.scenarios[1].set['parties.licensor.name'] = 3), 'scenarios.ask: scenario "ask": "parties.licensor.name" holds text, not a number'],
    ['slider step larger than range', (d: any) => (d.sliders[0].step = 100), 'sliders[0].step: is larger than the whole range 0 to 80'],
    ['slider step zero', (d: any) => (d.sliders[0].step = 0), 'sliders[0].step: must be above 0'],
    ['series cycle', (d: any) => Object.assign(d.series, { phase2: 'phase3', phase3: 'phase2 and pPhase3' }), "series.phase2: cycle: phase2 -> phase3 -> phase2 (use prev(…) for last period's value)"],
  ])('%s', (_name, edit, expected) => {
    expect(lines(variant(edit))).toEqual([expected]);
  });

  it('shares must sum to 1 (within rounding), named by path', () => {
    expect(lines(variant((d) => (term(d, 'integration').shares = { ledgerly: 0.6, atlas: 0.3 }), saas))).toEqual([
      'terms.integration.shares: shares sum to 0.9; they must sum to 1',
    ]);
    expect(validateDeal(variant((d) => (term(d, 'integration').shares = { ledgerly: 0.1 + 0.2, atlas: 0.7 }), saas)).ok).toBe(true);
  });
});

describe('structure', () => {
  it('unknown keys are errors naming their path; x- keys anywhere are kept', () => {
    expect(lines(variant((d) => (term(d, 'upfront').ammount = 1)))).toEqual([
      'terms.upfront.ammount: unknown key "ammount" (did you mean "amount"?) (keys starting with "x-" are kept for other tools)',
    ]);
    const withExt = variant((d) => {
      d['x-crm'] = { id: 1 };
      term(d, 'royalty').tiers[0]['x-note'] = 'agreed';
      d.inputs.peakSales['x-source'] = { report: 'IQVIA' };
    });
    const result = validateDeal(withExt);
    expect(result.ok).toBe(true);
    expect(result.ok && (result.deal as unknown as Record<string, unknown>)['x-crm']).toEqual({ id: 1 });
  });

  it('wrong types, missing fields and unknown variants say what is expected', () => {
    expect(lines(variant((d) => (d.simulation.iterations = 'many')))).toEqual(['simulation.iterations: must be a number']);
    expect(lines(variant((d) => delete d.timeline))).toEqual(['timeline: is required']);
    expect(lines(variant((d) => (d.unit = 'millions')))).toEqual(['unit: must be one of "one", "thousand", "million", "billion" (did you mean "million"?)']);
    expect(lines(variant((d) => (term(d, 'upfront').amount = true)))).toEqual(['terms.upfront.amount: must be a number or a formula']);
    expect(lines(variant((d) => (d.inputs.peakSales.dist = 'lognorm')))).toEqual([
      'inputs.peakSales.dist: unknown distribution "lognorm" (did you mean "lognormal"?); expected one of: fixed, uniform, triangular, pert, normal, lognormal, beta, chance, discrete',
    ]);
  });

  it('checks the term-sheet additions with paths: triggers, the summary and legal details are text, a signatory has a name and a title', () => {
    const bad = variant((d) => {
      term(d, 'upfront').trigger = 30;
      d.termSheet.summary = ['not', 'text'];
      d.parties[0].legalName = 7;
      d.parties[1].signatory = { name: 'Lars Brandt', titel: 'CEO' };
    });
    expect(lines(bad)).toEqual(
      expect.arrayContaining([
        'terms.upfront.trigger: must be text',
        'termSheet.summary: must be text',
        'parties.licensor.legalName: must be text',
        'parties.licensee.signatory.title: is required',
        expect.stringMatching(/^parties\.licensee\.signatory\.titel: unknown key "titel" \(did you mean "title"\?\)/),
      ]),
    );
    const good = variant((d) => {
      term(d, 'royalty').trigger = 'within 45 days of each quarter end';
      d.parties[1].signatory = { name: '', title: '' };
    });
    expect(lines(good)).toEqual([]);
  });

  it('terms are named by index when their id cannot name them', () => {
    expect(lines(variant((d) => (d.terms[0].id = 'mPhase3')))[0]).toBe('terms[1].id: id "mPhase3" is already used by terms[0].id');
  });

  it('refuses prototype keys in objects built in memory, and does not mutate its input', () => {
    const raw = variant(() => undefined) as Record<string, any>;
    raw.inputs = JSON.parse(`{"__proto__": {"polluted": 1}, "k": {"dist": "fixed", "value": 1}}`);
    const before = JSON.stringify(raw);
    expect(lines(raw)).toEqual(['inputs.__proto__: "__proto__" is not allowed as a key']);
    expect(JSON.stringify(raw)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const inExtension = variant((d) => (d['x-tool'] = JSON.parse('{"a": {"__proto__": {}}}')));
    expect(lines(inExtension)).toEqual(['x-tool.a.__proto__: "__proto__" is not allowed as a key']);
  });

  it('is as lenient as the spec: optional fields, formulas in number fields, "YYYY-MM" starts', () => {
    const lenient = variant((d) => {
      delete d.description;
      delete d.correlations;
      delete d.sliders;
      delete d.termSheet;
      d.timeline.start = '2027-04';
      d.inputs.launchYear = { dist: 'discrete', values: [5, 6] };
      d.inputs.spread = { dist: 'normal', low: 1, high: 2, min: 0, max: 5, label: 'x', note: 'y' };
      term(d, 'mFiling').amount = 'peakSales / 100';
      term(d, 'mFiling').at = 'launchYear - 4';
      term(d, 'royalty').tiers[0].rate = '0.05 + cogsPct / 10';
      term(d, 'royalty').until = 12.5;
      d.terms.push({ id: 'share', type: 'costShare', base: 'devCost', shares: { licensor: '0.5', licensee: 0.5 } });
    });
    expect(dealProblems(lenient)).toEqual([]);
  });
});

describe('scenarios', () => {
  it('a scenario whose numbers break a rule is named with the field it breaks', () => {
    expect(lines(variant((d) => (d.scenarios[1].set['terms.royalty.tiers.0.rate'] = 1.4)))).toEqual([
      'scenarios.ask: scenario "ask" makes terms.royalty.tiers[0].rate invalid: must be between 0 and 1',
    ]);
    expect(lines(variant((d) => (d.scenarios[1].set['inputs.peakSales.p90'] = 600)))).toEqual([
      'scenarios.ask: scenario "ask" makes inputs.peakSales invalid: p90 must be above p50',
    ]);
  });
});
