/** The joint-venture equity editor: venture cash flow, stakes, capital contributions and a preferred return. */
import type { TermOf } from '../../../shared/model/schema';
import { ValueField } from '../fields/ValueField';
import { PartySelect, SharesEditor, TermValue, useParties, useTermPatch, type TermEditorProps } from './term-kit';
import { EditableTableHead } from '../components/EditableTableHead';

type Contribution = NonNullable<TermOf<'equity'>['contributions']>[number];

export function EquityEditor({ term }: TermEditorProps<TermOf<'equity'>>) {
  const patch = useTermPatch(term);
  const parties = useParties();
  const contributions = term.contributions ?? [];
  const setContributions = (next: Contribution[]) => patch({ contributions: next.length ? next : undefined });
  const setContribution = (i: number, change: Partial<Contribution>) => setContributions(contributions.map((c, j) => (j === i ? { ...c, ...change } : c)));
  return (
    <div className="term-grid">
      <TermValue term={term} field="venture" label="Venture net cash flow (series)" kind="money" />
      <SharesEditor label="Stakes" shares={term.stakes} path={`terms.${term.id}.stakes`} onCommit={(stakes) => patch({ stakes })} />
      <table className="tier-table" aria-label="Capital contributions">
        <EditableTableHead columns={['Party', 'Amount', 'At period']} />
        <tbody>
          {contributions.map((c, i) => (
            <tr key={i}>
              <td>
                <PartySelect label={`Contribution ${i + 1} party`} value={c.party} path={`terms.${term.id}.contributions.${i}.party`} onCommit={(party) => setContribution(i, { party })} />
              </td>
              <td>
                <ValueField hideLabel label={`Contribution ${i + 1} amount`} kind="money" allowFormula value={c.amount} path={`terms.${term.id}.contributions.${i}.amount`} onCommit={(amount) => amount !== undefined && setContribution(i, { amount })} />
              </td>
              <td>
                <ValueField hideLabel label={`Contribution ${i + 1} period`} allowFormula value={c.at} path={`terms.${term.id}.contributions.${i}.at`} onCommit={(at) => at !== undefined && setContribution(i, { at })} />
              </td>
              <td>
                <button type="button" className="icon-button" aria-label={`Remove contribution ${i + 1}`} onClick={() => setContributions(contributions.filter((_c, j) => j !== i))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="small" onClick={() => setContributions([...contributions, { party: parties[contributions.length % Math.max(1, parties.length)]?.value ?? '', amount: 0, at: 0 }])}>
        Add contribution
      </button>
      <fieldset className="mode">
        <legend>Preferred return</legend>
        <label>
          <input type="checkbox" checked={term.preferredReturn !== undefined} onChange={(e) => patch({ preferredReturn: e.target.checked ? { rate: 0.08 } : undefined })} /> Pay a preferred return on unreturned capital
        </label>
        {term.preferredReturn && (
          <ValueField label="Preferred return rate (per year)" kind="percent" allowFormula value={term.preferredReturn.rate} path={`terms.${term.id}.preferredReturn.rate`} onCommit={(rate) => rate !== undefined && patch({ preferredReturn: { rate } })} />
        )}
      </fieldset>
    </div>
  );
}
