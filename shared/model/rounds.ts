/**
 * The negotiation rounds of a deal (deal-format.md, "Negotiation rounds") as
 * positions: a round is an offer (who made it, when, what became of it) that
 * states its position as overrides of the file as written, with exactly a
 * scenario's rules. Wherever a scenario id is taken a round id is taken too,
 * so this module is the one lookup of "a position by id" (scenarios first,
 * then rounds; validation keeps the two sets of ids apart). What moved from
 * one round to the next is in round-moves.ts.
 *
 * Intentionally has no platform imports.
 */
import type { Position } from './position-diff';
import type { Deal, Round, RoundStatus, Scenario } from './schema';

/** A scenario or a round, as everything that values or prints a position sees it. */
export interface PositionRef extends Position {
  kind: 'scenario' | 'round';
  notes?: string;
  /** The round itself, for a round. */
  round?: Round;
}

/** How each status reads on screen and in the internal brief. */
export const STATUS_WORDS: Record<RoundStatus, string> = {
  open: 'Open',
  countered: 'Countered',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  accepted: 'Accepted',
};

/** The rounds of a deal, oldest first (none when the file has no negotiation). */
export function roundsOf(deal: Deal): readonly Round[] {
  return deal.negotiation?.rounds ?? [];
}

/** A round's name as a person reads it: its own, or "Round 2" by its place. */
export function roundName(deal: Deal, round: Round): string {
  if (round.name?.trim()) return round.name;
  const index = roundsOf(deal).indexOf(round);
  return `Round ${index >= 0 ? index + 1 : round.id}`;
}

const scenarioRef = (s: Scenario): PositionRef => ({ kind: 'scenario', id: s.id, name: s.name, set: s.set, ...(s.notes === undefined ? {} : { notes: s.notes }) });
export const roundRef = (deal: Deal, r: Round): PositionRef => ({ kind: 'round', id: r.id, name: roundName(deal, r), set: r.set, round: r, ...(r.notes === undefined ? {} : { notes: r.notes }) });

/** The accepted round, if any: no round may follow it (deal-format.md, "Negotiation rounds"). */
export function acceptedRound(deal: Deal): Round | undefined {
  return roundsOf(deal).find((r) => r.status === 'accepted');
}

/** Every position of the deal: its scenarios, then its rounds. */
export function positionsOf(deal: Deal): PositionRef[] {
  return [...deal.scenarios.map(scenarioRef), ...roundsOf(deal).map((r) => roundRef(deal, r))];
}

/** The scenario or round with this id. */
export function findPosition(deal: Deal, id: string): PositionRef | undefined {
  const scenario = deal.scenarios.find((s) => s.id === id);
  if (scenario) return scenarioRef(scenario);
  const round = roundsOf(deal).find((r) => r.id === id);
  return round ? roundRef(deal, round) : undefined;
}

/** "no scenario or round "x" (the deal has: base, ask, r1, r2)". */
export function unknownPositionMessage(deal: Deal, id: string): string {
  const scenarios = deal.scenarios.map((s) => s.id);
  const rounds = roundsOf(deal).map((r) => r.id);
  const known = [...scenarios, ...rounds].join(', ');
  return `no ${rounds.length ? 'scenario or round' : 'scenario'} "${id}" (the deal has: ${known || 'none'})`;
}

