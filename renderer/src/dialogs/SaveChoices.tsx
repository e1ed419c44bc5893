/**
 * The buttons of a "Save changes?" dialog, for a deal or a portfolio: Save
 * (when saving can settle it), the discard choice, and Cancel. Each choice
 * closes the dialog first; `then` (what the user was doing) follows a save
 * that succeeded or a discard.
 */
import { useAppStore } from '../store/app-store';

export function SaveChoices({ save, discard, discardLabel = "Don't save", then }: { save?: () => Promise<boolean>; discard: () => void; discardLabel?: string; then: () => void }) {
  const closeDialog = useAppStore((s) => s.closeDialog);
  return (
    <div className="dialog-actions">
      {save && (
        <button
          type="button"
          className="primary"
          data-autofocus
          onClick={() => {
            closeDialog();
            void save().then((ok) => {
              if (ok) then();
            });
          }}
        >
          Save
        </button>
      )}
      <button
        type="button"
        onClick={() => {
          closeDialog();
          discard();
          then();
        }}
      >
        {discardLabel}
      </button>
      <button type="button" onClick={closeDialog}>
        Cancel
      </button>
    </div>
  );
}
