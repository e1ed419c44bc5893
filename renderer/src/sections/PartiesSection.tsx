/**
 * The Parties section: name, discount rate, walk-away (BATNA) and which party
 * is "us"; then each party's legal details (legal name, jurisdiction,
 * registered address, signatory), which the term sheet's parties table and
 * signature blocks print and the valuation never reads.
 */
import { setDealMeta } from '../edits/overview-edits';
import { idProblem } from '../edits/ids';
import { addParty, removeParty, renameParty, setLegalDetails, updateParty } from '../edits/party-edits';
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
      <table className="grid-table parties-table" aria-label="Parties">
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

      <h3>Legal details</h3>
      <p className="hint">Printed in the term sheet's parties table and signature blocks; never part of the valuation. Missing details print as [to be confirmed].</p>
      {deal.parties.map((p) => (
        <section key={p.id} className="card" aria-label={`Legal details: ${p.name}`}>
          <h4>{p.name}</h4>
          <div className="form-grid">
            <TextField label="Legal name" value={p.legalName ?? ''} placeholder="Helix Bio, Inc." path={`parties.${p.id}.legalName`} onCommit={(legalName) => edit(setLegalDetails, { id: p.id, patch: { legalName } })} />
            <TextField label="Jurisdiction" value={p.jurisdiction ?? ''} placeholder="Delaware corporation" path={`parties.${p.id}.jurisdiction`} onCommit={(jurisdiction) => edit(setLegalDetails, { id: p.id, patch: { jurisdiction } })} />
            <TextField label="Registered address" className="wide" value={p.address ?? ''} path={`parties.${p.id}.address`} onCommit={(address) => edit(setLegalDetails, { id: p.id, patch: { address } })} />
            <TextField label="Signatory" value={p.signatory?.name ?? ''} path={`parties.${p.id}.signatory.name`} onCommit={(signatoryName) => edit(setLegalDetails, { id: p.id, patch: { signatoryName } })} />
            <TextField label="Signatory's title" value={p.signatory?.title ?? ''} path={`parties.${p.id}.signatory.title`} onCommit={(signatoryTitle) => edit(setLegalDetails, { id: p.id, patch: { signatoryTitle } })} />
          </div>
        </section>
      ))}
    </div>
  );
}
