/** Editors of the flow terms with one payer and one payee, and of own cash flows and cost shares. */
import type { TermOf } from '../../../shared/model/schema';
import { PartySelect, SharesEditor, TermValue, useTermPatch, type TermEditorProps } from './term-kit';

function FromTo({ term }: { term: TermOf<'payment'> | TermOf<'salesMilestone'> | TermOf<'royalty'> }) {
  const patch = useTermPatch(term);
  return (
    <>
      <PartySelect label="Paid by" value={term.from} onCommit={(from) => patch({ from })} path={`terms.${term.id}.from`} />
      <PartySelect label="Paid to" value={term.to} onCommit={(to) => patch({ to })} path={`terms.${term.id}.to`} />
    </>
  );
}
export { FromTo };

export function PaymentEditor({ term }: TermEditorProps<TermOf<'payment'>>) {
  return (
    <div className="term-grid">
      <FromTo term={term} />
      <TermValue term={term} field="amount" label="Amount" kind="money" />
      <TermValue term={term} field="at" label="At period" optional />
      <TermValue term={term} field="when" label="When (condition)" optional />
    </div>
  );
}

export function SalesMilestoneEditor({ term }: TermEditorProps<TermOf<'salesMilestone'>>) {
  return (
    <div className="term-grid">
      <FromTo term={term} />
      <TermValue term={term} field="amount" label="Amount" kind="money" />
      <TermValue term={term} field="base" label="Base (series)" />
      <TermValue term={term} field="threshold" label="Threshold" kind="money" />
    </div>
  );
}

export function CashflowEditor({ term }: TermEditorProps<TermOf<'cashflow'>>) {
  const patch = useTermPatch(term);
  return (
    <div className="term-grid">
      <PartySelect label="Party" value={term.party} onCommit={(party) => patch({ party })} path={`terms.${term.id}.party`} />
      <TermValue term={term} field="amount" label="Amount per period (signed)" kind="money" />
    </div>
  );
}

export function CostShareEditor({ term }: TermEditorProps<TermOf<'costShare'>>) {
  const patch = useTermPatch(term);
  return (
    <div className="term-grid">
      <TermValue term={term} field="base" label="Cost (positive)" kind="money" />
      <SharesEditor label="Cost shares" shares={term.shares} path={`terms.${term.id}.shares`} onCommit={(shares) => patch({ shares })} />
    </div>
  );
}
