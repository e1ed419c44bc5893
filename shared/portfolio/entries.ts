/**
 * A portfolio's entries as the app holds them once their deals are read, and
 * the checks that need the deal itself: our party is one of its parties, the
 * position one of its scenarios or rounds, its money the portfolio's (no silent
 * conversion), and tracked metrics among its term sheet's success metrics.
 * Every message names the entry and its file, so a person can find both.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import { formatProblem } from '../problems';
import type { Deal } from '../model/schema';
import { findPosition, positionsOf, roundsOf } from '../model/rounds';
import { moneyUnitCaption } from '../format/money';
import { entryName } from './entry-file';
import type { Dealbook, DealbookEntry } from './schema';

/** One entry of an open portfolio: where its deal is, the deal when it could be read, and what is wrong. */
export interface PortfolioEntryState {
  /** The entry's place in `deals` (0-based). */
  place: number;
  /** The entry's `file` as written in the portfolio. */
  file: string;
  /** The deal file's full path when the row can open and save it; null for an example's or a dropped file's deals. */
  path: string | null;
  /** Where the deal was read from (its file's layout is kept when it is saved elsewhere). */
  originalPath?: string | undefined;
  deal: Deal | null;
  /** Identifies the file's bytes as read: a changed deal file gets a new stamp and is valued again. */
  stamp: string | null;
  /** Why the deal cannot be valued (errors), or what looks wrong (warnings). Paths name the entry. */
  problems: Problem[];
}

/** A problem inside a deal file, as the portfolio names it: `deals[2]: licence.deal: terms.royalty.rate: must be …`. */
export function inEntry(place: number, file: string, problem: Problem): Problem {
  return { path: `deals[${place}]`, message: `${file}: ${formatProblem(problem)}`, ...(problem.severity ? { severity: problem.severity } : {}) };
}

/** What is wrong between an entry and the deal it names (the deal read and valid). */
export function entryProblems(book: Dealbook, place: number, entry: DealbookEntry, deal: Deal): Problem[] {
  const out: Problem[] = [];
  const at = (field: string) => `deals[${place}].${field}`;
  const file = entry.file;
  if (deal.currency !== book.currency || deal.unit !== book.unit) {
    out.push({
      path: `deals[${place}]`,
      message: `${file}: the deal is in ${moneyUnitCaption(deal)}, the portfolio in ${moneyUnitCaption(book)}; amounts are never converted: restate the deal in ${moneyUnitCaption(book)} or leave it out`,
    });
  }
  if (!deal.parties.some((p) => p.id === entry.party)) {
    out.push({ path: at('party'), message: `${file}: the deal has no party "${entry.party}" (its parties: ${deal.parties.map((p) => p.id).join(', ')})` });
  }
  // A position is a scenario or a round of the deal (deal-format.md, "Portfolios").
  if (entry.position !== undefined && !findPosition(deal, entry.position)) {
    const kinds = roundsOf(deal).length ? ['scenario or round', 'scenarios and rounds'] : ['scenario', 'scenarios'];
    out.push({ path: at('position'), message: `${file}: the deal has no ${kinds[0]} "${entry.position}" (its ${kinds[1]}: ${positionsOf(deal).map((s) => s.id).join(', ') || 'none'})` });
  }
  const known = deal.termSheet?.successMetrics ?? [];
  (entry.metrics ?? []).forEach((m, i) => {
    if (!known.some((k) => k.horizon === m.horizon && k.metric === m.metric)) {
      out.push({
        path: at(`metrics[${i}]`),
        severity: 'warning',
        message: `${file}: "${m.metric}" at ${m.horizon} is not one of the deal's success metrics (its term sheet lists: ${known.map((k) => `"${k.metric}" at ${k.horizon}`).join(', ') || 'none'})`,
      });
    }
  });
  return out;
}

/** Problems that keep an entry out of the valuation (warnings do not). */
export function blocking(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity !== 'warning');
}

/** One line per problem, as the CLI prints them and the row shows them. */
export function entryLabel(state: Pick<PortfolioEntryState, 'place' | 'file'>): string {
  return entryName(state.place, state.file);
}
