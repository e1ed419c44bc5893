/**
 * `dealwright sensitivity FILE [--scenario ID] [--party ID] [--json]`: tornado
 * rows, the party's mean NPV with each input at its 10th and 90th percentile
 * (others as drawn, common random numbers), sorted by swing; a chance or
 * discrete input at each of its outcomes (the same rows as the app's tornado,
 * shared/engine/sensitivity.ts).
 */
import { formatMoney, moneyUnitCaption } from '../../shared/format/money';
import { formatPlain } from '../../shared/format/by-kind';
import { formatPercent } from '../../shared/format/percent';
import { findPosition } from '../../shared/model/rounds';
import { parseCommandArgs, UsageError } from './args';
import type { Command } from './commands';
import { table, withDealAndRunner, workersFlag } from './valuation-common';

export const sensitivityCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseCommandArgs('sensitivity', argv);
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
    let out = `${deal.title}\nTornado for ${name} (${findPosition(deal, result.scenario)?.kind === 'round' ? 'round' : 'scenario'} ${result.scenario}): mean NPV ${money(result.baseMean)}, ${moneyUnitCaption(fmt)}\n\n`;
    const rows = [['Input', 'Low (P10 or outcome)', 'NPV there', 'High (P90 or outcome)', 'NPV there', 'Swing']];
    for (const r of result.rows) {
      const name = r.label === r.input ? r.input : `${r.label} (${r.input})`;
      const outcome = (value: number) => r.outcomes?.find((o) => o.value === value);
      const at = (value: number) => {
        const o = outcome(value);
        return o ? `${o.label} (${formatPercent(o.probability, 1)})` : formatPlain(value);
      };
      rows.push([name, at(r.lowInput), money(r.lowNpv), at(r.highInput), money(r.highNpv), money(r.swing)]);
      // A discrete input with more than two outcomes: the ones between, one line each.
      for (const o of r.outcomes ?? []) {
        if (o.value !== r.lowInput && o.value !== r.highInput) rows.push(['', `${o.label} (${formatPercent(o.probability, 1)})`, money(o.npv), '', '', '']);
      }
    }
    out += table(rows);
    ctx.out(out);
    return 0;
  });
};
