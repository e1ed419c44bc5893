/** "Save changes?" before a portfolio is closed or replaced: its own edits, and deals brought back from its rows with changes. */
import { mainApi } from '../api/main-api';
import { Modal } from '../dialogs/Modal';
import { SaveChoices } from '../dialogs/SaveChoices';
import { useAppStore } from '../store/app-store';
import { savePortfolio } from './portfolio-actions';
import { dirtyParked, selectPortfolioDirty } from './portfolio-slice';

export function PortfolioUnsavedDialog({ then }: { then: () => void }) {
  const fileName = useAppStore((s) => s.portfolio?.fileName ?? 'this portfolio');
  const bookDirty = useAppStore(selectPortfolioDirty);
  const parked = useAppStore((s) => s.parked);
  const book = useAppStore((s) => s.portfolio?.book);
  // Computed here, not in a selector: a selector returning a new list each time would re-render forever.
  const parkedDirty = dirtyParked(parked);
  const parkedFiles = parkedDirty.map((place) => book?.deals[place]?.file ?? `deal ${place + 1}`);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const discard = () => {
    const s = useAppStore.getState();
    for (const place of parkedDirty) {
      const key = s.parked[place]?.docKey;
      if (key) void mainApi().discardRecovered(key).catch(() => undefined);
      s.setParked(place, null);
    }
    // The portfolio's own draft: the portfolio is being left without saving.
    if (s.portfolioKey) void mainApi().discardRecovered(s.portfolioKey).catch(() => undefined);
    useAppStore.setState({ savedBook: s.portfolio?.book ?? null });
  };
  return (
    <Modal title="Unsaved changes" onCancel={closeDialog}>
      {bookDirty && <p>Do you want to save the changes to {fileName}?</p>}
      {parkedFiles.length > 0 && (
        <p>
          Deals opened from this portfolio have unsaved changes: {parkedFiles.join(', ')}. Open them from their rows to save them; if you go on, these changes are lost.
        </p>
      )}
      {/* Saving settles it only when nothing is left open in a deal: those are saved from their rows. */}
      <SaveChoices save={bookDirty && parkedFiles.length === 0 ? savePortfolio : undefined} discard={discard} discardLabel={bookDirty && parkedFiles.length === 0 ? "Don't save" : 'Discard changes'} then={then} />
    </Modal>
  );
}
