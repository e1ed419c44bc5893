/**
 * Text from a .deal file made safe for a document: characters XML 1.0 cannot
 * carry (C0 controls other than tab and newline, lone surrogates, U+FFFE/FFFF)
 * are dropped, Windows and old Mac line ends become "\n", and tabs become
 * spaces. A file from a counterparty's tool must never yield a corrupt .docx.
 *
 * Invisible format characters are dropped too: bidirectional embeddings,
 * overrides and isolates (U+202A-202E, U+2066-2069), the directional marks
 * (U+200E/200F, U+061C), zero-width spaces and joiners used to hide text
 * (U+200B, U+2060-2064, U+FEFF), the soft hyphen, the Mongolian vowel separator,
 * C1 controls and Unicode tag characters. With them, received text could read
 * differently on screen than it is stored ("Trojan Source"): an amount or a
 * party could be spoofed. Zero-width (non-)joiners U+200C/200D stay: Persian,
 * Indic scripts and emoji need them.
 *
 * Right-to-left text is not an attack: a paragraph whose first strong
 * character is Hebrew or Arabic is marked right-to-left (isRightToLeft) so Word
 * lays it out as its author wrote it.
 *
 * Intentionally has no platform imports.
 */

// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const INVISIBLE = /[\u0080-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(XML_ILLEGAL, '').replace(INVISIBLE, '');
}

const LETTER = /\p{L}/u;
// Scripts written right to left: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic.
const RTL_SCRIPT = /\p{Script=Hebrew}|\p{Script=Arabic}|\p{Script=Syriac}|\p{Script=Thaana}|\p{Script=Nko}|\p{Script=Samaritan}|\p{Script=Mandaic}/u;

/** Whether a paragraph reads right to left: its first letter is of a right-to-left script (the Unicode bidi rule P2). */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (LETTER.test(ch)) return RTL_SCRIPT.test(ch);
  }
  return false;
}

/** Single-line text (titles, names, table cells): line breaks become spaces. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/\s*\n\s*/g, ' ');
}

/** Paragraphs of a multi-line text: blank lines and stray line breaks separate paragraphs. */
export function splitParagraphs(text: string): string[] {
  return sanitizeText(text)
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
