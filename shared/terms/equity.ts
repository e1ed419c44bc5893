/**
 * `equity`: a joint venture's net cash flow shared by stakes, with capital
 * contributions, capital calls from a cash reserve, distributions (return of
 * capital, an optional preferred return, then stakes) and the reserve returned
 * at the end or on termination (deal-format.md, "Joint-venture equity").
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import { numberLit, periodIndex } from '../engine/term-codegen';
import { moneyCells, rateCells, type FigureContext } from '../termsheet/figure-cells';
import { col, dateCell, heading, label, leadIn, para, row } from '../termsheet/blocks';
import type { Block } from '../termsheet/content';
import { plain } from '../termsheet/content';
import { periodNoun, termTrigger } from '../termsheet/triggers';
import { describeExpression, partyName } from '../termsheet/wording';
import { amount, evenShares, firstSeries, fraction, list, money, object, optional, party, period, rate, shares, termShape } from './fields';
import type { TermKind } from './kind';

const shape = termShape('equity', {
  venture: money('Venture net cash flow (series)', { words: 'venture' }),
  stakes: shares('Stakes', fraction('share', 'Stake', { contract: true, words: (c) => `${c.party} stake` })),
  contributions: optional(
    list('Capital contributions', {
      party: party('Party'),
      amount: amount('Amount', { contract: true, words: (c) => `${c.partyName(c.item.party)} contribution` }),
      at: period('At (period or date)', { contract: true, words: (c) => `${c.partyName(c.item.party)} contribution timing (period)` }),
    }),
  ),
  preferredReturn: optional(object('Preferred return', { rate: rate('Preferred return rate (per year)', { contract: true, words: 'preferred return' }) })),
});
export type EquityTerm = z.infer<typeof shape.schema>;

function equityBlocks(ctx: FigureContext, e: EquityTerm): Block[] {
  const { deal } = ctx;
  const parties = [...new Set([...Object.keys(e.stakes), ...(e.contributions ?? []).map((c) => c.party)])];
  const contributions = e.contributions ?? [];
  const amounts = moneyCells(ctx, contributions.map((c) => ({ value: c.amount, term: e })));
  const stakes = rateCells(parties.map((p) => ({ value: e.stakes[p], term: e })));
  const of = (p: string) => contributions.flatMap((c, i) => (c.party === p ? [{ c, amount: amounts[i]! }] : []));
  const list = `distribution:${e.id}`;
  const pref = e.preferredReturn;
  const prefRate = pref ? rateCells([{ value: pref.rate, term: e }])[0]! : '';
  const blocks: Block[] = [
    heading(`heading:${e.id}`, label(e)),
    para(`intro:${e.id}`, 'The parties hold the venture in the following proportions and contribute the following capital.'),
    {
      kind: 'table',
      key: `table:${e.id}`,
      title: label(e),
      columns: [col('Party', 34), col('Equity stake', 18, 'right'), col('Capital contribution', 24, 'right'), col('Contributed', 24)],
      rows: parties.map((p, pi) =>
        row(p, [
          partyName(deal, p),
          stakes[pi]!,
          of(p).map((x) => x.amount).join('; ') || 'None',
          of(p).map((x) => dateCell(deal, x.c.at, e, 'At closing')).join('; ') || '–',
        ]),
      ),
    },
  ];
  if (e.trigger !== undefined && e.trigger.trim()) blocks.push(leadIn(`timing:${e.id}`, 'Timing', `${termTrigger(deal, e)}.`));
  if (pref) {
    blocks.push(leadIn(`preferred:${e.id}`, 'Preferred return', `${prefRate} a year, simple interest, on each party's unreturned contributed capital; unpaid amounts carry forward.`));
  }
  blocks.push(
    leadIn(`calls:${e.id}`, 'Capital calls', "a shortfall of the venture's cash is first met from its cash reserve, then called from the parties in proportion to their stakes; called capital counts as contributed capital."),
    leadIn(`order:${e.id}`, 'Distributions', `the venture's positive cash flow in a ${periodNoun(deal)} is distributed in that ${periodNoun(deal)} in this order:`),
    { kind: 'listItem', key: `order1:${e.id}`, list, spans: plain("return of contributed capital, in proportion to each party's unreturned capital;") },
  );
  if (pref) blocks.push({ kind: 'listItem', key: `order2:${e.id}`, list, spans: plain(`the preferred return of ${prefRate} a year, in proportion to the amounts owed;`) });
  blocks.push(
    { kind: 'listItem', key: `order3:${e.id}`, list, spans: plain('the balance in proportion to equity stakes.') },
    para(`end:${e.id}`, 'On winding up, any remaining cash reserve is returned as unreturned capital first, then by stakes; no preferred return is paid from it.', 'note'),
  );
  return blocks;
}

export const equity: TermKind<EquityTerm, typeof shape.schema> = {
  type: 'equity',
  title: 'Equity (joint venture)',
  hint: 'Stakes, contributions and preferred return in a venture',
  schema: shape.schema,
  fields: shape.fields,
  phase: 'active',
  // Stakes split exits and contributions between the parties at once: no number moves the means one way.
  numberShape: () => 'unknown',
  emit(term, n, ctx, code) {
    const base = `terms.${term.id}`;
    // Capital accounts for every party with a stake or a contribution.
    const members: string[] = [];
    for (const pid of Object.keys(term.stakes)) if (!members.includes(pid)) members.push(pid);
    for (const c of term.contributions ?? []) if (!members.includes(c.party)) members.push(c.party);
    const f: string[] = [];
    for (const pid of members) {
      const v = ctx.party(pid, Object.prototype.hasOwnProperty.call(term.stakes, pid) ? `${base}.stakes.${pid}` : `${base}.contributions`);
      if (!v) return true;
      f.push(v);
    }
    const stake = members.map((pid) => {
      const value = term.stakes[pid];
      return value === undefined ? '0' : ctx.periodExpr(value, `${base}.stakes.${pid}`);
    });
    const U = members.map((_, j) => `u${n}_${j}`);
    const O = members.map((_, j) => `o${n}_${j}`);
    const R = `res${n}`;
    code.setup.push(`let ${R} = 0;`, ...U.map((u) => `let ${u} = 0;`), ...O.map((o) => `let ${o} = 0;`));
    const lines: string[] = [];
    if (term.preferredReturn) {
      // Accrues on unreturned capital as it stood at the end of the previous period.
      const pr = ctx.periodExpr(term.preferredReturn.rate, `${base}.preferredReturn.rate`);
      lines.push(`if (t > 0) { const pr = ${pr} * ${numberLit(ctx.stepYears)}; ${U.map((u, j) => `${O[j]} += pr * ${u};`).join(' ')} }`);
    }
    (term.contributions ?? []).forEach((c, i) => {
      const j = members.indexOf(c.party);
      code.setup.push(periodIndex(ctx, `cat${n}_${i}`, c.at, `${base}.contributions[${i}].at`));
      const a = ctx.periodExpr(c.amount, `${base}.contributions[${i}].amount`);
      lines.push(`if (t === cat${n}_${i}) { const a = ${a}; ${f[j]} -= a; ${R} += a; ${U[j]} += a; }`);
    });
    const sumU = U.join(' + ');
    const sumO = O.join(' + ');
    const returnCapital = (pot: string) =>
      `{ const tu = ${sumU}; if (tu > 0 && ${pot} > 0) { const r = ${pot} < tu ? ${pot} : tu; ${U.map((u, j) => `{ const x = r * (${u} / tu); ${f[j]} += x; ${u} -= x; }`).join(' ')} ${pot} -= r; } }`;
    const byStakes = (pot: string) => `if (${pot} !== 0) { ${f.map((fv, j) => `${fv} += ${pot} * ${stake[j]};`).join(' ')} }`;
    lines.push(
      `let v = ${ctx.periodExpr(term.venture, `${base}.venture`)};`,
      // A venture flow that is not a number is neither paid nor distributed: every stake's flow becomes NaN so the valuation stops and names it.
      `if (v !== v) { ${f.map((fv) => `${fv} += v;`).join(' ')} }`,
      `if (v < 0) { const use = ${R} < -v ? ${R} : -v; ${R} -= use; const short = -v - use; if (short > 0) { ${f
        .map((fv, j) => `{ const c = short * ${stake[j]}; ${fv} -= c; ${U[j]} += c; }`)
        .join(' ')} } }`,
      `else if (v > 0) { ${returnCapital('v')}`,
    );
    if (term.preferredReturn) {
      lines.push(`{ const to = ${sumO}; if (to > 0 && v > 0) { const q = v < to ? v : to; ${O.map((o, j) => `{ const x = q * (${o} / to); ${f[j]} += x; ${o} -= x; }`).join(' ')} v -= q; } }`);
    }
    lines.push(`${byStakes('v')} }`);
    // Rule 4: the reserve goes back at the end of the timeline, or when a termination fires.
    lines.push(`if ((t === endAt || t === P - 1) && ${R} !== 0) { let rv = ${R}; ${R} = 0; ${returnCapital('rv')} ${byStakes('rv')} }`);
    code.active.push(`{ ${lines.join(' ')} }`);
    return true;
  },
  template: (deal, id) => ({ id, type: 'equity', venture: firstSeries(deal), stakes: evenShares(deal) }),
  defaultTrigger: () => 'at closing',
  modelTiming: (deal, t) => `venture cash flow ${describeExpression(deal, t.venture)}`,
  termSheet: { slot: 'economics', blocks: (ctx, terms) => terms.flatMap((e) => equityBlocks(ctx, e)) },
  role: (t, p) => (p in t.stakes ? { rank: 2, role: 'Joint-venture partner' } : undefined),
  dealKind: { kind: 'jointVenture', rank: 0 },
  editor: [
    { kind: 'field', key: 'venture' },
    { kind: 'shares', key: 'stakes' },
    {
      kind: 'table',
      key: 'contributions',
      label: 'Capital contributions',
      add: 'Add contribution',
      columns: [
        { key: 'party', header: 'Party', cell: (i) => `Contribution ${i + 1} party` },
        { key: 'amount', header: 'Amount', cell: (i) => `Contribution ${i + 1} amount` },
        { key: 'at', header: 'At (period or date)', cell: (i) => `Contribution ${i + 1} period` },
      ],
      remove: (i) => `Remove contribution ${i + 1}`,
      newItem: (t, deal) => ({ party: deal.parties[(t.contributions ?? []).length % Math.max(1, deal.parties.length)]?.id ?? '', amount: 0, at: 0 }),
    },
    {
      kind: 'toggle',
      key: 'preferredReturn',
      legend: 'Preferred return',
      label: 'Pay a preferred return on unreturned capital',
      make: () => ({ rate: 0.08 }),
      items: [{ kind: 'field', key: 'rate' }],
    },
  ],
};
