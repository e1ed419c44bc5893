/**
 * Content tables as Word tables: fixed layout with explicit column widths in
 * twips from the columns' weights (never narrower than a column's longest
 * word or figure, so nothing breaks mid-word), the house table style, a header row that
 * repeats on every page, rows that never split across pages, numbers right-
 * aligned, and inserted or deleted rows marked as tracked row changes.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Change, TableBlock } from '../../shared/termsheet/content';
import { spansText } from '../../shared/termsheet/content';
import { isRightToLeft } from '../../shared/termsheet/sanitize';
import { type RevisionStamp, spanRuns } from './revisions';
import { STYLE, TABLE_LOOK, TABLE_STYLE_ID } from './styles';
import { CELL_PADDING_TWIPS, longestWordTwips } from '../../shared/termsheet/text-width';

/**
 * Column widths in twips summing exactly to `total`: proportional to the
 * weights, but never narrower than the column's longest word (so "Technologies"
 * or "$1,696.5M" is never broken across lines). `longestWords` holds, per column,
 * the twips of its widest word.
 */
export function columnWidths(weights: readonly number[], total: number, longestWords: readonly number[] = []): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => (w / sum) * total);
  const wanted = weights.map((_, i) => Math.min(total / 2, (longestWords[i] ?? 0) + CELL_PADDING_TWIPS));
  // When even the minima do not fit, shrink them together: every column still gets its fair part.
  const fit = Math.min(1, total / (wanted.reduce((a, b) => a + b, 0) || 1));
  const minimum = wanted.map((w) => w * fit);
  for (let pass = 0; pass < weights.length; pass++) {
    const short = widths.map((w, i) => Math.max(0, minimum[i]! - w));
    const need = short.reduce((a, b) => a + b, 0);
    if (need < 1) break;
    // Take the shortfall from the columns with room to spare, in proportion to that room.
    const spare = widths.map((w, i) => (short[i]! > 0 ? 0 : Math.max(0, w - minimum[i]!)));
    const room = spare.reduce((a, b) => a + b, 0);
    if (room <= 0) break;
    const take = Math.min(need, room);
    for (let i = 0; i < widths.length; i++) {
      widths[i] = short[i]! > 0 ? widths[i]! + (short[i]! / need) * take : widths[i]! - (spare[i]! / room) * take;
    }
  }
  const out = widths.map((w) => Math.floor(w));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** A whole row inserted or deleted is a tracked row change, so accepting it adds or removes the row itself. */
function rowRevision(change: Change | undefined, revisions: RevisionStamp) {
  if (change === 'ins') return { insertion: revisions.take() };
  if (change === 'del') return { deletion: revisions.take() };
  return {};
}

/** The table text's size: 9 pt, or smaller (down to 6.5 pt) when a wide table's words and figures would not fit whole at 9 pt. */
export function tableFontPoints(longestWords: readonly number[], total: number): number {
  const words = longestWords.reduce((a, b) => a + b, 0);
  const room = total - longestWords.length * CELL_PADDING_TWIPS;
  if (words <= room) return 9;
  return Math.max(6.5, Math.floor((9 * room * 2) / words) / 2);
}

export function wordTable(block: TableBlock, contentWidth: number, revisions: RevisionStamp): Table {
  const natural = block.columns.map((c, i) =>
    Math.max(longestWordTwips(c.header, true), ...block.rows.map((r) => longestWordTwips((r.cells[i] ?? []).map((s) => s.text).join('')))),
  );
  const points = tableFontPoints(natural, contentWidth);
  const longest = natural.map((w) => (w * points) / 9);
  const size = points < 9 ? { size: points * 2 } : {};
  const widths = columnWidths(
    block.columns.map((c) => c.weight),
    contentWidth,
    longest,
  );
  const align = (i: number) => (block.columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...rowRevision(block.change, revisions),
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: TABLE_LOOK.headerShading,
          children: [new Paragraph({ style: STYLE.tableHeader, alignment: align(i), children: spanRuns([{ text: c.header, change: block.change }], revisions, size) })],
        }),
    ),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        ...rowRevision(r.change, revisions),
        children: block.columns.map(
          (_c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              children: [
                new Paragraph({
                  style: STYLE.tableText,
                  alignment: align(i),
                  ...(isRightToLeft(spansText(r.cells[i] ?? [])) ? { bidirectional: true } : {}),
                  children: spanRuns(r.cells[i] ?? [], revisions, size),
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({
    style: TABLE_STYLE_ID,
    borders: TABLE_LOOK.borders,
    margins: TABLE_LOOK.cellMargins,
    layout: TableLayoutType.FIXED,
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows],
  });
}
