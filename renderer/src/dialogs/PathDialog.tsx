/**
 * Where the host has no native file dialog (the web host), the page asks:
 * a folder browser inside the documents root (the only place the host reads
 * and writes), and the file's path, prefilled with the starting folder and
 * the suggested name. Typing a path works as well as browsing.
 */
import { useState } from 'react';
import { mainApi } from '../api/main-api';
import { saveTo } from '../documents/file-actions';
import { openAnyPath } from '../portfolio/open-any';
import { addDealAt, createPortfolioAt, savePortfolioTo, writeBriefTo } from '../portfolio/portfolio-actions';
import { useAppStore } from '../store/app-store';
import type { PathPurpose } from '../store/ui-slice';
import { FolderBrowser, joinPath, separatorOf } from './FolderBrowser';
import { Modal } from './Modal';

/** Per purpose: the title, the button, which files the browser lists, the extension a new file needs, and what the path is for. */
const PURPOSES: Record<PathPurpose, { title: string; button: string; list: 'deal' | 'docx'; writes?: string; run: (path: string) => Promise<unknown> }> = {
  open: { title: 'Open a deal or portfolio', button: 'Open', list: 'deal', run: openAnyPath },
  save: { title: 'Save deal as', button: 'Save', list: 'deal', writes: '.deal', run: saveTo },
  'new-portfolio': { title: 'New portfolio: where it lives', button: 'Create', list: 'deal', writes: '.dealbook', run: createPortfolioAt },
  'save-portfolio': { title: 'Save portfolio as', button: 'Save', list: 'deal', writes: '.dealbook', run: savePortfolioTo },
  'add-deal': { title: "Add a deal from the portfolio's folder", button: 'Add', list: 'deal', run: addDealAt },
  'portfolio-brief': { title: 'Export the portfolio brief', button: 'Export', list: 'docx', writes: '.docx', run: writeBriefTo },
};

export function PathDialog({ purpose, defaultDir, suggestedName }: { purpose: PathPurpose; defaultDir: string; suggestedName: string }) {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const sep = separatorOf(defaultDir);
  const [path, setPath] = useState(joinPath(defaultDir, suggestedName));
  const [error, setError] = useState<string | null>(null);
  const spec = PURPOSES[purpose];
  const finish = (p: string) => {
    if (!p || p.endsWith(sep)) return setError('Enter the full path of a file.');
    if (spec.writes && !p.toLowerCase().endsWith(spec.writes)) return setError(`The file name must end in ${spec.writes}.`);
    closeDialog();
    void spec.run(p);
  };
  // Moving to another folder keeps the name typed so far.
  const inFolder = (folder: string) => setPath((current) => joinPath(folder, spec.writes ? current.slice(current.lastIndexOf(separatorOf(current)) + 1) : ''));
  return (
    <Modal title={spec.title} onCancel={closeDialog}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          finish(path.trim());
        }}
      >
        <FolderBrowser
          folder={defaultDir}
          list={(folder) => mainApi().listFolder(folder, spec.list)}
          label={spec.list === 'docx' ? 'Folders and Word files' : 'Folders, deal and portfolio files'}
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
            {spec.button}
          </button>
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
