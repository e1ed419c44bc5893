/**
 * The rules of negotiation rounds a schema cannot say (deal-format.md,
 * "Negotiation rounds"): each round made by a party of the deal; dates never
 * decreasing (rounds are kept oldest first); at most one round accepted and
 * none after it; round ids unique and never a scenario's id (either is taken
 * wherever a position is asked for); every overridden path holding a number.
 * Whether a round's numbers leave a valid deal is checked with the
 * scenarios' (validate.ts). Rounds are named by their place in the list,
 * `negotiation.rounds[1].date`.
 *
 * Intentionally has no platform imports.
 */
import { failureText } from '../problems';
import type { Problem } from '../api';
import { getNumberAt } from './paths';
import { roundsOf } from './rounds';
import type { Deal } from './schema';
import { didYouMean } from './suggest';

export const roundPath = (index: number): string => `negotiation.rounds[${index}]`;

export function roundProblems(deal: Deal): Problem[] {
  const out: Problem[] = [];
  const rounds = roundsOf(deal);
  const partyIds = deal.parties.map((p) => p.id);
  const scenarioIds = new Set(deal.scenarios.map((s) => s.id));
  const seen = new Set<string>();
  let accepted: string | undefined;
  rounds.forEach((round, i) => {
    const at = roundPath(i);
    if (scenarioIds.has(round.id)) {
      out.push({ path: `${at}.id`, message: `"${round.id}" is already a scenario's id; a round and a scenario cannot share one (either is taken wherever a position is asked for)` });
    } else if (seen.has(round.id)) {
      out.push({ path: `${at}.id`, message: `round id "${round.id}" is used twice` });
    }
    seen.add(round.id);
    if (!partyIds.includes(round.by)) out.push({ path: `${at}.by`, message: `unknown party "${round.by}"${didYouMean(round.by, partyIds)}: "by" is the id of the party that made the offer (${partyIds.join(', ')})` });
    const before = rounds[i - 1];
    if (before && round.date < before.date) {
      out.push({ path: `${at}.date`, message: `${round.date} is before the round before it (${before.date}): rounds are kept oldest first` });
    }
    if (accepted !== undefined) {
      out.push(
        round.status === 'accepted'
          ? { path: `${at}.status`, message: `round "${accepted}" is already accepted: at most one round is accepted` }
          : { path: at, message: `comes after the accepted round "${accepted}": no round follows an accepted one` },
      );
    }
    if (round.status === 'accepted') accepted ??= round.id;
    for (const key of Object.keys(round.set)) {
      const found = getNumberAt(deal, key);
      if (!found.ok) out.push({ path: at, message: `round "${round.id}": ${failureText(found)}` });
    }
  });
  return out;
}
