/**
 * On start: documents autosaved by a session that ended without saving (a
 * crash, a killed host) are offered back. Restore opens the draft as unsaved
 * work; Discard deletes it. Unreadable recovery files are listed, never fatal.
 */
import { useEffect, useState } from 'react';
import type { RecoveryList } from '../../../shared/api';
import { mainApi } from '../api/main-api';
import { restoreRecovered } from '../documents/file-actions';
import { restorePortfolio } from '../portfolio/portfolio-actions';
import { Modal } from './Modal';

export function RecoveryPrompt() {
  const [list, setList] = useState<RecoveryList | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    mainApi()
      .listRecovered()
      .then(setList)
      .catch(() => setList(null));
  }, []);
  if (dismissed || !list || (list.documents.length === 0 && list.skipped.length === 0)) return null;
  const remove = (docKey: string) => setList((l) => (l ? { ...l, documents: l.documents.filter((d) => d.docKey !== docKey) } : l));
  return (
    <Modal title="Recover unsaved work" onCancel={() => setDismissed(true)}>
      <p>Dealwright closed with unsaved changes. These drafts were kept:</p>
      <ul className="recovery-list">
        {list.documents.map((d) => (
          <li key={d.docKey}>
            <div>
              <strong>{d.title}</strong> <span className="muted">{d.fileName} · autosaved {new Date(d.savedAt).toLocaleString()}</span>
            </div>
            <div className="dialog-actions">
              <button
                type="button"
                className="primary"
                aria-label={`Restore ${d.title}`}
                onClick={() => {
                  setDismissed(true);
                  void (d.kind === 'portfolio' ? restorePortfolio(d.docKey) : restoreRecovered(d.docKey));
                }}
              >
                Restore
              </button>
              <button
                type="button"
                aria-label={`Discard ${d.title}`}
                onClick={() => {
                  remove(d.docKey);
                  void mainApi().discardRecovered(d.docKey);
                }}
              >
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
      {list.skipped.length > 0 && (
        <details>
          <summary>{list.skipped.length} recovery file(s) could not be read</summary>
          <ul>
            {list.skipped.map((s) => (
              <li key={s.file}>
                {s.file}: {s.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => setDismissed(true)}>
          Not now
        </button>
      </div>
    </Modal>
  );
}
