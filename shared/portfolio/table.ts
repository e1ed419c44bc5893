/**
 * The portfolio table, one row per deal, as every front shows it: the app's
 * sortable table, the CSV export, the Word brief and the CLI. Written once
 * here: title, counterparty, stage, owner, our party (by name), our mean NPV and chance
 * of reaching our walk-away in the deal's position, the next metric due with
 * its status, the latest health score, and why a deal could not be valued.
 *
 * Intentionally has no platform imports.
 */
import type { ChartTable } from '../charts/chart-table';
import { moneyUnitCaption } from '../format/money';
import type { Deal } from '../model/schema';
import type { PortfolioEntryState } from './entries';
import { HEALTH_DIMENSIONS, type Dealbook, type DealbookEntry, type HealthCheck, type MetricStatus, type Stage, type TrackedMetric } from './schema';
import type { MemberValuation, PortfolioValuationResult } from './valuation';

/** A month as YYYY-MM (what `due` is written as; a full date is cut to its month). */
export type Month = string;

export function monthOf(date: Date): Month {
  return date.toISOString().slice(0, 7);
}

/** Months from `from` to `to` (both YYYY-MM...): positive when `to` is later. */
export function monthsBetween(from: string, to: string): number {
  const m = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
  return m(to) - m(from);
}

/** A metric's latest actual (by date; the later one of equal dates), if any. */
export function latestActual(metric: TrackedMetric) {
  const actuals = metric.actuals ?? [];
  return actuals.reduce<(typeof actuals)[number] | undefined>((best, a) => (!best || a.date >= best.date ? a : best), undefined);
}

/** Where a tracked metric stands: its latest actual's status, or "not measured" before any. */
export type MetricState = MetricStatus | 'not measured';

export function metricState(metric: TrackedMetric): MetricState {
  return latestActual(metric)?.status ?? 'not measured';
}

/** Still to be decided: neither met nor missed. */
const isOpen = (m: TrackedMetric) => {
  const s = metricState(m);
  return s !== 'met' && s !== 'missed';
};

/** The next metric due: the open metric with the earliest due month (an overdue one first). */
export function nextMetricDue(entry: DealbookEntry): TrackedMetric | undefined {
  return (entry.metrics ?? [])
    .filter((m) => m.due !== undefined && isOpen(m))
    .sort((a, b) => a.due!.slice(0, 7).localeCompare(b.due!.slice(0, 7)))[0];
}

/** The latest health check (by date). */
export function latestHealth(entry: DealbookEntry): HealthCheck | undefined {
  return (entry.health ?? []).reduce<HealthCheck | undefined>((best, h) => (!best || h.date >= best.date ? h : best), undefined);
}

/** The mean of a health check's scores (the dimensions it scores). */
export function healthScore(check: HealthCheck): number {
  const scores = HEALTH_DIMENSIONS.map((d) => check.scores[d]).filter((s): s is number => s !== undefined);
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

export interface PortfolioRow {
  place: number;
  file: string;
  /** The deal's title; its file when the deal could not be read. */
  title: string;
  /** Whether the deal was read, so the row can open it. */
  hasDeal: boolean;
  counterparty: string;
  stage: Stage;
  owner: string;
  /** Our party's name in the deal (its id, as the portfolio names it, when the deal could not be read): a name, never an internal id. */
  role: string;
  position: string;
  mean: number | null;
  p10: number | null;
  p90: number | null;
  pAboveWalkAway: number | null;
  walkAway: number | null;
  riskShare: number | null;
  nextMetric: TrackedMetric | undefined;
  nextStatus: MetricState | undefined;
  health: HealthCheck | undefined;
  /** Why the deal is not valued (load problems or a failed run), one line each; empty when it is. */
  problems: string[];
  warnings: string[];
}

function counterpartyOf(deal: Deal, us: string): string {
  return deal.parties
    .filter((p) => p.id !== us)
    .map((p) => p.name)
    .join(', ');
}

const line = (p: { path: string; message: string }) => (p.path ? `${p.path}: ${p.message}` : p.message);

/** The rows of the table from the portfolio, its entries as read and (when there is one) the valuation. */
export function portfolioRows(book: Dealbook, entries: readonly PortfolioEntryState[], result: PortfolioValuationResult | null): PortfolioRow[] {
  return book.deals.map((entry, place): PortfolioRow => {
    const state = entries.find((e) => e.place === place);
    const deal = state?.deal ?? null;
    const valued: MemberValuation | undefined = result?.members.find((m) => m.place === place);
    const ok = valued?.ok ? valued : undefined;
    const next = nextMetricDue(entry);
    const problems = (state?.problems ?? []).filter((p) => p.severity !== 'warning').map(line);
    if (valued && !valued.ok) problems.push(...valued.problems.map((p) => `deals[${place}]: ${entry.file}: ${line(p)}`));
    return {
      place,
      file: entry.file,
      title: deal?.title ?? entry.file,
      hasDeal: deal !== null,
      counterparty: deal ? counterpartyOf(deal, entry.party) : '',
      stage: entry.stage,
      owner: entry.owner ?? '',
      role: deal?.parties.find((p) => p.id === entry.party)?.name ?? entry.party,
      position: ok?.position ?? entry.position ?? deal?.scenarios[0]?.id ?? '',
      mean: ok?.npv.mean ?? null,
      p10: ok?.npv.p10 ?? null,
      p90: ok?.npv.p90 ?? null,
      pAboveWalkAway: ok?.pAboveWalkAway ?? null,
      walkAway: ok?.walkAway ?? null,
      riskShare: ok?.riskShare ?? null,
      nextMetric: next,
      nextStatus: next ? metricState(next) : undefined,
      health: latestHealth(entry),
      problems,
      warnings: (state?.problems ?? []).filter((p) => p.severity === 'warning').map(line),
    };
  });
}

/** The table as CSV-ready cells (raw numbers at full precision; tableToCsv neutralises cells a spreadsheet would run). */
export function portfolioCsvTable(book: Dealbook, rows: readonly PortfolioRow[]): ChartTable {
  const money = moneyUnitCaption(book);
  return {
    caption: `${book.title}: deals`,
    columns: [
      'Deal',
      'File',
      'Counterparty',
      'Stage',
      'Owner',
      'Our party',
      'Position',
      `Our mean NPV (${money})`,
      `P10 (${money})`,
      `P90 (${money})`,
      'P(NPV >= walk-away)',
      `Our walk-away (${money})`,
      'Share of portfolio risk',
      'Next metric due',
      'Horizon',
      'Due',
      'Status',
      'Latest health (mean of scores)',
      'Health date',
      'Problems',
    ],
    kinds: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'money', 'money', 'money', 'probability', 'money', 'percent', 'text', 'text', 'text', 'text', 'number', 'text', 'text'],
    rows: rows.map((r) => [
      r.title,
      r.file,
      r.counterparty,
      r.stage,
      r.owner,
      r.role,
      r.position,
      r.mean,
      r.p10,
      r.p90,
      r.pAboveWalkAway,
      r.walkAway,
      r.riskShare,
      r.nextMetric?.metric ?? '',
      r.nextMetric?.horizon ?? '',
      r.nextMetric?.due ?? '',
      r.nextStatus ?? '',
      r.health ? healthScore(r.health) : null,
      r.health?.date ?? '',
      r.problems.join(' | '),
    ]),
  };
}
