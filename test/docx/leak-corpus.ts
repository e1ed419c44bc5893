/**
 * A deal in which every field the spec defines is filled, and every internal
 * one carries a marker that cannot occur by chance: texts start with "zqx"
 * (searched case-insensitively, so a humanized id such as "zqx peak sales"
 * is caught too), internal numbers are figures no contract term uses. Used to
 * check that counterparty documents and redlines either refuse (naming the
 * placeholder's path) or carry none of it, in any part of the package.
 *
 * Rounds (deal-format.md, "Negotiation rounds") are added by `withRounds`
 * once the schema has them: their names and notes are internal like a
 * scenario's.
 */
import { dealSchema, type Deal } from '../../shared/model/schema';
import { validateDeal } from '../../shared/model/validate';

/** Every internal text starts with this; searched case-insensitively. */
export const MARK = 'zqx';

/**
 * Internal numbers and the ways a document could print them. None of them is
 * a contract figure of the corpus (amounts are 10, 20, ...; rates 0.05, ...).
 */
export const SECRET_NUMBERS: Record<string, string[]> = {
  seed: ['918273645', '918,273,645'],
  walkAway: ['48213', '48,213'],
  walkAway2: ['39127', '39,127'],
  discountRate: ['0.271828', '27.1828', '27.18'],
  discountRate2: ['0.161803', '16.1803', '16.18'],
  hazard: ['0.031415', '3.1415', '3.14%'],
  sliderMin: ['7777.7', '7,777.7'],
  sliderMax: ['8642.9', '8,642.9'],
  inputParam: ['123456.789', '123,456.789', '123456', '123,456'],
  correlation: ['0.4321'],
  scenarioNumber: ['55.5551'],
};

export const CORPUS_FILE_NAME = 'zqx-file-name.deal';

const raw = {
  format: 'dealwright.deal',
  version: 1,
  title: 'Alpha Bio / Beta Pharma: licence and alliance',
  description: 'zqx description: internal memo, we would go down to 10.',
  currency: 'USD',
  unit: 'million',
  us: 'alpha',
  timeline: { start: 2027, periods: 12, step: 'year' },
  parties: [
    { id: 'alpha', name: 'Alpha Bio', legalName: 'Alpha Bio, Inc.', jurisdiction: 'Delaware corporation', address: '1 Main Street, Boston', signatory: { name: 'Ann Lee', title: 'CEO' }, discountRate: 0.271828, walkAway: 48213, 'x-zqxParty': 'zqx party extension' },
    { id: 'beta', name: 'Beta Pharma', legalName: 'Beta Pharma AG', jurisdiction: 'Swiss stock corporation', address: '2 Rhine Street, Basel', signatory: { name: 'Ben Roe', title: 'CFO' }, discountRate: 0.161803, walkAway: 39127 },
    { id: 'gamma', name: 'Gamma Health', discountRate: 0.1, walkAway: 0 },
  ],
  inputs: {
    zqxInPeak: { label: 'zqx label peak sales', dist: 'lognormal', p50: 123456.789, p90: 200000, note: 'zqx note peak' },
    zqxInChance: { label: 'zqx label chance', dist: 'chance', p: 0.35 },
    zqxInFixed: { dist: 'fixed', value: 3, note: 'zqx note fixed' },
    zqxInUniform: { label: 'zqx label uniform', dist: 'uniform', min: 0.08, max: 0.18 },
    zqxInTri: { label: 'zqx label triangular', dist: 'triangular', min: 3, mode: 5, max: 9 },
    zqxInPert: { label: 'zqx label pert', dist: 'pert', min: 1, mode: 2, max: 4 },
    zqxInNormal: { label: 'zqx label normal', dist: 'normal', low: 1, high: 3, min: 0 },
    zqxInBeta: { label: 'zqx label beta', dist: 'beta', alpha: 2, beta: 38 },
    zqxInDiscrete: { label: 'zqx label launch', dist: 'discrete', values: [4, 5], weights: [0.5, 0.5] },
  },
  correlations: [{ between: ['zqxInPeak', 'zqxInTri'], rank: 0.4321 }],
  series: {
    zqxSeriesApproved: 'zqxInChance',
    zqxSeriesSales: 'zqxSeriesApproved and t >= zqxInDiscrete ? zqxInPeak / 1000 : 0',
    zqxSeriesCost: 't < 2 ? 10 : 0',
    zqxSeriesVenture: 't < 2 ? -20 : zqxSeriesSales * 0.1',
  },
  terms: [
    { id: 'upfront', type: 'payment', label: 'Upfront payment', from: 'beta', to: 'alpha', amount: 10, at: 0, note: 'zqx note upfront', 'x-zqxTerm': 'zqx term extension' },
    { id: 'milestone', type: 'payment', label: 'Phase III start', trigger: 'within 30 days of the first Phase III dosing', from: 'beta', to: 'alpha', amount: 20, at: 2, when: 'zqxSeriesApproved' },
    { id: 'formulaPay', type: 'payment', label: 'Approval bonus', from: 'beta', to: 'alpha', amount: 'zqxInPeak / 10000', when: 'zqxSeriesApproved and t >= zqxInDiscrete' },
    { id: 'sales', type: 'salesMilestone', label: 'Sales milestone', from: 'beta', to: 'alpha', amount: 30, base: 'zqxSeriesSales', threshold: 40 },
    { id: 'royalty', type: 'royalty', label: 'Royalties', from: 'beta', to: 'alpha', base: 'zqxSeriesSales', tiers: [{ upTo: 50, rate: 0.05 }, { upTo: 'zqxInTri * 20', rate: 0.06 }, { rate: 'zqxInUniform' }], until: 10 },
    { id: 'share', type: 'revenueShare', label: 'Revenue share', base: 'zqxSeriesSales', tiers: [{ upTo: 60, shares: { alpha: 0.7, beta: 0.3 } }, { shares: { alpha: 0.6, beta: 0.4 } }] },
    { id: 'flatShare', type: 'revenueShare', label: 'Flat share', base: 'zqxSeriesSales', shares: { alpha: 0.5, gamma: 0.5 } },
    { id: 'cost', type: 'costShare', label: 'Build cost', base: 'zqxSeriesCost', shares: { alpha: 0.6, beta: 0.4 } },
    { id: 'jv', type: 'equity', label: 'Joint venture', venture: 'zqxSeriesVenture', stakes: { alpha: 0.5, gamma: 0.5 }, contributions: [{ party: 'alpha', amount: 70, at: 0 }, { party: 'gamma', amount: 80, at: 1 }], preferredReturn: { rate: 0.08 } },
    { id: 'ops', type: 'cashflow', label: 'zqx label own margin', party: 'beta', amount: 'zqxSeriesSales * 0.5', note: 'zqx note own' },
    { id: 'exit', type: 'termination', label: 'Exit on change of strategy', hazard: 0.031415, from: 3, fee: { from: 'beta', to: 'alpha', amount: 90 } },
    { id: 'stop', type: 'termination', label: 'Failure to launch', when: 'zqxSeriesApproved == 0 and t > 6', note: 'zqx note stop' },
  ],
  scenarios: [
    { id: 'zqxScenBase', name: 'zqx name base case', set: {} },
    { id: 'zqxScenAsk', name: 'zqx name opening ask', notes: 'zqx notes tactics: lead with cash', set: { 'terms.upfront.amount': 15, 'terms.royalty.tiers.0.rate': 0.055 } },
    { id: 'zqxScenFallback', name: 'zqx name fallback', notes: 'zqx notes fallback', set: { 'inputs.zqxInPeak.p50': 55.5551, 'terms.upfront.amount': 12 } },
  ],
  sliders: [
    { path: 'terms.upfront.amount', label: 'zqx label slider', min: 7777.7, max: 8642.9, step: 1 },
    { path: 'inputs.zqxInPeak.p50', min: 1, max: 8642.9, step: 1 },
  ],
  simulation: { iterations: 1000, seed: 918273645 },
  termSheet: {
    summary: 'Alpha Bio licenses a compound to Beta Pharma in {{territory}}.',
    sections: [
      { heading: 'Licence grant', text: 'Alpha Bio grants Beta Pharma an exclusive licence in {{territory}}.' },
      { heading: 'Economic terms', text: 'Payment mechanics: all payments in {{currency}}.' },
      { heading: 'Success metrics', text: 'The parties review the targets below.' },
    ],
    successMetrics: [
      { horizon: '12 months', metric: 'Enrolment', target: '40 patients' },
      { horizon: '3 years', metric: 'Launch', target: 'first sale' },
    ],
    placeholders: { territory: 'the European Union', 'x-zqxPlaceholder': 'zqx placeholder extension' },
  },
  'x-zqxTop': { note: 'zqx top extension', nested: ['zqx nested extension'] },
};

/** The corpus deal, validated like a file on open (x- keys kept where the format keeps them). */
export function corpusDeal(): Deal {
  const checked = validateDeal(JSON.parse(JSON.stringify(raw)));
  if (!checked.ok) throw new Error(`the leak corpus is not a valid deal: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return checked.deal;
}

/** Whether the schema has negotiation rounds yet (deal-format.md, "Negotiation rounds"). */
export const ROUNDS_SUPPORTED = 'negotiation' in dealSchema.shape;

/** The corpus with rounds whose names and notes are internal markers (only meaningful once rounds exist). */
export function withRounds(deal: Deal): Deal {
  return {
    ...deal,
    negotiation: {
      rounds: [
        { id: 'zqxRound1', date: '2027-03-03', by: 'alpha', name: 'zqx round name opening', set: { 'terms.upfront.amount': 16 }, status: 'countered', notes: 'zqx round notes first call' },
        { id: 'zqxRound2', date: '2027-03-17', by: 'beta', name: 'zqx round name counter', set: { 'terms.upfront.amount': 11 }, status: 'open' },
      ],
    },
  } as unknown as Deal;
}

/**
 * Every path a placeholder could name in the deal, in placeholder spelling
 * (`terms.royalty.tiers.1.upTo`, `parties.alpha.walkAway`), plus top-level
 * single names. Extension keys are included: they must be refused too.
 */
export function everyPath(deal: Deal): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: string[], parent?: string) => {
    if (path.length > 0) out.push(path.join('.'));
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const byId = path.length === 1 && (parent === 'terms' || parent === 'parties') && item && typeof item === 'object' && 'id' in item;
        visit(item, [...path, byId ? String((item as { id: string }).id) : String(i)], String(i));
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], k);
    }
  };
  for (const [k, v] of Object.entries(deal)) visit(v, [k], k);
  return out;
}

/** Everything internal a package could show, for searching its raw parts. */
export function markers(): { name: string; text: string }[] {
  return [{ name: 'internal text', text: MARK }, { name: 'file name', text: 'zqx-file-name' }, ...Object.entries(SECRET_NUMBERS).flatMap(([name, forms]) => forms.map((text) => ({ name, text })))];
}
