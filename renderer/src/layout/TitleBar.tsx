/** The document window's title bar: deal title (the page's h1), file name, dirty marker, and the main document actions. */
import { shortcutText } from '../../../shared/commands';
import { getCommand, runCommand } from '../commands/app-commands';
import { useAppStore } from '../store/app-store';
import { selectDirty, selectRedoLabel, selectUndoLabel } from '../store/document-slice';

/** "Save (Ctrl+S)": a command's label and shortcut, from the one list the menu is built from. */
function titleOf(name: string, words?: string): string {
  const c = getCommand(name);
  const label = words ?? c?.label.replace(/…$/, '') ?? name;
  return c?.shortcut ? `${label} (${shortcutText(c.shortcut)})` : label;
}

export function TitleBar() {
  const document = useAppStore((s) => s.document);
  const dirty = useAppStore(selectDirty);
  const undoLabel = useAppStore(selectUndoLabel);
  const redoLabel = useAppStore(selectRedoLabel);
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
        <button type="button" onClick={() => runCommand('edit.undo')} disabled={!undoLabel} title={undoLabel ? titleOf('edit.undo', `Undo ${undoLabel}`) : 'Nothing to undo'} aria-label={undoLabel ? `Undo ${undoLabel}` : 'Undo'}>
          ↶ Undo
        </button>
        <button type="button" onClick={() => runCommand('edit.redo')} disabled={!redoLabel} title={redoLabel ? titleOf('edit.redo', `Redo ${redoLabel}`) : 'Nothing to redo'} aria-label={redoLabel ? `Redo ${redoLabel}` : 'Redo'}>
          ↷ Redo
        </button>
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
