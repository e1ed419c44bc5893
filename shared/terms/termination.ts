/**
 * `termination`: a right that ends the agreement, fired by a condition
 * (`when`) or with a probability each period (`hazard`, one independent draw
 * per period), not before a period or date (`from`); it pays its fee once,
 * and every term except own cash flows ends after the period it first fires
 * in (deal-format.md, "Terms" and "Timing").
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import { periodIndex, transfer } from '../engine/term-codegen';
import { formatPercent } from '../format/percent';
import { moneyCells } from '../termsheet/figure-cells';
import { col, dateCell, heading, label, para, row } from '../termsheet/blocks';
import { sentenceCase, termTrigger } from '../termsheet/triggers';
import { describeExpression, modelPeriod, partyName, periodWord } from '../termsheet/wording';
import { amount, condition, fraction, object, optional, party, payee, payer, period, termShape } from './fields';
import type { TermKind } from './kind';

const shape = termShape('termination', {
  when: optional(condition('When (condition)')),
  hazard: optional(fraction('probability', 'Hazard per period', { words: 'chance per period' })),
  from: optional(period('Not before (period or date)', { contract: true, words: 'first period' })),
  fee: optional(object('Termination fee', { from: party('Fee paid by'), to: party('Fee paid to'), amount: amount('Fee amount', { contract: true, words: 'fee' }) })),
});
export type TerminationTerm = z.infer<typeof shape.schema>;

export const termination: TermKind<TerminationTerm, typeof shape.schema> = {
  type: 'termination',
  title: 'Termination',
  hint: 'An exit on a condition or a per-period hazard, with a fee',
  schema: shape.schema,
  fields: shape.fields,
  phase: 'termination',
  // The fee is paid when the deal ends: linear in it; the hazard and its timing move the means either way.
  numberShape: (field) => (field.join('.') === 'fee.amount' ? 'linear' : 'unknown'),
  // The hazard decides from `from` on, unless a condition decides instead.
  decidesFrom: (term, knownPeriod) => (term.when === undefined ? knownPeriod(term.from) : undefined),
  check(term, c) {
    const out = [];
    if (term.when === undefined && term.hazard === undefined) out.push({ path: c.base, message: 'a termination needs "when" (a condition) or "hazard" (a probability per period)' });
    if (term.when !== undefined && term.hazard !== undefined) out.push({ path: c.base, message: 'give a termination either "when" or "hazard", not both (use two terminations for two triggers)' });
    out.push(...c.fieldProblems());
    return out;
  },
  emit(term, n, ctx, code) {
    const base = `terms.${term.id}`;
    if (term.when === undefined && term.hazard === undefined) {
      ctx.problems.push({ path: base, message: 'a termination needs "when" (a condition) or "hazard" (a probability per period)' });
      return false;
    }
    code.setup.push(term.from === undefined ? `const from${n} = 0;` : periodIndex(ctx, `from${n}`, term.from, `${base}.from`));
    // Fires when `when` holds, or else when the period's hazard draw falls below the hazard; the hazard is
    // only evaluated (and checked to be a probability) in periods where it decides.
    const decide: string[] = ['let go = 0;'];
    if (term.when !== undefined) decide.push(`go = (${ctx.periodExpr(term.when, `${base}.when`)}) ? 1 : 0;`);
    if (term.hazard !== undefined) {
      const h = code.hazards++;
      // One independent uniform per period from the iteration's own stream (mulberry32, as hazardUniforms in rng.ts).
      code.setup.push(`let hs${h} = hz[k * H + ${h}] | 0; let hu${h} = 0;`);
      code.periodStart.push(
        `{ hs${h} = (hs${h} + 0x6d2b79f5) | 0; let z = Math.imul(hs${h} ^ (hs${h} >>> 15), 1 | hs${h}); z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z; hu${h} = (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296; }`,
      );
      const hazard = ctx.periodExpr(term.hazard, `${base}.hazard`);
      const check = typeof term.hazard === 'number' ? '' : ctx.fault('!(hv >= 0 && hv <= 1)', 'hv', `${base}.hazard`, 'probability', 't');
      decide.push(`if (go === 0) { const hv = ${hazard}; ${check} go = hu${h} < hv ? 1 : 0; }`);
    }
    const fee = term.fee ? transfer(ctx, term.fee.from, term.fee.to, ctx.periodExpr(term.fee.amount, `${base}.fee.amount`), `${base}.fee`) : '';
    if (fee === undefined) return true;
    code.setup.push(`let fired${n} = 0;`);
    code.termination.push(`if (fired${n} === 0 && t >= from${n}) { ${decide.join(' ')} if (go !== 0) { fired${n} = 1; ${fee} if (endAt === P) endAt = t; } }`);
    return true;
  },
  template: (_deal, id) => ({ id, type: 'termination', hazard: 0.02 }),
  defaultTrigger: () => 'on written notice',
  modelTiming(deal, t) {
    const from = t.from !== undefined ? `, from ${modelPeriod(deal, t.from)}` : '';
    if (t.hazard !== undefined) return `${typeof t.hazard === 'number' ? formatPercent(t.hazard) : describeExpression(deal, t.hazard)} chance per ${periodWord(deal)}${from}`;
    return `when the condition holds${from}`;
  },
  termSheet: {
    slot: 'termination',
    blocks(ctx, terms) {
      const { deal } = ctx;
      const fees = moneyCells(ctx, terms.map((t) => ({ value: t.fee?.amount, term: t })), 'None');
      return [
        heading('heading:termination', 'Termination rights'),
        para('effect:termination', 'Each of the following rights ends the agreement. On termination the fee shown is payable within 30 days, and the payment obligations above end, except those accrued before termination.'),
        {
          kind: 'table',
          key: 'table:termination',
          rowsNamed: true,
          title: 'Termination',
          columns: [col('Right', 24), col('Exercisable', 26), col('From', 12), col('Fee', 12, 'right', true), col('Paid by', 13), col('Paid to', 13)],
          rows: terms.map((t, i) =>
            row(t.id, [
              label(t),
              sentenceCase(termTrigger(deal, t)),
              dateCell(deal, t.from, t, 'Signing').replace(/^In /, ''),
              fees[i]!,
              t.fee ? partyName(deal, t.fee.from) : '–',
              t.fee ? partyName(deal, t.fee.to) : '–',
            ]),
          ),
        },
      ];
    },
  },
  editor: [
    {
      kind: 'mode',
      legend: 'Fires',
      options: [
        { label: 'When a condition holds', is: (t) => t.when !== undefined, pick: () => ({ when: 'false', hazard: undefined }) },
        { label: 'With a probability each period (hazard)', is: (t) => t.when === undefined, pick: () => ({ when: undefined, hazard: 0.02 }) },
      ],
    },
    { kind: 'when', test: (t) => t.when !== undefined, items: [{ kind: 'field', key: 'when' }] },
    { kind: 'when', test: (t) => t.when === undefined, items: [{ kind: 'field', key: 'hazard' }] },
    { kind: 'field', key: 'from' },
    {
      kind: 'toggle',
      key: 'fee',
      legend: 'Termination fee',
      label: 'A fee is paid when it fires',
      make: (deal) => ({ from: payer(deal), to: payee(deal), amount: 0 }),
      items: [
        { kind: 'field', key: 'from' },
        { kind: 'field', key: 'to' },
        { kind: 'field', key: 'amount' },
      ],
    },
  ],
};
