/**
 * `payment`: an upfront or milestone payment from one party to another, at a
 * period or date (`at`), when a condition first holds (`when`), or at `at`
 * only if `when` holds then (deal-format.md, "Terms").
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import type { Deal } from '../model/schema';
import { periodIndex, transfer } from '../engine/term-codegen';
import { periodOfValue } from '../format/dates';
import { col, heading, label, row } from '../termsheet/blocks';
import type { TableBlock } from '../termsheet/content';
import { moneyCells, type FigureContext } from '../termsheet/figure-cells';
import { contractPeriod, inSentence, sentenceCase, termTrigger } from '../termsheet/triggers';
import { modelPeriod, partyName } from '../termsheet/wording';
import { amount, condition, optional, party, payee, payer, period, termShape } from './fields';
import type { TermKind } from './kind';

const shape = termShape('payment', {
  from: party('Paid by'),
  to: party('Paid to'),
  amount: amount('Amount', { contract: true, words: '' }),
  at: optional(period('At (period or date)', { contract: true, words: 'timing (period)' })),
  when: optional(condition('When (condition)')),
});
export type PaymentTerm = z.infer<typeof shape.schema>;

function paymentsTable(ctx: FigureContext, payments: PaymentTerm[]): TableBlock {
  const { deal } = ctx;
  const amounts = moneyCells(ctx, payments.map((p) => ({ value: p.amount, term: p })));
  return {
    kind: 'table',
    key: 'table:payments',
    rowsNamed: true,
    title: 'Upfront and milestone payments',
    columns: [col('Payment', 28), col('Amount', 14, 'right', true), col('Payable', 30), col('Paid by', 14), col('Paid to', 14)],
    rows: payments.map((p, i) => row(p.id, [label(p), amounts[i]!, sentenceCase(termTrigger(deal, p)), partyName(deal, p.from), partyName(deal, p.to)])),
  };
}

function trigger(deal: Deal, t: PaymentTerm): string {
  // An event-driven payment is due after its event, which its label names.
  const event = t.label !== undefined ? label({ id: '', label: t.label }) : '';
  if (t.when !== undefined) return event ? `within 30 days of ${inSentence(event)}` : 'within 30 days of achievement';
  if (t.at === undefined) return 'on the agreed date';
  const first = periodOfValue(deal.timeline, t.at);
  if (first === undefined) return 'on the agreed date';
  // A date is the contract's own: printed as written, wherever it falls.
  if (typeof t.at === 'string') return `in ${contractPeriod(deal, t.at)}`;
  if (first <= 0) return 'on signing';
  return first < deal.timeline.periods ? `in ${contractPeriod(deal, t.at)}` : 'on the agreed date';
}

export const payment: TermKind<PaymentTerm, typeof shape.schema> = {
  type: 'payment',
  title: 'Payment',
  hint: 'An upfront or milestone payment, at a period or date and/or when a condition holds',
  schema: shape.schema,
  fields: shape.fields,
  phase: 'active',
  check(term, c) {
    const out = c.fieldProblems();
    if (term.at === undefined && term.when === undefined) out.push({ path: c.base, message: 'a payment needs "at" (a period), "when" (a condition), or both' });
    return out;
  },
  emit(term, n, ctx, code) {
    const base = `terms.${term.id}`;
    const pay = transfer(ctx, term.from, term.to, ctx.periodExpr(term.amount, `${base}.amount`), base);
    if (!pay) return false;
    if (term.at === undefined && term.when === undefined) {
      ctx.problems.push({ path: base, message: 'a payment needs "at" (a period), "when" (a condition) or both' });
      return false;
    }
    if (term.at !== undefined) code.setup.push(periodIndex(ctx, `at${n}`, term.at, `${base}.at`));
    if (term.at !== undefined && term.when !== undefined) {
      code.active.push(`if (t === at${n} && (${ctx.periodExpr(term.when, `${base}.when`)})) ${pay}`);
    } else if (term.at !== undefined) {
      code.active.push(`if (t === at${n}) ${pay}`);
    } else {
      code.setup.push(`let paid${n} = 0;`);
      code.active.push(`if (paid${n} === 0 && (${ctx.periodExpr(term.when!, `${base}.when`)})) { paid${n} = 1; ${pay} }`);
    }
    return true;
  },
  template: (deal, id) => ({ id, type: 'payment', from: payer(deal), to: payee(deal), amount: 0, at: 0 }),
  defaultTrigger: trigger,
  modelTiming(deal, t) {
    if (t.at !== undefined && t.when !== undefined) return `${modelPeriod(deal, t.at)}, only if the condition holds then`;
    if (t.at !== undefined) return modelPeriod(deal, t.at);
    return 'the first period the condition holds';
  },
  termSheet: {
    slot: 'economics',
    blocks: (ctx, terms) => [heading('heading:payments', 'Upfront and milestone payments'), paymentsTable(ctx, terms)],
  },
  role: (t, p) => (t.to === p ? { rank: 5, role: 'Recipient of payments' } : t.from === p ? { rank: 6, role: 'Payer' } : undefined),
  licenceRoles: (t) => ({ rank: 1, licensor: t.to }),
  editor: [
    { kind: 'field', key: 'from' },
    { kind: 'field', key: 'to' },
    { kind: 'field', key: 'amount' },
    { kind: 'field', key: 'at' },
    { kind: 'field', key: 'when' },
  ],
};
