/**
 * The internal term sheet's negotiation-history appendix: every round (date,
 * who offered, its name, status), what it was worth to each party (mean NPV,
 * chance of beating the walk-away) and to both together, what each round
 * moved and what each move was worth to each side, and the negotiation
 * chart. Round names and notes are internal: this appendix is only ever
 * added for the internal audience (build.ts), never to a counterparty
 * document or a redline.
 *
 * Intentionally has no platform imports.
 */
import type { NegotiationChartInput } from '../charts/negotiation';
import type { NegotiationResult, Worth } from '../engine/negotiation';
import { formatByKind } from '../format/by-kind';
import { NBSP } from '../format/contract-figures';
import { formatMoneyChange, formatMoneyEstimate } from '../format/money';
import { formatNumber, formatPercent } from '../format/percent';
import { numberKind } from '../model/number-fields';
import { roundName, roundsOf, STATUS_WORDS } from '../model/rounds';
import type { Deal } from '../model/schema';
import type { Block, TableBlock } from './content';
import { plain } from './content';
import { sanitizeLine } from './sanitize';
import { partyName } from './wording';

const right = (header: string, weight: number) => ({ header, weight, align: 'right' as const });

/** The chart's input for a valued negotiation (the app's view and this appendix draw the same chart). */
export function negotiationChartInput(deal: Deal, result: NegotiationResult, other: string, extra: Pick<NegotiationChartInput, 'frontier' | 'target'> = {}): NegotiationChartInput {
  const party = (id: string) => deal.parties.find((p) => p.id === id)!;
  const rounds = roundsOf(deal);
  return {
    money: { currency: deal.currency, unit: deal.unit },
    us: { name: partyName(deal, deal.us), walkAway: party(deal.us).walkAway },
    them: { name: partyName(deal, other), walkAway: party(other).walkAway },
    rounds: result.rounds.flatMap((r, i) => {
      const round = rounds.find((x) => x.id === r.id);
      if (!round) return [];
      return [{ id: r.id, label: `R${i + 1}`, name: sanitizeLine(roundName(deal, round)), date: round.date, ours: round.by === deal.us, us: r.parties[deal.us]!.mean, them: r.parties[other]!.mean }];
    }),
    ...extra,
  };
}

export function negotiationAppendixBlocks(deal: Deal, result: NegotiationResult): Block[] {
  const rounds = roundsOf(deal);
  const other = deal.parties.find((p) => p.id !== deal.us)?.id;
  if (rounds.length === 0 || other === undefined) return [];
  const moneyFmt = { currency: deal.currency, unit: deal.unit };
  const m = (v: number) => formatMoneyEstimate(v, moneyFmt).replace(/ /g, NBSP);
  const signed = (w: Worth[string] | undefined) => (w ? `${w.mean > 0 ? '+' : w.mean < 0 ? '−' : ''}${m(Math.abs(w.mean))}` : 'n/a');
  const us = partyName(deal, deal.us);
  const them = partyName(deal, other);
  const history: TableBlock = {
    kind: 'table',
    key: 'table:negotiation',
    title: 'Negotiation rounds',
    rowsNamed: true,
    columns: [
      { header: 'Date', weight: 13, align: 'left' },
      { header: 'Offer', weight: 25, align: 'left' },
      { header: 'Status', weight: 12, align: 'left' },
      right(`${us}: mean NPV`, 13),
      right('P(≥ walk-away)', 9),
      right(`${them}: mean NPV`, 13),
      right('P(≥ walk-away)', 9),
      right('Both', 6),
    ],
    rows: result.rounds.map((r) => {
      const round = rounds.find((x) => x.id === r.id)!;
      return {
        key: r.id,
        cells: [
          plain(round.date),
          plain(`${sanitizeLine(roundName(deal, round))} (${partyName(deal, round.by)})`),
          plain(STATUS_WORDS[round.status]),
          plain(m(r.parties[deal.us]!.mean)),
          plain(formatPercent(r.parties[deal.us]!.pAboveWalkAway, 1)),
          plain(m(r.parties[other]!.mean)),
          plain(formatPercent(r.parties[other]!.pAboveWalkAway, 1)),
          plain(formatPercent(r.pAllAboveWalkAway, 0)),
        ],
      };
    }),
  };
  const blocks: Block[] = [
    { kind: 'pageBreak', key: 'negotiation:break' },
    { kind: 'heading', key: 'negotiation:heading', level: 1, unnumbered: true, spans: plain('Appendix: negotiation history (internal)') },
    {
      kind: 'paragraph',
      key: 'negotiation:basis',
      style: 'body',
      spans: plain(
        `Every round valued with the same ${formatNumber(result.iterations, 0)} simulated outcomes (seed ${result.seed}), so the change from one round to the next is the value of the moves made, not sampling noise. ` +
          `A move's worth is the change of each side's mean NPV when that one number moves from the round before; ± is its standard error, "exact" when every simulated outcome moved alike.`,
      ),
    },
    history,
    {
      kind: 'chart',
      key: 'negotiation:chart',
      chart: { type: 'negotiation', input: negotiationChartInput(deal, result, other) },
      caption: `Each round at (${us}'s mean NPV, ${them}'s mean NPV): blue points are ${us}'s offers, brown ones ${them}'s, arrows from one round to the next; dashed lines: the walk-aways, with the shaded corner where both sides beat theirs.`,
      widthPx: 640,
      heightPx: 380,
    },
  ];
  result.rounds.forEach((r, i) => {
    const round = rounds.find((x) => x.id === r.id)!;
    const since = i === 0 ? 'the file as written' : sanitizeLine(roundName(deal, rounds[i - 1]!));
    blocks.push(
      { kind: 'heading', key: `negotiation:round:${r.id}`, level: 2, spans: plain(`${round.date}: ${sanitizeLine(roundName(deal, round))}`) },
      {
        kind: 'paragraph',
        key: `negotiation:round:${r.id}:total`,
        style: 'body',
        spans: [
          { text: `Moves from ${since}: `, bold: true },
          { text: r.moves.length === 0 ? 'none.' : `worth ${signed(r.total[deal.us])} to ${us} and ${signed(r.total[other])} to ${them} in all.` },
        ],
      },
    );
    if (round.notes?.trim()) blocks.push({ kind: 'paragraph', key: `negotiation:round:${r.id}:notes`, style: 'note', spans: plain(`Notes: ${sanitizeLine(round.notes)}`) });
    if (r.moves.length === 0) return;
    blocks.push({
      kind: 'table',
      key: `table:negotiation:${r.id}`,
      title: `Moves of ${sanitizeLine(roundName(deal, round))}`,
      rowsNamed: true,
      columns: [{ header: 'Number', weight: 28, align: 'left' }, right('From', 11), right('To', 11), right(`Worth to ${us}`, 25), right(`Worth to ${them}`, 25)],
      rows: r.moves.map((move) => {
        const kind = numberKind(deal, move.path);
        const worth = (id: string) => (move.worth ? formatMoneyChange(move.worth[id]!.mean, move.worth[id]!.se, moneyFmt).replace(/ /g, NBSP) : 'only with the others');
        return { key: move.path, cells: [plain(sanitizeLine(move.label)), plain(formatByKind(move.from, kind, moneyFmt)), plain(formatByKind(move.to, kind, moneyFmt)), plain(worth(deal.us)), plain(worth(other))] };
      }),
    });
  });
  return blocks;
}
