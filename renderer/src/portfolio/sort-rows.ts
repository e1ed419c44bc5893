/**
 * How the table of deals sorts: by the column's value, rows without one last
 * whichever the direction, equal values in the portfolio's own order.
 */
import { STAGES } from '../../../shared/portfolio/schema';
import { healthScore, type PortfolioRow } from '../../../shared/portfolio/table';

/** The columns the table sorts by. */
export type SortColumn = 'title' | 'counterparty' | 'stage' | 'owner' | 'role' | 'mean' | 'pAboveWalkAway' | 'next' | 'health';

/** The value a column sorts by; rows without one sort last whichever the direction. */
function sortValue(row: PortfolioRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'mean':
      return row.mean;
    case 'pAboveWalkAway':
      return row.pAboveWalkAway;
    case 'health':
      return row.health ? healthScore(row.health) : null;
    case 'stage':
      return STAGES.indexOf(row.stage);
    case 'next':
      return row.nextMetric?.due ?? null;
    default:
      return row[column].toLowerCase() || null;
  }
}

export function sortRows(rows: readonly PortfolioRow[], sort: { column: SortColumn; descending: boolean } | null): PortfolioRow[] {
  if (!sort) return [...rows];
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    if (x === null || y === null) return x === y ? a.place - b.place : x === null ? 1 : -1;
    // Equal values keep the portfolio's order, whichever the direction.
    if (x === y) return a.place - b.place;
    return (x < y ? -1 : 1) * (sort.descending ? -1 : 1);
  });
}

