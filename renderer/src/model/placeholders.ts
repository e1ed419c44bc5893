/**
 * What the term-sheet placeholder picker offers: model numbers with the
 * format that reads right (`{{terms.upfront.amount|money}}`,
 * `{{terms.royalty.tiers.0.rate|percent}}`), party names, the deal title, and
 * the free placeholders the deal defines (`{{territory}}`).
 */
import type { Deal } from '../../../shared/model/schema';
import { numberFields, numberKind } from '../../../shared/model/number-fields';

export interface PlaceholderOption {
  token: string;
  label: string;
  group: 'Numbers' | 'Parties' | 'Deal' | 'Free text';
}

/** The format a number path reads best in (number-fields.ts says what it holds). */
export function formatForPath(deal: Deal, path: string): 'money' | 'percent' | null {
  const kind = numberKind(deal, path);
  return kind === 'money' ? 'money' : kind === 'fraction' ? 'percent' : null;
}

export function placeholderOptions(deal: Deal): PlaceholderOption[] {
  const out: PlaceholderOption[] = [];
  out.push({ token: '{{title}}', label: 'Deal title', group: 'Deal' });
  for (const p of deal.parties) out.push({ token: `{{parties.${p.id}.name}}`, label: `${p.name} (name)`, group: 'Parties' });
  for (const n of numberFields(deal)) {
    if (n.path.startsWith('inputs.')) continue;
    const fmt = formatForPath(deal, n.path);
    out.push({ token: `{{${n.path}${fmt ? `|${fmt}` : ''}}}`, label: n.label, group: 'Numbers' });
  }
  for (const name of Object.keys(deal.termSheet?.placeholders ?? {})) out.push({ token: `{{${name}}}`, label: name, group: 'Free text' });
  return out;
}

/** Inserts `token` into `text` replacing the selection [start, end). */
export function insertAt(text: string, start: number, end: number, token: string): string {
  return text.slice(0, start) + token + text.slice(end);
}
