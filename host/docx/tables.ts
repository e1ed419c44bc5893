/**
 * Content tables as Word tables: fixed layout with explicit column widths in
 * twips from the columns' weights, the house table style, a header row that
 * repeats on every page, rows that never split across pages, numbers right-
 * aligned, and inserted or deleted rows marked as tracked row changes.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Change, TableBlock } from '../../shared/termsheet/content';
import { type RevisionStamp, spanRuns } from './revisions';
import { STYLE, TABLE_LOOK } from './styles';

/** Column widths in twips summing exactly to `total`. */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A whole row inserted or deleted is a tracked row change, so accepting it adds or removes the row itself. */
function rowRevision(change: Change | undefined, revisions: RevisionStamp) {
  if (change === 'ins') return { insertion: revisions.take() };
  if (change === 'del') return { deletion: revisions.take() };
  return {};
}

export function wordTable(block: TableBlock, contentWidth: number, revisions: RevisionStamp): Table {
  const widths = columnWidths(block.columns.map((c) => c.weight), contentWidth);
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
          children: [new Paragraph({ style: STYLE.tableHeader, alignment: align(i), children: spanRuns([{ text: c.header, change: block.change }], revisions) })],
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
              children: [new Paragraph({ style: STYLE.tableText, alignment: align(i), children: spanRuns(r.cells[i] ?? [], revisions) })],
            }),
        ),
      }),
  );
  return new Table({
    borders: TABLE_LOOK.borders,
    margins: TABLE_LOOK.cellMargins,
    layout: TableLayoutType.FIXED,
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows],
  });
}
