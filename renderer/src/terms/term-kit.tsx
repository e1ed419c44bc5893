/**
 * Building blocks of the term editor (TermEditor.tsx): patching the term
 * through the `term.replace` edit, a party picker, and a shares table (one
 * field per party).
 */
import type { NumberOrFormula, Term } from '../../../shared/model/schema';
import { stripUndefined } from '../edits/ids';
import { replaceTerm } from '../edits/term-edits';
import { SelectField } from '../fields/SelectField';
import { ValueField } from '../fields/ValueField';
import { useAppStore } from '../store/app-store';

/** Returns a function applying a partial change to `term` as one undoable edit; undefined removes a key. */
export function useTermPatch<T extends Term>(term: T): (patch: Partial<{ [K in keyof T]: T[K] | undefined }>) => void {
  const edit = useAppStore((s) => s.edit);
  return (patch) => {
    const next = stripUndefined({ ...term, ...patch }) as Term;
    edit(replaceTerm, { id: term.id, term: next });
  };
}

export function useParties(): { value: string; label: string }[] {
  const parties = useAppStore((s) => s.document?.deal.parties);
  return (parties ?? []).map((p) => ({ value: p.id, label: p.name }));
}

export function PartySelect({ label, value, onCommit, path, hideLabel }: { label: string; value: string; onCommit: (v: string) => void; path: string; hideLabel?: boolean | undefined }) {
  const parties = useParties();
  return <SelectField label={label} value={value} options={parties} onCommit={onCommit} path={path} hideLabel={hideLabel} />;
}

/** One percent field per party; an emptied field removes the party from the map. */
export function SharesEditor({ label, shares, onCommit, path }: { label: string; shares: Record<string, NumberOrFormula>; onCommit: (s: Record<string, NumberOrFormula>) => void; path: string }) {
  const parties = useParties();
  const values = Object.values(shares);
  // With a formula among the shares the total is only known per period; the engine checks it then.
  const sum = values.every((v) => typeof v === 'number') ? (values as number[]).reduce((a, b) => a + b, 0) : null;
  const extra = Object.keys(shares).filter((k) => !parties.some((p) => p.value === k));
  return (
    <fieldset className="shares">
      <legend>{label}</legend>
      <div className="shares-grid">
        {[...parties, ...extra.map((k) => ({ value: k, label: k }))].map((p) => (
          <ValueField
            key={p.value}
            label={`${label}: ${p.label}`}
            shortLabel={p.label}
            kind="percent"
            allowFormula
            optional
            value={shares[p.value]}
            path={`${path}.${p.value}`}
            onCommit={(v) => {
              const next = { ...shares };
              if (v !== undefined) next[p.value] = v;
              else delete next[p.value];
              onCommit(next);
            }}
          />
        ))}
        <span className={`shares-sum ${sum !== null && Math.abs(sum - 1) > 1e-9 ? 'bad' : ''}`} aria-label={`${label} total`}>
          Σ {sum === null ? 'by formula' : `${Number((sum * 100).toPrecision(6))}%`}
        </span>
      </div>
    </fieldset>
  );
}
