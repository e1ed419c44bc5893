/**
 * Small builders of term-sheet content that every kind of term uses for its
 * wording and tables (shared/terms/<kind>.ts): headings, paragraphs, lead-ins,
 * table columns and rows, a term's printed name, whether party columns fit
 * side by side, and a period field as a contract date cell.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, NumberOrFormula, Term } from '../model/schema';
import { periodOfValue } from '../format/dates';
import type { Block, Span, TableColumn, TableRow } from './content';
import { plain } from './content';
import { sanitizeLine } from './sanitize';
import { columnsFit, longestWordTwips } from './text-width';
import { contractPeriod, formulaFieldWording } from './triggers';
import { partyName } from './wording';

export const col = (header: string, weight: number, align: TableColumn['align'] = 'left', primary = false): TableColumn => ({
  header,
  weight,
  align,
  ...(primary ? { primary } : {}),
});

export const row = (key: string, cells: string[], band?: TableRow['band']): TableRow => ({ key, cells: cells.map((c) => plain(c)), ...(band ? { band } : {}) });

/** A term's printed name: its label, else its id. */
export const label = (term: { id: string; label?: string | undefined }): string => sanitizeLine(term.label ?? '').trim() || sanitizeLine(term.id);

export function heading(key: string, text: string, level: 1 | 2 = 2): Block {
  return { kind: 'heading', key, level, spans: plain(text) };
}

export function para(key: string, spans: Span[] | string, style: 'body' | 'note' = 'body', keepNext = false): Block {
  return { kind: 'paragraph', key, style, spans: typeof spans === 'string' ? plain(spans) : spans, ...(keepNext ? { keepNext } : {}) };
}

export const leadIn = (key: string, lead: string, text: string): Block => para(key, [{ text: `${lead}: `, bold: true }, { text }]);

/** Whether party columns side by side would break a name: then the table turns, one row per party. */
export function partiesAsColumnsFit(deal: Deal, parties: readonly string[], otherHeaders: readonly string[]): boolean {
  const widths = [...otherHeaders.map((h) => longestWordTwips(h, true)), ...parties.map((p) => Math.max(longestWordTwips(partyName(deal, p), true), longestWordTwips('100.000%')))];
  return parties.length <= 4 && columnsFit(widths);
}

/** A period field ("Contributed", "Exercisable from") in contract words: period 0 is closing or signing. */
export function dateCell(deal: Deal, value: NumberOrFormula | undefined, term: Term, atStart: string): string {
  if (value === undefined) return atStart;
  const first = periodOfValue(deal.timeline, value);
  if (first === undefined) return formulaFieldWording(term);
  if (typeof value === 'number' && first >= deal.timeline.periods) return formulaFieldWording(term);
  if (first <= 0 && typeof value === 'number') return atStart;
  return `In ${contractPeriod(deal, value)}`;
}
