/**
 * fast-check generators of random but well-formed deals: every distribution,
 * series over inputs, t, year, terminated, prev and cumsum, and every term
 * type with numbers or formulas in its fields. Formulas avoid operations whose
 * mathjs result differs from Dealwright's by design (tolerant floor/compare
 * near boundaries, complex numbers), so the reference interpreter can use
 * mathjs as is.
 *
 * `dealArbitrary({ additions: true })` also uses every addition to version 1:
 * inputs drawn every period, dates (and date-like formulas) in period fields,
 * tiers and sales thresholds measured per calendar year or cumulatively,
 * royalty adjustments and caps.
 */
import fc from 'fast-check';
import type { Deal, Input, Term } from '../../../shared/model/schema';

// Decimal values drawn as integers: fc.double draws over representable doubles, so most of its values in
// [0, 1] are tiny and round to 0 (rates, bases and ceilings of 0 would leave most terms paying nothing).
const num = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.integer({ min: -3000, max: 30000 }).map((v) => v / 1000));
const positive = fc.integer({ min: 0, max: 5000 }).map((v) => v / 100);
const fraction = fc.integer({ min: 0, max: 1000 }).map((v) => v / 1000);

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

// The mode and max add the same width to min, so a mode at f = 1 is the max exactly, never one rounding above it
// ((min + w) + 1 can round below min + (w + 1)).
const inputArb: fc.Arbitrary<Input> = fc.oneof(
  num.map((value) => ({ dist: 'fixed' as const, value })),
  fc.tuple(num, positive).map(([min, w]) => ({ dist: 'uniform' as const, min, max: min + w + 0.01 })),
  fc.tuple(num, fraction, positive).map(([min, f, w]) => ({ dist: 'triangular' as const, min, mode: min + f * (w + 1), max: min + (w + 1) })),
  fc.tuple(num, fraction, positive).map(([min, f, w]) => ({ dist: 'pert' as const, min, mode: min + f * (w + 1), max: min + (w + 1) })),
  fc.tuple(num, positive).map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd: sd + 0.1 })),
  fc.tuple(num, positive).map(([low, w]) => ({ dist: 'normal' as const, low, high: low + w + 0.1, min: low - 1 })),
  fc.tuple(positive, positive).map(([p50, w]) => ({ dist: 'lognormal' as const, p50: p50 + 0.5, p90: p50 + 0.6 + w })),
  fc.tuple(positive, positive).map(([a, b]) => ({ dist: 'beta' as const, alpha: a / 5 + 0.2, beta: b / 5 + 0.2 })),
  fraction.map((p) => ({ dist: 'chance' as const, p })),
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }).map((values) => ({ dist: 'discrete' as const, values })),
);

const PARTIES = ['pa', 'pb', 'pc'];

/** Dates around the generated timelines (which start in 2027 or 2030), before and after them, and strings that look like dates but are formulas. */
const dateText = fc.oneof(
  fc.integer({ min: 2024, max: 2036 }).map(String),
  fc.tuple(fc.integer({ min: 2025, max: 2034 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 2025, max: 2034 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.constantFrom('1899', '2200', '2029-13', '1900', '2199-Q4'),
);

function termArb(id: string, periodic: string[], inputsOnly: string[], parties: string[], additions: boolean): fc.Arbitrary<Term> {
  const f = fc.oneof(positive, formula(periodic, 2));
  const amount = fc.oneof(positive, formula(periodic, 2).map((x) => `abs(${x})`));
  const plainPeriod = fc.oneof(fc.integer({ min: 0, max: 56 }).map((v) => v / 4), formula(inputsOnly, 1).map((x) => `abs(${x})`));
  const period = additions ? fc.oneof(plainPeriod, dateText) : plainPeriod;
  const basis = additions ? fc.option(fc.constantFrom('period' as const, 'calendarYear' as const, 'cumulative' as const), { nil: undefined }) : fc.constant(undefined);
  // A factor stays within 0 to 1 (outside it the engine refuses the deal; that is tested on its own).
  const factor = fc.oneof(fraction, formula(periodic, 1).map((x) => `min(1, abs(${x}))`));
  const adjustments = additions
    ? fc.option(fc.array(fc.tuple(fc.option(fc.constantFrom('Generic entry', 'Patent expiry'), { nil: undefined }), formula(periodic, 2), factor), { minLength: 1, maxLength: 3 }), { nil: undefined })
    : fc.constant(undefined);
  const cap = additions ? fc.option(fc.oneof(positive.map((v) => v * 3), formula(inputsOnly, 1).map((x) => `abs(${x}) * 5`)), { nil: undefined }) : fc.constant(undefined);
  const party = fc.constantFrom(...parties);
  const share = fc.oneof(fraction, formula(periodic, 1).map((x) => `min(1, abs(${x}))`));
  const shares = fc.tuple(...parties.map(() => share)).map((vals) => Object.fromEntries(parties.map((p, i) => [p, vals[i]!])));
  const tiers = <T>(item: fc.Arbitrary<T>) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), item), { minLength: 1, maxLength: 3 }).map((list) => {
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
    fc.tuple(party, party, amount, f, f, basis).map(([from, to, a, base, threshold, b]) => ({ id, type: 'salesMilestone' as const, from, to, amount: a, base, threshold, ...(b === undefined ? {} : { basis: b }) })),
    fc.tuple(party, party, f, tiers(fraction.map((rate) => ({ rate }))), fc.option(period, { nil: undefined }), basis, adjustments, cap).map(([from, to, base, ts, until, b, adj, c]) => ({
      id,
      type: 'royalty' as const,
      from,
      to,
      base,
      ...(b === undefined ? {} : { basis: b }),
      tiers: ts,
      ...(until === undefined ? {} : { until }),
      ...(adj === undefined ? {} : { adjustments: adj.map(([label, when, fv]) => ({ ...(label === undefined ? {} : { label }), when, factor: fv })) }),
      ...(c === undefined ? {} : { cap: c }),
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

export function dealArbitrary({ additions = false }: { additions?: boolean } = {}): fc.Arbitrary<Deal> {
  return fc
    .record({
      // With the additions, timelines long enough to cross calendar years in quarters and months.
      periods: fc.integer({ min: 1, max: additions ? 30 : 12 }),
      step: additions ? fc.constantFrom('year' as const, 'quarter' as const, 'quarter' as const, 'month' as const) : fc.constantFrom('year' as const, 'quarter' as const, 'month' as const),
      start: fc.constantFrom<number | string>(2027, '2027-04', '2030-11'),
      partyCount: fc.integer({ min: 2, max: 3 }),
      inputs: fc.array(additions ? fc.tuple(inputArb, fc.boolean()).map(([input, every]) => (every ? { ...input, per: 'period' as const } : input)) : inputArb, { minLength: 1, maxLength: 4 }),
      seriesCount: fc.integer({ min: 0, max: 4 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .chain(({ periods, step, start, partyCount, inputs, seriesCount }) => {
      const inputIds = inputs.map((_, i) => `in${i}`);
      // Fields evaluated once per iteration may use only inputs drawn once per iteration.
      const onceInputs = inputIds.filter((_, i) => inputs[i]!.per !== 'period');
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
          fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 }).chain((keys) => fc.tuple(...keys.map((_, i) => termArb(`term${i}`, periodic, onceInputs, parties, additions)))),
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
