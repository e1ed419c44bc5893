/** The Terms section: every term as a card, in order, and a menu to add a term of any type. */
import { useState } from 'react';
import type { TermType } from '../../../shared/model/schema';
import { freshId } from '../edits/ids';
import { addTerm } from '../edits/term-edits';
import { TERM_TYPES } from '../edits/term-templates';
import { useAppStore } from '../store/app-store';
import { TermCard } from '../terms/TermCard';

export function TermsSection() {
  const deal = useAppStore((s) => s.document?.deal);
  const edit = useAppStore((s) => s.edit);
  const requestFocus = useAppStore((s) => s.requestFocus);
  const [type, setType] = useState<TermType>(TERM_TYPES[0]!.type);
  if (!deal) return null;
  const add = () => {
    const id = freshId(deal, type);
    if (edit(addTerm, { type, id })) setTimeout(() => requestFocus(`terms.${id}.id`), 0);
  };
  return (
    <div className="section-body">
      <div className="toolbar">
        <label htmlFor="new-term-type">New term</label>
        <select id="new-term-type" value={type} onChange={(e) => setType(e.target.value as TermType)}>
          {TERM_TYPES.map((t) => (
            <option key={t.type} value={t.type} title={t.hint}>
              {t.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={add}>
          Add term
        </button>
      </div>
      {deal.terms.length === 0 && <p className="empty">No terms yet. Choose a type above and add the first one.</p>}
      {deal.terms.map((term, i) => (
        <TermCard key={`${i}-${term.type}`} term={term} index={i} count={deal.terms.length} />
      ))}
    </div>
  );
}
