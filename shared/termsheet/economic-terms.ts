/**
 * The economic terms of a deal as term-sheet blocks: payments and milestones,
 * sales milestones, royalty tiers, revenue shares, cost sharing, equity and
 * termination. Every figure is read from the scenario-applied deal and printed
 * in its currency, unit, percentages and calendar, so the document carries the
 * numbers of the scenario being exported and nothing else.
 *
 * Own cash flows (`cashflow` terms) are each party's private economics and are
 * not terms between the parties, so they never appear here.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, NumberOrFormula, TermOf, TermType } from '../model/schema';
import { formatPercent } from '../format/percent';
import type { Audience, Block, Span, TableBlock, TableColumn, TableRow } from './content';
import { plain } from './content';
import { sanitizeLine } from './sanitize';
import {
  describeCondition,
  describeExpression,
  describeMoney,
  describePeriod,
  describeRate,
  partyName,
  periodWord,
} from './wording';

const col = (header: string, weight: number, align: TableColumn['align'] = 'left', primary = false): TableColumn => ({
  header,
  weight,
  align,
  ...(primary ? { primary } : {}),
});

const row = (key: string, cells: string[]): TableRow => ({ key, cells: cells.map((c) => plain(c)) });

const label = (term: { id: string; label?: string }) => sanitizeLine(term.label ?? term.id);

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function heading(key: string, text: string, level: 1 | 2 = 2): Block {
  return { kind: 'heading', key, level, spans: plain(text) };
}

function para(key: string, spans: Span[] | string, style: 'body' | 'note' = 'body'): Block {
  return { kind: 'paragraph', key, style, spans: typeof spans === 'string' ? plain(spans) : spans };
}

function termsOf<K extends TermType>(deal: Deal, type: K): TermOf<K>[] {
  return deal.terms.filter((t): t is TermOf<K> => t.type === type);
}

function paymentsTable(deal: Deal, payments: TermOf<'payment'>[]): TableBlock {
  return {
    kind: 'table',
    key: 'table:payments',
    rowsNamed: true,
    title: 'Upfront and milestone payments',
    columns: [col('Event', 25), col('Due', 10), col('Amount', 11, 'right', true), col('Payer', 14), col('Payee', 13), col('Condition', 27)],
    rows: payments.map((p) =>
      row(p.id, [
        label(p),
        p.at !== undefined ? describePeriod(deal, p.at) : 'On the event',
        describeMoney(deal, p.amount),
        partyName(deal, p.from),
        partyName(deal, p.to),
        // A condition that is only about timing is already in Due, unless there is no fixed date to show it.
        p.when === undefined ? 'None' : (describeCondition(deal, p.when) ?? (p.at !== undefined ? 'None' : sentence(describeExpression(deal, p.when)))),
      ]),
    ),
  };
}

function salesMilestonesTable(deal: Deal, milestones: TermOf<'salesMilestone'>[]): TableBlock {
  return {
    kind: 'table',
    key: 'table:salesMilestones',
    rowsNamed: true,
    title: 'Sales milestones',
    columns: [col('Event', 26), col('Trigger', 30), col('Amount', 14, 'right', true), col('Payer', 15), col('Payee', 15)],
    rows: milestones.map((m) =>
      row(m.id, [
        label(m),
        `${sentence(describeExpression(deal, m.base))} in a ${periodWord(deal)} first reach ${describeMoney(deal, m.threshold)}`,
        describeMoney(deal, m.amount),
        partyName(deal, m.from),
        partyName(deal, m.to),
      ]),
    ),
  };
}

/** "Up to $300.0M", "$300.0M to $800.0M", "Above $800.0M" for tier i of a tier list. */
function band(deal: Deal, tiers: readonly { upTo?: number | string }[], i: number): string {
  const upper = tiers[i]!.upTo;
  const lower = i > 0 ? tiers[i - 1]!.upTo : undefined;
  if (upper === undefined) return lower === undefined ? 'All amounts' : `Above ${describeMoney(deal, lower)}`;
  return lower === undefined ? `Up to ${describeMoney(deal, upper)}` : `${describeMoney(deal, lower)} to ${describeMoney(deal, upper)}`;
}

function royaltyBlocks(deal: Deal, r: TermOf<'royalty'>): Block[] {
  const base = describeExpression(deal, r.base);
  const blocks: Block[] = [
    heading(`heading:${r.id}`, label(r)),
    para(
      `intro:${r.id}`,
      `${partyName(deal, r.from)} pays ${partyName(deal, r.to)} royalties on ${base} in each ${periodWord(deal)}. ` +
        `Rates are marginal: each rate applies only to the part of that ${periodWord(deal)}'s ${base} that falls within its tier.`,
    ),
    {
      kind: 'table',
      key: `table:${r.id}`,
      title: label(r),
      columns: [col('Tier', 16), col(`${sentence(base)} per ${periodWord(deal)}`, 54), col('Royalty rate', 30, 'right', true)],
      rows: r.tiers.map((t, i) => row(`tier${i}`, [`Tier ${i + 1}`, band(deal, r.tiers, i), describeRate(deal, t.rate)])),
    },
  ];
  if (r.until !== undefined) blocks.push(para(`until:${r.id}`, `Royalties are payable up to and including ${describePeriod(deal, r.until)}.`, 'note'));
  return blocks;
}

/** A share or stake: a percentage, a formula in words, or a dash for a party without one. */
function shareText(deal: Deal, value: NumberOrFormula | undefined): string {
  return value === undefined ? '–' : describeRate(deal, value);
}

function shareColumns(deal: Deal, parties: string[]): TableColumn[] {
  const weight = Math.max(12, Math.floor(50 / Math.max(1, parties.length)));
  return parties.map((p) => col(partyName(deal, p), weight, 'right'));
}

function revenueShareBlocks(deal: Deal, r: TermOf<'revenueShare'>): Block[] {
  const tiers = r.tiers ?? (r.shares ? [{ shares: r.shares }] : []);
  const parties = [...new Set(tiers.flatMap((t) => Object.keys(t.shares)))];
  const base = describeExpression(deal, r.base);
  return [
    heading(`heading:${r.id}`, label(r)),
    para(
      `intro:${r.id}`,
      tiers.length > 1
        ? `${sentence(base)} is shared in each ${periodWord(deal)} by tier: each tier's shares apply only to the part of that ${periodWord(deal)}'s ${base} within the tier.`
        : `${sentence(base)} is shared in each ${periodWord(deal)} as follows.`,
    ),
    {
      kind: 'table',
      key: `table:${r.id}`,
      title: label(r),
      columns: [col('Tier', 14), col(`${sentence(base)} per ${periodWord(deal)}`, 36), ...shareColumns(deal, parties)],
      rows: tiers.map((t, i) =>
        row(`tier${i}`, [tiers.length > 1 ? `Tier ${i + 1}` : 'All', band(deal, tiers, i), ...parties.map((p) => shareText(deal, t.shares[p]))]),
      ),
    },
  ];
}

function costShareBlocks(deal: Deal, costs: TermOf<'costShare'>[]): Block[] {
  const parties = [...new Set(costs.flatMap((c) => Object.keys(c.shares)))];
  return [
    heading('heading:costSharing', 'Cost sharing'),
    para('intro:costSharing', `Each party bears its share of the following costs in every ${periodWord(deal)} in which they arise.`),
    {
      kind: 'table',
      key: 'table:costSharing',
    rowsNamed: true,
      title: 'Cost sharing',
      columns: [col('Cost', 30), col('Measured as', 26), ...shareColumns(deal, parties)],
      rows: costs.map((c) => row(c.id, [label(c), sentence(describeExpression(deal, c.base)), ...parties.map((p) => shareText(deal, c.shares[p]))])),
    },
  ];
}

function equityBlocks(deal: Deal, e: TermOf<'equity'>): Block[] {
  const parties = [...new Set([...Object.keys(e.stakes), ...(e.contributions ?? []).map((c) => c.party)])];
  const contributionsOf = (p: string) => (e.contributions ?? []).filter((c) => c.party === p);
  const list = `distribution:${e.id}`;
  const pref = e.preferredReturn;
  const blocks: Block[] = [
    heading(`heading:${e.id}`, label(e)),
    para(`intro:${e.id}`, 'The parties hold the venture in the following proportions and contribute the following capital.'),
    {
      kind: 'table',
      key: `table:${e.id}`,
      title: label(e),
      columns: [col('Party', 34), col('Equity stake', 18, 'right'), col('Capital contribution', 24, 'right'), col('Contributed in', 24)],
      rows: parties.map((p) =>
        row(p, [
          partyName(deal, p),
          shareText(deal, e.stakes[p]),
          contributionsOf(p).map((c) => describeMoney(deal, c.amount)).join('; ') || 'None',
          contributionsOf(p).map((c) => describePeriod(deal, c.at)).join('; ') || '–',
        ]),
      ),
    },
  ];
  if (pref) {
    blocks.push(
      para(`preferred:${e.id}`, [
        { text: 'Preferred return: ', bold: true },
        { text: `${describeRate(deal, pref.rate)} a year, simple interest, on each party's unreturned contributed capital; unpaid amounts carry forward.` },
      ]),
    );
  }
  blocks.push(
    para(`calls:${e.id}`, [
      { text: 'Capital calls: ', bold: true },
      { text: "a shortfall of the venture's cash is first met from its cash reserve, then called from the parties in proportion to their stakes; called capital counts as contributed capital." },
    ]),
    para(`order:${e.id}`, [
      { text: 'Distributions: ', bold: true },
      { text: `the venture's positive cash flow in a ${periodWord(deal)} is distributed in that ${periodWord(deal)} in this order:` },
    ]),
    { kind: 'listItem', key: `order1:${e.id}`, list, spans: plain("return of contributed capital, in proportion to each party's unreturned capital;") },
  );
  if (pref) blocks.push({ kind: 'listItem', key: `order2:${e.id}`, list, spans: plain(`the preferred return of ${describeRate(deal, pref.rate)} a year, in proportion to the amounts owed;`) });
  blocks.push(
    { kind: 'listItem', key: `order3:${e.id}`, list, spans: plain('the balance in proportion to equity stakes.') },
    para(`end:${e.id}`, 'At the end of the venture any remaining reserve is returned as unreturned capital first, then by stakes; no preferred return is paid from it.', 'note'),
  );
  return blocks;
}

function terminationBlocks(deal: Deal, terms: TermOf<'termination'>[], audience: Audience): Block[] {
  const blocks: Block[] = [
    heading('heading:termination', 'Termination and change of strategy'),
    para('effect:termination', `The following rights end the agreement. On termination the fee shown is paid, and every economic term above ends after the ${periodWord(deal)} in which termination takes effect.`),
    {
      kind: 'table',
      key: 'table:termination',
    rowsNamed: true,
      title: 'Termination',
      columns: [col('Clause', 24), col('Trigger', 26), col('Exercisable from', 14), col('Fee', 12, 'right', true), col('Paid by', 12), col('Paid to', 12)],
      rows: terms.map((t) =>
        row(t.id, [
          label(t),
          t.when !== undefined
            ? (describeCondition(deal, t.when) ?? sentence(describeExpression(deal, t.when)))
            : t.hazard !== undefined
              ? 'Change of strategy or exit by a party'
              : 'Not specified',
          t.from !== undefined ? describePeriod(deal, t.from) : 'Signing',
          t.fee ? describeMoney(deal, t.fee.amount) : 'None',
          t.fee ? partyName(deal, t.fee.from) : '–',
          t.fee ? partyName(deal, t.fee.to) : '–',
        ]),
      ),
    },
  ];
  if (audience === 'internal') {
    for (const t of terms) {
      if (typeof t.hazard === 'number') {
        blocks.push(para(`hazard:${t.id}`, `Internal: our model assumes a ${formatPercent(t.hazard)} chance per ${periodWord(deal)} that "${label(t)}" is triggered.`, 'note'));
      }
    }
  }
  return blocks;
}

/** All economic-term blocks, in the order a term sheet presents them. Empty groups are left out. */
export function economicTermBlocks(deal: Deal, audience: Audience): Block[] {
  const blocks: Block[] = [];
  const payments = termsOf(deal, 'payment');
  const sales = termsOf(deal, 'salesMilestone');
  if (payments.length) blocks.push(heading('heading:payments', 'Upfront and milestone payments'), paymentsTable(deal, payments));
  if (sales.length) blocks.push(heading('heading:salesMilestones', 'Sales milestones'), salesMilestonesTable(deal, sales));
  for (const r of termsOf(deal, 'royalty')) blocks.push(...royaltyBlocks(deal, r));
  for (const r of termsOf(deal, 'revenueShare')) blocks.push(...revenueShareBlocks(deal, r));
  const costs = termsOf(deal, 'costShare');
  if (costs.length) blocks.push(...costShareBlocks(deal, costs));
  for (const e of termsOf(deal, 'equity')) blocks.push(...equityBlocks(deal, e));
  const terminations = termsOf(deal, 'termination');
  if (terminations.length) blocks.push(...terminationBlocks(deal, terminations, audience));
  return blocks;
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
