/**
 * The problems of the deal being edited, from the shared validator (the same
 * one that guards open, save and valuation), memoised per deal object so every
 * field asking costs nothing. Each path is normalised to the id form editors
 * use (`terms.royalty.tiers.1.rate`), so a field can outline itself and the
 * problems list can link to it.
 */
import type { Problem } from '../../../shared/api';
import type { Deal } from '../../../shared/model/schema';
import { dealProblems as validate } from '../../../shared/model/validate';
import { normalizeProblemPath } from './problem-paths';

const cache = new WeakMap<Deal, Problem[]>();

/** A message reads as a sentence in the UI: capitalised, with a full stop. */
function sentence(message: string): string {
  const m = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(m) ? m : `${m}.`;
}

export function dealProblems(deal: Deal): Problem[] {
  const hit = cache.get(deal);
  if (hit) return hit;
  const problems = validate(deal).map((p) => ({ ...p, path: normalizeProblemPath(deal, p.path), message: sentence(p.message) }));
  cache.set(deal, problems);
  return problems;
}
