/**
 * `salesMilestone`: paid once, in the first period where a base (net sales)
 * reaches a threshold, measured on that period's base, on the calendar year
 * to date, or on all sales since period 0 (`basis`, deal-format.md "How tiers
 * and sales thresholds are measured").
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import type { Deal } from '../model/schema';
import { transfer } from '../engine/term-codegen';
import { col, heading, label, row } from '../termsheet/blocks';
import { moneyCells } from '../termsheet/figure-cells';
import { contractMoneyOf, periodNoun, sentenceCase, termTrigger } from '../termsheet/triggers';
import { describeExpression, partyName, periodWord } from '../termsheet/wording';
import { accumulate, BASIS, basisHeader, basisPrefix, type Basis } from './basis';
import { amount, money, optional, party, payee, payer, firstSeries, termShape } from './fields';
import type { TermKind } from './kind';

const shape = termShape('salesMilestone', {
  from: party('Paid by'),
  to: party('Paid to'),
  amount: amount('Amount', { contract: true, words: '' }),
  base: money('Base (series)', { words: 'base' }),
  basis: optional(BASIS('Sales measured')),
  threshold: amount('Threshold', { contract: true, words: 'sales threshold' }),
});
export type SalesMilestoneTerm = z.infer<typeof shape.schema>;

const basisOf = (t: SalesMilestoneTerm): Basis => t.basis ?? 'period';

function trigger(deal: Deal, t: SalesMilestoneTerm): string {
  const noun = periodNoun(deal);
  const threshold = typeof t.threshold === 'number' ? `exceed ${contractMoneyOf(deal, t.threshold)}` : 'first reach the agreed threshold';
  const basis = deal.timeline.step === 'year' && basisOf(t) === 'calendarYear' ? 'period' : basisOf(t);
  if (basis === 'calendarYear') return `within 60 days after the end of the ${noun} in which Net Sales in a calendar year ${threshold.replace(/^exceed/, 'first exceed')}`;
  if (basis === 'cumulative') return `within 60 days after the end of the ${noun} in which cumulative Net Sales ${threshold.replace(/^exceed/, 'first exceed')}`;
  return `within 60 days after the end of the first ${noun} in which Net Sales ${threshold}`;
}

export const salesMilestone: TermKind<SalesMilestoneTerm, typeof shape.schema> = {
  type: 'salesMilestone',
  title: 'Sales milestone',
  hint: 'Paid once, the first period sales (in that period, the calendar year or in all) reach a threshold',
  schema: shape.schema,
  fields: shape.fields,
  phase: 'active',
  check: (_term, c) => c.fieldProblems(),
  emit(term, n, ctx, code) {
    const base = `terms.${term.id}`;
    const pay = transfer(ctx, term.from, term.to, ctx.periodExpr(term.amount, `${base}.amount`), base);
    if (!pay) return false;
    code.setup.push(`let paid${n} = 0;`);
    const b = ctx.periodExpr(term.base, `${base}.base`);
    const th = ctx.periodExpr(term.threshold, `${base}.threshold`);
    const basis = basisOf(term);
    if (basis === 'period') {
      code.active.push(`if (paid${n} === 0 && ${b} >= ${th}) { paid${n} = 1; ${pay} }`);
    } else {
      code.setup.push(`let acc${n} = 0;`);
      code.active.push(`if (paid${n} === 0) { ${accumulate(basis, `acc${n}`, b)} if (acc${n} >= ${th}) { paid${n} = 1; ${pay} } }`);
    }
    return true;
  },
  template: (deal, id) => ({ id, type: 'salesMilestone', from: payer(deal), to: payee(deal), amount: 0, base: firstSeries(deal), threshold: 0 }),
  defaultTrigger: trigger,
  modelTiming: (deal, t) => `the first ${periodWord(deal)} ${basisPrefix(basisOf(t))}${describeExpression(deal, t.base)} ≥ ${describeExpression(deal, t.threshold)}`,
  termSheet: {
    slot: 'economics',
    blocks(ctx, milestones) {
      const { deal } = ctx;
      const thresholds = moneyCells(ctx, milestones.map((m) => ({ value: m.threshold, term: m })));
      const amounts = moneyCells(ctx, milestones.map((m) => ({ value: m.amount, term: m })));
      const bases = [...new Set(milestones.map((m) => basisHeader(deal, basisOf(m), 'Net Sales')))];
      return [
        heading('heading:salesMilestones', 'Sales milestones'),
        {
          kind: 'table',
          key: 'table:salesMilestones',
          rowsNamed: true,
          title: 'Sales milestones',
          columns: [col('Milestone', 22), col(bases.length === 1 ? bases[0]! : 'Net Sales', 16, 'right'), col('Amount', 13, 'right', true), col('Payable', 27), col('Paid by', 11), col('Paid to', 11)],
          rows: milestones.map((m, i) => row(m.id, [label(m), thresholds[i]!, amounts[i]!, sentenceCase(termTrigger(deal, m)), partyName(deal, m.from), partyName(deal, m.to)])),
        },
      ];
    },
  },
  role: (t, p) => (t.to === p ? { rank: 5, role: 'Recipient of payments' } : t.from === p ? { rank: 6, role: 'Payer' } : undefined),
  dealKind: { kind: 'licence', rank: 1 },
  licenceRoles: (t) => ({ rank: 1, licensor: t.to }),
  editor: [
    { kind: 'field', key: 'from' },
    { kind: 'field', key: 'to' },
    { kind: 'field', key: 'amount' },
    { kind: 'field', key: 'base' },
    { kind: 'field', key: 'basis' },
    { kind: 'field', key: 'threshold' },
  ],
};
