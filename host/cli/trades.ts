/**
 * `dealwright trades FILE [--scenario ID] [--party ID] [--other ID]
 *  [--iterations N] [--seed S] [--workers K] [--json]`: what each move is
 * worth to each side ("exchange rates", shared/engine/exchange-rates.ts),
 * a command of its own so that `frontier --json` keeps exactly the object of
 * cli.md. For every slider, each party's change of mean NPV for one step up
 * and one step down (on common random numbers, with the standard error of
 * the paired difference) and the rate between the parties; the concessions
 * that cost us less than they give the other side; and pairs of moves
 * measured to raise both parties' value. `--json` prints the TradesResult.
 */
import type { SliderStep, TradesResult } from '../../shared/engine/exchange-rates';
import { formatByKind } from '../../shared/format/by-kind';
import { formatMoney, groupDigits, moneyUnitCaption } from '../../shared/format/money';
import { formatNumber } from '../../shared/format/percent';
import { numberKind } from '../../shared/model/number-fields';
import { LIMITS, type Deal } from '../../shared/model/schema';
import { intFlag, parseCommandArgs, UsageError } from './args';
import type { Command } from './commands';
import { table, withDealAndRunner, workersFlag } from './valuation-common';

export const tradesCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseCommandArgs('trades', argv);
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
  const iterations = intFlag(flags, 'iterations', 1, LIMITS.maxIterations);
  const seed = intFlag(flags, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersFlag(flags, iterations);
  const text = (name: string) => (typeof flags[name] === 'string' ? { [name]: flags[name] as string } : {});
  return withDealAndRunner(positionals[0]!, workers, ctx, async (deal, runner) => {
    const result = await runner.trades({
      deal,
      ...(typeof flags.scenario === 'string' ? { scenarioId: flags.scenario } : {}),
      ...text('party'),
      ...text('other'),
      ...(iterations === undefined ? {} : { iterations }),
      ...(seed === undefined ? {} : { seed }),
    });
    ctx.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : humanReport(deal, result));
    return 0;
  });
};

function humanReport(deal: Deal, r: TradesResult): string {
  const fmt = { currency: deal.currency, unit: deal.unit };
  const money = (v: number) => formatMoney(v, fmt);
  const name = (id: string) => deal.parties.find((p) => p.id === id)?.name ?? id;
  const change = (s: SliderStep, party: string) => `${s.change[party]!.mean >= 0 ? '+' : ''}${money(s.change[party]!.mean)} ± ${money(s.change[party]!.se)}`;
  let out = `${deal.title}\nWhat each move is worth from ${r.scenario}, for ${name(r.party)} (us) and ${name(r.other)}; ${groupDigits(r.iterations, 0)} iterations, seed ${r.seed}\nNPV in ${moneyUnitCaption(fmt)}\n\n`;
  if (r.rates.length === 0) return `${out}The deal has no sliders.\n`;
  const rows = r.rates.flatMap((rate) =>
    rate.steps.map((s) => [
      rate.label + (rate.negotiable ? '' : ' (assumption)'),
      `${formatByKind(rate.from, rate.kind, fmt)} -> ${formatByKind(s.to, rate.kind, fmt)}`,
      change(s, r.party),
      change(s, r.other),
      s.direction === 'up' && rate.rate !== null ? `1 : ${formatNumber(rate.rate, 2)}` : '',
      rate.cheapConcession?.direction === s.direction ? 'cheap concession' : '',
    ]),
  );
  out += table([['Number', 'One step', `${name(r.party)}`, `${name(r.other)}`, 'Rate (us : them)', ''], ...rows]);
  out += '\nRate: what each 1 we gain on a step up costs the other side.\n';
  if (r.pairs.length === 0) return `${out}\nNo pair of moves raises both parties' value.\n`;
  out += `\nPairs of moves that raise both parties' value:\n`;
  for (const pair of r.pairs) {
    const moves = pair.moves.map((m) => `${m.label} ${formatByKind(m.from, numberKind(deal, m.path), fmt)} -> ${formatByKind(m.to, numberKind(deal, m.path), fmt)}`).join(' and ');
    out += `  ${moves}: ${name(r.party)} +${money(pair.change[r.party]!.mean)}, ${name(r.other)} +${money(pair.change[r.other]!.mean)}\n`;
  }
  return out;
}
