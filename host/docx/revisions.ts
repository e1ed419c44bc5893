/**
 * Content spans as Word runs, with tracked changes: a span marked `ins` or
 * `del` becomes a w:ins / w:del revision by "Dealwright" dated at export, so
 * lawyers accept or reject each change in Word's Review pane as usual.
 */
import { DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from 'docx';
import type { Span } from '../../shared/termsheet/content';
import { sanitizeText } from '../../shared/termsheet/sanitize';

export const REVISION_AUTHOR = 'Dealwright';

/** Hands out revision ids (unique per document, as Word requires) and stamps the date. */
export class RevisionStamp {
  private next = 1;
  constructor(readonly date: string) {}
  take(): { id: number; author: string; date: string } {
    return { id: this.next++, author: REVISION_AUTHOR, date: this.date };
  }
}

export function spanRuns(spans: readonly Span[], revisions: RevisionStamp, extra: { bold?: boolean } = {}): ParagraphChild[] {
  return spans
    .filter((s) => s.text.length > 0)
    .map((s) => {
      // The content builder sanitizes already; this guards the writer against any other caller.
      const options = { text: sanitizeText(s.text).replace(/\n/g, ' '), bold: s.bold ?? extra.bold, italics: s.italic };
      if (s.change === 'ins') return new InsertedTextRun({ ...options, ...revisions.take() });
      if (s.change === 'del') return new DeletedTextRun({ ...options, ...revisions.take() });
      return new TextRun(options);
    });
}
