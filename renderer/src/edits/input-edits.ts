/** Edits of the uncertain inputs: add, replace, switch distribution, rename, remove. */
import type { DistName, Input } from '../../../shared/model/schema';
import { registerEdit } from '../commands/edit-command';
import { switchDistribution } from './distribution-switch';
import { freshId, renameId } from './ids';

export const addInput = registerEdit<{ id?: string } | undefined>('input.add', 'Add input', (deal, args) => {
  const id = args?.id ?? freshId(deal, 'input');
  const input: Input = { dist: 'pert', min: 0, mode: 1, max: 2 };
  return { ...deal, inputs: { ...deal.inputs, [id]: input } };
});

export const replaceInput = registerEdit<{ id: string; input: Input }>('input.replace', 'Edit input', (deal, { id, input }) => ({
  ...deal,
  inputs: { ...deal.inputs, [id]: input },
}));

export const setInputDistribution = registerEdit<{ id: string; dist: DistName }>('input.setDist', 'Change distribution', (deal, { id, dist }) => {
  const current = deal.inputs[id];
  if (!current) return deal;
  return { ...deal, inputs: { ...deal.inputs, [id]: switchDistribution(current, dist) } };
});

export const renameInput = registerEdit<{ from: string; to: string }>('input.rename', 'Rename input', (deal, { from, to }) => renameId(deal, from, to));

export const removeInput = registerEdit<{ id: string }>('input.remove', 'Remove input', (deal, { id }) => {
  const inputs = { ...deal.inputs };
  delete inputs[id];
  const correlations = deal.correlations?.filter((c) => !c.between.includes(id));
  const next = { ...deal, inputs, correlations };
  if (!correlations?.length) delete next.correlations;
  return next;
});
