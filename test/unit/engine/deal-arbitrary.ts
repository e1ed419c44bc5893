/**
 * fast-check generators of random but well-formed deals: every distribution,
 * series over inputs, t, year, terminated, prev and cumsum, and every term
 * type with numbers or formulas in its fields. Formulas avoid operations whose
 * mathjs result differs from Dealwright's by design (tolerant floor/compare
 * near boundaries, complex numbers), so the reference interpreter can use
 * mathjs as is.
 */
import fc from 'fast-check';
import type { Deal, Input, Term } from '../../../shared/model/schema';

const num = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double({ min: -3, max: 30, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 1000) / 1000));
const positive = fc.double({ min: 0, max: 50, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 100) / 100);
const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map((v) => Math.round(v * 1000) / 1000);

/** A formula over the given names (numbers, arithmetic, logic, conditionals, allowed functions). */
export function formula(names: string[], depth = 3): fc.Arbitrary<string> {
  const leaf = names.length > 0 ? fc.oneof(num.map((v) => (v < 0 ? `(${v})` : String(v))), fc.constantFrom(...names)) : num.map((v) => (v < 0 ? `(${v})` : String(v)));
  if (depth <= 0) return leaf;
  const sub = formula(names, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(sub, fc.constantFrom('+', '-', '*'), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: fc.tuple(sub, sub).map(([a, b]) => `(${a}) / (1 + abs(${b}))`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.constantFrom('<', '<=', '>', '>=', '==', '!='), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.constantFrom('and', 'or'), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: sub.map((a) => `(not ${a})`) },
    { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map(([c, a, b]) => `(${c} ? ${a} : ${b})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('min', 'max'), sub, sub).map(([f, a, b]) => `${f}(${a}, ${b})`) },
    { weight: 1, arbitrary: sub.map((a) => `sqrt(abs(${a}))`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.integer({ min: 1, max: 7 })).map(([a, m]) => `(${a}) % ${m}`) },
  );
}

const inputArb: fc.Arbitrary<Input> = fc.oneof(
  num.map((value) => ({ dist: 'fixed' as const, value })),
  fc.tuple(num, positive).map(([min, w]) => ({ dist: 'uniform' as const, min, max: min + w + 0.01 })),
  fc.tuple(num, fraction, positive).map(([min, f, w]) => ({ dist: 'triangular' as const, min, mode: min + f * (w + 1), max: min + w + 1 })),
  fc.tuple(num, fraction, positive).map(([min, f, w]) => ({ dist: 'pert' as const, min, mode: min + f * (w + 1), max: min + w + 1 })),
  fc.tuple(num, positive).map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd: sd + 0.1 })),
  fc.tuple(num, positive).map(([low, w]) => ({ dist: 'normal' as const, low, high: low + w + 0.1, min: low - 1 })),
  fc.tuple(positive, positive).map(([p50, w]) => ({ dist: 'lognormal' as const, p50: p50 + 0.5, p90: p50 + 0.6 + w })),
  fc.tuple(positive, positive).map(([a, b]) => ({ dist: 'beta' as const, alpha: a / 5 + 0.2, beta: b / 5 + 0.2 })),
  fraction.map((p) => ({ dist: 'chance' as const, p })),
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }).map((values) => ({ dist: 'discrete' as const, values })),
);

const PARTIES = ['pa', 'pb', 'pc'];

function termArb(id: string, periodic: string[], inputsOnly: string[], parties: string[]): fc.Arbitrary<Term> {
  const f = fc.oneof(positive, formula(periodic, 2));
  const amount = fc.oneof(positive, formula(periodic, 2).map((x) => `abs(${x})`));
  const period = fc.oneof(fc.double({ min: 0, max: 14, noNaN: true }).map((v) => Math.round(v * 4) / 4), formula(inputsOnly, 1).map((x) => `abs(${x})`));
  const party = fc.constantFrom(...parties);
  const share = fc.oneof(fraction, formula(periodic, 1).map((x) => `min(1, abs(${x}))`));
  const shares = fc.tuple(...parties.map(() => share)).map((vals) => Object.fromEntries(parties.map((p, i) => [p, vals[i]!])));
  const tiers = <T>(item: fc.Arbitrary<T>) =>
    fc.array(fc.tuple(fc.double({ min: 0, max: 40, noNaN: true }).map((v) => Math.round(v)), item), { minLength: 1, maxLength: 3 }).map((list) => {
      let ceiling = 0;
      return list.map(([step, x], i) => {
        ceiling += step;
        return i === list.length - 1 ? x : { ...x, upTo: ceiling };
      });
    });
  return fc.oneof(
    fc.tuple(party, party, amount, fc.option(period, { nil: undefined }), fc.option(formula(periodic, 2), { nil: undefined })).map(([from, to, a, at, when]) => ({
      id,
      type: 'payment' as const,
      from,
      to,
      amount: a,
      ...(at === undefined && when === undefined ? { at: 1 } : {}),
      ...(at === undefined ? {} : { at }),
      ...(when === undefined ? {} : { when }),
    })),
    fc.tuple(party, party, amount, f, f).map(([from, to, a, base, threshold]) => ({ id, type: 'salesMilestone' as const, from, to, amount: a, base, threshold })),
    fc.tuple(party, party, f, tiers(fraction.map((rate) => ({ rate }))), fc.option(period, { nil: undefined })).map(([from, to, base, ts, until]) => ({
      id,
      type: 'royalty' as const,
      from,
      to,
      base,
      tiers: ts,
      ...(until === undefined ? {} : { until }),
    })),
    fc.tuple(formula(periodic, 2), shares).map(([base, s]) => ({ id, type: 'revenueShare' as const, base, shares: s })),
    fc.tuple(formula(periodic, 2), tiers(shares.map((s) => ({ shares: s })))).map(([base, ts]) => ({ id, type: 'revenueShare' as const, base, tiers: ts })),
    fc.tuple(formula(periodic, 2), shares).map(([base, s]) => ({ id, type: 'costShare' as const, base, shares: s })),
    fc.tuple(formula(periodic, 2), party, f).map(([_, p, a]) => ({ id, type: 'cashflow' as const, party: p, amount: a })),
    fc
      .tuple(formula(periodic, 2), shares, fc.array(fc.tuple(party, amount, period), { maxLength: 3 }), fc.option(fraction, { nil: undefined }))
      .map(([venture, stakes, contributions, rate]) => ({
        id,
        type: 'equity' as const,
        venture,
        stakes,
        contributions: contributions.map(([p, a, at]) => ({ party: p, amount: a, at })),
        ...(rate === undefined ? {} : { preferredReturn: { rate } }),
      })),
    fc
      .tuple(fc.option(formula(periodic, 2), { nil: undefined }), fc.option(fraction.map((p) => p / 3), { nil: undefined }), fc.option(period, { nil: undefined }), fc.option(fc.tuple(party, party, amount), { nil: undefined }))
      .map(([when, hazard, from, fee]) => ({
        id,
        type: 'termination' as const,
        ...(when === undefined && hazard === undefined ? { hazard: 0.2 } : {}),
        ...(when === undefined ? {} : { when }),
        ...(hazard === undefined ? {} : { hazard }),
        ...(from === undefined ? {} : { from }),
        ...(fee === undefined ? {} : { fee: { from: fee[0], to: fee[1], amount: fee[2] } }),
      })),
  );
}

export function dealArbitrary(): fc.Arbitrary<Deal> {
  return fc
    .record({
      periods: fc.integer({ min: 1, max: 12 }),
      step: fc.constantFrom('year' as const, 'quarter' as const, 'month' as const),
      start: fc.constantFrom<number | string>(2027, '2027-04', '2030-11'),
      partyCount: fc.integer({ min: 2, max: 3 }),
      inputs: fc.array(inputArb, { minLength: 1, maxLength: 4 }),
      seriesCount: fc.integer({ min: 0, max: 4 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .chain(({ periods, step, start, partyCount, inputs, seriesCount }) => {
      const inputIds = inputs.map((_, i) => `in${i}`);
      const parties = PARTIES.slice(0, partyCount);
      const seriesIds = Array.from({ length: seriesCount }, (_, i) => `s${i}`);
      // Series i may use inputs, builtins, earlier series, prev() of any series and cumsum() of earlier ones.
      const seriesArbs = seriesIds.map((_, i) =>
        formula([...inputIds, 't', 'year', 'terminated', ...seriesIds.slice(0, i), ...seriesIds.map((s) => `prev(${s})`), ...seriesIds.slice(0, i).map((s) => `cumsum(${s})`)], 3),
      );
      const periodic = [...inputIds, 't', 'terminated', ...seriesIds];
      return fc
        .tuple(
          fc.tuple(...(seriesArbs.length ? seriesArbs : [fc.constant('')])),
          fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 }).chain((keys) => fc.tuple(...keys.map((_, i) => termArb(`term${i}`, periodic, inputIds, parties)))),
          fc.tuple(...parties.map(() => fc.tuple(fraction.map((r) => r / 4), num))),
        )
        .map(([seriesFormulas, terms, partyParams]) => ({
          format: 'dealwright.deal' as const,
          version: 1 as const,
          title: 'generated',
          currency: 'USD',
          unit: 'million' as const,
          us: parties[0]!,
          timeline: { start: start as number, periods, step },
          parties: parties.map((id, i) => ({ id, name: id, discountRate: partyParams[i]![0], walkAway: partyParams[i]![1] })),
          inputs: Object.fromEntries(inputs.map((input, i) => [inputIds[i]!, input])),
          series: Object.fromEntries(seriesIds.map((id, i) => [id, seriesFormulas[i]!])),
          terms,
          scenarios: [{ id: 'base', name: 'Base', set: {} }],
          simulation: { iterations: 100, seed: 1 },
        }));
    });
}
