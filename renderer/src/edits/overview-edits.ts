/**
 * Edits of the deal as a whole: title, description, currency, unit, timeline,
 * simulation settings, and which party is "us".
 */
import type { Deal, Timeline } from '../../../shared/model/schema';
import { registerEdit } from '../commands/edit-command';
import { stripUndefined } from './ids';

export type DealMeta = Partial<Pick<Deal, 'title' | 'description' | 'currency' | 'unit' | 'us'>>;

export const setDealMeta = registerEdit<DealMeta>('deal.setMeta', 'Edit deal details', (deal, meta) => {
  const next = { ...deal, ...meta };
  // An emptied description disappears from the file rather than being saved as "".
  if (meta.description === '') delete next.description;
  return stripUndefined(next);
});

export const setTimeline = registerEdit<Partial<Timeline>>('deal.setTimeline', 'Edit timeline', (deal, patch) => ({
  ...deal,
  timeline: { ...deal.timeline, ...patch },
}));

export const setSimulation = registerEdit<Partial<Deal['simulation']>>('deal.setSimulation', 'Edit simulation settings', (deal, patch) => ({
  ...deal,
  simulation: { ...deal.simulation, ...patch },
}));

