/**
 * fast-check generator of valid version-1 deals: every distribution, every
 * term type, optional fields present or not, formulas and numbers in term
 * fields, scenarios and negotiation rounds over real number paths, and `x-` extension keys with
 * arbitrary JSON. Used by round-trip and validation properties.
 */
import fc from 'fast-check';
import type { Deal } from '../../../shared/model/schema';

const PARTY_IDS = ['licensor', 'licensee', 'partner3'];
const money = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const signed = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const text = fc.string({ maxLength: 20 });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const PROTOTYPE_KEYS = /"(__proto__|constructor|prototype)":/;
/** Arbitrary JSON (what another tool may keep under an `x-` key); prototype keys are refused anywhere, so left out here. */
const extensionValue = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.stringify(v))
  .filter((text) => !PROTOTYPE_KEYS.test(text))
  .map((text) => JSON.parse(text) as unknown);

function withExtras<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.tuple(arb, fc.option(extensionValue, { nil: undefined })).map(([obj, ext]) => (ext === undefined ? obj : { ...obj, 'x-tool': ext }));
}

/** Drops keys whose value is undefined, as a file would not have them. */
function clean<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

const inputArb = fc.oneof(
  fc.record({ dist: fc.constant('fixed' as const), value: signed }),
  fc.tuple(signed, fc.double({ min: 0.001, max: 100, noNaN: true })).map(([min, w]) => ({ dist: 'uniform' as const, min, max: min + w })),
  fc.tuple(signed, fc.double({ min: 0.001, max: 100, noNaN: true }), fraction, fc.constantFrom('triangular' as const, 'pert' as const)).map(([min, w, f, dist]) => ({ dist, min, mode: min + w * f, max: min + w })),
  fc.tuple(signed, fc.double({ min: 0.001, max: 100, noNaN: true })).map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd })),
  fc.tuple(signed, fc.double({ min: 0.001, max: 100, noNaN: true }), fc.boolean()).map(([low, w, trunc]) => clean({ dist: 'normal' as const, low, high: low + w, min: trunc ? low - w : undefined, max: trunc ? low + 2 * w : undefined })),
  fc.tuple(fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 1.01, max: 10, noNaN: true }), fc.boolean()).map(([p50, k, byInterval]) =>
    byInterval ? { dist: 'lognormal' as const, low: p50, high: p50 * k } : { dist: 'lognormal' as const, p50, p90: p50 * k },
  ),
  fc.tuple(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true })).map(([alpha, beta]) => ({ dist: 'beta' as const, alpha, beta })),
  fraction.map((p) => ({ dist: 'chance' as const, p })),
  fc.array(signed, { minLength: 1, maxLength: 4 }).chain((values) =>
    fc.option(fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: values.length, maxLength: values.length }), { nil: undefined }).map((weights) => clean({ dist: 'discrete' as const, values, weights })),
  ),
);

const labelled = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, optional(text), optional(text)).map(([o, label, note]) => clean({ ...o, label, note }));

/** Shares of the given parties summing to 1 (up to rounding), sometimes as formulas. */
function sharesArb(parties: string[]): fc.Arbitrary<Record<string, number | string>> {
  return fc.array(fc.integer({ min: 1, max: 9 }), { minLength: parties.length, maxLength: parties.length }).map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const out: Record<string, number> = {};
    let used = 0;
    parties.forEach((p, i) => {
      const v = i === parties.length - 1 ? 1 - used : weights[i]! / total;
      out[p] = v;
      used += v;
    });
    return out;
  });
}

/** A party, with or without the optional legal details (deal-format.md, "Parties' legal details"). */
const partyArb = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 12 }),
    legalName: optional(text),
    jurisdiction: optional(text),
    address: optional(text),
    signatory: optional(fc.record({ name: text, title: text })),
    discountRate: fraction,
    walkAway: signed,
  })
  .map((p) => clean({ id: '', ...p }));

const numOrFormula = (num: fc.Arbitrary<number>) => fc.oneof(num, fc.constantFrom('k * 2', 'base1 + 1', 'max(k, 1)'));
const periodOrFormula = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom('k', 'k + 1.5'));

export const dealArb: fc.Arbitrary<Deal> = fc
  .record({
    nParties: fc.integer({ min: 2, max: 3 }),
    title: fc.string({ minLength: 1, maxLength: 30 }),
    description: optional(text),
    currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CHF'),
    unit: fc.constantFrom('one', 'thousand', 'million', 'billion'),
    start: fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom('2027-04', '2030-12')),
    periods: fc.integer({ min: 1, max: 1200 }),
    step: fc.constantFrom('year', 'quarter', 'month'),
    extraInputs: fc.array(labelled(inputArb), { maxLength: 5 }),
    iterations: fc.integer({ min: 1, max: 10_000_000 }),
    seed: fc.integer(),
    withCorrelation: fc.boolean(),
    rank: fc.double({ min: -0.9, max: 0.9, noNaN: true }),
    amounts: fc.array(money, { minLength: 8, maxLength: 8 }),
    rates: fc.array(fraction, { minLength: 3, maxLength: 3 }),
    formulas: fc.array(numOrFormula(money), { minLength: 3, maxLength: 3 }),
    at: periodOrFormula,
    until: optional(periodOrFormula),
    hazard: numOrFormula(fraction),
    withTermSheet: fc.boolean(),
    withSliders: fc.boolean(),
    withRounds: fc.boolean(),
    roundName: optional(text),
    roundNotes: optional(text),
    lastStatus: fc.constantFrom('open', 'countered', 'rejected', 'withdrawn', 'accepted'),
    triggers: fc.array(optional(text), { minLength: 3, maxLength: 3 }),
    summary: optional(text),
    ext: optional(extensionValue),
  })
  .chain((g) => {
    const parties = PARTY_IDS.slice(0, g.nParties);
    return fc.tuple(sharesArb(parties), sharesArb(parties), fc.array(withExtras(partyArb), { minLength: g.nParties, maxLength: g.nParties })).map(
      ([shares, stakes, partyRecords]) => {
        const [a, b] = parties as [string, string];
        const inputs: Record<string, unknown> = { k: { dist: 'fixed', value: 3 }, growth: { dist: 'uniform', min: 0, max: 0.1 } };
        g.extraInputs.forEach((inp, i) => (inputs[`in${i}`] = inp));
        const terms: unknown[] = [
          clean({ id: 'upfront', type: 'payment', label: 'Upfront', trigger: g.triggers[0], from: b, to: a, amount: g.amounts[0]!, at: g.at }),
          { id: 'onEvent', type: 'payment', from: b, to: a, amount: g.formulas[0]!, when: 'base1 > 5' },
          clean({ id: 'ms', type: 'salesMilestone', trigger: g.triggers[1], from: b, to: a, amount: g.amounts[1]!, base: 'base1', threshold: g.amounts[2]! }),
          clean({ id: 'royalty', type: 'royalty', from: b, to: a, base: 'base1', tiers: [{ upTo: 100, rate: g.rates[0]! }, { upTo: 'k * 100', rate: g.rates[1]! }, { rate: g.rates[2]! }], until: g.until }),
          { id: 'rs', type: 'revenueShare', base: 'base1', shares },
          { id: 'rsTiers', type: 'revenueShare', base: 'base1', tiers: [{ upTo: g.amounts[3]! + 1, shares }, { shares: stakes }] },
          { id: 'cost', type: 'costShare', base: g.formulas[1]!, shares: stakes },
          clean({ id: 'jv', type: 'equity', venture: 'base1 - 10', stakes, contributions: [{ party: a, amount: g.amounts[4]!, at: 0 }], preferredReturn: { rate: g.rates[0]! } }),
          { id: 'ops', type: 'cashflow', party: b, amount: g.formulas[2]!, note: 'own margin' },
          clean({ id: 'exit', type: 'termination', trigger: g.triggers[2], hazard: g.hazard, from: 2, fee: { from: b, to: a, amount: g.amounts[5]! } }),
          { id: 'stop', type: 'termination', when: 'cumsum(base1) > 1000' },
        ];
        const deal: Record<string, unknown> = clean({
          format: 'dealwright.deal',
          version: 1,
          title: g.title,
          description: g.description,
          currency: g.currency,
          unit: g.unit,
          us: a,
          timeline: { start: g.start, periods: g.periods, step: g.step },
          parties: partyRecords.map((p, i) => ({ ...p, id: parties[i]! })),
          inputs,
          correlations: g.withCorrelation ? [{ between: ['growth', 'growth2'], rank: g.rank }] : undefined,
          series: { base1: 'k * (1 + growth) ^ t', base2: 'prev(base2) + base1', x3: 'terminated ? 0 : year' },
          terms,
          scenarios: [
            { id: 'base', name: 'Base', set: {} },
            { id: 'alt', name: 'Alt', notes: 'other', set: { 'terms.upfront.amount': g.amounts[6]!, 'terms.royalty.tiers.0.rate': g.rates[2]!, [`parties.${a}.walkAway`]: 1 } },
          ],
          negotiation: g.withRounds
            ? {
                rounds: [
                  clean({ id: 'r1', date: '2027-03-03', by: a, name: g.roundName, set: { 'terms.upfront.amount': g.amounts[7]! }, status: 'countered', notes: g.roundNotes }),
                  { id: 'r2', date: '2027-03-03', by: b, set: {}, status: g.lastStatus, 'x-round': 'kept' },
                ],
              }
            : undefined,
          sliders: g.withSliders ? [{ path: 'terms.upfront.amount', label: 'Upfront', min: 0, max: 100, step: 1 }] : undefined,
          simulation: { iterations: g.iterations, seed: g.seed },
          termSheet: g.withTermSheet
            ? clean({ summary: g.summary, sections: [{ heading: 'H', text: '{{parties.licensor.name}}' }], successMetrics: [{ horizon: '1y', metric: 'm', target: 't' }], placeholders: { territory: 'EU' } })
            : undefined,
          'x-ext': g.ext,
        });
        if (g.withCorrelation) inputs.growth2 = { dist: 'normal', mean: 0, sd: 1 };
        return deal as unknown as Deal;
      },
    );
  });
