/**
 * `royalty`: marginal tiered rates on a base (net sales), each period until
 * an optional last period or date (`until`, inclusive). Tiers measure the
 * period's base, the calendar year to date or the cumulative base (`basis`):
 * a period then pays the tiered amount on the accumulated base including it
 * less the tiered amount on it excluding it. Adjustments multiply a period's
 * royalty by a factor while their condition holds (a generic-entry step-down);
 * a cap limits the total paid over the deal (deal-format.md, "Terms" and
 * "Royalty adjustments and cap"). Order in a period: tiers, adjustments, cap.
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import { periodIndex, type CodegenContext } from '../engine/term-codegen';
import { bands, moneyText, rateCells, type FigureContext } from '../termsheet/figure-cells';
import { col, heading, label, leadIn, para, row } from '../termsheet/blocks';
import type { Block } from '../termsheet/content';
import { contractPeriod, formulaFieldWording, inSentence, periodNoun, termTrigger } from '../termsheet/triggers';
import { describeExpression, modelPeriod, partyName, periodWord } from '../termsheet/wording';
import { isContractDate } from '../format/dates';
import { BASIS, basisHeader, basisPrefix, type Basis } from './basis';
import { tierProblems } from './tiers';
import { amount, ceiling, condition, fraction, list, money, optional, party, payee, payer, firstSeries, period, termShape, text } from './fields';
import type { TermKind } from './kind';

const tierNo = (c: { index: number }) => `tier ${c.index + 1}`;

const shape = termShape('royalty', {
  from: party('Paid by'),
  to: party('Paid to'),
  base: money('Base (series)', { words: 'base' }),
  basis: optional(BASIS('Tiers measured')),
  tiers: list(
    'Royalty tiers',
    {
      upTo: optional(ceiling('Up to', { contract: true, words: (c) => `${tierNo(c)} ceiling` })),
      rate: fraction('rate', 'Rate', { contract: true, words: (c) => `${tierNo(c)} rate` }),
    },
    1,
    'needs at least one tier',
  ),
  until: optional(period('Until (period or date, inclusive)', { contract: true, words: 'last period' })),
  adjustments: optional(
    list('Adjustments', {
      label: optional(text('Adjustment')),
      when: condition('When (condition)'),
      factor: fraction('factor', 'Factor', { contract: true, words: (c) => `${typeof c.item.label === 'string' && c.item.label ? c.item.label : `adjustment ${c.index + 1}`} factor` }),
    }),
  ),
  cap: optional(amount('Cap (total over the deal)', { contract: true, scope: 'iteration', words: 'cap' })),
});
export type RoyaltyTerm = z.infer<typeof shape.schema>;

const basisOf = (t: RoyaltyTerm): Basis => t.basis ?? 'period';

/**
 * A base that is not a number (sqrt or log of a negative in the sales series)
 * has no royalty: the payer's flow becomes NaN, so the valuation stops and
 * names the series and period where it first appeared ("Precise semantics")
 * instead of the `b > 0` test quietly paying 0. Only NaN: an infinitely
 * negative base is negative, and a negative base pays 0.
 */
const notANumberBase = (from: string): string => `if (b !== b) ${from} += b;`;

function royaltyBlocks(ctx: FigureContext, r: RoyaltyTerm): Block[] {
  const { deal } = ctx;
  const noun = periodNoun(deal);
  const basis = basisOf(r);
  const tierBands = bands(ctx, r.tiers, r);
  const rates = rateCells(r.tiers.map((t) => ({ value: t.rate, term: r })));
  const measured =
    basis === 'cumulative'
      ? 'each rate applies only to the part of cumulative Net Sales (all Net Sales from the start of the agreement) that falls within its band.'
      : basis === 'calendarYear' && deal.timeline.step !== 'year'
        ? 'each rate applies only to the part of the Net Sales of a calendar year that falls within its band; bands are measured on Net Sales in the calendar year to date and restart each calendar year.'
        : `each rate applies only to the part of the Net Sales of a ${noun} that falls within its band.`;
  const blocks: Block[] = [
    heading(`heading:${r.id}`, label(r)),
    para(`intro:${r.id}`, `${partyName(deal, r.from)} pays ${partyName(deal, r.to)} a royalty on Net Sales at the following marginal rates: ${measured}`),
    {
      kind: 'table',
      key: `table:${r.id}`,
      title: label(r),
      columns: [col(basisHeader(deal, basis, 'Net Sales'), 60), col('Royalty rate', 40, 'right', true)],
      rows: r.tiers.map((_t, i) => row(`band:${tierBands[i]!.upper || 'top'}`, [tierBands[i]!.text, rates[i]!], { ...tierBands[i]!, value: rates[i]! })),
    },
  ];
  (r.adjustments ?? []).forEach((a, i) => {
    const factor = rateCells([{ value: a.factor, term: r }])[0]!;
    const what = label({ id: `Adjustment ${i + 1}`, label: a.label });
    // The label is the contract's name for the event; the model's condition is never printed.
    const due = typeof a.factor === 'number' ? `at ${factor} of the amounts otherwise due` : `at the reduced rate: ${factor}`;
    blocks.push(leadIn(`adjustment:${r.id}:${i}`, what, `royalties for any ${noun} in which ${inSentence(what)} applies are payable ${due}.`));
  });
  if (r.adjustments && r.adjustments.length > 1) {
    blocks.push(para(`adjustments:${r.id}`, `Where more than one reduction applies to the same ${noun}, they are applied one after the other (the percentages multiply).`, 'note'));
  }
  if (r.cap !== undefined) {
    const cap = typeof r.cap === 'number' ? moneyText(ctx, r.cap) : formulaFieldWording(r);
    blocks.push(leadIn(`cap:${r.id}`, 'Royalty cap', `total royalties payable under this agreement shall not exceed ${cap}; the payment that reaches the cap is reduced to the remainder and no royalties are payable after it.`));
  }
  if (r.until !== undefined) {
    const until = typeof r.until === 'number' || isContractDate(r.until) ? `up to and including ${contractPeriod(deal, r.until)}` : formulaFieldWording(r);
    blocks.push(leadIn(`until:${r.id}`, 'Royalty term', `royalties are payable on Net Sales ${until}.`));
  }
  blocks.push(leadIn(`payable:${r.id}`, 'Payment', `royalties are payable ${termTrigger(deal, r)}.`));
  return blocks;
}

export const royalty: TermKind<RoyaltyTerm, typeof shape.schema> = {
  type: 'royalty',
  title: 'Royalty',
  hint: 'Tiered rates on a base such as net sales, per period, calendar year or in total; step-downs and a cap',
  schema: shape.schema,
  fields: shape.fields,
  phase: 'active',
  check: (term, c) => [...c.fieldProblems(), ...tierProblems(term.tiers, c.base)],
  emit(term, n, ctx, code) {
    const base = `terms.${term.id}`;
    const from = ctx.party(term.from, `${base}.from`);
    const to = ctx.party(term.to, `${base}.to`);
    if (!from || !to) return false;
    if (term.until !== undefined) code.setup.push(periodIndex(ctx, `until${n}`, term.until, `${base}.until`));
    const basis = basisOf(term);
    const b = ctx.periodExpr(term.base, `${base}.base`);
    const plain = basis === 'period' && !term.adjustments?.length && term.cap === undefined;
    if (plain) {
      // The form of a royalty before the additions (its kernel, and so its numbers, unchanged).
      const lines = [`const b = ${b};`, 'if (b > 0) {', 'let r = 0;', 'let lo = 0;', ...periodTiers(term, ctx, base), `${from} -= r; ${to} += r;`, '}', notANumberBase(from)];
      const body = `{ ${lines.join(' ')} }`;
      code.active.push(term.until !== undefined ? `if (t <= until${n}) ${body}` : body);
      return true;
    }
    const lines: string[] = [`const b = ${b};`, notANumberBase(from), 'let r = 0;'];
    if (basis === 'period') {
      lines.push('if (b > 0) {', 'let lo = 0;', ...periodTiers(term, ctx, base), '}');
    } else {
      // The tiered amount on the accumulated base with this period, less the same without it.
      const acc = `acc${n}`;
      code.setup.push(`let ${acc} = 0;`);
      if (basis === 'calendarYear') lines.push(`if (t > 0 && yrs[t] !== yrs[t - 1]) ${acc} = 0;`);
      lines.push(`const lo0 = ${acc}; const x = b > 0 ? b : 0; ${acc} = lo0 + x;`, 'if (x > 0) {');
      const capped = (i: number) => term.tiers[i]!.upTo !== undefined && i < term.tiers.length - 1;
      term.tiers.forEach((tier, i) => {
        lines.push(`const q${i} = ${ctx.periodExpr(tier.rate, `${base}.tiers[${i}].rate`)};`);
        if (capped(i)) lines.push(`const h${i} = ${ctx.periodExpr(tier.upTo!, `${base}.tiers[${i}].upTo`)};`);
      });
      const tiered = (v: string, out: string): string => {
        const parts = [`let ${out} = 0; { let lo = 0;`];
        term.tiers.forEach((_tier, i) => {
          if (!capped(i)) parts.push(`if (${v} > lo) ${out} += q${i} * (${v} - lo);`);
          else parts.push(`if (${v} > lo && h${i} > lo) ${out} += q${i} * ((${v} < h${i} ? ${v} : h${i}) - lo); if (h${i} > lo) lo = h${i};`);
        });
        return `${parts.join(' ')} }`;
      };
      lines.push(tiered(acc, 'r1'), tiered('lo0', 'r0'), 'r = r1 - r0;', '}');
    }
    (term.adjustments ?? []).forEach((a, i) => {
      const when = ctx.periodExpr(a.when, `${base}.adjustments[${i}].when`);
      const factor = ctx.periodExpr(a.factor, `${base}.adjustments[${i}].factor`);
      const check = typeof a.factor === 'number' ? '' : ctx.fault('!(fv >= 0 && fv <= 1)', 'fv', `${base}.adjustments[${i}].factor`, 'factor', 't');
      lines.push(`if (${when}) { const fv = ${factor}; ${check} r *= fv; }`);
    });
    if (term.cap !== undefined) {
      const capPath = `${base}.cap`;
      const cap = ctx.iterationExpr(term.cap, capPath);
      const check = typeof term.cap === 'number' ? '' : ctx.fault(`!(cap${n} >= 0 && cap${n} - cap${n} === 0)`, `cap${n}`, capPath, 'cap', '-1');
      code.setup.push(`const cap${n} = ${cap}; ${check} let paidr${n} = 0;`);
      lines.push(`{ const room = cap${n} - paidr${n}; if (r > room) r = room; paidr${n} += r; }`);
    }
    lines.push(`${from} -= r; ${to} += r;`);
    const body = `{ ${lines.join(' ')} }`;
    code.active.push(term.until !== undefined ? `if (t <= until${n}) ${body}` : body);
    return true;
  },
  template: (deal, id) => ({ id, type: 'royalty', from: payer(deal), to: payee(deal), base: firstSeries(deal), tiers: [{ rate: 0.05 }] }),
  defaultTrigger: () => 'within 45 days after the end of each calendar quarter',
  modelTiming(deal, t) {
    const parts = [`every ${periodWord(deal)} on ${basisPrefix(basisOf(t))}${describeExpression(deal, t.base)}`];
    if (t.until !== undefined) parts.push(`up to ${modelPeriod(deal, t.until)}`);
    (t.adjustments ?? []).forEach((a) => parts.push(`× ${typeof a.factor === 'number' ? a.factor : describeExpression(deal, a.factor)} while ${describeExpression(deal, a.when)}`));
    if (t.cap !== undefined) parts.push(`capped at ${typeof t.cap === 'number' ? t.cap : describeExpression(deal, t.cap)} in total`);
    return parts.join(', ');
  },
  termSheet: { slot: 'economics', blocks: (ctx, terms) => terms.flatMap((r) => royaltyBlocks(ctx, r)) },
  role: (t, p) => (t.to === p ? { rank: 0, role: 'Licensor' } : t.from === p ? { rank: 1, role: 'Licensee' } : undefined),
  dealKind: { kind: 'licence', rank: 1 },
  licenceRoles: (t) => ({ rank: 0, licensor: t.to, licensee: t.from }),
  editor: [
    { kind: 'field', key: 'from' },
    { kind: 'field', key: 'to' },
    { kind: 'field', key: 'base' },
    { kind: 'field', key: 'basis' },
    { kind: 'field', key: 'until' },
    {
      kind: 'table',
      key: 'tiers',
      label: 'Royalty tiers',
      add: 'Add royalty tier',
      columns: [
        { key: 'upTo', header: 'Up to', cell: (i) => `Tier ${i + 1} up to` },
        { key: 'rate', header: 'Rate', cell: (i) => `Tier ${i + 1} rate` },
      ],
      remove: (i) => `Remove tier ${i + 1}`,
      newItem: (term) => ({ rate: term.tiers.at(-1)?.rate ?? 0 }),
      tiered: true,
      min: 1,
    },
    {
      kind: 'table',
      key: 'adjustments',
      label: 'Royalty adjustments',
      add: 'Add adjustment',
      columns: [
        { key: 'label', header: 'Adjustment', cell: (i) => `Adjustment ${i + 1} label` },
        { key: 'when', header: 'When (condition)', cell: (i) => `Adjustment ${i + 1} condition` },
        { key: 'factor', header: 'Royalty × factor', cell: (i) => `Adjustment ${i + 1} factor` },
      ],
      remove: (i) => `Remove adjustment ${i + 1}`,
      newItem: () => ({ label: 'Generic entry', when: 'false', factor: 0.5 }),
    },
    { kind: 'field', key: 'cap' },
  ],
};

/** The marginal tiers on this period's base `b`, added to `r` (the royalty's form before the additions). */
function periodTiers(term: RoyaltyTerm, ctx: CodegenContext, base: string): string[] {
  return term.tiers.map((tier, i) => {
    const rate = ctx.periodExpr(tier.rate, `${base}.tiers[${i}].rate`);
    // The last tier has no ceiling (an upTo on it is ignored: nothing lies above it).
    if (tier.upTo === undefined || i === term.tiers.length - 1) return `if (b > lo) r += ${rate} * (b - lo);`;
    // A ceiling at or below the previous one makes an empty tier.
    return `{ const hi = ${ctx.periodExpr(tier.upTo, `${base}.tiers[${i}].upTo`)}; if (b > lo && hi > lo) r += ${rate} * ((b < hi ? b : hi) - lo); if (hi > lo) lo = hi; }`;
  });
}
