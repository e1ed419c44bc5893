/** Edits of the parties: add, change, rename (with every reference), remove. */
import type { Party } from '../../../shared/model/schema';
import { registerEdit } from '../commands/edit-command';
import { freshId, renameId } from './ids';

export const addParty = registerEdit<{ name?: string } | undefined>('party.add', 'Add party', (deal, args) => {
  const id = freshId(deal, `party${deal.parties.length + 1}`);
  const party: Party = { id, name: args?.name ?? `Party ${deal.parties.length + 1}`, discountRate: 0.1, walkAway: 0 };
  return { ...deal, parties: [...deal.parties, party] };
});

export const updateParty = registerEdit<{ id: string; patch: Partial<Omit<Party, 'id'>> }>('party.update', 'Edit party', (deal, { id, patch }) => ({
  ...deal,
  parties: deal.parties.map((p) => (p.id === id ? { ...p, ...patch } : p)),
}));

export type LegalDetails = Partial<Pick<Party, 'legalName' | 'jurisdiction' | 'address'>> & { signatoryName?: string; signatoryTitle?: string };

/** A party's legal details for the term sheet; an emptied field leaves the file, a signatory goes when both its fields are empty. */
export const setLegalDetails = registerEdit<{ id: string; patch: LegalDetails }>('party.setLegalDetails', 'Edit legal details', (deal, { id, patch }) => ({
  ...deal,
  parties: deal.parties.map((p) => {
    if (p.id !== id) return p;
    const next: Party = { ...p };
    for (const key of ['legalName', 'jurisdiction', 'address'] as const) {
      const value = patch[key];
      if (value === undefined) continue;
      if (value.trim()) next[key] = value;
      else delete next[key];
    }
    if (patch.signatoryName !== undefined || patch.signatoryTitle !== undefined) {
      const signatory = { name: patch.signatoryName ?? p.signatory?.name ?? '', title: patch.signatoryTitle ?? p.signatory?.title ?? '' };
      if (signatory.name.trim() || signatory.title.trim()) next.signatory = signatory;
      else delete next.signatory;
    }
    return next;
  }),
}));

export const renameParty = registerEdit<{ from: string; to: string }>('party.rename', 'Rename party', (deal, { from, to }) => renameId(deal, from, to));

export const removeParty = registerEdit<{ id: string }>('party.remove', 'Remove party', (deal, { id }) => {
  const parties = deal.parties.filter((p) => p.id !== id);
  // "us" must keep pointing at a party; fall back to the first one left.
  return { ...deal, parties, us: deal.us === id ? (parties[0]?.id ?? '') : deal.us };
});
