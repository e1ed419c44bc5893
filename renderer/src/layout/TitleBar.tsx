/** The document window's title bar: deal title (the page's h1), file name, dirty marker, and the main document actions. */
import { commandTitle as titleOf, runCommand } from '../commands/app-commands';
import { useAppStore } from '../store/app-store';
import { selectDirty, selectRedoLabel, selectUndoLabel } from '../store/document-slice';
import { UndoRedoButtons } from './UndoRedoButtons';

export function TitleBar() {
  const document = useAppStore((s) => s.document);
  const dirty = useAppStore(selectDirty);
  const undoLabel = useAppStore(selectUndoLabel);
  const redoLabel = useAppStore(selectRedoLabel);
  const portfolioTitle = useAppStore((s) => s.portfolio?.book.title);
  if (!document) return null;
  return (
    <header className="title-bar">
      <div className="title-block">
        <h1 id="deal-title">{document.deal.title}</h1>
        <span className="file-name">
          {document.fileName}
          {dirty && (
            <span className="dirty-marker" title="Unsaved changes" aria-label="Unsaved changes">
              ●
            </span>
          )}
        </span>
      </div>
      <div className="title-actions" role="toolbar" aria-label="Document">
        {portfolioTitle !== undefined && (
          <>
            <button type="button" onClick={() => runCommand('portfolio.back')} title={titleOf('portfolio.back', `Back to ${portfolioTitle}`)}>
              ← Portfolio
            </button>
            <span className="divider" aria-hidden="true" />
          </>
        )}
        <UndoRedoButtons undoLabel={undoLabel} redoLabel={redoLabel} />
        <span className="divider" aria-hidden="true" />
        <button type="button" onClick={() => runCommand('file.open')} title={titleOf('file.open')}>
          Open…
        </button>
        <button type="button" className="primary" onClick={() => runCommand('file.save')} title={titleOf('file.save')}>
          Save
        </button>
        <button type="button" onClick={() => runCommand('file.saveAs')} title={titleOf('file.saveAs')}>
          Save As…
        </button>
        <button type="button" onClick={() => runCommand('file.exportTermSheet')} title={titleOf('file.exportTermSheet', 'Export the term sheet to Word')}>
          Export term sheet…
        </button>
        <button type="button" onClick={() => runCommand('file.compareWith')} title="Redline against another scenario or file">
          Compare with…
        </button>
        <button type="button" onClick={() => runCommand('file.close')} title={titleOf('file.close')}>
          Close
        </button>
      </div>
    </header>
  );
}
