/**
 * Wording differences for a redline: text cut into the tokens a lawyer marks
 * (a figure such as "$25.0M" or "7.125%" whole, a word whole, each punctuation
 * mark on its own, spacing apart), compared token by token. Accepting the
 * insertions and dropping the deletions gives the new text exactly; the
 * reverse gives the old text exactly.
 *
 * Intentionally has no platform imports.
 */
import { diffArrays } from 'diff';
import type { Change, Span } from './content';
import { spansText } from './content';

/** Spacing | figure | word (letters and digits, with inner apostrophes or hyphens) | one punctuation mark. */
const TOKEN = /\s+|[$€£¥]?\d+(?:[.,]\d+)*(?:%|bn|[kM](?![\p{L}\p{N}]))?|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s]/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export const mark = (spans: readonly Span[], change: Change): Span[] => spans.map((s) => ({ ...s, change }));

/** Token-by-token differences of two texts; very long rewrites fall back to delete-all, insert-all. */
export function textDiff(oldText: string, newText: string, base: Omit<Span, 'text'> = {}): Span[] {
  if (oldText === newText) return newText ? [{ ...base, text: newText }] : [];
  const parts = diffArrays(tokens(oldText), tokens(newText), { maxEditLength: 4000, timeout: 2000 });
  if (!parts) return [...(oldText ? [{ ...base, text: oldText, change: 'del' as const }] : []), ...(newText ? [{ ...base, text: newText, change: 'ins' as const }] : [])];
  return parts
    .map((p) => ({ ...base, text: p.value.join(''), ...(p.added ? { change: 'ins' as const } : p.removed ? { change: 'del' as const } : {}) }))
    .filter((s) => s.text.length > 0);
}

/** Spans compared pairwise when their formatting lines up (keeps bold lead-ins), else as plain text. */
export function spansDiff(oldSpans: readonly Span[], newSpans: readonly Span[]): Span[] {
  const aligned = oldSpans.length === newSpans.length && oldSpans.every((s, i) => !!s.bold === !!newSpans[i]!.bold && !!s.italic === !!newSpans[i]!.italic);
  if (aligned) return newSpans.flatMap((s, i) => textDiff(oldSpans[i]!.text, s.text, { bold: s.bold, italic: s.italic }));
  return textDiff(spansText(oldSpans), spansText(newSpans));
}

export const changed = (spans: readonly Span[]): boolean => spans.some((s) => s.change);

/**
 * A short quote of what changed in a wording ("exclusive → non-exclusive",
 * added “…”), one per place that changed (at most three), or undefined when
 * the changes are long or many.
 */
export function wordingChange(spans: readonly Span[], arrow: string): string | undefined {
  const groups: { del: string; ins: string }[] = [];
  let open = false;
  for (const s of spans) {
    if (!s.change) {
      open = false;
      continue;
    }
    if (!open) groups.push({ del: '', ins: '' });
    open = true;
    groups[groups.length - 1]![s.change] += s.text;
  }
  if (groups.length === 0 || groups.length > 3) return undefined;
  const phrases = groups.map(({ del, ins }) => {
    const [d, i] = [del.trim(), ins.trim()];
    if (d.length > 40 || i.length > 40) return undefined;
    if (!d) return `added “${i}”`;
    if (!i) return `deleted “${d}”`;
    return `${d} ${arrow} ${i}`;
  });
  return phrases.every((p) => p !== undefined) ? phrases.join('; ') : undefined;
}

/** How alike two texts are (Dice coefficient on their words): 1 the same words, 0 none shared. */
export function similarity(a: string, b: string): number {
  const words = (t: string) => new Set(tokens(t.toLowerCase()).filter((w) => /[\p{L}\p{N}]/u.test(w)));
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}
