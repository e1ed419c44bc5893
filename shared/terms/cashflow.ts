/**
 * `cashflow`: a party's own flow every period, signed (its margin, its
 * costs). It is the party's private economics, not a term between the
 * parties: it has no trigger, runs whether or not a termination has fired
 * (so that a party's own flows can stop only through `terminated` in its
 * formula), and never appears in a document for the other side.
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import { describeExpression, periodWord } from '../termsheet/wording';
import { money, party, payee, termShape } from './fields';
import type { TermKind } from './kind';

const shape = termShape('cashflow', {
  party: party('Party'),
  amount: money('Amount per period (signed)', { words: '' }),
});
export type CashflowTerm = z.infer<typeof shape.schema>;

export const cashflow: TermKind<CashflowTerm, typeof shape.schema> = {
  type: 'cashflow',
  title: 'Own cash flow',
  hint: "A party's own margin or costs, every period",
  schema: shape.schema,
  fields: shape.fields,
  ownFlow: true,
  phase: 'always',
  emit(term, _n, ctx, code) {
    const base = `terms.${term.id}`;
    const f = ctx.party(term.party, `${base}.party`);
    if (!f) return false;
    code.always.push(`${f} += ${ctx.periodExpr(term.amount, `${base}.amount`)};`);
    return true;
  },
  template: (deal, id) => ({ id, type: 'cashflow', party: payee(deal), amount: 0 }),
  defaultTrigger: () => '',
  modelTiming: (deal, t) => `own cash flow every ${periodWord(deal)}: ${describeExpression(deal, t.amount)}`,
  editor: [
    { kind: 'field', key: 'party' },
    { kind: 'field', key: 'amount' },
  ],
};
