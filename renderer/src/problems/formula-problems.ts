/**
 * Formula problems of a whole deal: every formula the shared front end lists
 * (series and term fields, with their scope), checked by the shared checker.
 */
import type { Problem } from '../../../shared/api';
import type { Deal } from '../../../shared/model/schema';
import { dealFormulas } from '../../../shared/formula/deal-formulas';
import { checkFormula } from '../formula/formula-check';

export function formulaProblems(deal: Deal): Problem[] {
  const out: Problem[] = [];
  for (const f of dealFormulas(deal)) {
    for (const d of checkFormula(f.source, deal, f.scope)) {
      out.push({ path: f.path, message: d.message, column: d.column, severity: 'error' });
    }
  }
  return out;
}
