/**
 * The data behind a chart as a plain table: what screen readers get instead of
 * the canvas, what "Save data as CSV" writes, and what the Word appendix could
 * print under a figure. Cells are raw numbers (full precision) or text; display
 * formatting is the caller's business so the CSV stays machine-readable.
 *
 * Intentionally has no platform imports.
 */

export type Cell = string | number | null;

/** How a column's numbers read on screen (the CSV always keeps the raw number). */
export type ColumnKind = 'text' | 'money' | 'probability' | 'percent' | 'number';

export interface ChartTable {
  /** One sentence saying what the table holds, e.g. "Helix Bio NPV distribution, USD million". */
  caption: string;
  columns: string[];
  /** One per column; missing means plain numbers. */
  kinds?: ColumnKind[];
  rows: Cell[][];
}

/** RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
export function tableToCsv(table: ChartTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  // Full round-trip precision: a spreadsheet user re-deriving a figure must get the same number.
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  // A leading = + - @ would be run as a formula by Excel: prefix text cells with a quote mark.
  const safe = typeof cell === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A file name for exports: the caption reduced to safe characters. */
export function exportFileName(caption: string, extension: 'csv' | 'png' | 'svg'): string {
  const base = caption
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return `${base || 'dealwright-chart'}.${extension}`;
}
