/**
 * Edits of an open portfolio as named, pure functions from the portfolio to
 * the next one (like a deal's edit commands, commands/edit-command.ts): the
 * store records the previous portfolio under the edit's label, so every
 * change to stages, owners, metrics' actuals and statuses, and health scores
 * can be undone and redone.
 */
import type { Dealbook, DealbookEntry, HealthCheck, HealthDimension, MetricActual, Stage, TrackedMetric } from '../../../shared/portfolio/schema';

export interface PortfolioEdit<A> {
  readonly name: string;
  /** What Undo/Redo say: "Undo Record an actual". */
  readonly label: string;
  readonly perform: (book: Dealbook, args: A) => Dealbook;
}

const registry = new Set<string>();

function edit<A>(name: string, label: string, perform: (book: Dealbook, args: A) => Dealbook): PortfolioEdit<A> {
  if (registry.has(name)) throw new Error(`portfolio edit "${name}" is registered twice`);
  registry.add(name);
  return { name, label, perform };
}

/** The book with entry `place` replaced by what `change` makes of it. */
function withEntry(book: Dealbook, place: number, change: (entry: DealbookEntry) => DealbookEntry): Dealbook {
  const entry = book.deals[place];
  if (!entry) return book;
  return { ...book, deals: book.deals.map((e, i) => (i === place ? change(e) : e)) };
}

function withMetric(book: Dealbook, place: number, metric: number, change: (m: TrackedMetric) => TrackedMetric): Dealbook {
  return withEntry(book, place, (e) => ({ ...e, metrics: (e.metrics ?? []).map((m, i) => (i === metric ? change(m) : m)) }));
}

/** An optional text field: empty means absent (the file stays as lean as it was). */
function optionalText<K extends 'owner' | 'notes'>(entry: DealbookEntry, key: K, value: string): DealbookEntry {
  const next = { ...entry };
  if (value.trim() === '') delete next[key];
  else next[key] = value;
  return next;
}

export const portfolioEdits = {
  setTitle: edit<{ title: string }>('portfolio.title', 'Rename the portfolio', (book, { title }) => (title.trim() ? { ...book, title } : book)),
  setStage: edit<{ place: number; stage: Stage }>('portfolio.stage', 'Change the stage', (book, { place, stage }) => withEntry(book, place, (e) => ({ ...e, stage }))),
  setOwner: edit<{ place: number; owner: string }>('portfolio.owner', 'Change the owner', (book, { place, owner }) => withEntry(book, place, (e) => optionalText(e, 'owner', owner))),
  setNotes: edit<{ place: number; notes: string }>('portfolio.notes', 'Edit the notes', (book, { place, notes }) => withEntry(book, place, (e) => optionalText(e, 'notes', notes))),
  /** Starts tracking one of the deal's success metrics. */
  trackMetric: edit<{ place: number; horizon: string; metric: string; due?: string | undefined }>('portfolio.trackMetric', 'Track a metric', (book, { place, horizon, metric, due }) =>
    withEntry(book, place, (e) => ({ ...e, metrics: [...(e.metrics ?? []), { horizon, metric, ...(due ? { due } : {}) }] })),
  ),
  setMetricDue: edit<{ place: number; metric: number; due: string }>('portfolio.metricDue', 'Change a due date', (book, { place, metric, due }) =>
    withMetric(book, place, metric, (m) => {
      const next = { ...m };
      if (due === '') delete next.due;
      else next.due = due;
      return next;
    }),
  ),
  addActual: edit<{ place: number; metric: number; actual: MetricActual }>('portfolio.addActual', 'Record an actual', (book, { place, metric, actual }) =>
    withMetric(book, place, metric, (m) => ({ ...m, actuals: [...(m.actuals ?? []), actual] })),
  ),
  setActual: edit<{ place: number; metric: number; index: number; actual: MetricActual }>('portfolio.setActual', 'Change an actual', (book, { place, metric, index, actual }) =>
    withMetric(book, place, metric, (m) => ({ ...m, actuals: (m.actuals ?? []).map((a, i) => (i === index ? actual : a)) })),
  ),
  removeActual: edit<{ place: number; metric: number; index: number }>('portfolio.removeActual', 'Remove an actual', (book, { place, metric, index }) =>
    withMetric(book, place, metric, (m) => ({ ...m, actuals: (m.actuals ?? []).filter((_, i) => i !== index) })),
  ),
  addHealthCheck: edit<{ place: number; check: HealthCheck }>('portfolio.addHealth', 'Add a health check', (book, { place, check }) =>
    withEntry(book, place, (e) => ({ ...e, health: [...(e.health ?? []), check] })),
  ),
  setHealthScore: edit<{ place: number; index: number; dimension: HealthDimension; score: number | null }>('portfolio.healthScore', 'Change a health score', (book, { place, index, dimension, score }) =>
    withEntry(book, place, (e) => ({
      ...e,
      health: (e.health ?? []).map((h, i) => {
        if (i !== index) return h;
        const scores = { ...h.scores };
        if (score === null) delete scores[dimension];
        else scores[dimension] = score;
        return { ...h, scores };
      }),
    })),
  ),
  removeHealthCheck: edit<{ place: number; index: number }>('portfolio.removeHealth', 'Remove a health check', (book, { place, index }) =>
    withEntry(book, place, (e) => ({ ...e, health: (e.health ?? []).filter((_, i) => i !== index) })),
  ),
  addDeal: edit<{ entry: DealbookEntry; money?: { currency: string; unit: Dealbook['unit'] } | undefined }>('portfolio.addDeal', 'Add a deal', (book, { entry, money }) => ({
    ...book,
    ...(book.deals.length === 0 && money ? money : {}),
    deals: [...book.deals, entry],
  })),
  removeDeal: edit<{ place: number }>('portfolio.removeDeal', 'Remove a deal', (book, { place }) => ({ ...book, deals: book.deals.filter((_, i) => i !== place) })),
};
