/**
 * What the negotiation view computes from the document without the engine:
 * the two sides (us and the party the rounds are with), the terms on the
 * table (the last round's), the numbers a person negotiates (every plain
 * number of the terms), a position's deal with some numbers moved (coupled
 * numbers written too), how figures read; and adding a round that opens at
 * once, which every way of making an offer shares.
 */
import { failureText } from '../../../shared/problems';
import { applyScenarioById, getNumberAt } from '../../../shared/model/paths';
import { acceptedRound, findPosition, roundName, roundsOf } from '../../../shared/model/rounds';
import { numberFields, type NumberField } from '../../../shared/model/number-fields';
import type { Deal } from '../../../shared/model/schema';
import { withNumber } from '../../../shared/model/what-if-rules';
import { formatMoneyChange, formatMoneyEstimate } from '../../../shared/format/money';
import type { Worth } from '../../../shared/engine/negotiation';
import type { EditCommand } from '../commands/edit-command';
import type { NewRound } from '../edits/round-edits';
import { moneyFormatOf } from '../results/results-format';
import { useAppStore } from '../store/app-store';

export interface Sides {
  us: { id: string; name: string };
  them: { id: string; name: string };
}

/** Us, and the other side: the other party of a two-party deal, else the first party that is not us. */
export function sidesOf(deal: Deal): Sides | null {
  const us = deal.parties.find((p) => p.id === deal.us);
  const them = deal.parties.find((p) => p.id !== deal.us);
  return us && them ? { us: { id: us.id, name: us.name }, them: { id: them.id, name: them.name } } : null;
}

/** The overrides on the table now: the last round's, or the given position's when there is no round yet. */
export function termsOnTable(deal: Deal, fallbackPosition: string | null): Record<string, number> {
  const last = roundsOf(deal).at(-1);
  if (last) return { ...last.set };
  const position = fallbackPosition ? findPosition(deal, fallbackPosition) : undefined;
  return { ...(position?.set ?? {}) };
}

/**
 * The position an analysis starts from: the one picked, while it still exists (a deleted or undone round
 * is no longer one), else the last round, else the position in the results pane.
 */
export function startingPosition(deal: Deal, picked: string | null, active: string): string {
  if (picked !== null && findPosition(deal, picked)) return picked;
  return roundsOf(deal).at(-1)?.id ?? active;
}

/** The numbers of the terms a person negotiates (amounts, rates, tiers, timings…), in file order, plus any other number the round sets. */
export function negotiableNumbers(deal: Deal, set: Readonly<Record<string, number>> = {}): NumberField[] {
  const fields = numberFields(deal);
  const terms = fields.filter((f) => f.path.startsWith('terms.'));
  const extra = fields.filter((f) => !f.path.startsWith('terms.') && set[f.path] !== undefined);
  return [...terms, ...extra];
}

/** The deal at a position (scenario or round id), or the file as written. */
export function dealAt(deal: Deal, positionId: string | null): Deal {
  if (!positionId) return deal;
  const applied = applyScenarioById(deal, positionId);
  return applied.ok ? applied.value.deal : deal;
}

/**
 * The overrides of a position with `values` moved on top, coupled numbers included (a share moves the
 * others), or why that is not a valid deal.
 */
export function setWithValues(deal: Deal, positionId: string | null, values: Readonly<Record<string, number>>): { ok: true; set: Record<string, number> } | { ok: false; message: string } {
  const base = positionId ? (findPosition(deal, positionId)?.set ?? {}) : {};
  let at = dealAt(deal, positionId);
  const set: Record<string, number> = { ...base };
  for (const [path, value] of Object.entries(values)) {
    const moved = withNumber(at, path, value);
    if (!moved.ok) return { ok: false, message: failureText(moved) };
    at = moved.value.deal;
    Object.assign(set, moved.value.changes);
  }
  return { ok: true, set };
}

/** A number's value at a position (or the file as written). */
export function numberAt(deal: Deal, positionId: string | null, path: string): number | undefined {
  const n = getNumberAt(dealAt(deal, positionId), path);
  return n.ok ? n.value : undefined;
}

export function money(deal: Deal, value: number): string {
  return formatMoneyEstimate(value, moneyFormatOf(deal));
}

/** "+$15.0M (exact)", "−$0.787M ± $0.034M" for one party's share of a worth. */
export function worthText(deal: Deal, worth: Worth | null | undefined, party: string): string {
  const w = worth?.[party];
  return w ? formatMoneyChange(w.mean, w.se, moneyFormatOf(deal)) : '–';
}

/** What an invalid deal asks before anything is valued: the engine refuses it, and the Problems list names each problem. */
export function fixProblemsFirst(count: number): string {
  return `Fix the ${count} problem${count === 1 ? '' : 's'} in the Problems list first: an invalid deal is not valued.`;
}

/** Why no new round can be recorded (a round is accepted: none follows it), or null when one can. */
export function newRoundBlocked(deal: Deal): string | null {
  const accepted = acceptedRound(deal);
  if (!accepted) return null;
  const at = roundsOf(deal).indexOf(accepted) + 1;
  return `R${at} · ${roundName(deal, accepted)} is accepted: no round follows an accepted one. Change its status to record another offer.`;
}

/** Why a round cannot be accepted (another is, or rounds follow it), or null when it can. */
export function acceptBlocked(deal: Deal, id: string): string | null {
  const rounds = roundsOf(deal);
  const accepted = acceptedRound(deal);
  if (accepted && accepted.id !== id) return `R${rounds.indexOf(accepted) + 1} is accepted`;
  if (rounds.at(-1)?.id !== id) return 'the last round only';
  return null;
}

/**
 * Records a new round (theirs, or our answer) and opens it, in the view and in the results pane, so it is
 * valued at once. Returns its id, or null when nothing changed.
 */
export function addRoundAndOpen(command: EditCommand<NewRound>, round: NewRound): string | null {
  const store = useAppStore.getState();
  if (!store.edit(command, round)) return null;
  const added = roundsOf(useAppStore.getState().document!.deal).at(-1);
  if (!added) return null;
  store.negotiationActions.selectRound(added.id);
  store.analysisActions.selectScenario(added.id);
  return added.id;
}
