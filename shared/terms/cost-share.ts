/**
 * `costShare`: a cost (positive) that each party pays its share of every
 * period; a negative base is allocated with its sign (deal-format.md).
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import { shareLines } from '../engine/term-codegen';
import { rateCells } from '../termsheet/figure-cells';
import { col, heading, label, leadIn, para, partiesAsColumnsFit, row } from '../termsheet/blocks';
import type { TableBlock } from '../termsheet/content';
import { termTrigger } from '../termsheet/triggers';
import { describeExpression, partyName, periodWord } from '../termsheet/wording';
import { evenShares, firstSeries, fraction, money, shares, termShape } from './fields';
import type { TermKind } from './kind';

const shape = termShape('costShare', {
  base: money('Cost (positive)', { words: 'base' }),
  shares: shares('Cost shares', fraction('share', 'Share', { contract: true, words: (c) => `${c.party} share` })),
});
export type CostShareTerm = z.infer<typeof shape.schema>;

export const costShare: TermKind<CostShareTerm, typeof shape.schema> = {
  type: 'costShare',
  title: 'Cost share',
  hint: 'A cost each party pays its share of',
  schema: shape.schema,
  fields: shape.fields,
  phase: 'active',
  emit(term, _n, ctx, code) {
    const base = `terms.${term.id}`;
    const b = ctx.periodExpr(term.base, `${base}.base`);
    code.active.push(`{ const b = ${b}; ${shareLines(ctx, term.shares, `${base}.shares`, 'b', '-=').join(' ')} }`);
    return true;
  },
  template: (deal, id) => ({ id, type: 'costShare', base: firstSeries(deal), shares: evenShares(deal) }),
  defaultTrigger: () => 'invoiced quarterly in arrears and payable within 30 days',
  modelTiming: (deal, t) => `every ${periodWord(deal)} on ${describeExpression(deal, t.base)}`,
  termSheet: {
    slot: 'economics',
    blocks(ctx, costs) {
      const { deal } = ctx;
      const parties = [...new Set(costs.flatMap((c) => Object.keys(c.shares)))];
      const sharesOf = (c: CostShareTerm) => rateCells(parties.map((p) => ({ value: c.shares[p], term: c })));
      let table: TableBlock;
      if (partiesAsColumnsFit(deal, parties, ['Cost'])) {
        table = {
          kind: 'table',
          key: 'table:costSharing',
          rowsNamed: true,
          title: 'Cost sharing',
          columns: [col('Cost', 40), ...parties.map((p) => col(partyName(deal, p), Math.max(12, Math.floor(60 / Math.max(1, parties.length))), 'right'))],
          rows: costs.map((c) => row(c.id, [label(c), ...sharesOf(c)])),
        };
      } else {
        const columns = costs.map((c) => sharesOf(c));
        table = {
          kind: 'table',
          key: 'table:costSharing:byParty',
          rowsNamed: false,
          title: 'Cost sharing',
          columns: [col('Party', 40), ...costs.map((c) => col(label(c), Math.floor(60 / costs.length), 'right'))],
          rows: parties.map((p, pi) => row(p, [partyName(deal, p), ...columns.map((cells) => cells[pi]!)])),
        };
      }
      const triggers = [...new Set(costs.map((c) => termTrigger(deal, c)))];
      return [
        heading('heading:costSharing', 'Cost sharing'),
        para('intro:costSharing', 'Each party bears the following shares of these costs as they are incurred.'),
        table,
        triggers.length === 1
          ? leadIn('payable:costSharing', 'Invoicing', `costs are ${triggers[0]}.`)
          : leadIn('payable:costSharing', 'Invoicing', costs.map((c) => `${label(c)}: ${termTrigger(deal, c)}`).join('; ') + '.'),
      ];
    },
  },
  role: (t, p) => (p in t.shares ? { rank: 4, role: 'Alliance partner' } : undefined),
  dealKind: { kind: 'alliance', rank: 2 },
  editor: [
    { kind: 'field', key: 'base' },
    { kind: 'shares', key: 'shares' },
  ],
};
