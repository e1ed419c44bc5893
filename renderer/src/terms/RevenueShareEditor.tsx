/**
 * The revenue-share editor: a base split between the parties, either with one
 * set of shares or by tiers of the per-period base (each tier with its shares).
 */
import type { TermOf } from '../../../shared/model/schema';
import { stripUndefined } from '../edits/ids';
import { ValueField } from '../fields/ValueField';
import { SharesEditor, TermValue, useParties, useTermPatch, type TermEditorProps } from './term-kit';

type Tier = NonNullable<TermOf<'revenueShare'>['tiers']>[number];

export function RevenueShareEditor({ term }: TermEditorProps<TermOf<'revenueShare'>>) {
  const patch = useTermPatch(term);
  const parties = useParties();
  const tiered = term.tiers !== undefined;
  const even = Object.fromEntries(parties.map((p) => [p.value, Number((1 / Math.max(1, parties.length)).toFixed(4))]));
  const setTier = (i: number, tier: Tier) => patch({ tiers: (term.tiers ?? []).map((t, j) => (j === i ? tier : t)) });
  const switchMode = (toTiered: boolean) => {
    if (toTiered === tiered) return;
    if (toTiered) patch({ shares: undefined, tiers: [{ shares: term.shares ?? even }] });
    else patch({ tiers: undefined, shares: term.tiers?.[0]?.shares ?? even });
  };
  const addTier = () => {
    const tiers = term.tiers ?? [];
    const withCeiling = tiers.map((t, i) => (i === tiers.length - 1 && t.upTo === undefined ? { ...t, upTo: 0 } : t));
    patch({ tiers: [...withCeiling, { shares: { ...(tiers.at(-1)?.shares ?? even) } }] });
  };
  return (
    <div className="term-grid">
      <TermValue term={term} field="base" label="Base (series)" kind="money" />
      <fieldset className="mode">
        <legend>Split</legend>
        <label>
          <input type="radio" name={`${term.id}-mode`} checked={!tiered} onChange={() => switchMode(false)} /> Same shares throughout
        </label>
        <label>
          <input type="radio" name={`${term.id}-mode`} checked={tiered} onChange={() => switchMode(true)} /> By tier of the base
        </label>
      </fieldset>
      {!tiered && <SharesEditor label="Shares" shares={term.shares ?? {}} path={`terms.${term.id}.shares`} onCommit={(shares) => patch({ shares })} />}
      {tiered && (
        <div className="tier-list" role="group" aria-label="Revenue share tiers">
          {(term.tiers ?? []).map((tier, i, all) => (
            <div key={i} className="tier-row">
              <span className="tier-name">Tier {i + 1}</span>
              {i === all.length - 1 && tier.upTo === undefined ? (
                <span className="muted">and above</span>
              ) : (
                <ValueField label={`Tier ${i + 1} up to`} kind="money" allowFormula optional value={tier.upTo} path={`terms.${term.id}.tiers.${i}.upTo`} onCommit={(upTo) => setTier(i, stripUndefined({ ...tier, upTo }))} />
              )}
              <SharesEditor label={`Tier ${i + 1} shares`} shares={tier.shares} path={`terms.${term.id}.tiers.${i}.shares`} onCommit={(shares) => setTier(i, { ...tier, shares })} />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove tier ${i + 1}`}
                disabled={all.length === 1}
                onClick={() => patch({ tiers: all.filter((_t, j) => j !== i).map((t, j, rest) => (j === rest.length - 1 ? stripUndefined({ ...t, upTo: undefined }) : t)) })}
              >
                ✕
              </button>
            </div>
          ))}
          <button type="button" className="small" onClick={addTier}>
            Add share tier
          </button>
        </div>
      )}
    </div>
  );
}
