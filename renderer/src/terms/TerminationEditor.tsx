/** The termination editor: a condition or a per-period hazard, an earliest period, and an optional fee. */
import type { TermOf } from '../../../shared/model/schema';
import { ValueField } from '../fields/ValueField';
import { PartySelect, TermValue, useParties, useTermPatch, type TermEditorProps } from './term-kit';

export function TerminationEditor({ term }: TermEditorProps<TermOf<'termination'>>) {
  const patch = useTermPatch(term);
  const parties = useParties();
  const byCondition = term.when !== undefined;
  return (
    <div className="term-grid">
      <fieldset className="mode">
        <legend>Fires</legend>
        <label>
          <input type="radio" name={`${term.id}-fires`} checked={byCondition} onChange={() => patch({ when: 'false', hazard: undefined })} /> When a condition holds
        </label>
        <label>
          <input type="radio" name={`${term.id}-fires`} checked={!byCondition} onChange={() => patch({ when: undefined, hazard: 0.02 })} /> With a probability each period (hazard)
        </label>
      </fieldset>
      {byCondition ? <TermValue term={term} field="when" label="When (condition)" /> : <TermValue term={term} field="hazard" label="Hazard per period" kind="percent" />}
      <TermValue term={term} field="from" label="Not before period" optional />
      <fieldset className="mode">
        <legend>Termination fee</legend>
        <label>
          <input
            type="checkbox"
            checked={term.fee !== undefined}
            onChange={(e) => patch({ fee: e.target.checked ? { from: parties[1]?.value ?? '', to: parties[0]?.value ?? '', amount: 0 } : undefined })}
          />{' '}
          A fee is paid when it fires
        </label>
        {term.fee && (
          <div className="term-grid">
            <PartySelect label="Fee paid by" value={term.fee.from} path={`terms.${term.id}.fee.from`} onCommit={(from) => term.fee && patch({ fee: { ...term.fee, from } })} />
            <PartySelect label="Fee paid to" value={term.fee.to} path={`terms.${term.id}.fee.to`} onCommit={(to) => term.fee && patch({ fee: { ...term.fee, to } })} />
            <ValueField label="Fee amount" kind="money" allowFormula value={term.fee.amount} path={`terms.${term.id}.fee.amount`} onCommit={(amount) => term.fee && amount !== undefined && patch({ fee: { ...term.fee, amount } })} />
          </div>
        )}
      </fieldset>
    </div>
  );
}
