/**
 * `dealwright solve FILE --vary PATH --party ID --target NPV [--scenario ID]`:
 * goal seek. Prints the value of PATH that gives the party that mean NPV, or
 * (exit 1) a clear message when no value in range reaches it.
 */
import { formatProblem } from '../../shared/problems';
import { formatMoney } from '../../shared/format/money';
import { formatNumber } from '../../shared/format/percent';
import { numberFlag, parseCommandArgs, UsageError } from './args';
import type { Command } from './commands';
import { withDealAndRunner, workersFlag } from './valuation-common';

export const solveCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseCommandArgs('solve', argv);
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
  if (typeof flags.vary !== 'string') throw new UsageError('needs --vary PATH (e.g. terms.upfront.amount)');
  if (typeof flags.party !== 'string') throw new UsageError('needs --party ID');
  const target = numberFlag(flags, 'target');
  if (target === undefined) throw new UsageError('needs --target NPV (a number, in the deal\'s money unit)');
  const min = numberFlag(flags, 'min');
  const max = numberFlag(flags, 'max');
  const workers = workersFlag(flags);
  const scenarioId = typeof flags.scenario === 'string' ? flags.scenario : undefined;
  const path = flags.vary;
  const party = flags.party;
  return withDealAndRunner(positionals[0]!, workers, ctx, async (deal, runner) => {
    const result = await runner.solve({
      deal,
      path,
      party,
      target,
      ...(scenarioId === undefined ? {} : { scenarioId }),
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    });
    if (flags.json) {
      ctx.out(`${JSON.stringify(result, null, 2)}\n`);
      return result.ok ? 0 : 1;
    }
    if (!result.ok) {
      ctx.err(`${formatProblem(result)}\n`);
      return 1;
    }
    const money = (v: number) => formatMoney(v, { currency: deal.currency, unit: deal.unit });
    ctx.out(`${result.path} = ${formatNumber(result.value, 6)} gives ${party} a mean NPV of ${money(result.achievedMean)} (target ${money(target)}, ${result.iterations.toLocaleString('en-US')} iterations)\n`);
    return 0;
  });
};
