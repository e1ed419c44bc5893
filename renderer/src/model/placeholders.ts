/**
 * What the term-sheet placeholder picker offers: what a document for the
 * other side may print (the gate's allowlist, shared/termsheet/gate.ts):
 * contract figures with the format that reads right
 * (`{{terms.upfront.amount|money}}`, `{{terms.royalty.tiers.0.rate|percent}}`),
 * parties' names and legal details, terms' triggers, the currency, and the
 * free placeholders the deal defines (`{{territory}}`). Internal values
 * (walk-aways, discount rates, model inputs, hazards) are not offered.
 */
import type { Deal } from '../../../shared/model/schema';
import { numberFields, numberKind } from '../../../shared/model/number-fields';
import { counterpartyPlaceholder } from '../../../shared/termsheet/gate';

export interface PlaceholderOption {
  token: string;
  label: string;
  group: 'Numbers' | 'Parties' | 'Deal' | 'Free text';
}

/** The format a number path reads best in (number-fields.ts says what it holds). */
export function formatForPath(deal: Deal, path: string): 'money' | 'percent' | 'date' | null {
  const kind = numberKind(deal, path);
  return kind === 'money' ? 'money' : kind === 'fraction' ? 'percent' : kind === 'period' ? 'date' : null;
}

export function placeholderOptions(deal: Deal): PlaceholderOption[] {
  const out: PlaceholderOption[] = [];
  out.push({ token: '{{currency}}', label: 'Currency', group: 'Deal' });
  for (const p of deal.parties) {
    out.push({ token: `{{parties.${p.id}.name}}`, label: `${p.name} (name)`, group: 'Parties' });
    for (const [field, what] of [['legalName', 'legal name'], ['jurisdiction', 'jurisdiction'], ['address', 'address']] as const) {
      if (p[field]) out.push({ token: `{{parties.${p.id}.${field}}}`, label: `${p.name} (${what})`, group: 'Parties' });
    }
  }
  for (const t of deal.terms) {
    if (t.trigger && counterpartyPlaceholder(deal, `terms.${t.id}.trigger`).ok) out.push({ token: `{{terms.${t.id}.trigger}}`, label: `${t.label ?? t.id} (when due)`, group: 'Deal' });
  }
  for (const n of numberFields(deal)) {
    // Only what a document for the other side may print: contract figures, never our model or valuation.
    if (!counterpartyPlaceholder(deal, n.path).ok) continue;
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
