/**
 * One term in the Terms section: its id, wording label, trigger (the contract
 * wording of when it is due, printed in every term sheet; the default shows
 * as a hint) and internal note, the actions (move, duplicate, delete) and the
 * editor its kind lays out (TermEditor.tsx).
 */
import type { Term } from '../../../shared/model/schema';
import { defaultTrigger } from '../../../shared/termsheet/triggers';
import { idProblem } from '../edits/ids';
import { duplicateTerm, moveTerm, removeTerm, renameTerm } from '../edits/term-edits';
import { TERM_TYPES, termTypeLabel } from '../edits/term-templates';
import { TextField } from '../fields/TextField';
import { useAppStore } from '../store/app-store';
import { termKind } from '../../../shared/terms/registry';
import { TermEditor } from './TermEditor';
import { useTermPatch } from './term-kit';

export function TermCard({ term, index, count }: { term: Term; index: number; count: number }) {
  const edit = useAppStore((s) => s.edit);
  const deal = useAppStore((s) => s.document?.deal);
  const patch = useTermPatch(term);
  const name = term.label || term.id;
  return (
    <section className="card term-card" aria-label={`Term ${term.id}`} data-term-id={term.id}>
      <header className="card-header">
        <span className="term-type" title={TERM_TYPES.find((t) => t.type === term.type)?.hint}>
          {termTypeLabel(term.type)}
        </span>
        <h3>{name}</h3>
        <div className="card-actions">
          <button type="button" className="icon-button" aria-label={`Move ${term.id} up`} disabled={index === 0} onClick={() => edit(moveTerm, { id: term.id, by: -1 })}>
            ↑
          </button>
          <button type="button" className="icon-button" aria-label={`Move ${term.id} down`} disabled={index === count - 1} onClick={() => edit(moveTerm, { id: term.id, by: 1 })}>
            ↓
          </button>
          <button type="button" className="small" aria-label={`Duplicate ${term.id}`} onClick={() => edit(duplicateTerm, { id: term.id })}>
            Duplicate
          </button>
          <button type="button" className="small danger" aria-label={`Delete ${term.id}`} onClick={() => edit(removeTerm, { id: term.id })}>
            Delete
          </button>
        </div>
      </header>
      <div className="term-grid term-identity">
        <TextField
          label="Id"
          value={term.id}
          path={`terms.${term.id}.id`}
          validate={(v) => (deal ? idProblem(deal, v.trim(), term.id) : null)}
          onCommit={(to) => edit(renameTerm, { from: term.id, to: to.trim() })}
        />
        <TextField label="Label (term-sheet wording)" value={term.label ?? ''} className="wide" onCommit={(label) => patch({ label: label || undefined })} />
        <TextField label="Note (internal)" value={term.note ?? ''} className="wide" onCommit={(note) => patch({ note: note || undefined })} />
        {!termKind(term).ownFlow && deal && (
          <TextField
            label="Trigger (when it is due, in contract words)"
            value={term.trigger ?? ''}
            placeholder={defaultTrigger(deal, term)}
            className="wide trigger"
            path={`terms.${term.id}.trigger`}
            onCommit={(trigger) => patch({ trigger: trigger.trim() ? trigger : undefined })}
          />
        )}
      </div>
      <TermEditor term={term} />
    </section>
  );
}
