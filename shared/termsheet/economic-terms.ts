/**
 * The economic terms of a deal as contract wording: payments and milestones,
 * sales milestones, royalty tiers, revenue shares, cost sharing and equity.
 * Every figure is a contract figure of the scenario being exported, printed
 * with all its digits; when each term is due is its trigger wording
 * (triggers.ts). The model's timing, conditions and formulas are never
 * described here: the internal draft's appendix states them (model-timing.ts).
 *
 * Own cash flows (`cashflow` terms) are each party's private economics and
 * are not terms between the parties, so they never appear here.
 *
 * One function per type of term, so each can move to its own module.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, NumberOrFormula, Term, TermOf, TermType } from '../model/schema';
import { contractMoney } from '../format/contract-figures';
import type { Block, Span, TableBlock, TableColumn, TableRow } from './content';
import { plain } from './content';
import { bands, moneyCells, moneyFormat, rateCells, type FigureContext } from './figure-cells';
import { sanitizeLine } from './sanitize';
import { columnsFit, longestWordTwips } from './text-width';
import { contractDate, formulaFieldWording, periodNoun, sentenceCase, termTrigger } from './triggers';
import { partyName } from './wording';

export const col = (header: string, weight: number, align: TableColumn['align'] = 'left', primary = false): TableColumn => ({
  header,
  weight,
  align,
  ...(primary ? { primary } : {}),
});

const row = (key: string, cells: string[], band?: TableRow['band']): TableRow => ({ key, cells: cells.map((c) => plain(c)), ...(band ? { band } : {}) });

export const label = (term: { id: string; label?: string }): string => sanitizeLine(term.label ?? '').trim() || sanitizeLine(term.id);

export function heading(key: string, text: string, level: 1 | 2 = 2): Block {
  return { kind: 'heading', key, level, spans: plain(text) };
}

export function para(key: string, spans: Span[] | string, style: 'body' | 'note' = 'body', keepNext = false): Block {
  return { kind: 'paragraph', key, style, spans: typeof spans === 'string' ? plain(spans) : spans, ...(keepNext ? { keepNext } : {}) };
}

const leadIn = (key: string, lead: string, text: string): Block => para(key, [{ text: `${lead}: `, bold: true }, { text }]);

function termsOf<K extends TermType>(deal: Deal, type: K): TermOf<K>[] {
  return deal.terms.filter((t): t is TermOf<K> => t.type === type);
}

/** A period field ("Contributed", "Exercisable from") in contract words: period 0 is closing or signing. */
function dateCell(deal: Deal, value: NumberOrFormula | undefined, term: Term, atStart: string): string {
  if (value === undefined) return atStart;
  if (typeof value !== 'number') return formulaFieldWording(term);
  if (Math.ceil(value) <= 0) return atStart;
  return Math.ceil(value) < deal.timeline.periods ? `In ${contractDate(deal, value)}` : formulaFieldWording(term);
}

function paymentsTable(ctx: FigureContext, payments: TermOf<'payment'>[]): TableBlock {
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

function salesMilestonesTable(ctx: FigureContext, milestones: TermOf<'salesMilestone'>[]): TableBlock {
  const { deal } = ctx;
  const thresholds = moneyCells(ctx, milestones.map((m) => ({ value: m.threshold, term: m })));
  const amounts = moneyCells(ctx, milestones.map((m) => ({ value: m.amount, term: m })));
  return {
    kind: 'table',
    key: 'table:salesMilestones',
    rowsNamed: true,
    title: 'Sales milestones',
    columns: [col('Milestone', 22), col(`Net Sales in a ${periodNoun(deal)}`, 16, 'right'), col('Amount', 13, 'right', true), col('Payable', 27), col('Paid by', 11), col('Paid to', 11)],
    rows: milestones.map((m, i) => row(m.id, [label(m), thresholds[i]!, amounts[i]!, sentenceCase(termTrigger(deal, m)), partyName(deal, m.from), partyName(deal, m.to)])),
  };
}

function royaltyBlocks(ctx: FigureContext, r: TermOf<'royalty'>): Block[] {
  const { deal } = ctx;
  const noun = periodNoun(deal);
  const tierBands = bands(ctx, r.tiers, r);
  const rates = rateCells(r.tiers.map((t) => ({ value: t.rate, term: r })));
  const blocks: Block[] = [
    heading(`heading:${r.id}`, label(r)),
    para(
      `intro:${r.id}`,
      `${partyName(deal, r.from)} pays ${partyName(deal, r.to)} a royalty on Net Sales at the following marginal rates: ` +
        `each rate applies only to the part of the Net Sales of a ${noun} that falls within its band.`,
    ),
    {
      kind: 'table',
      key: `table:${r.id}`,
      title: label(r),
      columns: [col(`Net Sales in a ${noun}`, 60), col('Royalty rate', 40, 'right', true)],
      rows: r.tiers.map((_t, i) => row(`band:${tierBands[i]!.upper || 'top'}`, [tierBands[i]!.text, rates[i]!], { ...tierBands[i]!, value: rates[i]! })),
    },
  ];
  if (r.until !== undefined) {
    const until = typeof r.until === 'number' ? `up to and including ${contractDate(deal, r.until)}` : formulaFieldWording(r);
    blocks.push(leadIn(`until:${r.id}`, 'Royalty term', `royalties are payable on Net Sales ${until}.`));
  }
  blocks.push(leadIn(`payable:${r.id}`, 'Payment', `royalties are payable ${termTrigger(deal, r)}.`));
  return blocks;
}

/** Whether party columns side by side would break a name: then the table turns, one row per party. */
function partiesAsColumnsFit(deal: Deal, parties: readonly string[], otherHeaders: readonly string[]): boolean {
  const widths = [...otherHeaders.map((h) => longestWordTwips(h, true)), ...parties.map((p) => Math.max(longestWordTwips(partyName(deal, p), true), longestWordTwips('100.000%')))];
  return parties.length <= 4 && columnsFit(widths);
}

function revenueShareBlocks(ctx: FigureContext, r: TermOf<'revenueShare'>): Block[] {
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

function costShareBlocks(ctx: FigureContext, costs: TermOf<'costShare'>[]): Block[] {
  const { deal } = ctx;
  const parties = [...new Set(costs.flatMap((c) => Object.keys(c.shares)))];
  const sharesOf = (c: TermOf<'costShare'>) => rateCells(parties.map((p) => ({ value: c.shares[p], term: c })));
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
}

function equityBlocks(ctx: FigureContext, e: TermOf<'equity'>): Block[] {
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

/** The termination rights table, for the "Term and termination" section. */
export function terminationBlocks(ctx: FigureContext): Block[] {
  const { deal } = ctx;
  const terms = termsOf(deal, 'termination');
  if (terms.length === 0) return [];
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
}

/** "All amounts are in USD; $25.0M means USD 25 million." */
export function conventionsNote(ctx: FigureContext): Block {
  const fmt = moneyFormat(ctx);
  const words = contractMoney(25, { ...fmt, style: 'words' });
  const text = ctx.moneyStyle === 'words' ? `All amounts are in ${ctx.deal.currency}.` : `All amounts are in ${ctx.deal.currency}; ${contractMoney(25, fmt)} means ${words}.`;
  return para('conventions', `${text} Rates are percentages.`, 'note', true);
}

/** All economic-term blocks, in the order a term sheet presents them. Empty groups are left out. */
export function economicTermBlocks(ctx: FigureContext): Block[] {
  const { deal } = ctx;
  const blocks: Block[] = [];
  const payments = termsOf(deal, 'payment');
  const sales = termsOf(deal, 'salesMilestone');
  if (payments.length) blocks.push(heading('heading:payments', 'Upfront and milestone payments'), paymentsTable(ctx, payments));
  if (sales.length) blocks.push(heading('heading:salesMilestones', 'Sales milestones'), salesMilestonesTable(ctx, sales));
  for (const r of termsOf(deal, 'royalty')) blocks.push(...royaltyBlocks(ctx, r));
  for (const r of termsOf(deal, 'revenueShare')) blocks.push(...revenueShareBlocks(ctx, r));
  const costs = termsOf(deal, 'costShare');
  if (costs.length) blocks.push(...costShareBlocks(ctx, costs));
  for (const e of termsOf(deal, 'equity')) blocks.push(...equityBlocks(ctx, e));
  return blocks.length ? [conventionsNote(ctx), ...blocks] : [];
}

/** Each party's role in words, from the terms it takes part in. */
export function partyRole(deal: Deal, partyId: string): string {
  const t = deal.terms;
  if (t.some((x) => x.type === 'royalty' && x.to === partyId)) return 'Licensor';
  if (t.some((x) => x.type === 'royalty' && x.from === partyId)) return 'Licensee';
  if (t.some((x) => x.type === 'equity' && partyId in x.stakes)) return 'Joint-venture partner';
  if (t.some((x) => (x.type === 'revenueShare' && (Object.keys(x.shares ?? {}).includes(partyId) || (x.tiers ?? []).some((tier) => partyId in tier.shares))) || (x.type === 'costShare' && partyId in x.shares))) {
    return 'Alliance partner';
  }
  if (t.some((x) => (x.type === 'payment' || x.type === 'salesMilestone') && x.to === partyId)) return 'Recipient of payments';
  if (t.some((x) => (x.type === 'payment' || x.type === 'salesMilestone') && x.from === partyId)) return 'Payer';
  return 'Party';
}
