/**
 * The problems of the deal being edited, from the shared validator (the same
 * one that guards open, save and valuation), memoised per deal object so every
 * field asking costs nothing; and, apart from them, the warnings of the gate
 * for documents that leave the company (what a counterparty export would
 * refuse), which never block valuing or saving. Each path is normalised to the id form editors
 * use (`terms.royalty.tiers.1.rate`), so a field can outline itself and the
 * problems list can link to it.
 */
import { asSentence, formatProblem } from '../../../shared/problems';
import type { Problem } from '../../../shared/api';
import type { Deal } from '../../../shared/model/schema';
import { dealProblems as validate } from '../../../shared/model/validate';
import { termSheetWarnings } from '../../../shared/termsheet/gate';
import { fieldPath } from '../../../shared/model/paths';

const cache = new WeakMap<Deal, Problem[]>();
const warningCache = new WeakMap<Deal, Problem[]>();

export function dealProblems(deal: Deal): Problem[] {
  const hit = cache.get(deal);
  if (hit) return hit;
  const problems = validate(deal).map((p) => ({ ...p, path: fieldPath(deal, p.path), message: asSentence(p.message) }));
  cache.set(deal, problems);
  return problems;
}

/** Why an invalid deal is not valued, naming the first problem and where it is. */
export function cannotValueText(problems: readonly Problem[]): string {
  return `The deal cannot be valued until ${problems.length === 1 ? 'this problem is' : `these ${problems.length} problems are`} fixed: ${problems[0] ? formatProblem(problems[0]) : ''}`;
}

/** What a term sheet or redline for the other side would refuse, live (empty while the deal has problems of its own). */
export function counterpartyWarnings(deal: Deal): Problem[] {
  const hit = warningCache.get(deal);
  if (hit) return hit;
  const warnings = dealProblems(deal).length ? [] : termSheetWarnings(deal).map((p) => ({ ...p, path: fieldPath(deal, p.path), message: asSentence(p.message) }));
  warningCache.set(deal, warnings);
  return warnings;
}
