/**
 * What a round moved: the numbers whose value differs from the round before
 * (the first round's moves are from the file as written), in the order they
 * stand in the file, with their labels. The CLI's `rounds`, the moves table
 * and the valuation of each move's worth all read this one definition.
 *
 * Intentionally has no platform imports.
 */
import { termDifferences, type Position } from './position-diff';
import { roundRef, roundsOf } from './rounds';
import type { Deal } from './schema';

/** One number that moved between two positions. */
export interface Move {
  path: string;
  label: string;
  from: number;
  to: number;
}

/** The file as written, as a position (where the first round's moves start). */
export const AS_WRITTEN: Position = { id: '', name: 'As written', set: {} };

/** The position the round at `index` moved from: the round before it, or the file as written for the first. */
export function previousPosition(deal: Deal, index: number): Position {
  const before = index > 0 ? roundsOf(deal)[index - 1] : undefined;
  return before ? roundRef(deal, before) : AS_WRITTEN;
}

/** The numbers a move changes between two positions, in the order they stand in the file. */
export function movesBetween(deal: Deal, from: Position, to: Position): Move[] {
  return termDifferences(deal, [from, to]).flatMap((row) => {
    const [a, b] = row.values;
    return typeof a === 'number' && typeof b === 'number' ? [{ path: row.path, label: row.label, from: a, to: b }] : [];
  });
}

/** The moves of the round at `index`: every number whose value differs from the round before (or from the file as written). */
export function roundMoves(deal: Deal, index: number): Move[] {
  const round = roundsOf(deal)[index];
  return round ? movesBetween(deal, previousPosition(deal, index), roundRef(deal, round)) : [];
}
