// Loads a shipped example deal through the real parser (test helper).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDealText } from '../../../shared/model/parse';
import type { Deal } from '../../../shared/model/schema';

export const EXAMPLES = ['pharma-licence', 'saas-alliance', 'jv-equity'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export function loadExample(name: ExampleName): Deal {
  const text = readFileSync(join(import.meta.dirname, '..', '..', '..', 'resources', 'examples', `${name}.deal`), 'utf8');
  const parsed = parseDealText(text);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.deal;
}

/** A deep copy to edit in a test without touching the shared fixture. */
export function edited(deal: Deal, edit: (d: Deal) => void): Deal {
  const copy = JSON.parse(JSON.stringify(deal)) as Deal;
  edit(copy);
  return copy;
}
