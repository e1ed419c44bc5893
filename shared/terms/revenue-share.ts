/**
 * `revenueShare`: a base (joint revenue) allocated to the parties each
 * period, with one set of shares or by marginal tiers of the period's base,
 * each tier with its own shares; a negative base is allocated with its sign,
 * by the first tier's shares (deal-format.md, "Terms" and "Bases").
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import { shareLines } from '../engine/term-codegen';
import { bands, rateCells, type FigureContext } from '../termsheet/figure-cells';
import { col, heading, label, leadIn, para, partiesAsColumnsFit, row } from '../termsheet/blocks';
import type { Block, TableBlock } from '../termsheet/content';
import { periodNoun, termTrigger } from '../termsheet/triggers';
import { describeExpression, partyName, periodWord } from '../termsheet/wording';
import { ceiling, evenShares, firstSeries, fraction, list, money, optional, shares, termShape } from './fields';
import type { TermKind } from './kind';
import { tierProblems } from './tiers';

const share = (words: (c: { party: string; index: number }) => string) => fraction('share', 'Share', { contract: true, words });

const shape = termShape('revenueShare', {
  base: money('Base (series)', { words: 'base' }),
  shares: optional(shares('Shares', share((c) => `${c.party} share`))),
  tiers: optional(
    list(
      'Revenue share tiers',
      {
        upTo: optional(ceiling('Up to', { contract: true, words: (c) => `tier ${c.index + 1} ceiling` })),
        shares: shares('Shares', share((c) => `tier ${c.index + 1}, ${c.party} share`)),
      },
      1,
      'needs at least one tier',
    ),
  ),
});
export type RevenueShareTerm = z.infer<typeof shape.schema>;

function revenueShareBlocks(ctx: FigureContext, r: RevenueShareTerm): Block[] {
  const { deal } = ctx;
  const noun = periodNoun(deal);
  const tiers = r.tiers ?? (r.shares ? [{ shares: r.shares }] : []);
  const parties = [...new Set(tiers.flatMap((t) => Object.keys(t.shares)))];
  const tierBands = bands(ctx, tiers, r);
  const shareColumn = (p: string) => rateCells(tiers.map((t) => ({ value: t.shares[p], term: r })));
  const byParty = new Map(parties.map((p) => [p, shareColumn(p)]));
  const baseHeader = `Net Revenue in a ${noun}`;
  let table: TableBlock;
  if (tiers.length > 1 && partiesAsColumnsFit(deal, parties, [baseHeader])) {
    table = {
      kind: 'table',
      key: `table:${r.id}`,
      title: label(r),
      columns: [col(baseHeader, 40), ...parties.map((p) => col(partyName(deal, p), Math.max(12, Math.floor(60 / parties.length)), 'right'))],
      rows: tiers.map((_t, i) => row(`band:${tierBands[i]!.upper || 'top'}`, [tierBands[i]!.text, ...parties.map((p) => byParty.get(p)![i]!)], { ...tierBands[i]!, value: parties.map((p) => byParty.get(p)![i]!).join(' / ') })),
    };
  } else {
    // One row per party: many parties (or one tier) read down the page, and no party's name is squeezed.
    table = {
      kind: 'table',
      key: `table:${r.id}:byParty`,
      title: label(r),
      rowsNamed: false,
      columns: [col('Party', 40), ...tiers.map((_t, i) => col(tiers.length > 1 ? `Share of Net Revenue ${tierBands[i]!.text.charAt(0).toLowerCase()}${tierBands[i]!.text.slice(1)}` : 'Share of Net Revenue', Math.floor(60 / tiers.length), 'right', tiers.length === 1))],
      rows: parties.map((p) => row(p, [partyName(deal, p), ...tiers.map((_t, i) => byParty.get(p)![i]!)])),
    };
  }
  return [
    heading(`heading:${r.id}`, label(r)),
    para(
      `intro:${r.id}`,
      tiers.length > 1
        ? `Net Revenue of each ${noun} is shared by band: each band's shares apply only to the part of that ${noun}'s Net Revenue within the band.`
        : `Net Revenue of each ${noun} is shared as follows.`,
    ),
    table,
    leadIn(`payable:${r.id}`, 'Settlement', `each party's share is paid ${termTrigger(deal, r)}.`),
  ];
}

export const revenueShare: TermKind<RevenueShareTerm, typeof shape.schema> = {
  type: 'revenueShare',
  title: 'Revenue share',
  hint: 'A base split between the parties, optionally by tier',
  schema: shape.schema,
  fields: shape.fields,
  phase: 'active',
  check(term, c) {
    const out = [];
    if ((term.shares === undefined) === (term.tiers === undefined)) out.push({ path: c.base, message: 'a revenue share needs either "shares" or "tiers" (one of them, not both)' });
    out.push(...c.fieldProblems());
    if (term.tiers) out.push(...tierProblems(term.tiers, c.base));
    return out;
  },
  emit(term, _n, ctx, code) {
    const base = `terms.${term.id}`;
    const b = ctx.periodExpr(term.base, `${base}.base`);
    if (term.tiers) {
      if (term.shares) ctx.problems.push({ path: `${base}.shares`, message: 'give either shares or tiers, not both' });
      // Marginal tiers like a royalty; a negative base is allocated with the first tier's shares. So is a
      // base that is not a number: the flows become NaN and the valuation names where it appeared.
      const lines = [`const b = ${b};`, 'if (!(b >= 0)) {', ...shareLines(ctx, term.tiers[0]!.shares, `${base}.tiers[0].shares`, 'b', '+='), '} else {', 'let lo = 0;'];
      term.tiers.forEach((tier, i) => {
        const last = i === term.tiers!.length - 1;
        const sl = shareLines(ctx, tier.shares, `${base}.tiers[${i}].shares`, 'x', '+=').join(' ');
        if (tier.upTo === undefined || last) lines.push(`if (b > lo) { const x = b - lo; ${sl} }`);
        else lines.push(`{ const hi = ${ctx.periodExpr(tier.upTo, `${base}.tiers[${i}].upTo`)}; if (b > lo && hi > lo) { const x = (b < hi ? b : hi) - lo; ${sl} } if (hi > lo) lo = hi; }`);
      });
      lines.push('}');
      code.active.push(`{ ${lines.join(' ')} }`);
      return true;
    }
    if (!term.shares) {
      ctx.problems.push({ path: base, message: 'needs shares (party -> fraction) or tiers' });
      return false;
    }
    code.active.push(`{ const b = ${b}; ${shareLines(ctx, term.shares, `${base}.shares`, 'b', '+=').join(' ')} }`);
    return true;
  },
  template: (deal, id) => ({ id, type: 'revenueShare', base: firstSeries(deal), shares: evenShares(deal) }),
  defaultTrigger: () => 'within 30 days after the end of each calendar quarter',
  modelTiming: (deal, t) => `every ${periodWord(deal)} on ${describeExpression(deal, t.base)}`,
  termSheet: { slot: 'economics', blocks: (ctx, terms) => terms.flatMap((r) => revenueShareBlocks(ctx, r)) },
  role: (t, p) => (Object.keys(t.shares ?? {}).includes(p) || (t.tiers ?? []).some((tier) => p in tier.shares) ? { rank: 4, role: 'Alliance partner' } : undefined),
  dealKind: { kind: 'alliance', rank: 2 },
  editor: [
    { kind: 'field', key: 'base' },
    {
      kind: 'mode',
      legend: 'Split',
      options: [
        { label: 'Same shares throughout', is: (t) => t.tiers === undefined, pick: (t, deal) => ({ tiers: undefined, shares: t.tiers?.[0]?.shares ?? evenShares(deal) }) },
        { label: 'By tier of the base', is: (t) => t.tiers !== undefined, pick: (t, deal) => ({ shares: undefined, tiers: [{ shares: t.shares ?? evenShares(deal) }] }) },
      ],
    },
    { kind: 'when', test: (t) => t.tiers === undefined, items: [{ kind: 'shares', key: 'shares' }] },
    {
      kind: 'when',
      test: (t) => t.tiers !== undefined,
      items: [
        {
          kind: 'table',
          key: 'tiers',
          label: 'Revenue share tiers',
          add: 'Add share tier',
          rows: 'list',
          columns: [
            { key: 'upTo', header: 'Up to', cell: (i) => `Tier ${i + 1} up to` },
            { key: 'shares', header: 'Shares', cell: (i) => `Tier ${i + 1} shares` },
          ],
          remove: (i) => `Remove tier ${i + 1}`,
          newItem: (t, deal) => ({ shares: { ...(t.tiers?.at(-1)?.shares ?? evenShares(deal)) } }),
          tiered: true,
          min: 1,
        },
      ],
    },
  ],
};
