/**
 * The economic terms of a deal as contract wording: payments and milestones,
 * sales milestones, royalty tiers, revenue shares, cost sharing and equity,
 * then the termination rights. Every figure is a contract figure of the
 * scenario being exported, printed with all its digits; when each term is due
 * is its trigger wording (triggers.ts). The model's timing, conditions and
 * formulas are never described here: the internal draft's appendix states
 * them (model-timing.ts).
 *
 * Each kind of term writes its own blocks (shared/terms/<kind>.ts); this
 * module puts them in the term sheet's order (the registry's) and in their
 * section. Own cash flows are each party's private economics and are not
 * terms between the parties, so they never appear here.
 *
 * Intentionally has no platform imports.
 */
import type { Deal } from '../model/schema';
import { contractMoney } from '../format/contract-figures';
import { TERM_KINDS, type AnyTermKind } from '../terms/registry';
import type { TermBase } from '../terms/kind';
import type { Block } from './content';
import { para } from './blocks';
import { moneyFormat, type FigureContext } from './figure-cells';

export { col, heading, label, para } from './blocks';

/** The blocks of every kind placed in `slot`, in registry order; kinds without terms are left out. */
function slotBlocks(ctx: FigureContext, slot: 'economics' | 'termination'): Block[] {
  const blocks: Block[] = [];
  for (const kind of Object.values(TERM_KINDS) as unknown as AnyTermKind[]) {
    if (kind.termSheet?.slot !== slot) continue;
    const terms = ctx.deal.terms.filter((t) => t.type === kind.type) as TermBase[];
    if (terms.length) blocks.push(...kind.termSheet.blocks(ctx, terms));
  }
  return blocks;
}

/** The termination rights table, for the "Term and termination" section. */
export function terminationBlocks(ctx: FigureContext): Block[] {
  return slotBlocks(ctx, 'termination');
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
  const blocks = slotBlocks(ctx, 'economics');
  return blocks.length ? [conventionsNote(ctx), ...blocks] : [];
}

/** Each party's role in words, from the terms it takes part in (the kinds rank the roles: "Licensor" first). */
export function partyRole(deal: Deal, partyId: string): string {
  let best: { rank: number; role: string } | undefined;
  for (const t of deal.terms) {
    const role = (TERM_KINDS[t.type] as unknown as AnyTermKind).role?.(t, partyId);
    if (role && (!best || role.rank < best.rank)) best = role;
  }
  return best?.role ?? 'Party';
}
