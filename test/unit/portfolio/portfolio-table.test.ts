/**
 * The portfolio table as every front shows it, and the edits of the view:
 * the next metric due is the earliest still open (neither met nor missed),
 * the latest health check is the latest by date, sorting puts rows without a
 * figure last whichever the direction, and each edit changes exactly what it
 * names (an empty owner or notes leaves the key out).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PortfolioEntryState } from '../../../shared/portfolio/entries';
import type { Dealbook } from '../../../shared/portfolio/schema';
import { healthScore, portfolioRows } from '../../../shared/portfolio/table';
import { paddedRange } from '../../../shared/charts/portfolio-charts';
import type { Deal } from '../../../shared/model/schema';
import { validateDealbook } from '../../../shared/portfolio/validate';
import { portfolioEdits } from '../../../renderer/src/portfolio/portfolio-edits';
import { sortRows } from '../../../renderer/src/portfolio/sort-rows';

const book = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '..', '..', '..'), 'resources', 'examples', 'meridian-partnerships.dealbook'), 'utf8')) as Dealbook;
const entries: PortfolioEntryState[] = book.deals.map((d, place) => ({ place, file: d.file, path: null, deal: null, stamp: null, problems: [] }));

describe('the portfolio table', () => {
  it('shows the earliest open metric as next due, and the latest health check', () => {
    const rows = portfolioRows(book, entries, null);
    expect(rows.map((r) => r.nextMetric?.metric ?? null)).toEqual(['Phase II enrolment', 'Assay analytical validation', 'Site permits', 'Co-sell pipeline', null]);
    expect(rows.map((r) => r.nextStatus ?? null)).toEqual(['not measured', 'at risk', 'not measured', 'not measured', null]);
    expect(rows.map((r) => (r.health ? [r.health.date, healthScore(r.health)] : null))).toEqual([['2026-10-15', 4.25], ['2026-09-30', 3.5], ['2026-09-30', 3.5], null, ['2026-09-30', 1.75]]);
    // Met: the next open one comes up.
    const met = portfolioEdits.addActual.perform(book, { place: 1, metric: 0, actual: { date: '2026-12-20', value: 'report accepted', status: 'met' } });
    expect(portfolioRows(met, entries, null)[1]!.nextMetric?.metric).toBe('Clinical bridging samples');
  });

  it('names our side by its party name, never the id; the id only when the deal could not be read', () => {
    const root = resolve(import.meta.dirname, '..', '..', '..', 'resources', 'examples');
    const read = entries.map((e) => ({ ...e, deal: JSON.parse(readFileSync(join(root, e.file), 'utf8')) as Deal }));
    expect(portfolioRows(book, read, null).map((r) => r.role)).toEqual(['Helix Bio', 'Helix Bio', 'Solara Technologies', 'Ledgerly', 'Solara Technologies']);
    expect(book.deals.map((d) => d.party)).not.toContain('Helix Bio');
    expect(portfolioRows(book, entries, null).map((r) => r.role)).toEqual(book.deals.map((d) => d.party));
  });

  it('rounds the value-against-risk axes out to a round step, with room beyond the largest value', () => {
    expect(paddedRange([64.18, 18, 12.1, 4.4, 2.2], 0.2)).toEqual({ min: 0, max: 80 });
    expect(paddedRange([-12, 30])).toEqual({ min: -20, max: 40 });
    expect(paddedRange([0.37])).toEqual({ min: 0, max: 0.45 });
    for (const values of [[77.016], [-3.3, 181.2], [1234.5, 9.9], [-0.004]]) {
      const { min, max } = paddedRange(values);
      expect(max).toBeGreaterThan(Math.max(0, ...values));
      expect(min).toBeLessThanOrEqual(Math.min(0, ...values));
      const step = 10 ** Math.floor(Math.log10(max - min)) / 2;
      expect(Number.isInteger(Number((max / step).toPrecision(12)))).toBe(true);
    }
  });

  it('sorts by any column, rows without a figure last in both directions', () => {
    const rows = portfolioRows(book, entries, null).map((r, i) => ({ ...r, mean: [5, null, -2, 9, 1][i]! }));
    expect(sortRows(rows, { column: 'mean', descending: true }).map((r) => r.mean)).toEqual([9, 5, 1, -2, null]);
    expect(sortRows(rows, { column: 'mean', descending: false }).map((r) => r.mean)).toEqual([-2, 1, 5, 9, null]);
    expect(sortRows(rows, { column: 'health', descending: true }).map((r) => r.place)).toEqual([0, 1, 2, 4, 3]);
    expect(sortRows(rows, { column: 'stage', descending: false }).map((r) => r.stage)).toEqual(['identified', 'negotiating', 'negotiating', 'live', 'exiting']);
    expect(sortRows(rows, null).map((r) => r.place)).toEqual([0, 1, 2, 3, 4]);
  });

  it('edits change only what they name, and the result still validates', () => {
    let next = portfolioEdits.setStage.perform(book, { place: 4, stage: 'closed' });
    next = portfolioEdits.setOwner.perform(next, { place: 3, owner: '' });
    next = portfolioEdits.setHealthScore.perform(next, { place: 1, index: 0, dimension: 'governance', score: null });
    next = portfolioEdits.addHealthCheck.perform(next, { place: 3, check: { date: '2026-12-01', scores: { strategic: 3 } } });
    next = portfolioEdits.trackMetric.perform(next, { place: 3, horizon: '3 years', metric: 'Integration adoption', due: '2030-01' });
    next = portfolioEdits.removeActual.perform(next, { place: 4, metric: 0, index: 0 });
    next = portfolioEdits.setMetricDue.perform(next, { place: 0, metric: 1, due: '' });
    expect(next.deals[4]!.stage).toBe('closed');
    expect('owner' in next.deals[3]!).toBe(false);
    expect(next.deals[1]!.health![0]!.scores).toEqual({ strategic: 4, operational: 4, relationship: 5 });
    expect(next.deals[3]!.health).toEqual([{ date: '2026-12-01', scores: { strategic: 3 } }]);
    expect(next.deals[3]!.metrics!.at(-1)).toEqual({ horizon: '3 years', metric: 'Integration adoption', due: '2030-01' });
    expect(next.deals[4]!.metrics![0]!.actuals).toEqual([]);
    expect('due' in next.deals[0]!.metrics![1]!).toBe(false);
    // Untouched entries are the same objects: nothing else changed.
    expect(next.deals[2]).toBe(book.deals[2]);
    expect(validateDealbook(next).ok).toBe(true);
    expect(portfolioEdits.setTitle.perform(book, { title: '  ' })).toBe(book);
  });
});
