/**
 * The redline: the term sheet of the new terms with every difference from the
 * old terms marked as an insertion or a deletion, plus a short summary of the
 * changes for the top of the document ("Upfront payment: $25.0M → $40.0M").
 *
 * Both sides are built with the counterparty audience (a redline is what goes
 * back and forth between the parties), then compared block by block using the
 * blocks' stable keys; tables are compared row by row (by row key) and cell by
 * cell; wording is compared word by word.
 *
 * Intentionally has no platform imports.
 */
import { diffArrays } from 'diff';
import type { Problem } from '../api';
import type { Deal } from '../model/schema';
import { buildTermSheet } from './build';
import type { Block, Change, Span, TableBlock, TableRow, TermSheetDoc } from './content';
import { spansText } from './content';

export interface RedlineSide {
  deal: Deal;
  fileName: string;
  scenarioId?: string;
  contentHash: string;
}

export interface RedlineOptions {
  appVersion: string;
  date: Date;
}

export type RedlineBuild = { ok: true; doc: TermSheetDoc } | { ok: false; problems: Problem[] };

const ARROW = '→';

const mark = (spans: readonly Span[], change: Change): Span[] => spans.map((s) => ({ ...s, change }));

/** Whitespace-separated words with their spacing: a figure such as "$25.0M" changes as a whole, as a lawyer would mark it. */
function words(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

/** Word-by-word differences of two texts; very long rewrites fall back to delete-all, insert-all. */
function textDiff(oldText: string, newText: string, base: Omit<Span, 'text'> = {}): Span[] {
  if (oldText === newText) return [{ ...base, text: newText }];
  const parts = diffArrays(words(oldText), words(newText), { maxEditLength: 4000, timeout: 2000 });
  if (!parts) return [{ ...base, text: oldText, change: 'del' }, { ...base, text: newText, change: 'ins' }];
  return parts.map((p) => ({ ...base, text: p.value.join(''), ...(p.added ? { change: 'ins' as const } : p.removed ? { change: 'del' as const } : {}) }));
}

/** Spans compared pairwise when their formatting lines up (keeps bold lead-ins), else as plain text. */
function spansDiff(oldSpans: readonly Span[], newSpans: readonly Span[]): Span[] {
  const aligned = oldSpans.length === newSpans.length && oldSpans.every((s, i) => !!s.bold === !!newSpans[i]!.bold && !!s.italic === !!newSpans[i]!.italic);
  if (aligned) return newSpans.flatMap((s, i) => textDiff(oldSpans[i]!.text, s.text, { bold: s.bold, italic: s.italic }));
  return textDiff(spansText(oldSpans), spansText(newSpans));
}

const changed = (spans: readonly Span[]) => spans.some((s) => s.change);

/** A short quote of what changed in a wording: the deleted and inserted words when they are few. */
function wordingChange(spans: readonly Span[]): string | undefined {
  const del = spans.filter((s) => s.change === 'del').map((s) => s.text.trim());
  const ins = spans.filter((s) => s.change === 'ins').map((s) => s.text.trim());
  const short = (xs: string[]) => xs.length <= 1 && xs.join('').length <= 40;
  if (!short(del) || !short(ins)) return undefined;
  return `${del[0] || '(nothing)'} ${ARROW} ${ins[0] || '(removed)'}`;
}

function markBlock(block: Block, change: Change): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
    case 'listItem':
      return { ...block, spans: mark(block.spans, change), change };
    case 'table':
      return { ...block, change, rows: block.rows.map((r) => ({ ...r, change, cells: r.cells.map((c) => mark(c, change)) })) };
    default:
      return block;
  }
}

class Summary {
  readonly lines: string[] = [];
  add(line: string): void {
    if (!this.lines.includes(line)) this.lines.push(line);
  }
}

function rowName(table: TableBlock, row: TableRow): string {
  const label = spansText(row.cells[0] ?? []).trim() || row.key;
  return table.rowsNamed ? label : `${table.title}, ${label}`;
}

function diffTable(oldT: TableBlock, newT: TableBlock, summary: Summary): Block[] {
  const headers = (t: TableBlock) => t.columns.map((c) => c.header).join('\u0000');
  if (headers(oldT) !== headers(newT)) {
    summary.add(`${newT.title}: table restructured`);
    return [markBlock(oldT, 'del'), markBlock(newT, 'ins')];
  }
  const oldRows = new Map(oldT.rows.map((r) => [r.key, r]));
  const rows: TableRow[] = [];
  for (const part of diffArrays(oldT.rows.map((r) => r.key), newT.rows.map((r) => r.key))) {
    for (const key of part.value) {
      if (part.removed) {
        const r = oldRows.get(key)!;
        rows.push({ ...r, change: 'del', cells: r.cells.map((c) => mark(c, 'del')) });
        summary.add(`Removed: ${rowName(oldT, r)}`);
        continue;
      }
      const r = newT.rows.find((x) => x.key === key)!;
      if (part.added) {
        rows.push({ ...r, change: 'ins', cells: r.cells.map((c) => mark(c, 'ins')) });
        summary.add(`Added: ${rowName(newT, r)}`);
        continue;
      }
      const before = oldRows.get(key)!;
      const cells = r.cells.map((c, i) => spansDiff(before.cells[i] ?? [], c));
      cells.forEach((c, i) => {
        if (!changed(c)) return;
        const column = newT.columns[i]!;
        const from = spansText(before.cells[i] ?? []);
        const to = spansText(r.cells[i] ?? []);
        const what = i === 0 || column.primary ? rowName(newT, r) : `${rowName(newT, r)}, ${column.header}`;
        summary.add(`${what}: ${from} ${ARROW} ${to}`);
      });
      rows.push({ ...r, cells });
    }
  }
  return [{ ...newT, rows }];
}

/** The new blocks with the old ones' differences marked, in reading order, and the summary filled in. */
export function diffBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], summary: Summary = new Summary()): Block[] {
  const oldByKey = new Map(oldBlocks.map((b) => [b.key, b]));
  const newByKey = new Map(newBlocks.map((b) => [b.key, b]));
  const out: Block[] = [];
  let section = '';
  // Inside a section that is itself added or removed, its heading's line says it all.
  let wholeSection: Change | undefined;
  const noteSection = (b: Block, change?: Change) => {
    if (b.kind !== 'heading') return;
    section = spansText(b.spans);
    wholeSection = change;
  };
  for (const part of diffArrays(oldBlocks.map((b) => b.key), newBlocks.map((b) => b.key))) {
    for (const key of part.value) {
      if (part.removed || part.added) {
        const b = (part.removed ? oldByKey : newByKey).get(key)!;
        const change: Change = part.removed ? 'del' : 'ins';
        noteSection(b, change);
        const verb = part.removed ? 'Removed' : 'Added';
        if (b.kind === 'heading') summary.add(`${verb}: ${spansText(b.spans)}`);
        else if (wholeSection === change) {
          // Already summarised by its section's heading.
        } else if (b.kind === 'table') summary.add(`${verb}: ${b.title}`);
        else if (b.kind !== 'pageBreak' && b.kind !== 'chart') summary.add(`${section || 'Text'}: wording ${part.removed ? 'removed' : 'added'}`);
        out.push(markBlock(b, part.removed ? 'del' : 'ins'));
        continue;
      }
      const before = oldByKey.get(key)!;
      const after = newByKey.get(key)!;
      noteSection(after);
      if (after.kind === 'table' && before.kind === 'table') {
        out.push(...diffTable(before, after, summary));
      } else if ((after.kind === 'heading' || after.kind === 'paragraph' || after.kind === 'listItem') && before.kind === after.kind) {
        const spans = spansDiff(before.spans, after.spans);
        if (changed(spans)) {
          const quote = wordingChange(spans);
          summary.add(`${after.kind === 'heading' ? 'Heading' : section || 'Text'}: ${quote ?? 'wording changed'}`);
        }
        out.push({ ...after, spans });
      } else {
        out.push(markBlock(before, 'del'), markBlock(after, 'ins'));
      }
    }
  }
  return out;
}

export function buildRedline(oldSide: RedlineSide, newSide: RedlineSide, options: RedlineOptions): RedlineBuild {
  const build = (side: RedlineSide) =>
    buildTermSheet(side.deal, {
      audience: 'counterparty',
      scenarioId: side.scenarioId,
      fileName: side.fileName,
      contentHash: side.contentHash,
      appVersion: options.appVersion,
      date: options.date,
    });
  const before = build(oldSide);
  const after = build(newSide);
  const problems: Problem[] = [];
  const sameFile = oldSide.fileName === newSide.fileName;
  if (!before.ok) problems.push(...before.problems.map((p) => ({ ...p, message: `${p.message} (${sameFile ? `scenario "${oldSide.scenarioId ?? 'default'}"` : oldSide.fileName})` })));
  if (!after.ok) problems.push(...after.problems.map((p) => ({ ...p, message: `${p.message} (${sameFile ? `scenario "${newSide.scenarioId ?? 'default'}"` : newSide.fileName})` })));
  if (!before.ok || !after.ok) return { ok: false, problems };
  const summary = new Summary();
  if (before.doc.title !== after.doc.title) summary.add(`Title: ${before.doc.title} ${ARROW} ${after.doc.title}`);
  const blocks = diffBlocks(before.doc.blocks, after.doc.blocks, summary);
  const side = (s: RedlineSide, d: TermSheetDoc) => `${s.fileName} (${d.scenarioName}, deal ${s.contentHash})`;
  return {
    ok: true,
    doc: {
      ...after.doc,
      subtitle: 'Term sheet: redline',
      scenarioName: before.doc.scenarioName === after.doc.scenarioName ? after.doc.scenarioName : `${before.doc.scenarioName} ${ARROW} ${after.doc.scenarioName}`,
      footer: `Redline of ${side(oldSide, before.doc)} ${ARROW} ${side(newSide, after.doc)} · Seed ${newSide.deal.simulation.seed} · Dealwright ${options.appVersion}`,
      changeSummary: summary.lines,
      blocks,
    },
  };
}
