/**
 * The internal draft's account of how the model times and conditions each
 * term, beside the contract wording the other side sees: "Upfront payment:
 * on signing | period 0 (2027) | none", "Exit on change of strategy: on
 * written notice | 2% chance per quarter from Q1 2028". Only ever part of the
 * internal appendix; never in a document for the other side.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, Term } from '../model/schema';
import { formatPercent } from '../format/percent';
import { formatPeriod, isWithinTimeline } from '../format/dates';
import type { Block, TableBlock } from './content';
import { plain } from './content';
import { col, label } from './economic-terms';
import { describeCondition, describeExpression, periodWord } from './wording';
import { sentenceCase, termTrigger } from './triggers';

function period(deal: Deal, value: number | string): string {
  if (typeof value !== 'number') return `as modelled: ${describeExpression(deal, value)}`;
  return isWithinTimeline(deal.timeline, value) ? `period ${value} (${formatPeriod(deal.timeline, value)})` : 'after the model horizon (never)';
}

/** The model's timing of a term, in words. */
function timing(deal: Deal, t: Term): string {
  switch (t.type) {
    case 'payment':
      if (t.at !== undefined && t.when !== undefined) return `${period(deal, t.at)}, only if the condition holds then`;
      if (t.at !== undefined) return period(deal, t.at);
      return 'the first period the condition holds';
    case 'salesMilestone':
      return `the first ${periodWord(deal)} ${describeExpression(deal, t.base)} ≥ ${describeExpression(deal, t.threshold)}`;
    case 'royalty':
    case 'revenueShare':
    case 'costShare':
      return `every ${periodWord(deal)} on ${describeExpression(deal, t.base)}${t.type === 'royalty' && t.until !== undefined ? `, up to ${period(deal, t.until)}` : ''}`;
    case 'equity':
      return `venture cash flow ${describeExpression(deal, t.venture)}`;
    case 'cashflow':
      return `own cash flow every ${periodWord(deal)}: ${describeExpression(deal, t.amount)}`;
    case 'termination': {
      const from = t.from !== undefined ? `, from ${period(deal, t.from)}` : '';
      if (t.hazard !== undefined) return `${typeof t.hazard === 'number' ? formatPercent(t.hazard) : describeExpression(deal, t.hazard)} chance per ${periodWord(deal)}${from}`;
      return `when the condition holds${from}`;
    }
  }
}

function condition(deal: Deal, t: Term): string {
  const when = t.type === 'payment' || t.type === 'termination' ? t.when : undefined;
  if (when === undefined) return 'None';
  return describeCondition(deal, when) ?? sentenceCase(describeExpression(deal, when));
}

export function modelTimingBlocks(deal: Deal): Block[] {
  const table: TableBlock = {
    kind: 'table',
    key: 'table:modelTiming',
    title: 'Model timing',
    rowsNamed: true,
    columns: [col('Term', 24), col('Contract wording', 26), col('Model timing', 28), col('Model condition', 22)],
    rows: deal.terms.map((t) => ({
      key: t.id,
      cells: [plain(label(t)), plain(t.type === 'cashflow' ? '(own cash flow, not a term)' : sentenceCase(termTrigger(deal, t))), plain(sentenceCase(timing(deal, t))), plain(condition(deal, t))],
    })),
  };
  return [
    { kind: 'heading', key: 'appendix:timing', level: 2, spans: plain('How the model times the terms') },
    { kind: 'paragraph', key: 'appendix:timing:intro', style: 'body', spans: plain('The term sheet states when each term is due in contract words. The valuation models each term as follows; these model assumptions are internal.') },
    table,
  ];
}
