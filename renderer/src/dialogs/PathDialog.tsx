/**
 * Where the host has no native file dialog (the web host), the user types the
 * path: prefilled with the host's default folder and the suggested name.
 */
import { useState } from 'react';
import { openPath, saveTo } from '../documents/file-actions';
import { useAppStore } from '../store/app-store';
import { Modal } from './Modal';

export function PathDialog({ purpose, defaultDir, suggestedName }: { purpose: 'open' | 'save'; defaultDir: string; suggestedName: string }) {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const sep = defaultDir.includes('\\') && !defaultDir.includes('/') ? '\\' : '/';
  const [path, setPath] = useState(defaultDir.replace(/[\\/]$/, '') + sep + suggestedName);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const p = path.trim();
    if (!p || p.endsWith(sep)) return setError('Enter the full path of a file.');
    if (purpose === 'save' && !/\.deal$/i.test(p)) return setError('The file name must end in .deal.');
    closeDialog();
    void (purpose === 'open' ? openPath(p) : saveTo(p));
  };
  return (
    <Modal title={purpose === 'open' ? 'Open a deal file' : 'Save deal as'} onCancel={closeDialog}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field wide">
          <label className="field-label" htmlFor="path-input">
            File path
          </label>
          <input id="path-input" type="text" value={path} spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={error ? 'path-error' : undefined} onChange={(e) => setPath(e.target.value)} data-autofocus />
          {error && (
            <span id="path-error" className="field-message">
              {error}
            </span>
          )}
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {purpose === 'open' ? 'Open' : 'Save'}
          </button>
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
