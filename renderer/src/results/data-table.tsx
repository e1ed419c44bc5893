/**
 * A chart's data as an HTML table: read by screen readers in place of the
 * canvas, shown on demand, and exported as CSV from its context menu.
 */
import type { ChartTable, Cell, ColumnKind } from '../../../shared/charts/chart-table';
import type { MoneyFormat } from '../../../shared/format/money';
import { formatPercent } from '../../../shared/format/percent';
import { formatPlain } from '../../../shared/format/by-kind';
import { formatProbability, formatStatMoney } from './results-format';

export function formatCell(cell: Cell, kind: ColumnKind | undefined, money: MoneyFormat): string {
  if (cell === null) return '–';
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'money':
      return formatStatMoney(cell, money);
    case 'probability':
      return formatProbability(cell);
    case 'percent':
      return formatPercent(cell);
    default:
      return formatPlain(cell);
  }
}

/**
 * `className` goes on a wrapper, not the table: a table ignores the 1-pixel box that hides it from sight
 * (it always grows to its rows), so a hidden table of many rows would stretch its scrolling pane.
 */
export function DataTable({ table, money, className }: { table: ChartTable; money: MoneyFormat; className?: string }) {
  const body = (
    <table className="data-table">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row">
                  {formatCell(cell, table.kinds?.[c], money)}
                </th>
              ) : (
                <td key={c}>{formatCell(cell, table.kinds?.[c], money)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return className ? <div className={className}>{body}</div> : body;
}
