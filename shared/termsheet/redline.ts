/**
 * The redline: the term sheet of the new terms with every difference from the
 * old terms tracked, as a lawyer expects to accept or reject it in Word, plus
 * a summary of the real changes at the top ("Upfront payment: $25.0M →
 * $40.0M").
 *
 * Both sides are built for the counterparty (a redline is what goes back and
 * forth between the parties), through the same gate as any counterparty
 * document, then compared block by block using the blocks' stable keys:
 * - a paragraph, heading or section added or removed is tracked whole,
 *   paragraph marks included, so Accept All gives exactly the new version
 *   and Reject All exactly the old one, with no empty numbered heading left;
 * - a section that only changed place is shown as moved (Word's moved text);
 * - a section whose heading was reworded is matched to its old self when its
 *   text is mostly the same, so the heading change shows, not a new section;
 * - tables are compared row by row (tiers by their bands, redline-tables.ts)
 *   and cell by cell, wording token by token (redline-text.ts).
 *
 * Nothing internal of either side reaches the document: no scenario or round
 * name, no file name, no seed, no tool name.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import { diffArrays } from 'diff';
import type { Problem } from '../api';
import type { Deal } from '../model/schema';
import type { MoneyStyle } from '../format/contract-figures';
import { buildTermSheet, draftLabel, DRAFT_SEPARATOR } from './build';
import type { Block, Change, TermSheetDoc } from './content';
import { spansText } from './content';
import { ARROW, diffTable, markTable } from './redline-tables';
import { changed, mark, similarity, spansDiff, wordingChange } from './redline-text';

export interface RedlineSide {
  deal: Deal;
  /** For messages to the user only; never printed. */
  fileName: string;
  scenarioId?: string;
  contentHash: string;
}

export interface RedlineOptions {
  appVersion: string;
  date: Date;
  /** The new draft's label ("Draft 2"); "Draft 1" by default. */
  draft?: string;
  moneyStyle?: MoneyStyle;
}

export type RedlineBuild = Result<{ doc: TermSheetDoc }>;

function markBlock(block: Block, change: Change, moved = false): Block {
  const flag = moved ? { moved } : {};
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
    case 'listItem':
      return { ...block, spans: mark(block.spans, change), change, ...flag };
    case 'table':
      return markTable(block, change, moved);
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

const isSection = (b: Block) => b.kind === 'heading' && b.level === 1;
const quoted = (b: Block) => `“${b.kind === 'heading' ? spansText(b.spans) : b.key}”`;

/** A section's key and the text of its blocks (for matching a reworded heading). */
function sections(blocks: readonly Block[]): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const b of blocks) {
    if (isSection(b)) out.push({ key: b.key, text: '' });
    else if (out.length && 'spans' in b) out[out.length - 1]!.text += ` ${spansText(b.spans)}`;
  }
  return out;
}

/**
 * Old blocks with the keys of sections whose heading was reworded changed to
 * the new keys: a section removed and one added at the same place, with
 * mostly the same text, are one section whose heading changed.
 */
function followRenamedSections(oldBlocks: readonly Block[], newBlocks: readonly Block[]): Block[] {
  const before = sections(oldBlocks).filter((s) => s.key.startsWith('section:'));
  const after = sections(newBlocks).filter((s) => s.key.startsWith('section:'));
  const renames = new Map<string, string>();
  const taken = new Set(oldBlocks.map((b) => b.key));
  let removed: typeof before = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(before.map((s) => s.key), after.map((s) => s.key))) {
    if (part.removed) {
      removed = before.slice(i, i + part.value.length);
      i += part.value.length;
      continue;
    }
    if (part.added) {
      const added = after.slice(j, j + part.value.length);
      added.forEach((s, k) => {
        const old = removed[k];
        if (old && !taken.has(s.key) && similarity(old.text, s.text) >= 0.5) renames.set(old.key, s.key);
      });
      j += part.value.length;
    } else {
      i += part.value.length;
      j += part.value.length;
    }
    removed = [];
  }
  if (renames.size === 0) return [...oldBlocks];
  return oldBlocks.map((b) => {
    for (const [from, to] of renames) {
      if (b.key === from || b.key.startsWith(`${from}:`)) return { ...b, key: to + b.key.slice(from.length) };
    }
    return b;
  });
}

/** The new blocks with the old ones' differences tracked, in reading order, and the summary filled in. */
export function diffBlocks(oldInput: readonly Block[], newBlocks: readonly Block[], summary: Summary = new Summary()): Block[] {
  const oldBlocks = followRenamedSections(oldInput, newBlocks);
  const oldByKey = new Map(oldBlocks.map((b) => [b.key, b]));
  const newByKey = new Map(newBlocks.map((b) => [b.key, b]));
  const parts = diffArrays(oldBlocks.map((b) => b.key), newBlocks.map((b) => b.key));
  const gone = new Set(parts.filter((p) => p.removed).flatMap((p) => p.value));
  const moved = new Set(parts.filter((p) => p.added).flatMap((p) => p.value).filter((k) => gone.has(k)));
  const out: Block[] = [];
  let section = '';
  // Inside a section that is itself added, removed or moved, its heading's line says it all.
  let wholeSection: string | undefined;
  for (const part of parts) {
    for (const key of part.value) {
      if (part.removed || part.added) {
        const change: Change = part.removed ? 'del' : 'ins';
        const b = (part.removed ? oldByKey : newByKey).get(key)!;
        const isMove = moved.has(key);
        const how = isMove ? 'moved' : change;
        if (isSection(b)) {
          section = spansText((b as Block & { spans: [] }).spans);
          wholeSection = how;
          summary.add(isMove ? `Moved: section ${quoted(b)}` : `${part.removed ? 'Removed' : 'Added'}: section ${quoted(b)}`);
        } else if (wholeSection !== how) {
          if (b.kind === 'heading') summary.add(`${isMove ? 'Moved' : part.removed ? 'Removed' : 'Added'}: ${spansText(b.spans)}`);
          else if (b.kind === 'table') summary.add(`${isMove ? 'Moved' : part.removed ? 'Removed' : 'Added'}: ${b.title}`);
          else if (b.kind !== 'pageBreak' && b.kind !== 'chart') summary.add(`${section || 'Text'}: paragraph ${isMove ? 'moved' : part.removed ? 'removed' : 'added'}`);
        }
        out.push(markBlock(b, change, isMove));
        continue;
      }
      const before = oldByKey.get(key)!;
      const after = newByKey.get(key)!;
      if (isSection(after)) {
        section = spansText((after as Block & { spans: [] }).spans);
        wholeSection = undefined;
      }
      if (after.kind === 'table' && before.kind === 'table') {
        out.push(...diffTable(before, after, summary));
      } else if ((after.kind === 'heading' || after.kind === 'paragraph' || after.kind === 'listItem') && before.kind === after.kind) {
        const spans = spansDiff(before.spans, after.spans);
        if (changed(spans)) {
          const quote = wordingChange(spans, ARROW);
          summary.add(after.kind === 'heading' ? `Heading: ${spansText(before.spans)} ${ARROW} ${spansText(after.spans)}` : `${section || 'Text'}: ${quote ?? 'wording changed'}`);
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
  const draft = draftLabel(options.draft);
  const build = (side: RedlineSide) =>
    buildTermSheet(side.deal, {
      audience: 'counterparty',
      scenarioId: side.scenarioId,
      fileName: side.fileName,
      contentHash: side.contentHash,
      appVersion: options.appVersion,
      date: options.date,
      draft,
      moneyStyle: options.moneyStyle,
    });
  const before = build(oldSide);
  const after = build(newSide);
  const problems: Problem[] = [];
  const sameFile = oldSide.fileName === newSide.fileName;
  const which = (side: RedlineSide) => (sameFile ? `scenario "${side.scenarioId ?? 'default'}"` : side.fileName);
  if (!before.ok) problems.push(...before.problems.map((p) => ({ ...p, message: `${p.message} (${which(oldSide)})` })));
  if (!after.ok) problems.push(...after.problems.map((p) => ({ ...p, message: `${p.message} (${which(newSide)})` })));
  if (!before.ok || !after.ok) {
    // The same problem in both versions (a draft label, a shared clause) is reported once per version only when they differ.
    return { ok: false, problems: problems.filter((p, i) => problems.findIndex((q) => q.path === p.path && q.message === p.message) === i) };
  }
  const summary = new Summary();
  const title = spansDiff(before.doc.title, after.doc.title);
  if (changed(title)) summary.add(`Title: ${spansText(before.doc.title)} ${ARROW} ${spansText(after.doc.title)}`);
  const blocks = diffBlocks(before.doc.blocks, after.doc.blocks, summary);
  return {
    ok: true,
    doc: {
      ...after.doc,
      title,
      draftLine: [`${draft}, with changes tracked against the previous draft`, after.doc.date, 'Subject to contract'].join(DRAFT_SEPARATOR),
      properties: { ...after.doc.properties, subject: `${draft}, redline` },
      changeSummary: summary.lines,
      blocks,
    },
  };
}
