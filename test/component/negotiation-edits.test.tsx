// @vitest-environment jsdom
/**
 * Edits of the negotiation rounds, through the store: recording their offer
 * starts from the terms on the table and counters the open round; a round's
 * terms are overrides of the file as written (a number set back is none,
 * shares are written together); ids and dates stay valid; a round becomes a
 * scenario; every edit is undone and redone; the deal stays valid throughout.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answerWith, freshRoundId, nextRoundDate, recordOffer, removeRound, roundToScenario, setRoundTerms, updateRound } from '../../renderer/src/edits/round-edits';
import { addScenario } from '../../renderer/src/edits/scenario-edits';
import { selectUndoLabel } from '../../renderer/src/store/document-slice';
import { useAppStore } from '../../renderer/src/store/app-store';
import { termsOnTable } from '../../renderer/src/negotiation/negotiation-view';
import { roundsOf } from '../../shared/model/rounds';
import { validateDeal } from '../../shared/model/validate';
import { coupledChanges } from '../../shared/model/what-if-rules';
import { currentDeal, exampleDeal, loadIntoStore } from './helpers';

const s = () => useAppStore.getState();
const valid = () => {
  const r = validateDeal(currentDeal());
  return r.ok ? [] : r.problems;
};

describe('negotiation edits', () => {
  beforeEach(() => loadIntoStore(exampleDeal('pharma-licence')));

  it('records their offer from the terms on the table, countering our open round, and values it as a position', () => {
    const before = currentDeal();
    expect(s().edit(recordOffer, { by: 'licensee', set: termsOnTable(before, null), name: 'Northwind Pharma offer' })).toBe(true);
    const rounds = roundsOf(currentDeal());
    expect(rounds).toHaveLength(4);
    expect(rounds[2]!.status).toBe('countered');
    expect(rounds[3]).toEqual({ id: 'r4', date: '2027-04-02', by: 'licensee', name: 'Northwind Pharma offer', set: rounds[2]!.set, status: 'open' });
    expect(selectUndoLabel(s())).toBe('Record their offer');
    expect(valid()).toEqual([]);
    // Their change: one number. Back to the file's value is no override at all.
    s().edit(setRoundTerms, { id: 'r4', values: { 'terms.upfront.amount': 20 } });
    expect(roundsOf(currentDeal())[3]!.set['terms.upfront.amount']).toBe(20);
    s().edit(setRoundTerms, { id: 'r4', values: { 'terms.royalty.tiers.2.rate': 0.12 } });
    expect(roundsOf(currentDeal())[3]!.set).toEqual({ 'terms.upfront.amount': 20, 'terms.mApproval.amount': 70 });
    s().undo();
    s().undo();
    s().undo();
    expect(currentDeal()).toEqual(before);
    s().redo();
    expect(roundsOf(currentDeal())).toHaveLength(4);
  });

  it('answers with a scenario as our next round, never before the last round\'s day, with a fresh id', () => {
    const deal = currentDeal();
    expect(nextRoundDate(deal, '2026-12-01')).toBe('2027-04-02');
    expect(nextRoundDate(deal, '2027-05-01')).toBe('2027-05-01');
    s().edit(addScenario, { name: 'r4' });
    expect(freshRoundId(currentDeal())).toBe('r5');
    s().edit(answerWith, { by: 'licensor', set: { 'terms.upfront.amount': 25, 'terms.mApproval.amount': 90 }, name: 'Our offer', date: '2027-05-01' });
    const last = roundsOf(currentDeal()).at(-1)!;
    // 25 is the file's own upfront: no override.
    expect(last).toEqual({ id: 'r5', date: '2027-05-01', by: 'licensor', name: 'Our offer', set: { 'terms.mApproval.amount': 90 }, status: 'open' });
    expect(valid()).toEqual([]);
  });

  it('edits a round\'s details, copies it as a scenario, deletes it', () => {
    s().edit(updateRound, { id: 'r2', patch: { name: '  ', notes: 'call on Friday', status: 'rejected' } });
    const r2 = roundsOf(currentDeal())[1]!;
    expect(r2.name).toBeUndefined();
    expect(r2).toMatchObject({ notes: 'call on Friday', status: 'rejected' });
    s().edit(roundToScenario, { id: 'r2' });
    const copy = currentDeal().scenarios.at(-1)!;
    expect(copy).toMatchObject({ name: 'Round 2 (2027-03-17)', set: r2.set });
    expect(valid()).toEqual([]);
    s().edit(removeRound, { id: 'r3' });
    s().edit(removeRound, { id: 'r2' });
    s().edit(removeRound, { id: 'r1' });
    // No rounds left: no negotiation key in the file.
    expect('negotiation' in currentDeal()).toBe(false);
    expect(valid()).toEqual([]);
  });

  it('writes a share with the others, so the round stays a valid deal', () => {
    loadIntoStore(exampleDeal('saas-alliance'));
    const deal = currentDeal();
    const split = deal.terms.find((t) => t.type === 'revenueShare')!;
    const first = split.type === 'revenueShare' ? Object.keys(split.tiers?.[0]?.shares ?? split.shares ?? {})[0]! : '';
    const path = `terms.${split.id}.${split.type === 'revenueShare' && split.tiers ? 'tiers.0.shares' : 'shares'}.${first}`;
    s().edit(recordOffer, { by: deal.parties.find((p) => p.id !== deal.us)!.id, set: {} });
    const id = roundsOf(currentDeal()).at(-1)!.id;
    // What the round card sends for a share: the number and its partners.
    const values = coupledChanges(currentDeal(), path, 0.5);
    expect(Object.keys(values).length).toBeGreaterThan(1);
    s().edit(setRoundTerms, { id, values });
    expect(valid()).toEqual([]);
  });
});
