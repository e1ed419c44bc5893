/**
 * `dealwright value FILE [--scenario ID] [--set PATH=NUMBER]... [--iterations N] [--seed S] [--workers K] [--json]`:
 * Monte Carlo valuation on the worker pool, of a scenario or round (`--set` adds numbers on top). `--json` prints exactly the object
 * of cli.md (toCliJson); otherwise a table per party in the deal's money.
 */
import { toCliJson, type ValuationResult } from '../../shared/engine/results';
// groupDigits, not toLocaleString: the first call of the latter loads ICU's number data (~10 ms of a cold run).
import { formatMoney, groupDigits, moneyUnitCaption } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { formatProblem } from '../../shared/problems';
import { findPosition } from '../../shared/model/rounds';
import type { Deal } from '../../shared/model/schema';
import { LIMITS } from '../../shared/model/schema';
import { intFlag, parseCommandArgs, UsageError, workersFlag } from './args';
import type { Command } from './commands';
import { dealWithSets, takeSets } from './set-flags';
import { table, withDealAndRunner } from './valuation-common';

export const valueCommand: Command = async (argv, ctx) => {
  const { rest, sets } = takeSets(argv);
  const { positionals, flags } = parseCommandArgs('value', rest);
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
  const iterations = intFlag(flags, 'iterations', 1, LIMITS.maxIterations);
  const seed = intFlag(flags, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersFlag(flags, iterations);
  const scenarioId = typeof flags.scenario === 'string' ? flags.scenario : undefined;
  return withDealAndRunner(positionals[0]!, workers, ctx, async (file, runner) => {
    // --set: the position with more numbers on top, valued as a deal of its own.
    const position = sets.length ? dealWithSets(file, scenarioId, sets) : { ok: true as const, deal: file, scenarioId };
    if (!position.ok) {
      for (const p of position.problems) ctx.err(`${formatProblem(p)}\n`);
      return 1;
    }
    const { deal } = position;
    const result = await runner.value({
      deal,
      ...(position.scenarioId === undefined ? {} : { scenarioId: position.scenarioId }),
      ...(iterations === undefined ? {} : { iterations }),
      ...(seed === undefined ? {} : { seed }),
    });
    ctx.out(flags.json ? `${JSON.stringify(toCliJson(result), null, 2)}\n` : humanReport(deal, result, findPosition(file, result.scenario)?.kind));
    return 0;
  });
};

/** `kind`: whether the position valued is a round of the file (its name is then a round's). */
function humanReport(deal: Deal, r: ValuationResult, kind: 'scenario' | 'round' | undefined): string {
  const fmt = { currency: deal.currency, unit: deal.unit };
  const money = (v: number) => formatMoney(v, fmt);
  const position = findPosition(deal, r.scenario);
  let out = `${deal.title}\n${kind === 'round' ? 'Round' : 'Scenario'}: ${position ? `${position.name} (${r.scenario})` : r.scenario}; ${groupDigits(r.iterations, 0)} iterations, seed ${r.seed}, ${r.elapsedMs} ms\n`;
  out += `NPV in ${moneyUnitCaption(fmt)}\n\n`;
  const rows: string[][] = [['Party', 'Mean', '± se', 'P5', 'P10', 'P50', 'P90', 'P95', 'Walk-away', 'P(>= walk-away)']];
  for (const party of deal.parties) {
    const p = r.parties[party.id];
    if (!p) continue;
    const s = p.npv;
    rows.push([
      `${party.name}${party.id === deal.us ? ' (us)' : ''}`,
      money(s.mean),
      money(s.se),
      money(s.p5),
      money(s.p10),
      money(s.p50),
      money(s.p90),
      money(s.p95),
      money(party.walkAway),
      formatPercent(p.pAboveWalkAway, 1),
    ]);
  }
  out += table(rows);
  out += `\nEvery party at or above its walk-away: ${formatPercent(r.pAllAboveWalkAway, 1)}\n`;
  return out;
}
