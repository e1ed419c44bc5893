/**
 * From an open portfolio and its valuation to the inputs of its charts
 * (shared/charts/portfolio-charts.ts), once for the app and the Word brief:
 * each deal's value and risk and what is at stake, our expected cash flows
 * by calendar year (each deal's periods mapped to the years they fall in),
 * the metrics with a due date and their status, and the health checks.
 *
 * Intentionally has no platform imports.
 */
import type { DueMetric, HealthSeries, ValueRiskPoint, YearlyFlows } from '../charts/portfolio-charts';
import { periodYears } from '../engine/timeline';
import type { Deal } from '../model/schema';
import type { PortfolioEntryState } from './entries';
import { HEALTH_DIMENSIONS, HEALTH_LABELS, type Dealbook } from './schema';
import { metricState } from './table';
import type { PortfolioValuationResult } from './valuation';

/** A deal's name in a chart: the part of its title after a colon ("HX-201 licence"), else the title, kept short. */
export function shortLabel(deal: Deal | null, file: string): string {
  const title = deal?.title ?? file;
  const after = title.includes(':') ? title.slice(title.indexOf(':') + 1).trim() : title;
  const text = after || title;
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}

const dealOf = (entries: readonly PortfolioEntryState[], place: number) => entries.find((e) => e.place === place)?.deal ?? null;

export function valueRiskPoints(book: Dealbook, entries: readonly PortfolioEntryState[], result: PortfolioValuationResult): ValueRiskPoint[] {
  return result.members.flatMap((m) =>
    m.ok
      ? [{ place: m.place, label: shortLabel(dealOf(entries, m.place), book.deals[m.place]!.file), mean: m.npv.mean, p10: m.npv.p10, p90: m.npv.p90, stake: m.flows.reduce((s, f) => s + Math.abs(f), 0) }]
      : [],
  );
}

export function yearlyFlows(book: Dealbook, entries: readonly PortfolioEntryState[], result: PortfolioValuationResult): YearlyFlows {
  const perDeal = result.members.flatMap((m) => {
    const deal = dealOf(entries, m.place);
    if (!m.ok || !deal) return [];
    const years = periodYears(deal.timeline);
    const byYear = new Map<number, number>();
    m.flows.forEach((f, t) => byYear.set(years[t]!, (byYear.get(years[t]!) ?? 0) + f));
    return [{ place: m.place, label: shortLabel(deal, book.deals[m.place]!.file), byYear }];
  });
  const years = [...new Set(perDeal.flatMap((d) => [...d.byYear.keys()]))].sort((a, b) => a - b);
  return { years, deals: perDeal.map((d) => ({ place: d.place, label: d.label, values: years.map((y) => d.byYear.get(y) ?? 0) })) };
}

export function dueMetrics(book: Dealbook, entries: readonly PortfolioEntryState[]): DueMetric[] {
  return book.deals.flatMap((entry, place) =>
    (entry.metrics ?? []).flatMap((m) =>
      m.due === undefined ? [] : [{ place, deal: shortLabel(dealOf(entries, place), entry.file), metric: m.metric, horizon: m.horizon, due: m.due.slice(0, 7), status: metricState(m) }],
    ),
  );
}

export function healthSeries(book: Dealbook, entries: readonly PortfolioEntryState[]): HealthSeries {
  return {
    dimensions: HEALTH_DIMENSIONS.map((key) => ({ key, label: HEALTH_LABELS[key] })),
    deals: book.deals.flatMap((entry, place) =>
      entry.health && entry.health.length > 0
        ? [{ place, label: shortLabel(dealOf(entries, place), entry.file), checks: entry.health.map((h) => ({ date: h.date, scores: { ...h.scores } })) }]
        : [],
    ),
  };
}

/** The deals' chart labels in list order (the timeline's rows). */
export function dealLabels(book: Dealbook, entries: readonly PortfolioEntryState[]): string[] {
  return book.deals.map((entry, place) => shortLabel(dealOf(entries, place), entry.file));
}
