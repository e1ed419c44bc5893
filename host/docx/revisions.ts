/**
 * Content spans as Word runs, with tracked changes: a span marked `ins` or
 * `del` becomes a w:ins / w:del revision, by the user (their name from the
 * settings or `--author`, never the tool), dated at export, so lawyers
 * accept or reject each change in Word's Review pane as usual. A moved block
 * becomes Word's moved text (w:moveFrom / w:moveTo inside named move
 * ranges): docx cannot write those, so they are written as insertions and
 * deletions with ids this module remembers, and `withMoves` rewrites them in
 * document.xml after packing.
 */
import { DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from 'docx';
import type { Span } from '../../shared/termsheet/content';
import { sanitizeText } from '../../shared/termsheet/sanitize';

interface MovedParagraph {
  kind: 'from' | 'to';
  name: string;
  /** The revision id of the paragraph's mark, which finds the paragraph in document.xml. */
  markId: number;
}

/** Hands out revision ids (unique per document, as Word requires), stamps author and date, and remembers moves. */
export class RevisionStamp {
  private next = 1;
  private readonly moveIds = new Map<number, 'from' | 'to'>();
  private readonly moved: MovedParagraph[] = [];
  constructor(
    readonly date: string,
    readonly author: string,
  ) {}

  take(move?: 'from' | 'to'): { id: number; author: string; date: string } {
    const id = this.next++;
    if (move) this.moveIds.set(id, move);
    return { id, author: this.author, date: this.date };
  }

  /** Records a moved paragraph (its mark's revision id) as one half of the move named `name`. */
  movedParagraph(kind: 'from' | 'to', name: string, markId: number): void {
    this.moved.push({ kind, name, markId });
  }

  /**
   * document.xml with the moved revisions turned into Word's moved text and
   * each moved paragraph wrapped in its named move range, at body level (as
   * Word writes it, and as LibreOffice needs it to accept or reject a move whole).
   */
  withMoves(xml: string): string {
    if (this.moveIds.size === 0) return xml;
    const tag = (kind: 'from' | 'to') => (kind === 'from' ? 'w:moveFrom' : 'w:moveTo');
    let out = xml.replace(/<w:(ins|del) w:id="(\d+)"([^>]*?)(\/?)>/g, (whole, _k: string, id: string, attrs: string, selfClosing: string) => {
      const move = this.moveIds.get(Number(id));
      if (!move) return whole;
      return `<${tag(move)} w:id="${id}"${attrs}${selfClosing}>`;
    });
    // Closing tags and deleted text inside moved-from runs (revisions do not nest, so the first closing tag is the one).
    out = out.replace(/<(w:moveFrom|w:moveTo) w:id="(\d+)"([^>]*?[^/])>([\s\S]*?)<\/w:(ins|del)>/g, (_whole, name: string, id: string, attrs: string, inner: string) => {
      const body = name === 'w:moveFrom' ? inner.replace(/<w:delText/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>') : inner;
      return `<${name} w:id="${id}"${attrs}>${body}</${name}>`;
    });
    let rangeId = this.next + 1000;
    for (const m of this.moved) {
      const at = out.indexOf(`<${tag(m.kind)} w:id="${m.markId}"`);
      if (at < 0) continue;
      const start = Math.max(out.lastIndexOf('<w:p>', at), out.lastIndexOf('<w:p ', at));
      const end = out.indexOf('</w:p>', at) + '</w:p>'.length;
      const range = m.kind === 'from' ? 'moveFromRange' : 'moveToRange';
      const id = rangeId++;
      const open = `<w:${range}Start w:id="${id}" w:author="${escapeAttr(this.author)}" w:date="${this.date}" w:name="${m.name}"/>`;
      out = `${out.slice(0, start)}${open}${out.slice(start, end)}<w:${range}End w:id="${id}"/>${out.slice(end)}`;
    }
    return out;
  }
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface RunOptions {
  bold?: boolean;
  /** The runs are a moved paragraph: its insertions are moved-to text, its deletions moved-from text. */
  moved?: boolean;
  /** Font size in half-points, when a table shrinks its text to keep every figure whole. */
  size?: number;
}

export function spanRuns(spans: readonly Span[], revisions: RevisionStamp, extra: RunOptions = {}): ParagraphChild[] {
  return spans
    .filter((s) => s.text.length > 0)
    .map((s) => {
      // The content builder sanitizes already; this guards the writer against any other caller.
      const options = { text: sanitizeText(s.text).replace(/\n/g, ' '), bold: s.bold ?? extra.bold, italics: s.italic, ...(extra.size ? { size: extra.size } : {}) };
      if (s.change === 'ins') return new InsertedTextRun({ ...options, ...revisions.take(extra.moved ? 'to' : undefined) });
      if (s.change === 'del') return new DeletedTextRun({ ...options, ...revisions.take(extra.moved ? 'from' : undefined) });
      return new TextRun(options);
    });
}
