/**
 * Negotiation rounds in the file (deal-format.md, "Negotiation rounds"): each
 * rule of a round refused with a path a person can follow, the additions
 * optional (a file without them reads and writes as before), the key order
 * stable, a round taken wherever a scenario is, and a round's moves exactly
 * the numbers that changed since the round before.
 */
import { failureText } from '../../../shared/problems';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDealLike } from '../../../shared/model/layout-preserving';
import { numberFields } from '../../../shared/model/number-fields';
import { parseDealText } from '../../../shared/model/parse';
import { applyScenarioById, getNumberAt } from '../../../shared/model/paths';
import { roundMoves } from '../../../shared/model/round-moves';
import { findPosition, positionsOf, roundsOf } from '../../../shared/model/rounds';
import type { Deal, Round } from '../../../shared/model/schema';
import { serializeDeal } from '../../../shared/model/serialize';
import { validateDeal } from '../../../shared/model/validate';

const root = resolve(__dirname, '..', '..', '..');
const text = readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8');
const raw = JSON.parse(text) as Deal;

function withRounds(rounds: unknown[]): unknown {
  return { ...structuredClone(raw), negotiation: { rounds } };
}

const r = (over: Partial<Round> & { id: string }): Round => ({ date: '2027-03-03', by: 'licensor', set: {}, status: 'open', ...over });

function problems(deal: unknown) {
  const result = validateDeal(deal);
  return result.ok ? [] : result.problems;
}

describe('a round is checked with its path', () => {
  it('accepts the shipped example with three rounds', () => {
    expect(problems(raw)).toEqual([]);
    expect(roundsOf(raw).map((x) => x.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('dates are ISO days of the calendar and never decrease', () => {
    expect(problems(withRounds([r({ id: 'a', date: '3 March 2027' })]))).toEqual([{ path: 'negotiation.rounds[0].date', message: 'must be a date written YYYY-MM-DD, e.g. "2027-03-17"' }]);
    expect(problems(withRounds([r({ id: 'a', date: '2027-02-29' })]))).toEqual([{ path: 'negotiation.rounds[0].date', message: 'is not a day of the calendar' }]);
    expect(problems(withRounds([r({ id: 'a', date: '2028-02-29' })]))).toEqual([]);
    expect(problems(withRounds([r({ id: 'a', date: '2027-03-17', status: 'countered' }), r({ id: 'b', date: '2027-03-03' })]))).toEqual([
      { path: 'negotiation.rounds[1].date', message: '2027-03-03 is before the round before it (2027-03-17): rounds are kept oldest first' },
    ]);
    // The same day twice is in order.
    expect(problems(withRounds([r({ id: 'a', status: 'countered' }), r({ id: 'b' })]))).toEqual([]);
  });

  it('`by` is a party of the deal', () => {
    expect(problems(withRounds([r({ id: 'a', by: 'licencee' })]))).toEqual([
      { path: 'negotiation.rounds[0].by', message: 'unknown party "licencee" (did you mean "licensee"?): "by" is the id of the party that made the offer (licensor, licensee)' },
    ]);
  });

  it('at most one round is accepted, and none follows it', () => {
    expect(problems(withRounds([r({ id: 'a', status: 'accepted' }), r({ id: 'b', status: 'accepted' })]))).toEqual([{ path: 'negotiation.rounds[1].status', message: 'round "a" is already accepted: at most one round is accepted' }]);
    expect(problems(withRounds([r({ id: 'a', status: 'accepted' }), r({ id: 'b', status: 'open' })]))).toEqual([{ path: 'negotiation.rounds[1]', message: 'comes after the accepted round "a": no round follows an accepted one' }]);
    expect(problems(withRounds([r({ id: 'a', status: 'rejected' }), r({ id: 'b', status: 'accepted' })]))).toEqual([]);
    expect(problems(withRounds([r({ id: 'a', status: 'pending' as never })]))).toEqual([
      { path: 'negotiation.rounds[0].status', message: 'must be one of "open", "countered", "rejected", "withdrawn", "accepted"' },
    ]);
  });

  it('round ids are valid, unique, and never a scenario id', () => {
    expect(problems(withRounds([r({ id: '1st' })]))[0]).toEqual({ path: 'negotiation.rounds[0].id', message: 'must start with a letter and use only letters, digits and _' });
    expect(problems(withRounds([r({ id: 'a' }), r({ id: 'a' })]))).toEqual([{ path: 'negotiation.rounds[1].id', message: 'round id "a" is used twice' }]);
    expect(problems(withRounds([r({ id: 'ask' })]))).toEqual([
      { path: 'negotiation.rounds[0].id', message: '"ask" is already a scenario\'s id; a round and a scenario cannot share one (either is taken wherever a position is asked for)' },
    ]);
  });

  it('overrides point at numbers and leave a valid deal', () => {
    expect(problems(withRounds([r({ id: 'a', set: { 'terms.upfront.label': 3 } })]))).toEqual([{ path: 'negotiation.rounds[0]', message: 'round "a": "terms.upfront.label" holds text, not a number' }]);
    expect(problems(withRounds([r({ id: 'a', set: { 'terms.mApproval.when': 3 } })]))).toEqual([{ path: 'negotiation.rounds[0]', message: 'round "a": "terms.mApproval.when" holds a formula, not a number' }]);
    expect(problems(withRounds([r({ id: 'a', set: { 'terms.royalty.tiers.0.rate': 1.5 } })]))).toEqual([
      { path: 'negotiation.rounds[0]', message: 'round "a" makes terms.royalty.tiers[0].rate invalid: must be between 0 and 1' },
    ]);
    expect(problems(withRounds([r({ id: 'a', set: { 'terms.upfront.amount': Number.NaN } })]))[0]!.path).toBe('negotiation.rounds[0].set.terms.upfront.amount');
  });

  it('unknown keys of a round are refused, x- keys kept', () => {
    expect(problems(withRounds([{ ...r({ id: 'a' }), offeredBy: 'x' }]))).toEqual([
      { path: 'negotiation.rounds[0].offeredBy', message: 'unknown key "offeredBy" (keys starting with "x-" are kept for other tools)' },
    ]);
    expect(problems(withRounds([{ ...r({ id: 'a' }), 'x-crm': 'id-7' }]))).toEqual([]);
  });
});

describe('in the file', () => {
  it('a file without rounds reads and writes as before (no "negotiation" key appears)', () => {
    const { negotiation: _n, ...plain } = raw;
    const checked = validateDeal(plain);
    expect(checked.ok).toBe(true);
    expect(serializeDeal(plain)).not.toContain('"negotiation"');
  });

  it('the example with rounds saves byte for byte, and the canonical text reads back the same', () => {
    const parsed = parseDealText(text);
    if (!parsed.ok) throw new Error('example does not parse');
    expect(serializeDealLike(parsed.deal, text)).toBe(text);
    const canonical = serializeDeal(parsed.deal);
    const again = parseDealText(canonical);
    expect(again.ok && again.deal).toEqual(parsed.deal);
  });

  it('writes a round\'s keys in the format\'s order, after the scenarios', () => {
    const shuffled = withRounds([{ notes: 'n', status: 'open', set: { 'terms.upfront.amount': 30, 'x-why': 1 }, name: 'N', by: 'licensee', date: '2027-03-03', id: 'zz' }]);
    const out = serializeDeal(shuffled);
    expect(out).toContain('"negotiation": {\n    "rounds": [\n      {\n        "id": "zz",\n        "date": "2027-03-03",\n        "by": "licensee",\n        "name": "N",\n        "set": {');
    expect(out.indexOf('"negotiation"')).toBeGreaterThan(out.indexOf('"scenarios"'));
    expect(out.indexOf('"negotiation"')).toBeLessThan(out.indexOf('"sliders"'));
    // An x- entry of a round's set is set aside for the app and put back on save.
    const checked = validateDeal(shuffled);
    expect(checked.ok && checked.deal.negotiation!.rounds[0]!.set).toEqual({ 'terms.upfront.amount': 30 });
    if (checked.ok) expect(serializeDealLike(checked.deal, out)).toBe(out);
  });
});

describe('a round is a position', () => {
  it('is taken wherever a scenario id is, applied to the file as written', () => {
    const r2 = applyScenarioById(raw, 'r2');
    expect(r2.ok).toBe(true);
    if (!r2.ok) return;
    expect(r2.value.scenario).toEqual({ id: 'r2', name: 'Northwind counter', notes: 'Less cash up front, more at approval.', set: { 'terms.upfront.amount': 15, 'terms.mApproval.amount': 80 } });
    // Rounds do not stack: r2 leaves the royalty r1 raised as the file writes it.
    expect(getNumberAt(r2.value.deal, 'terms.royalty.tiers.2.rate')).toEqual({ ok: true, value: 0.12 });
    expect(positionsOf(raw).map((p) => `${p.kind}:${p.id}`)).toEqual(['scenario:base', 'scenario:ask', 'scenario:fallback', 'round:r1', 'round:r2', 'round:r3']);
    expect(findPosition(raw, 'ask')?.kind).toBe('scenario');
  });

  it('moves are exactly the numbers whose value differs from the round before (the file as written for the first)', () => {
    const deal = withRounds([
      r({ id: 'a', status: 'countered', set: { 'terms.upfront.amount': 40, 'terms.royalty.tiers.2.rate': 0.12 } }),
      r({ id: 'b', status: 'countered', by: 'licensee', set: { 'terms.mApproval.amount': 80, 'terms.royalty.tiers.2.rate': 0.12 } }),
      r({ id: 'c', set: { 'terms.mApproval.amount': 80, 'terms.royalty.tiers.2.rate': 0.12 } }),
    ]) as Deal;
    // Brute force: every number of the deal, read in each position.
    const at = (id: string | undefined, path: string) => {
      const applied = id === undefined ? { ok: true as const, value: { deal } } : applyScenarioById(deal, id);
      if (!applied.ok) throw new Error(failureText(applied));
      const n = getNumberAt(applied.value.deal, path);
      return n.ok ? n.value : undefined;
    };
    const ids = ['a', 'b', 'c'];
    ids.forEach((id, i) => {
      const expected = numberFields(deal)
        .map((f) => f.path)
        .filter((path) => at(id, path) !== at(i === 0 ? undefined : ids[i - 1], path))
        .map((path) => ({ path, from: at(i === 0 ? undefined : ids[i - 1], path), to: at(id, path) }));
      expect(roundMoves(deal, i).map(({ path, from, to }) => ({ path, from, to }))).toEqual(expected);
    });
    // Setting a number to the value it already had is no move.
    expect(roundMoves(deal, 0).map((m) => m.path)).toEqual(['terms.upfront.amount']);
    expect(roundMoves(deal, 2)).toEqual([]);
  });
});
