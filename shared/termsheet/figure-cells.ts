/**
 * Contract figures as table cells: every figure with all its digits, one
 * style per column (a column holding 2% and 2.25% prints 2.00% and 2.25%),
 * a formula as the term's trigger wording (never the formula itself), and
 * tier bands ("Up to $300.0M", "$300.0M to $800.0M", "Above $800.0M") whose
 * bounds share one style.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, NumberOrFormula, Term } from '../model/schema';
import { columnDecimals, contractMoney, contractPercent, moneyDigits, percentDigits, type ContractMoneyFormat, type MoneyStyle } from '../format/contract-figures';
import { formulaFieldWording } from './triggers';

export interface FigureContext {
  /** The deal as the document may show it (redacted for the counterparty, see gate.ts). */
  deal: Deal;
  moneyStyle: MoneyStyle;
}

export interface FigureItem {
  value: NumberOrFormula | undefined;
  /** The term whose trigger wording stands in for a formula. */
  term: Term;
}

export const moneyFormat = (ctx: FigureContext): ContractMoneyFormat => ({ currency: ctx.deal.currency, unit: ctx.deal.unit, style: ctx.moneyStyle });

/** One money figure on its own (in prose). */
export function moneyText(ctx: FigureContext, amount: number): string {
  return contractMoney(amount, moneyFormat(ctx));
}

/** A column of money figures in one style; `empty` where an item has no value. */
export function moneyCells(ctx: FigureContext, items: readonly FigureItem[], empty = '–'): string[] {
  const fmt = moneyFormat(ctx);
  const decimals = columnDecimals(items.flatMap((i) => (typeof i.value === 'number' ? [moneyDigits(i.value, fmt)] : [])));
  return items.map((i) => (i.value === undefined ? empty : typeof i.value === 'number' ? contractMoney(i.value, fmt, decimals) : formulaFieldWording(i.term)));
}

/** A column of rates, shares or stakes as percentages in one style. */
export function rateCells(items: readonly FigureItem[], empty = '–'): string[] {
  const decimals = columnDecimals(items.flatMap((i) => (typeof i.value === 'number' ? [percentDigits(i.value)] : [])));
  return items.map((i) => (i.value === undefined ? empty : typeof i.value === 'number' ? contractPercent(i.value, decimals) : formulaFieldWording(i.term)));
}

export interface Band {
  text: string;
  lower: string;
  upper: string;
}

/** The bands of a tier list, bounds in one style: "Up to $300.0M", "$300.0M to $800.0M", "Above $800.0M". */
export function bands(ctx: FigureContext, tiers: readonly { upTo?: NumberOrFormula }[], term: Term): Band[] {
  const bounds = moneyCells(ctx, tiers.map((t) => ({ value: t.upTo, term })), '');
  return tiers.map((_t, i) => {
    const upper = bounds[i]!;
    const lower = i > 0 ? bounds[i - 1]! : '';
    const text = upper === '' ? (lower === '' ? 'All amounts' : `Above ${lower}`) : lower === '' ? `Up to ${upper}` : `${lower} to ${upper}`;
    return { text, lower, upper };
  });
}
