/**
 * `dealwright frontier FILE --vary PATH[,PATH...] --party ID [--other ID]
 *  [--scenario ID] [--points N] [--json]` (cli.md, "Additions"), plus
 * `--floor P` (keep only structures that give the other side at least that
 * chance of reaching its walk-away) and `--iterations N`, `--seed S`,
 * `--workers K` as `value` takes them. The efficient frontier over up to 4
 * numbers within their sliders' ranges (shared/engine/frontier.ts says how it
 * is found); `--json` prints exactly the object of cli.md.
 */
import type { FrontierResult } from '../../shared/engine/frontier';
import { formatByKind } from '../../shared/format/by-kind';
import { formatMoney, groupDigits, moneyUnitCaption } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { LIMITS, type Deal } from '../../shared/model/schema';
import { intFlag, numberFlag, parseCommandArgs, UsageError } from './args';
import type { Command } from './commands';
import { table, withDealAndRunner, workersFlag } from './valuation-common';

export const frontierCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseCommandArgs('frontier', argv);
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
  if (typeof flags.vary !== 'string') throw new UsageError('needs --vary PATH[,PATH...] (1 to 4 numbers with sliders)');
  const paths = flags.vary.split(',').map((p) => p.trim());
  if (paths.some((p) => p === '') || paths.length > 4) throw new UsageError(`--vary takes 1 to 4 paths separated by commas, got "${flags.vary}"`);
  if (typeof flags.party !== 'string') throw new UsageError('needs --party ID');
  const points = intFlag(flags, 'points', 2, 4096);
  const floor = numberFlag(flags, 'floor');
  if (floor !== undefined && !(floor >= 0 && floor <= 1)) throw new UsageError(`--floor must be a chance from 0 to 1, got "${String(flags.floor)}"`);
  const iterations = intFlag(flags, 'iterations', 1, LIMITS.maxIterations);
  const seed = intFlag(flags, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersFlag(flags, iterations);
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
  return withDealAndRunner(positionals[0]!, workers, ctx, async (deal, runner) => {
    const result = await runner.frontier({
      deal,
      paths,
      party: flags.party as string,
      ...optional('other', typeof flags.other === 'string' ? flags.other : undefined),
      ...optional('scenarioId', typeof flags.scenario === 'string' ? flags.scenario : undefined),
      ...optional('points', points),
      ...optional('floor', floor),
      ...optional('iterations', iterations),
      ...optional('seed', seed),
    });
    if (flags.json) {
      const json = { points: result.points.map((p) => ({ set: p.set, parties: Object.fromEntries(Object.entries(p.parties).map(([id, v]) => [id, { mean: v.mean, pAboveWalkAway: v.pAboveWalkAway }])) })) };
      ctx.out(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      ctx.out(humanReport(deal, result));
    }
    return 0;
  });
};

function humanReport(deal: Deal, r: FrontierResult): string {
  const fmt = { currency: deal.currency, unit: deal.unit };
  const name = (id: string) => deal.parties.find((p) => p.id === id)?.name ?? id;
  const share = r.gridPoints > 0 ? formatPercent(r.valued / r.gridPoints, 0) : '0%';
  let out = `${deal.title}\nEfficient frontier for ${name(r.party)} and ${name(r.other)} from ${r.scenario}; ${groupDigits(r.iterations, 0)} iterations, seed ${r.seed} (the same draws for every structure)\n`;
  out += `Grid: ${r.axes.map((a) => `${a.values.length} values of ${a.label}`).join(' x ')} = ${groupDigits(r.gridPoints, 0)} structures; ${groupDigits(r.valued, 0)} valued (${share})${r.fullGridBecause ? `: ${r.fullGridBecause}` : ''}\n`;
  if (r.floor !== undefined) out += `Only structures giving ${name(r.other)} at least a ${formatPercent(r.floor, 1)} chance of its walk-away\n`;
  out += `NPV in ${moneyUnitCaption(fmt)}\n\n`;
  if (r.points.length === 0) return `${out}No structure in range meets the floor.\n`;
  // Each point: the varied numbers, then each side's mean NPV and chance of reaching its walk-away (cli.md).
  const sides = [r.party, r.other];
  const header = [...r.axes.map((a) => a.label), ...sides.flatMap((id) => [`${name(id)} mean`, `${name(id)} P(>= walk-away)`])];
  const rows = r.points.map((p) => [
    ...r.axes.map((a) => formatByKind(p.set[a.path]!, a.kind, fmt)),
    ...sides.flatMap((id) => [formatMoney(p.parties[id]!.mean, fmt), formatPercent(p.parties[id]!.pAboveWalkAway, 1)]),
  ]);
  return `${out}${table([header, ...rows])}`;
}
