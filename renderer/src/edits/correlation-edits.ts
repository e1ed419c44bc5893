/** Edits of the rank correlations between continuous inputs. */
import type { Correlation } from '../../../shared/model/schema';
import { registerEdit } from '../commands/edit-command';

export const addCorrelation = registerEdit<{ between: [string, string] }>('correlation.add', 'Add correlation', (deal, { between }) => ({
  ...deal,
  correlations: [...(deal.correlations ?? []), { between, rank: 0 }],
}));

export const updateCorrelation = registerEdit<{ index: number; patch: Partial<Correlation> }>('correlation.update', 'Edit correlation', (deal, { index, patch }) => ({
  ...deal,
  correlations: (deal.correlations ?? []).map((c, i) => (i === index ? { ...c, ...patch } : c)),
}));

export const removeCorrelation = registerEdit<{ index: number }>('correlation.remove', 'Remove correlation', (deal, { index }) => {
  const correlations = (deal.correlations ?? []).filter((_c, i) => i !== index);
  const { correlations: _old, ...rest } = deal;
  return correlations.length ? { ...rest, correlations } : rest;
});
