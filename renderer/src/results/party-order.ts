/**
 * Parties in display order, with their chart colour: ours first (and always
 * the strong blue), the others in file order.
 */
import type { Deal, Party } from '../../../shared/model/schema';
import { partyColor } from '../../../shared/charts/palette';

export interface DisplayParty extends Party {
  isUs: boolean;
  color: string;
}

export function orderedParties(deal: Deal): DisplayParty[] {
  const us = deal.parties.filter((p) => p.id === deal.us);
  const others = deal.parties.filter((p) => p.id !== deal.us);
  return [...us.map((p) => ({ ...p, isUs: true, color: partyColor(0, true) })), ...others.map((p, i) => ({ ...p, isUs: false, color: partyColor(i, false) }))];
}
