/**
 * Table differences for a redline: rows lined up by their keys (a payment's
 * term id, a party), or, for tier tables, by their bands, so inserting a tier
 * in the middle reads as one added band and never as a cascade of rate cuts
 * that did not happen. Whole rows added or removed are tracked as rows; a
 * changed row is compared cell by cell. The summary names only real changes:
 * a band limit that moves only because a neighbouring band was added is not
 * listed, the new band is.
 *
 * Intentionally has no platform imports.
 */
import { diffArrays } from 'diff';
import type { Block, TableBlock, TableRow } from './content';
import { spansText } from './content';
import { changed, mark, spansDiff } from './redline-text';

export const ARROW = '→';

export interface SummaryLines {
  add(line: string): void;
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Whether two cell texts say the same thing in a different style: the same
 * words and the same figures, only written with more or fewer decimals ("7%"
 * and "7.0%", when a column takes the style of a new figure). The document
 * still tracks the change (Reject All must give the old text back); the
 * summary, which lists only real changes, leaves it out.
 */
export function sameFigures(a: string, b: string): boolean {
  const FIGURE = /\d+(?:[.,]\d+)*/g;
  const words = (t: string) => t.replace(FIGURE, '#');
  const values = (t: string) => (t.match(FIGURE) ?? []).map((f) => Number(f.replace(/,/g, '')));
  const x = values(a);
  const y = values(b);
  return words(a) === words(b) && x.length === y.length && x.every((v, i) => v === y[i]);
}

export function markTable(t: TableBlock, change: 'ins' | 'del', moved = false): TableBlock {
  return { ...t, change, ...(moved ? { moved } : {}), rows: t.rows.map((r) => ({ ...r, change, cells: r.cells.map((c) => mark(c, change)) })) };
}

function rowName(table: TableBlock, row: TableRow): string {
  const label = spansText(row.cells[0] ?? []).trim() || row.key;
  return table.rowsNamed ? label : `${table.title}, ${label}`;
}

/** How well an old tier matches a new one: the same band; one bound and the same rate; one bound; the same rate; not at all. */
function bandScore(o: NonNullable<TableRow['band']>, n: NonNullable<TableRow['band']>): number {
  if (o.lower === n.lower && o.upper === n.upper) return 4;
  const bound = o.lower === n.lower || o.upper === n.upper;
  if (bound && o.value === n.value) return 3;
  if (bound) return 2;
  return o.value === n.value ? 1 : 0;
}

/** Pairs of (old index, new index) in order, maximising the summed band scores (an alignment by dynamic programming). */
function alignBands(oldRows: readonly TableRow[], newRows: readonly TableRow[]): [number | undefined, number | undefined][] {
  const m = oldRows.length;
  const n = newRows.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const s = bandScore(oldRows[i]!.band!, newRows[j]!.band!);
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s > 0 ? s + best[i + 1]![j + 1]! : -1);
    }
  }
  const out: [number | undefined, number | undefined][] = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n) {
      const s = bandScore(oldRows[i]!.band!, newRows[j]!.band!);
      if (s > 0 && best[i]![j] === s + best[i + 1]![j + 1]!) {
        out.push([i++, j++]);
        continue;
      }
      // Removals before insertions at the same place, as a lawyer reads a replaced band.
      if (best[i]![j] === best[i + 1]![j]) out.push([i++, undefined]);
      else out.push([undefined, j++]);
    } else if (i < m) out.push([i++, undefined]);
    else out.push([undefined, j++]);
  }
  return out;
}

/** Pairs of rows by key (a diff of the key lists, so order is kept). */
function alignKeys(oldRows: readonly TableRow[], newRows: readonly TableRow[]): [number | undefined, number | undefined][] {
  const out: [number | undefined, number | undefined][] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(oldRows.map((r) => r.key), newRows.map((r) => r.key))) {
    for (const _key of part.value) {
      if (part.removed) out.push([i++, undefined]);
      else if (part.added) out.push([undefined, j++]);
      else out.push([i++, j++]);
    }
  }
  return out;
}

function isBanded(t: TableBlock): boolean {
  return t.rows.length > 0 && t.rows.every((r) => r.band);
}

export function diffTable(oldT: TableBlock, newT: TableBlock, summary: SummaryLines): Block[] {
  const headers = (t: TableBlock) => t.columns.map((c) => c.header).join('\u0000');
  if (headers(oldT) !== headers(newT)) {
    summary.add(`${newT.title}: table restructured`);
    return [markTable(oldT, 'del'), markTable(newT, 'ins')];
  }
  const banded = isBanded(oldT) && isBanded(newT);
  const pairs = banded ? alignBands(oldT.rows, newT.rows) : alignKeys(oldT.rows, newT.rows);
  const rows: TableRow[] = [];
  for (const [oi, ni] of pairs) {
    if (ni === undefined) {
      const r = oldT.rows[oi!]!;
      rows.push({ ...r, change: 'del', cells: r.cells.map((c) => mark(c, 'del')) });
      summary.add(banded ? `${oldT.title}: band ${lower(spansText(r.cells[0]!))} removed (was ${r.band!.value})` : `Removed: ${rowName(oldT, r)}`);
      continue;
    }
    const r = newT.rows[ni]!;
    if (oi === undefined) {
      rows.push({ ...r, change: 'ins', cells: r.cells.map((c) => mark(c, 'ins')) });
      summary.add(banded ? `${newT.title}: band ${lower(spansText(r.cells[0]!))} added at ${r.band!.value}` : `Added: ${rowName(newT, r)}`);
      continue;
    }
    const before = oldT.rows[oi]!;
    const cells = r.cells.map((c, i) => spansDiff(before.cells[i] ?? [], c));
    cells.forEach((c, i) => {
      if (!changed(c)) return;
      const from = spansText(before.cells[i] ?? []);
      const to = spansText(r.cells[i] ?? []);
      if (sameFigures(from, to)) return;
      if (banded) {
        // The band column: only a moved upper limit is this band's own change; a lower limit follows the band above.
        if (i === 0) {
          if (before.band!.upper && r.band!.upper && !sameFigures(before.band!.upper, r.band!.upper)) summary.add(`${newT.title}: band limit ${before.band!.upper} ${ARROW} ${r.band!.upper}`);
          return;
        }
        const column = newT.columns.length > 2 ? `, ${newT.columns[i]!.header}` : '';
        summary.add(`${newT.title}, ${lower(spansText(r.cells[0]!))}${column}: ${from} ${ARROW} ${to}`);
        return;
      }
      const column = newT.columns[i]!;
      const what = i === 0 || column.primary ? rowName(newT, r) : `${rowName(newT, r)}, ${column.header}`;
      summary.add(`${what}: ${from} ${ARROW} ${to}`);
    });
    rows.push({ ...r, cells });
  }
  return [{ ...newT, rows }];
}

