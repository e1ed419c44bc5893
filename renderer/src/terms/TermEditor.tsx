/**
 * The editor of any kind of term, drawn from its kind's editor layout and
 * field list (shared/terms/<kind>.ts): a party picker for a party, a money,
 * percent, condition or timing field for a number-or-formula (as its field
 * says it holds), a select for a choice, a shares table, tables of tiers,
 * contributions or adjustments, radio modes and optional parts. Every change
 * is one undoable `term.replace` edit. A new field of a kind appears here
 * without touching this file.
 */
import type { Deal, NumberOrFormula, Term } from '../../../shared/model/schema';
import { scenarioPath, type PathKey } from '../../../shared/model/paths';
import type { FieldMap, FieldSpec, ValueSpec } from '../../../shared/terms/fields';
import type { EditorItem } from '../../../shared/terms/kind';
import { termKind } from '../../../shared/terms/registry';
import { EditableTableHead } from '../components/EditableTableHead';
import { stripUndefined } from '../edits/ids';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ValueField, type ValueKind } from '../fields/ValueField';
import { useAppStore } from '../store/app-store';
import { PartySelect, SharesEditor, useTermPatch } from './term-kit';
import { TimingField } from './TimingField';

type Obj = Readonly<Record<string, unknown>>;

/** Where items are drawn: the fields of an object (the term, its fee, a tier) and how to change one of them. */
interface Scope {
  fields: FieldMap;
  value: Obj;
  /** Keys from the term to this object (for field paths). */
  keys: PathKey[];
  set(key: string, value: unknown): void;
}

const VALUE_KIND: Record<ValueSpec['is'], ValueKind> = { amount: 'money', money: 'money', ceiling: 'money', rate: 'percent', share: 'percent', probability: 'percent', factor: 'percent', period: 'number', condition: 'number' };

/** One field of an object by its description. */
function FieldOf({ term, scope, fieldKey, label, hideLabel }: { term: Term; scope: Scope; fieldKey: string; label?: string | undefined; hideLabel?: boolean }) {
  const spec: FieldSpec | undefined = scope.fields[fieldKey];
  if (!spec) return null;
  const path = `terms.${term.id}.${scenarioPath([...scope.keys, fieldKey])}`;
  const value = scope.value[fieldKey];
  const shown = label ?? spec.label;
  switch (spec.kind) {
    case 'party':
      return <PartySelect label={shown} value={typeof value === 'string' ? value : ''} path={path} hideLabel={hideLabel} onCommit={(v) => scope.set(fieldKey, v)} />;
    case 'text':
      return <TextField label={shown} value={typeof value === 'string' ? value : ''} path={path} hideLabel={hideLabel} onCommit={(v) => scope.set(fieldKey, v.trim() ? v : spec.optional ? undefined : v)} />;
    case 'choice':
      return (
        <SelectField
          label={shown}
          value={typeof value === 'string' ? value : spec.default}
          options={spec.options}
          path={path}
          hideLabel={hideLabel}
          // The default is what an absent field means: choosing it leaves the file as it was.
          onCommit={(v) => scope.set(fieldKey, v === spec.default && spec.optional ? undefined : v)}
        />
      );
    case 'value': {
      const v = value as NumberOrFormula | undefined;
      const commit = (next: NumberOrFormula | undefined) => {
        if (next === undefined && !spec.optional) return;
        scope.set(fieldKey, next);
      };
      if (spec.is === 'period') return <TimingField label={shown} value={v} optional={spec.optional} path={path} hideLabel={hideLabel} onCommit={commit} />;
      // An empty optional condition reads as what it means, not as a dash.
      const placeholder = spec.is === 'condition' && spec.optional ? 'no condition' : undefined;
      return <ValueField label={shown} kind={VALUE_KIND[spec.is]} allowFormula optional={spec.optional} placeholder={placeholder} value={v} path={path} hideLabel={hideLabel} onCommit={commit} />;
    }
    default:
      return null;
  }
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A list of objects: a table (or a list of rows), with add and remove. */
function ListOf({ term, scope, item }: { term: Term; scope: Scope; item: Extract<EditorItem<Term>, { kind: 'table' }> }) {
  const deal = useAppStore((s) => s.document?.deal) as Deal | undefined;
  const spec = scope.fields[item.key];
  if (spec?.kind !== 'list' || !deal) return null;
  const rows = (Array.isArray(scope.value[item.key]) ? (scope.value[item.key] as Obj[]) : []).map((r) => (isObj(r) ? r : {}));
  const min = item.min ?? 0;
  const setRows = (next: Obj[]) => scope.set(item.key, next.length === 0 && spec.optional ? undefined : next);
  const rowScope = (i: number): Scope => ({
    fields: spec.item,
    value: rows[i]!,
    keys: [...scope.keys, item.key, i],
    set: (k, v) => setRows(rows.map((r, j) => (j === i ? stripUndefined({ ...r, [k]: v }) : r))),
  });
  const add = () => {
    // A tiered list's new row goes last (no ceiling); the former last row needs one.
    const kept = item.tiered ? rows.map((r, i) => (i === rows.length - 1 && r.upTo === undefined ? { ...r, upTo: 0 } : r)) : rows;
    setRows([...kept, item.newItem(term, deal)]);
  };
  const remove = (i: number) => {
    const rest = rows.filter((_r, j) => j !== i);
    setRows(item.tiered ? rest.map((r, j) => (j === rest.length - 1 ? stripUndefined({ ...r, upTo: undefined }) : r)) : rest);
  };
  const cell = (i: number, column: (typeof item.columns)[number], hideLabel: boolean) => {
    const row = rows[i]!;
    const colSpec = spec.item[column.key];
    if (item.tiered && column.key === 'upTo' && i === rows.length - 1 && row.upTo === undefined) return <span className="muted">and above</span>;
    if (colSpec?.kind === 'shares') {
      return (
        <SharesEditor
          label={column.cell(i)}
          shares={(isObj(row[column.key]) ? row[column.key] : {}) as Record<string, NumberOrFormula>}
          path={`terms.${term.id}.${scenarioPath([...scope.keys, item.key, i, column.key])}`}
          onCommit={(shares) => rowScope(i).set(column.key, shares)}
        />
      );
    }
    return <FieldOf term={term} scope={rowScope(i)} fieldKey={column.key} label={column.cell(i)} hideLabel={hideLabel} />;
  };
  const removeButton = (i: number) => (
    <button type="button" className="icon-button" aria-label={item.remove(i)} disabled={rows.length <= min} onClick={() => remove(i)}>
      ✕
    </button>
  );
  const addButton = (
    <button type="button" className="small" onClick={add}>
      {item.add}
    </button>
  );
  if (item.rows === 'list') {
    return (
      <div className="tier-list" role="group" aria-label={item.label}>
        {rows.map((_r, i) => (
          <div key={i} className="tier-row">
            <span className="tier-name">Tier {i + 1}</span>
            {item.columns.map((c) => (
              <span key={c.key} className="tier-cell">
                {cell(i, c, false)}
              </span>
            ))}
            {removeButton(i)}
          </div>
        ))}
        {addButton}
      </div>
    );
  }
  return (
    <>
      <table className={`tier-table ${item.tiered ? 'tiered' : ''} ${item.key}`} aria-label={item.label}>
        <EditableTableHead columns={[...(item.tiered ? ['Tier'] : []), ...item.columns.map((c) => c.header)]} />
        <tbody>
          {rows.map((_r, i) => (
            <tr key={i}>
              {item.tiered && <td>{i + 1}</td>}
              {item.columns.map((c) => (
                <td key={c.key}>{cell(i, c, true)}</td>
              ))}
              <td>{removeButton(i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {addButton}
    </>
  );
}

function Items({ term, scope, items }: { term: Term; scope: Scope; items: readonly EditorItem<Term>[] }) {
  const deal = useAppStore((s) => s.document?.deal) as Deal | undefined;
  const patchTerm = useTermPatch(term);
  return (
    <>
      {items.map((item, n) => {
        switch (item.kind) {
          case 'field':
            return <FieldOf key={n} term={term} scope={scope} fieldKey={item.key} label={item.label} />;
          case 'shares': {
            const spec = scope.fields[item.key];
            const shares = scope.value[item.key];
            return (
              <SharesEditor
                key={n}
                label={item.label ?? spec?.label ?? item.key}
                shares={(isObj(shares) ? shares : {}) as Record<string, NumberOrFormula>}
                path={`terms.${term.id}.${scenarioPath([...scope.keys, item.key])}`}
                onCommit={(v) => scope.set(item.key, v)}
              />
            );
          }
          case 'table':
            return <ListOf key={n} term={term} scope={scope} item={item} />;
          case 'mode':
            return (
              <fieldset key={n} className="mode">
                <legend>{item.legend}</legend>
                {item.options.map((o) => (
                  <label key={o.label}>
                    <input type="radio" name={`${term.id}-${item.legend}`} checked={o.is(term)} onChange={() => deal && !o.is(term) && patchTerm(o.pick(term, deal) as Partial<Term>)} /> {o.label}
                  </label>
                ))}
              </fieldset>
            );
          case 'when':
            return item.test(term) ? <Items key={n} term={term} scope={scope} items={item.items} /> : null;
          case 'toggle': {
            const spec = scope.fields[item.key];
            const value = scope.value[item.key];
            if (spec?.kind !== 'object') return null;
            const inner: Scope = {
              fields: spec.fields,
              value: isObj(value) ? value : {},
              keys: [...scope.keys, item.key],
              set: (k, v) => isObj(value) && scope.set(item.key, stripUndefined({ ...value, [k]: v })),
            };
            return (
              <fieldset key={n} className="mode">
                <legend>{item.legend}</legend>
                <label>
                  <input type="checkbox" checked={value !== undefined} onChange={(e) => deal && scope.set(item.key, e.target.checked ? item.make(deal) : undefined)} /> {item.label}
                </label>
                {isObj(value) && (
                  <div className="term-grid">
                    <Items term={term} scope={inner} items={item.items as readonly EditorItem<Term>[]} />
                  </div>
                )}
              </fieldset>
            );
          }
          default:
            return null;
        }
      })}
    </>
  );
}

/** The body of a term's card: its kind's editor layout. */
export function TermEditor({ term }: { term: Term }) {
  const patch = useTermPatch(term);
  const kind = termKind(term);
  const scope: Scope = { fields: kind.fields, value: term as unknown as Obj, keys: [], set: (k, v) => patch({ [k]: v } as Partial<Term>) };
  return (
    <div className="term-grid">
      <Items term={term} scope={scope} items={kind.editor as readonly EditorItem<Term>[]} />
    </div>
  );
}
