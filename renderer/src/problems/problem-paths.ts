/**
 * One spelling of "where" for problems and fields. Validators report JSON
 * paths such as `terms[2].tiers[0].rate`; editors know their field as
 * `terms.royalty.tiers.0.rate` (the id form used by scenarios and sliders).
 * This module turns the first into the second so a problem finds its field.
 */
import type { Deal } from '../../../shared/model/schema';

export function normalizeProblemPath(deal: Deal | null, path: string): string {
  const dotted = path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  const parts = dotted.split('.');
  if (deal && parts.length > 1 && /^\d+$/.test(parts[1]!)) {
    const index = Number(parts[1]);
    if (parts[0] === 'terms' && deal.terms[index]) parts[1] = deal.terms[index].id;
    else if (parts[0] === 'parties' && deal.parties[index]) parts[1] = deal.parties[index].id;
  }
  return parts.join('.');
}

/** Which navigator section holds the field at `path`. */
export function sectionOfPath(path: string): 'overview' | 'parties' | 'inputs' | 'series' | 'terms' | 'scenarios' | 'termSheet' | 'negotiation' {
  const head = path.split('.')[0] ?? '';
  // The published summary is edited beside the title, in the Overview.
  if (path === 'termSheet.summary') return 'overview';
  if (head === 'parties' || head === 'us') return 'parties';
  if (head === 'inputs' || head === 'correlations') return 'inputs';
  if (head === 'series') return 'series';
  if (head === 'terms') return 'terms';
  if (head === 'scenarios' || head === 'sliders') return 'scenarios';
  if (head === 'termSheet') return 'termSheet';
  if (head === 'negotiation') return 'negotiation';
  return 'overview';
}
