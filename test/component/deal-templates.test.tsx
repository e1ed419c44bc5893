/**
 * What the wizard and the id edits produce is a valid deal by the shared
 * validator: each starting structure, each new term type, and a rename that
 * touches exactly the references to the renamed id.
 */
import { describe, expect, it } from 'vitest';
import { dealProblems } from '../../shared/model/validate';
import type { Deal, TermType } from '../../shared/model/schema';
import { renameId, renameInFormula } from '../../renderer/src/edits/ids';
import { TERM_TYPES, newTerm } from '../../renderer/src/edits/term-templates';
import { buildNewDeal, DEAL_KINDS, idFromName } from '../../renderer/src/model/new-deal';
import { exampleDeal } from './helpers';

const options = { title: 'Test deal', usName: 'Helix Bio', themName: 'Northwind Pharma', currency: 'USD', unit: 'million' as const, timeline: { start: 2027, periods: 10, step: 'year' as const } };

describe('new deal wizard', () => {
  for (const { kind } of DEAL_KINDS) {
    it(`starts a valid ${kind} deal`, () => {
      const deal = buildNewDeal({ ...options, kind });
      expect(dealProblems(deal)).toEqual([]);
      expect(deal.us).toBe('helixBio');
      expect(deal.parties.map((p) => p.id)).toEqual(['helixBio', 'northwindPharma']);
    });
  }

  it('derives ids from names and never gives both parties the same id', () => {
    expect(idFromName('Atlas Cloud', 'x')).toBe('atlasCloud');
    expect(idFromName('42 Labs', 'them')).toBe('them');
    const same = buildNewDeal({ ...options, kind: 'blank', usName: 'Acme', themName: 'ACME' });
    expect(new Set(same.parties.map((p) => p.id)).size).toBe(2);
  });
});

describe('new terms', () => {
  const base: Deal = exampleDeal('saas-alliance');
  for (const { type } of TERM_TYPES) {
    it(`adds a valid ${type} term to a deal`, () => {
      const deal: Deal = { ...base, terms: [...base.terms, newTerm(base, type as TermType, `new_${type}`)] };
      expect(dealProblems(deal)).toEqual([]);
    });
  }
});

describe('renaming an id', () => {
  it('replaces whole names only', () => {
    expect(renameInFormula('arpa * arpa2 + x.arpa', 'arpa', 'revenue')).toBe('revenue * arpa2 + x.arpa');
  });

  it('keeps the deal valid and every reference pointing at the new id', () => {
    const deal = renameId(exampleDeal('saas-alliance'), 'atlas', 'atlasCloud');
    expect(dealProblems(deal)).toEqual([]);
    expect(deal.terms.find((t) => t.id === 'exit')).toMatchObject({ fee: { from: 'atlasCloud', to: 'ledgerly' } });
    expect(deal.scenarios[1]!.set).toHaveProperty(['terms.share.tiers.0.shares.atlasCloud'], 0.35);
    const sheet = deal.termSheet!;
    expect(sheet.sections!.find((x) => x.heading === 'Scope')!.text).toContain('{{parties.atlasCloud.name}}');
    // The summary and the terms' triggers follow the rename too.
    expect(sheet.summary).toContain('{{parties.atlasCloud.name}}');
    expect(sheet.summary).not.toContain('{{parties.atlas.name}}');
    expect(deal.terms.find((t) => t.id === 'exit')!.trigger).toBe(exampleDeal('saas-alliance').terms.find((t) => t.id === 'exit')!.trigger);
  });

  it('renames a series inside formulas and prev()', () => {
    const deal = renameId(exampleDeal('saas-alliance'), 'jointRevenue', 'revenue');
    expect(deal.series.ledgerlyServing).toBe('0.12 * revenue');
    expect(deal.terms[0]).toMatchObject({ base: 'revenue' });
    expect(dealProblems(deal)).toEqual([]);
  });
});
