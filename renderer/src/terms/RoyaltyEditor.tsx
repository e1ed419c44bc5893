/** The royalty editor: payer, payee, base, an end period and a table of marginal tiers. */
import type { NumberOrFormula, TermOf } from '../../../shared/model/schema';
import { stripUndefined } from '../edits/ids';
import { ValueField } from '../fields/ValueField';
import { FromTo } from './PaymentEditors';
import { TermValue, useTermPatch, type TermEditorProps } from './term-kit';
import { EditableTableHead } from '../components/EditableTableHead';

type Tier = TermOf<'royalty'>['tiers'][number];

export function RoyaltyEditor({ term }: TermEditorProps<TermOf<'royalty'>>) {
  const patch = useTermPatch(term);
  const setTiers = (tiers: Tier[]) => patch({ tiers });
  const setTier = (i: number, change: Partial<Record<keyof Tier, NumberOrFormula | undefined>>) =>
    setTiers(term.tiers.map((t, j) => (j === i ? stripUndefined({ ...t, ...change }) as Tier : t)));
  const addTier = () => {
    // The new tier goes last (no ceiling); the previous last tier needs one.
    const tiers = term.tiers.map((t, i) => (i === term.tiers.length - 1 && t.upTo === undefined ? { ...t, upTo: 0 } : t));
    setTiers([...tiers, { rate: term.tiers.at(-1)?.rate ?? 0 }]);
  };
  return (
    <div className="term-grid">
      <FromTo term={term} />
      <TermValue term={term} field="base" label="Base (series)" />
      <TermValue term={term} field="until" label="Until period (inclusive)" optional />
      <table className="tier-table" aria-label="Royalty tiers">
        <EditableTableHead columns={['Tier', 'Up to (per period)', 'Rate']} />
        <tbody>
          {term.tiers.map((tier, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                {i === term.tiers.length - 1 && tier.upTo === undefined ? (
                  <span className="muted">and above</span>
                ) : (
                  <ValueField hideLabel label={`Tier ${i + 1} up to`} kind="money" allowFormula optional value={tier.upTo} path={`terms.${term.id}.tiers.${i}.upTo`} onCommit={(upTo) => setTier(i, { upTo })} />
                )}
              </td>
              <td>
                <ValueField hideLabel label={`Tier ${i + 1} rate`} kind="percent" allowFormula value={tier.rate} path={`terms.${term.id}.tiers.${i}.rate`} onCommit={(rate) => rate !== undefined && setTier(i, { rate })} />
              </td>
              <td>
                <button type="button" className="icon-button" aria-label={`Remove tier ${i + 1}`} disabled={term.tiers.length === 1} onClick={() => setTiers(term.tiers.filter((_t, j) => j !== i).map((t, j, all) => (j === all.length - 1 ? stripUndefined({ ...t, upTo: undefined }) : t)))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="small" onClick={addTier}>
        Add royalty tier
      </button>
    </div>
  );
}
