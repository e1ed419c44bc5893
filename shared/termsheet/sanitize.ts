/**
 * Text from a .deal file made safe for a document: characters XML 1.0 cannot
 * carry (C0 controls other than tab and newline, lone surrogates, U+FFFE/FFFF)
 * are dropped, Windows and old Mac line ends become "\n", and tabs become
 * spaces. A file from a counterparty's tool must never yield a corrupt .docx.
 *
 * Intentionally has no platform imports.
 */

// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(XML_ILLEGAL, '');
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
