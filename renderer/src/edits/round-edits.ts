/**
 * Edits of the negotiation rounds (deal-format.md, "Negotiation rounds"), each
 * a named command so undo and redo cover them: record the other side's offer,
 * answer it, edit a round's terms, date, party, status, name and notes, delete
 * a round, and turn a round into a scenario or a scenario (or any set of
 * numbers, such as a frontier point) into our next round.
 *
 * A round's terms are overrides of the file as written (rounds do not stack):
 * a number set back to what the file says is no override, and numbers that
 * move together (a party's share and the others') are written together.
 */
import { getNumberAt } from '../../../shared/model/paths';
import { acceptedRound, roundName, roundsOf } from '../../../shared/model/rounds';
import type { Deal, Round, RoundStatus } from '../../../shared/model/schema';
import { registerEdit } from '../commands/edit-command';
import { scenarioIdFromName } from './scenario-edits';

/** Today as an ISO day, in the user's own calendar. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A round id not taken by any round or scenario: r1, r2, … */
export function freshRoundId(deal: Deal): string {
  const taken = new Set([...deal.scenarios.map((s) => s.id), ...roundsOf(deal).map((r) => r.id)]);
  for (let i = roundsOf(deal).length + 1; ; i++) if (!taken.has(`r${i}`)) return `r${i}`;
}

/** The day a new round takes: today, or the last round's day when that is later (rounds never go back in time). */
export function nextRoundDate(deal: Deal, today = todayIso()): string {
  const last = roundsOf(deal).at(-1)?.date;
  return last !== undefined && last > today ? last : today;
}

/** `set` with numbers equal to the file as written left out (they are no override). */
function overridesOnly(deal: Deal, set: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(set).filter(([path, value]) => {
      const written = getNumberAt(deal, path);
      return !(written.ok && written.value === value);
    }),
  );
}

function withRounds(deal: Deal, rounds: Round[]): Deal {
  if (rounds.length === 0) {
    const { negotiation: _gone, ...rest } = deal;
    return rest;
  }
  return { ...deal, negotiation: { ...deal.negotiation, rounds } };
}

/**
 * The rounds with an open last round closed by a new offer from `by`: the other side's offer is countered; a
 * party's own open offer is withdrawn (replaced by its new one: nobody counters themselves).
 */
function answered(rounds: readonly Round[], by: string): Round[] {
  return rounds.map((r, i) => (i === rounds.length - 1 && r.status === 'open' ? { ...r, status: r.by === by ? ('withdrawn' as const) : ('countered' as const) } : r));
}

export interface NewRound {
  by: string;
  set: Readonly<Record<string, number>>;
  name?: string;
  notes?: string;
  date?: string;
}

/**
 * A new round at the end (the open round before it countered), in the format's key order. None after an
 * accepted round (no round follows it): the deal is returned unchanged, so the edit records nothing.
 */
function appendRound(deal: Deal, round: NewRound): Deal {
  if (acceptedRound(deal)) return deal;
  const next: Round = {
    id: freshRoundId(deal),
    date: round.date ?? nextRoundDate(deal),
    by: round.by,
    ...(round.name?.trim() ? { name: round.name.trim() } : {}),
    set: overridesOnly(deal, round.set),
    status: 'open',
    ...(round.notes?.trim() ? { notes: round.notes.trim() } : {}),
  };
  return withRounds(deal, [...answered(roundsOf(deal), round.by), next]);
}

/**
 * "Record their offer": the other side's counter as a new round, starting from the terms on the table
 * (`set`, usually the last round's): the user then edits the numbers they changed.
 */
export const recordOffer = registerEdit<NewRound>('round.recordOffer', 'Record their offer', appendRound);

/** "Answer with…": our next round, from their terms, a scenario, or a frontier point. */
export const answerWith = registerEdit<NewRound>('round.answer', 'Answer with our offer', appendRound);

export const updateRound = registerEdit<{ id: string; patch: Partial<Pick<Round, 'date' | 'by' | 'name' | 'status' | 'notes'>> }>('round.update', 'Edit round', (deal, { id, patch }) =>
  withRounds(
    deal,
    roundsOf(deal).map((r) => {
      if (r.id !== id) return r;
      const next = { ...r, ...patch };
      if (patch.name !== undefined && !patch.name.trim()) delete next.name;
      if (patch.notes !== undefined && !patch.notes.trim()) delete next.notes;
      return next;
    }),
  ),
);

export const setRoundStatus = registerEdit<{ id: string; status: RoundStatus }>('round.status', 'Change round status', (deal, { id, status }) =>
  withRounds(
    deal,
    roundsOf(deal).map((r) => (r.id === id ? { ...r, status } : r)),
  ),
);

/** Sets (or, set back to the file's value or undefined, clears) numbers of a round's terms in one edit. */
export const setRoundTerms = registerEdit<{ id: string; values: Record<string, number | undefined> }>('round.setTerms', 'Edit offer terms', (deal, { id, values }) =>
  withRounds(
    deal,
    roundsOf(deal).map((r) => {
      if (r.id !== id) return r;
      const set = { ...r.set };
      for (const [path, value] of Object.entries(values)) {
        const written = getNumberAt(deal, path);
        if (value === undefined || (written.ok && written.value === value)) delete set[path];
        else set[path] = value;
      }
      return { ...r, set };
    }),
  ),
);

export const removeRound = registerEdit<{ id: string }>('round.remove', 'Delete round', (deal, { id }) =>
  withRounds(
    deal,
    roundsOf(deal).filter((r) => r.id !== id),
  ),
);

/** A round's terms as a new scenario named after it (the round stays). */
export const roundToScenario = registerEdit<{ id: string }>('round.toScenario', 'Copy round as scenario', (deal, { id }) => {
  const round = roundsOf(deal).find((r) => r.id === id);
  if (!round) return deal;
  const name = `${roundName(deal, round)} (${round.date})`;
  const taken = new Set(roundsOf(deal).map((r) => r.id));
  let scenarioId = scenarioIdFromName(deal, name);
  for (let i = 2; taken.has(scenarioId); i++) scenarioId = `${scenarioIdFromName(deal, name)}${i}`;
  return { ...deal, scenarios: [...deal.scenarios, { id: scenarioId, name, set: { ...round.set } }] };
});
