/** Edits of the per-period series: add, set formula, rename (with references), remove, reorder. */
import { registerEdit } from '../commands/edit-command';
import { freshId, renameId } from './ids';

export const addSeries = registerEdit<{ id?: string; formula?: string } | undefined>('series.add', 'Add series', (deal, args) => {
  const id = args?.id ?? freshId(deal, 'series');
  return { ...deal, series: { ...deal.series, [id]: args?.formula ?? '0' } };
});

export const setSeriesFormula = registerEdit<{ id: string; formula: string }>('series.set', 'Edit formula', (deal, { id, formula }) => ({
  ...deal,
  series: { ...deal.series, [id]: formula },
}));

export const renameSeries = registerEdit<{ from: string; to: string }>('series.rename', 'Rename series', (deal, { from, to }) => renameId(deal, from, to));

export const removeSeries = registerEdit<{ id: string }>('series.remove', 'Remove series', (deal, { id }) => {
  const series = { ...deal.series };
  delete series[id];
  return { ...deal, series };
});
