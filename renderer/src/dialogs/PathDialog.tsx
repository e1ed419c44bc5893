/**
 * Where the host has no native file dialog (the web host), the page asks:
 * a folder browser inside the documents root (the only place the host reads
 * and writes), and the file's path, prefilled with the starting folder and
 * the suggested name. Typing a path works as well as browsing.
 */
import { useState } from 'react';
import { mainApi } from '../api/main-api';
import { openPath, saveTo } from '../documents/file-actions';
import { useAppStore } from '../store/app-store';
import { FolderBrowser, joinPath, separatorOf } from './FolderBrowser';
import { Modal } from './Modal';

export function PathDialog({ purpose, defaultDir, suggestedName }: { purpose: 'open' | 'save'; defaultDir: string; suggestedName: string }) {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const sep = separatorOf(defaultDir);
  const [path, setPath] = useState(joinPath(defaultDir, suggestedName));
  const [error, setError] = useState<string | null>(null);
  const finish = (p: string) => {
    if (!p || p.endsWith(sep)) return setError('Enter the full path of a file.');
    if (purpose === 'save' && !/\.deal$/i.test(p)) return setError('The file name must end in .deal.');
    closeDialog();
    void (purpose === 'open' ? openPath(p) : saveTo(p));
  };
  // Moving to another folder keeps the name typed so far.
  const inFolder = (folder: string) => setPath((current) => joinPath(folder, purpose === 'save' ? current.slice(current.lastIndexOf(separatorOf(current)) + 1) : ''));
  return (
    <Modal title={purpose === 'open' ? 'Open a deal file' : 'Save deal as'} onCancel={closeDialog}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          finish(path.trim());
        }}
      >
        <FolderBrowser
          folder={defaultDir}
          list={(folder) => mainApi().listFolder(folder, 'deal')}
          label="Folders and deal files"
          onFolder={inFolder}
          onFile={(p) => setPath(p)}
          onPick={(p) => finish(p)}
        />
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
