/**
 * The help panel: a short, searchable explanation of every figure (help-topics.ts),
 * opened from any figure's "?" or with F1; the entry asked for is shown first
 * and focused. Escape or Close hides it.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store/app-store';
import { HELP_TOPICS, searchHelp } from './help-topics';
import './help.css';

export function HelpPanel() {
  const help = useAppStore((s) => s.help);
  const closeHelp = useAppStore((s) => s.closeHelp);
  // A search belongs to one opening of the panel: asking for another entry starts with no search.
  const [search, setSearch] = useState({ nonce: -1, text: '' });
  const query = search.nonce === help.nonce ? search.text : '';
  const setQuery = (text: string) => setSearch({ nonce: help.nonce, text });
  const searchRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!help.open) return;
    const target = help.topic ? panelRef.current?.querySelector<HTMLElement>(`#help-${help.topic}`) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus();
    } else searchRef.current?.focus();
  }, [help.open, help.topic, help.nonce]);

  if (!help.open) return null;
  const topics = query.trim() ? searchHelp(query) : HELP_TOPICS;
  return (
    <aside
      ref={panelRef}
      className="help-panel"
      role="complementary"
      aria-label="Help"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closeHelp();
        }
      }}
    >
      <header className="help-header">
        <h2>Help</h2>
        <button type="button" onClick={closeHelp}>
          Close
        </button>
      </header>
      <input ref={searchRef} type="search" className="help-search" placeholder="Search help (e.g. walk-away, P90, preview)" aria-label="Search help" value={query} onChange={(e) => setQuery(e.target.value)} />
      {topics.length === 0 && <p className="muted">Nothing in the help matches “{query}”.</p>}
      <div className="help-topics">
        {topics.map((t) => (
          <section key={t.id} id={`help-${t.id}`} tabIndex={-1} className={t.id === help.topic && !query ? 'help-topic is-asked' : 'help-topic'} aria-labelledby={`help-${t.id}-title`}>
            <h3 id={`help-${t.id}-title`}>{t.title}</h3>
            {t.body.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
        ))}
      </div>
    </aside>
  );
}
