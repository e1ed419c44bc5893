/**
 * `dealwright portfolio FILE.dealbook [--iterations N] [--json]`
 * (../shared/spec/cli.md): every deal of the portfolio in its position (stage,
 * our party, our mean NPV and chance of reaching our walk-away), the metrics
 * due in the next 12 months and their status, then the portfolio total from
 * the summed iterations. The same loading and engine as the app. A deal file
 * that is missing or invalid, or does not fit the portfolio, is exit 1 with
 * one line per problem naming the entry and the file; nothing is valued then.
 */
import { formatMoney, moneyUnitCaption } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { formatProblem } from '../../shared/problems';
import { blocking } from '../../shared/portfolio/entries';
import { STAGE_LABELS } from '../../shared/portfolio/schema';
import { latestActual, metricState, monthOf, monthsBetween, portfolioRows } from '../../shared/portfolio/table';
import type { PortfolioValuationResult } from '../../shared/portfolio/valuation';
import { openPortfolioFile } from '../portfolio/load-portfolio';
import { intFlag, parseCommandArgs, UsageError, workersFlag } from './args';
import type { Command } from './commands';
import { table, withRunner } from './valuation-common';
import { PORTFOLIO_LIMITS, type Dealbook } from '../../shared/portfolio/schema';

export const portfolioCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseCommandArgs('portfolio', argv);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'expects a FILE (dealwright portfolio FILE.dealbook)' : 'expects exactly one FILE');
  const iterations = intFlag(flags, 'iterations', 1, PORTFOLIO_LIMITS.maxIterations);
  const file = positionals[0]!;
  const opened = await openPortfolioFile(file);
  if (!opened.ok) {
    for (const p of opened.problems) ctx.err(`${formatProblem(p, file)}\n`);
    return 1;
  }
  const { book, entries } = opened.portfolio;
  if (book.deals.length === 0) {
    // Valid as a file (the app starts portfolios empty), but there is no total to report.
    ctx.err(`${formatProblem({ path: 'deals', message: 'the portfolio lists no deals yet: add a deal to value it' }, file)}\n`);
    return 1;
  }
  let failed = false;
  for (const e of entries) {
    for (const p of e.problems) {
      const isWarning = p.severity === 'warning';
      failed ||= !isWarning;
      ctx.err(`${formatProblem(isWarning ? { ...p, message: `warning: ${p.message}` } : p)}\n`);
    }
    if (e.deal === null && blocking(e.problems).length === 0) failed = true;
  }
  if (failed) return 1;
  return withRunner(workersFlag({}), ctx, async (runner) => {
    const result = await runner.portfolio({
      members: entries.map((e) => ({ deal: e.deal!, party: book.deals[e.place]!.party, position: book.deals[e.place]!.position, place: e.place })),
      ...(iterations === undefined ? {} : { iterations }),
    });
    const unvalued = result.members.filter((m) => !m.ok);
    for (const m of unvalued) {
      if (m.ok) continue;
      const entry = book.deals[m.place]!;
      for (const p of m.problems) ctx.err(`${formatProblem({ path: `deals[${m.place}]`, message: `${entry.file}: ${formatProblem(p, 'the deal')}` })}\n`);
    }
    if (unvalued.length > 0) return 1;
    ctx.out(flags.json ? `${JSON.stringify(cliJson(book, result), null, 2)}\n` : humanReport(book, entries, result));
    return 0;
  });
};

/** The exact object of cli.md. */
function cliJson(book: Dealbook, result: PortfolioValuationResult) {
  return {
    deals: result.members.flatMap((m) => {
      if (!m.ok) return [];
      const entry = book.deals[m.place]!;
      return [{ file: entry.file, party: m.party, position: m.position, stage: entry.stage, npv: m.npv, pAboveWalkAway: m.pAboveWalkAway }];
    }),
    total: { npv: result.total!.npv, pAboveWalkAways: result.total!.pAboveWalkAways },
  };
}

function humanReport(book: Dealbook, entries: Parameters<typeof portfolioRows>[1], result: PortfolioValuationResult): string {
  const money = (v: number | null) => (v === null ? '' : formatMoney(v, { currency: book.currency, unit: book.unit, decimals: book.unit === 'million' || book.unit === 'billion' ? 1 : 0 }));
  const rows = portfolioRows(book, entries, result);
  let out = `${book.title}\n${book.deals.length} deals; ${result.iterations.toLocaleString('en-US')} iterations per deal, ${result.elapsedMs} ms; our NPV in ${moneyUnitCaption(book)}\n\n`;
  const lines: string[][] = [['Deal', 'Stage', 'Our party', 'Position', 'Mean NPV', 'P(>= walk-away)', 'Share of risk']];
  for (const r of rows) lines.push([`${r.title} (${r.file})`, STAGE_LABELS[r.stage], r.role, r.position, money(r.mean), r.pAboveWalkAway === null ? '' : formatPercent(r.pAboveWalkAway, 1), r.riskShare === null ? '' : formatPercent(r.riskShare, 1)]);
  out += table(lines);

  const now = monthOf(new Date());
  const due = book.deals.flatMap((entry, place) =>
    (entry.metrics ?? [])
      .filter((m) => m.due !== undefined && monthsBetween(now, m.due) >= 0 && monthsBetween(now, m.due) < 12)
      .map((m) => ({ place, entry, m })),
  );
  out += `\nMetrics due in the next 12 months (from ${now}):\n`;
  if (due.length === 0) out += '  none\n';
  for (const { entry, m } of due.sort((a, b) => a.m.due!.localeCompare(b.m.due!))) {
    const last = latestActual(m);
    out += `  ${m.due}  ${rows[book.deals.indexOf(entry)]!.title}: ${m.metric} (${m.horizon}): ${metricState(m)}${last ? ` (latest ${last.date}: ${last.value})` : ''}\n`;
  }

  const t = result.total!;
  out += `\nPortfolio total (sum of our NPVs, iteration by iteration):\n`;
  out += table([
    ['Mean', 'sd', 'P5', 'P10', 'P50', 'P90', 'P95'],
    [money(t.npv.mean), money(t.npv.sd), money(t.npv.p5), money(t.npv.p10), money(t.npv.p50), money(t.npv.p90), money(t.npv.p95)],
  ]);
  out += `Chance the total is at or above the sum of our walk-aways (${money(t.walkAway)}): ${formatPercent(t.pAboveWalkAways, 1)}\n`;
  out += 'Share of risk: each deal\'s contribution to the variance of the total, cov(deal, total) / var(total).\n';
  return out;
}
