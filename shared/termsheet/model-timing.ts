/**
 * The internal draft's account of how the model times and conditions each
 * term, beside the contract wording the other side sees: "Upfront payment:
 * on signing | period 0 (2027) | none", "Exit on change of strategy: on
 * written notice | 2% chance per quarter from Q1 2028". Only ever part of the
 * internal appendix; never in a document for the other side. Each kind says
 * how the model times it (shared/terms/<kind>.ts).
 *
 * Intentionally has no platform imports.
 */
import type { Deal, Term } from '../model/schema';
import { termKind } from '../terms/registry';
import type { Block, TableBlock } from './content';
import { plain } from './content';
import { col, label } from './blocks';
import { describeCondition, describeExpression } from './wording';
import { sentenceCase, termTrigger } from './triggers';

/** The model's condition of a term: its `when`, in words. */
function condition(deal: Deal, t: Term): string {
  const when = 'when' in t ? t.when : undefined;
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
      cells: [
        plain(label(t)),
        plain(termKind(t).ownFlow ? '(own cash flow, not a term)' : sentenceCase(termTrigger(deal, t))),
        plain(sentenceCase(termKind(t).modelTiming(deal, t))),
        plain(condition(deal, t)),
      ],
    })),
  };
  return [
    { kind: 'heading', key: 'appendix:timing', level: 2, spans: plain('How the model times the terms') },
    { kind: 'paragraph', key: 'appendix:timing:intro', style: 'body', spans: plain('The term sheet states when each term is due in contract words. The valuation models each term as follows; these model assumptions are internal.') },
    table,
  ];
}
