/**
 * `dealwright rounds FILE [--iterations N] [--seed S] [--workers K] [--json]`:
 * the negotiation so far (cli.md, "Additions"). Every round is valued as
 * `dealwright value --scenario <round id>` values it (the same runs, so the
 * same numbers for the same seed and iterations: common random numbers
 * across rounds), with the moves since the round before (the first round's
 * from the file as written). `--json` prints exactly the object of cli.md.
 */
import { toCliJson, type ValuationResult } from '../../shared/engine/results';
import { formatMoney, groupDigits, moneyUnitCaption } from '../../shared/format/money';
import { formatByKind } from '../../shared/format/by-kind';
import { formatPercent } from '../../shared/format/percent';
import { numberKind } from '../../shared/model/number-fields';
import { roundMoves } from '../../shared/model/round-moves';
import { roundName, roundsOf, STATUS_WORDS } from '../../shared/model/rounds';
import { LIMITS, type Deal } from '../../shared/model/schema';
import { intFlag, parseCommandArgs, UsageError } from './args';
import type { Command } from './commands';
import { table, withDealAndRunner, workersFlag } from './valuation-common';

export const roundsCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseCommandArgs('rounds', argv);
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
  const iterations = intFlag(flags, 'iterations', 1, LIMITS.maxIterations);
  const seed = intFlag(flags, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersFlag(flags, iterations);
  return withDealAndRunner(positionals[0]!, workers, ctx, async (deal, runner) => {
    const rounds = roundsOf(deal);
    const results: ValuationResult[] = [];
    for (const round of rounds) {
      results.push(await runner.value({ deal, scenarioId: round.id, ...(iterations === undefined ? {} : { iterations }), ...(seed === undefined ? {} : { seed }) }));
    }
    const json = {
      rounds: rounds.map((round, i) => {
        const { parties, pAllAboveWalkAway } = toCliJson(results[i]!);
        return { id: round.id, date: round.date, by: round.by, status: round.status, parties, pAllAboveWalkAway, moves: roundMoves(deal, i).map(({ path, from, to }) => ({ path, from, to })) };
      }),
    };
    ctx.out(flags.json ? `${JSON.stringify(json, null, 2)}\n` : humanReport(deal, results));
    return 0;
  });
};

function humanReport(deal: Deal, results: readonly ValuationResult[]): string {
  const rounds = roundsOf(deal);
  const fmt = { currency: deal.currency, unit: deal.unit };
  let out = `${deal.title}\n`;
  if (rounds.length === 0) return `${out}No negotiation rounds yet.\n`;
  const first = results[0]!;
  out += `${rounds.length} round${rounds.length === 1 ? '' : 's'}; ${groupDigits(first.iterations, 0)} iterations, seed ${first.seed} (the same draws for every round)\nNPV in ${moneyUnitCaption(fmt)}\n\n`;
  const header = ['Date', 'By', 'Round', 'Status', ...deal.parties.flatMap((p) => [`${p.name} mean`, `P(>= ${formatMoney(p.walkAway, fmt)})`]), 'All >= walk-away'];
  const rows = rounds.map((round, i) => {
    const r = results[i]!;
    const by = deal.parties.find((p) => p.id === round.by)?.name ?? round.by;
    return [round.date, by, roundName(deal, round), STATUS_WORDS[round.status], ...deal.parties.flatMap((p) => [formatMoney(r.parties[p.id]!.npv.mean, fmt), formatPercent(r.parties[p.id]!.pAboveWalkAway, 1)]), formatPercent(r.pAllAboveWalkAway, 1)];
  });
  out += table([header, ...rows]);
  rounds.forEach((round, i) => {
    const moves = roundMoves(deal, i);
    const since = i === 0 ? 'the file as written' : `${roundName(deal, rounds[i - 1]!)} (${rounds[i - 1]!.id})`;
    out += `\n${roundName(deal, round)} (${round.id}): ${moves.length === 0 ? 'no moves' : 'moves'} from ${since}\n`;
    for (const m of moves) {
      const kind = numberKind(deal, m.path);
      out += `  ${m.label}: ${formatByKind(m.from, kind, fmt)} -> ${formatByKind(m.to, kind, fmt)}  (${m.path})\n`;
    }
  });
  return out;
}
