/**
 * How wide text is in a table cell, estimated from Arial's advance widths
 * (Word's default sans; LibreOffice uses the metric-identical Liberation Sans),
 * so the term-sheet builder can choose a table's orientation and the docx
 * writer can size columns so that no word and no figure is ever broken.
 *
 * Only ordinary spaces break a line: a figure written with non-breaking
 * spaces ("USD 25 million") counts as one word.
 *
 * Intentionally has no platform imports.
 */

/** The text width of the narrower paper (A4 with 2.5 cm margins), in twips. */
export const NARROWEST_TEXT_WIDTH = 11906 - 2 * 1418;

/** A cell's left and right padding plus a little slack, in twips. */
export const CELL_PADDING_TWIPS = 2 * 90 + 40;

/** Approximate width of a word at `points` in Arial, in twips (advance widths of Arial's glyph classes, rounded up). */
export function wordTwips(word: string, bold = false, points = 9): number {
  let em = 0;
  for (const ch of word) {
    if (/[0-9$€£¥]/.test(ch)) em += 0.556;
    else if (/[.,:;'|!il\u00A0 ]/.test(ch)) em += 0.278;
    else if (/[A-Z%mwMW]/.test(ch)) em += 0.75;
    else em += 0.556;
  }
  return em * points * 20 * (bold ? 1.08 : 1);
}

/** The width in twips of the widest unbreakable word of a text. */
export function longestWordTwips(text: string, bold = false): number {
  return Math.max(0, ...text.split(/[ \t\n]+/).map((w) => wordTwips(w, bold)));
}

/** Whether columns whose longest words are these can all sit side by side in the width without breaking a word. */
export function columnsFit(longestWords: readonly number[], width = NARROWEST_TEXT_WIDTH): boolean {
  return longestWords.reduce((sum, w) => sum + w + CELL_PADDING_TWIPS, 0) <= width;
}
