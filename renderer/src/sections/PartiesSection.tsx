/** The Parties section: name, discount rate, walk-away (BATNA) and which party is "us". */
import { setDealMeta } from '../edits/overview-edits';
import { idProblem } from '../edits/ids';
import { addParty, removeParty, renameParty, updateParty } from '../edits/party-edits';
import { TextField } from '../fields/TextField';
import { ValueField } from '../fields/ValueField';
import { useAppStore } from '../store/app-store';
import { EditableTableHead } from '../components/EditableTableHead';

export function PartiesSection() {
  const deal = useAppStore((s) => s.document?.deal);
  const edit = useAppStore((s) => s.edit);
  if (!deal) return null;
  return (
    <div className="section-body">
      <table className="grid-table" aria-label="Parties">
        <EditableTableHead columns={['Us', 'Id', 'Name', 'Discount rate (annual)', 'Walk-away NPV']} />
        <tbody>
          {deal.parties.map((p, i) => (
            <tr key={i} className={p.id === deal.us ? 'is-us' : undefined}>
              <td>
                <input type="radio" name="us" aria-label={`${p.name} is us`} checked={p.id === deal.us} onChange={() => edit(setDealMeta, { us: p.id })} />
              </td>
              <td>
                <TextField hideLabel label={`Party ${i + 1} id`} value={p.id} path={`parties.${p.id}.id`} validate={(v) => idProblem(deal, v.trim(), p.id)} onCommit={(to) => edit(renameParty, { from: p.id, to: to.trim() })} />
              </td>
              <td>
                <TextField hideLabel label={`Party ${i + 1} name`} value={p.name} path={`parties.${p.id}.name`} onCommit={(name) => edit(updateParty, { id: p.id, patch: { name } })} />
              </td>
              <td>
                <ValueField hideLabel label={`${p.name} discount rate`} kind="percent" value={p.discountRate} path={`parties.${p.id}.discountRate`} onCommit={(v) => typeof v === 'number' && edit(updateParty, { id: p.id, patch: { discountRate: v } })} />
              </td>
              <td>
                <ValueField hideLabel label={`${p.name} walk-away`} kind="money" value={p.walkAway} path={`parties.${p.id}.walkAway`} onCommit={(v) => typeof v === 'number' && edit(updateParty, { id: p.id, patch: { walkAway: v } })} />
              </td>
              <td>
                <button type="button" className="icon-button" aria-label={`Remove party ${p.name}`} disabled={deal.parties.length <= 2} onClick={() => edit(removeParty, { id: p.id })}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button type="button" onClick={() => edit(addParty, undefined)}>
          Add party
        </button>
      </div>
      <p className="hint">The walk-away is the NPV below which a party would rather not sign (its BATNA), in the deal's currency and unit. "Us" is the party whose view the workbench takes.</p>
    </div>
  );
}
