/** Edits of the term list: add, replace, duplicate, reorder, rename, remove. */
import { parsePath } from '../../../shared/model/paths';
import type { Term, TermType } from '../../../shared/model/schema';
import { registerEdit } from '../commands/edit-command';
import { freshId, renameId } from './ids';
import { newTerm } from './term-templates';

export const addTerm = registerEdit<{ type: TermType; id?: string }>('term.add', 'Add term', (deal, { type, id }) => ({
  ...deal,
  terms: [...deal.terms, newTerm(deal, type, id ?? freshId(deal, type))],
}));

/** Replaces the term whose id is `id` (the term's own id must not change here: use term.rename). */
export const replaceTerm = registerEdit<{ id: string; term: Term }>('term.replace', 'Edit term', (deal, { id, term }) => ({
  ...deal,
  terms: deal.terms.map((t) => (t.id === id ? term : t)),
}));

export const duplicateTerm = registerEdit<{ id: string }>('term.duplicate', 'Duplicate term', (deal, { id }) => {
  const index = deal.terms.findIndex((t) => t.id === id);
  const source = deal.terms[index];
  if (!source) return deal;
  const copy: Term = { ...(JSON.parse(JSON.stringify(source)) as Term), id: freshId(deal, `${id}Copy`) };
  const terms = [...deal.terms];
  terms.splice(index + 1, 0, copy);
  return { ...deal, terms };
});

export const moveTerm = registerEdit<{ id: string; by: number }>('term.move', 'Move term', (deal, { id, by }) => {
  const from = deal.terms.findIndex((t) => t.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= deal.terms.length) return deal;
  const terms = [...deal.terms];
  const [moved] = terms.splice(from, 1);
  terms.splice(to, 0, moved!);
  return { ...deal, terms };
});

export const renameTerm = registerEdit<{ from: string; to: string }>('term.rename', 'Rename term', (deal, { from, to }) => renameId(deal, from, to));

export const removeTerm = registerEdit<{ id: string }>('term.remove', 'Delete term', (deal, { id }) => ({
  ...deal,
  terms: deal.terms.filter((t) => t.id !== id),
  // Overrides and sliders on a deleted term would make the file invalid.
  scenarios: deal.scenarios.map((s) => ({ ...s, set: Object.fromEntries(Object.entries(s.set).filter(([p]) => { const [list, termId] = parsePath(p); return list !== 'terms' || termId !== id; })) })),
  ...(deal.sliders && { sliders: deal.sliders.filter((s) => !s.path.startsWith(`terms.${id}.`)) }),
}));
