/** Undo and Redo as a title bar shows them: named by the edit they would undo or redo, disabled when there is none. */
import { commandTitle, runCommand } from '../commands/app-commands';

export function UndoRedoButtons({ undoLabel, redoLabel }: { undoLabel: string | null; redoLabel: string | null }) {
  return (
    <>
      <button type="button" onClick={() => runCommand('edit.undo')} disabled={!undoLabel} title={undoLabel ? commandTitle('edit.undo', `Undo ${undoLabel}`) : 'Nothing to undo'} aria-label={undoLabel ? `Undo ${undoLabel}` : 'Undo'}>
        ↶ Undo
      </button>
      <button type="button" onClick={() => runCommand('edit.redo')} disabled={!redoLabel} title={redoLabel ? commandTitle('edit.redo', `Redo ${redoLabel}`) : 'Nothing to redo'} aria-label={redoLabel ? `Redo ${redoLabel}` : 'Redo'}>
        ↷ Redo
      </button>
    </>
  );
}
