/**
 * The portfolio brief: an internal document for the alliance team (never for
 * a counterparty), as a content tree the host's Word writer lays out like a
 * term sheet (host/docx/write-docx.ts): the portfolio total from the summed
 * iterations with its distribution, the table of deals, value against risk,
 * our expected cash flows by year, the success metrics (table and the
 * 36-month timeline) and the health checks (latest scores and the trend).
 *
 * Intentionally has no platform imports.
 */
import { HISTOGRAM_BINS } from '../engine/statistics';
import { formatLongDate } from '../format/dates';
import { formatMoneyEstimate, moneyUnitCaption, type MoneyFormat } from '../format/money';
import { formatPercent } from '../format/percent';
import type { Block, TableBlock, TableColumn, TermSheetDoc } from '../termsheet/content';
import { plain } from '../termsheet/content';
import { sanitizeLine } from '../termsheet/sanitize';
import { STAKE_MEANING } from '../charts/portfolio-charts';
import { dealLabels, dueMetrics, healthSeries, valueRiskPoints, yearlyFlows } from './chart-inputs';
import type { PortfolioEntryState } from './entries';
import { HEALTH_DIMENSIONS, HEALTH_LABELS, STAGE_LABELS, type Dealbook } from './schema';
import { healthScore, latestActual, metricState, monthOf, portfolioRows } from './table';
import type { PortfolioValuationResult } from './valuation';

export interface BriefInput {
  book: Dealbook;
  entries: PortfolioEntryState[];
  result: PortfolioValuationResult;
  /** The brief's date: the metrics timeline starts in its month. */
  date: Date;
}

const col = (header: string, weight: number, align: 'left' | 'right' = 'left'): TableColumn => ({ header, weight, align });

function table(key: string, title: string, columns: TableColumn[], rows: string[][]): TableBlock {
  return { kind: 'table', key, title, columns, rows: rows.map((cells, i) => ({ key: `${key}:${i}`, cells: cells.map((c) => plain(sanitizeLine(c))) })), rowsNamed: true };
}

const heading = (key: string, text: string, level: 1 | 2 = 1): Block => ({ kind: 'heading', key, level, spans: plain(text) });
const paragraph = (key: string, text: string, style: 'body' | 'note' = 'body'): Block => ({ kind: 'paragraph', key, style, spans: plain(text) });

export function buildPortfolioBrief({ book, entries, result, date }: BriefInput): TermSheetDoc {
  const money: MoneyFormat = { currency: book.currency, unit: book.unit };
  const m = (v: number | null) => (v === null ? '' : formatMoneyEstimate(v, money));
  const rows = portfolioRows(book, entries, result);
  const title = sanitizeLine(book.title);
  const written = formatLongDate(date);
  const blocks: Block[] = [];
  const total = result.total;

  blocks.push(heading('total', 'Portfolio value'));
  if (total) {
    blocks.push(
      paragraph(
        'total:summary',
        `Summed over ${total.deals} deal${total.deals === 1 ? '' : 's'}, iteration by iteration (${result.iterations.toLocaleString('en-US')} iterations per deal, each deal drawn independently), our NPV is ${m(total.npv.mean)} on average, between ${m(total.npv.p10)} (P10) and ${m(total.npv.p90)} (P90). ` +
          `The chance that the portfolio is worth at least the sum of our walk-aways (${m(total.walkAway)}) is ${formatPercent(total.pAboveWalkAways, 1)}.`,
      ),
      {
        kind: 'chart',
        key: 'total:chart',
        chart: { type: 'histogram', input: { histogram: total.histogram, money, walkAway: total.walkAway, mean: total.npv.mean } },
        caption: `Portfolio NPV (${moneyUnitCaption(money)}): bars, the share of outcomes in each of ${HISTOGRAM_BINS} ranges; line, the chance of a lower value; red line, the sum of our walk-aways.`,
        widthPx: 640,
        heightPx: 300,
      },
    );
  } else {
    blocks.push(paragraph('total:none', 'No deal of the portfolio could be valued; the problems are listed below.'));
  }

  blocks.push(
    heading('deals', 'Deals'),
    table(
      'deals:table',
      'Deals',
      [col('Deal', 3.6), col('Stage', 1.3), col('Owner', 1.3), col('Our party', 1.2), col('Mean NPV', 1.2, 'right'), col('P10 to P90', 2, 'right'), col('P(≥ walk-away)', 1.3, 'right'), col('Share of risk', 1.1, 'right')],
      rows.map((r) => [
        r.title,
        STAGE_LABELS[r.stage],
        r.owner,
        r.role,
        r.problems.length ? 'not valued' : m(r.mean),
        r.p10 === null ? '' : `${m(r.p10)} to ${m(r.p90)}`,
        r.pAboveWalkAway === null ? '' : formatPercent(r.pAboveWalkAway, 1),
        r.riskShare === null ? '' : formatPercent(r.riskShare, 1),
      ]),
    ),
    paragraph(
      'deals:note',
      `Values are our party's NPV in each deal's position. Share of risk is each deal's contribution to the variance of the total, cov(deal, total) / var(total); the shares add up to 100%, and a deal that offsets others has a negative share.`,
      'note',
    ),
  );
  const failed = rows.filter((r) => r.problems.length > 0);
  if (failed.length) {
    blocks.push(heading('failed', 'Deals that could not be valued', 2));
    failed.forEach((r) => r.problems.forEach((p, i) => blocks.push(paragraph(`failed:${r.place}:${i}`, sanitizeLine(p), 'note'))));
  }

  if (total) {
    blocks.push(
      heading('risk', 'Value against risk'),
      {
        kind: 'chart',
        key: 'risk:chart',
        chart: { type: 'portfolio', chart: { kind: 'valueRisk', points: valueRiskPoints(book, entries, result), money } },
        caption: `Each deal: our mean NPV against the width of its P10 to P90 range; ${STAKE_MEANING}.`,
        widthPx: 640,
        heightPx: 340,
      },
      heading('flows', 'Our expected cash flows by year'),
      {
        kind: 'chart',
        key: 'flows:chart',
        chart: { type: 'portfolio', chart: { kind: 'cashFlows', flows: yearlyFlows(book, entries, result), money } },
        caption: `Mean nominal (undiscounted) cash flow to us in each calendar year, stacked by deal (${moneyUnitCaption(money)}).`,
        widthPx: 640,
        heightPx: 300,
      },
    );
  }

  const metrics = dueMetrics(book, entries);
  blocks.push(heading('metrics', 'Success metrics'));
  const metricRows = book.deals.flatMap((entry, place) =>
    (entry.metrics ?? []).map((metric) => {
      const last = latestActual(metric);
      return [rows[place]!.title, metric.metric, metric.horizon, metric.due ?? '', last ? `${last.value} (${last.date})` : '', metricState(metric)];
    }),
  );
  if (metricRows.length) {
    blocks.push(table('metrics:table', 'Success metrics', [col('Deal', 2.4), col('Metric', 2), col('Horizon', 1), col('Due', 1), col('Latest actual', 2.2), col('Status', 1.1)], metricRows));
    blocks.push({
      kind: 'chart',
      key: 'metrics:chart',
      chart: { type: 'portfolio', chart: { kind: 'metrics', metrics, deals: dealLabels(book, entries), from: monthOf(date) } },
      caption: `Metrics due in the 36 months from ${written}, coloured by their latest status.`,
      widthPx: 640,
      heightPx: Math.max(180, 70 + 34 * book.deals.length),
    });
  } else {
    blocks.push(paragraph('metrics:none', 'No success metrics are tracked yet.'));
  }

  const health = healthSeries(book, entries);
  blocks.push(heading('health', 'Health'));
  if (health.deals.length) {
    blocks.push(
      table(
        'health:table',
        'Latest health check',
        [col('Deal', 3), col('Date', 1.3), ...HEALTH_DIMENSIONS.map((d) => col(HEALTH_LABELS[d], 1.2, 'right')), col('Mean', 0.9, 'right')],
        rows.flatMap((r) => (r.health ? [[r.title, r.health.date, ...HEALTH_DIMENSIONS.map((d) => String(r.health!.scores[d] ?? '')), healthScore(r.health).toFixed(1)]] : [])),
      ),
      {
        kind: 'chart',
        key: 'health:chart',
        chart: { type: 'portfolio', chart: { kind: 'health', health } },
        caption: 'Health scores over time, 1 (poor) to 5 (strong), one panel per dimension.',
        widthPx: 640,
        heightPx: 420,
      },
    );
  } else {
    blocks.push(paragraph('health:none', 'No health checks are recorded yet.'));
  }

  return {
    audience: 'internal',
    title: plain(title),
    subtitle: 'Portfolio brief',
    draftLine: `Internal · ${written}`,
    date: written,
    marking: 'STRICTLY CONFIDENTIAL: INTERNAL. Do not send to a counterparty.',
    legend: `Our NPV in ${moneyUnitCaption(money)}; simulated values are estimates with the uncertainty shown.`,
    footer: `${title} · portfolio brief · ${written}`,
    properties: { title: `${title}: portfolio brief`, subject: 'Portfolio brief' },
    blocks,
  };
}
