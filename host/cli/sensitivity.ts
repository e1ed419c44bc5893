/**
 * `dealwright sensitivity FILE [--scenario ID] [--party ID] [--json]`: tornado
 * rows, the party's mean NPV with each input at its 10th and 90th percentile
 * (others as drawn, common random numbers), sorted by swing.
 */
import { formatMoney, moneyUnitCaption } from '../../shared/format/money';
import { formatNumber } from '../../shared/format/percent';
import { parseArgs, UsageError } from './args';
import type { Command } from './commands';
import { table, withDealAndRunner, workersFlag } from './valuation-common';

export const sensitivityCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseArgs(argv, { scenario: 'value', party: 'value', workers: 'value', json: 'boolean' });
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
  const workers = workersFlag(flags);
  const scenarioId = typeof flags.scenario === 'string' ? flags.scenario : undefined;
  const party = typeof flags.party === 'string' ? flags.party : undefined;
  return withDealAndRunner(positionals[0]!, workers, ctx, async (deal, runner) => {
    const result = await runner.sensitivity({ deal, ...(scenarioId === undefined ? {} : { scenarioId }), ...(party === undefined ? {} : { party }) });
    if (flags.json) {
      ctx.out(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const fmt = { currency: deal.currency, unit: deal.unit };
    const money = (v: number) => formatMoney(v, fmt);
    const name = deal.parties.find((p) => p.id === result.party)?.name ?? result.party;
    let out = `${deal.title}\nTornado for ${name} (scenario ${result.scenario}): mean NPV ${money(result.baseMean)}, ${moneyUnitCaption(fmt)}\n\n`;
    const rows = [['Input', 'P10 value', 'NPV at P10', 'P90 value', 'NPV at P90', 'Swing']];
    for (const r of result.rows) {
      rows.push([r.label === r.input ? r.input : `${r.label} (${r.input})`, formatNumber(r.lowInput, 4), money(r.lowNpv), formatNumber(r.highInput, 4), money(r.highNpv), money(r.swing)]);
    }
    out += table(rows);
    ctx.out(out);
    return 0;
  });
};
