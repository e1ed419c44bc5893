/** "Save changes?" before closing, opening another file or starting a new deal. */
import { discardChanges, save } from '../documents/file-actions';
import { useAppStore } from '../store/app-store';
import { Modal } from './Modal';
import { SaveChoices } from './SaveChoices';

export function UnsavedDialog({ then }: { then: () => void }) {
  const fileName = useAppStore((s) => s.document?.fileName ?? 'this deal');
  const closeDialog = useAppStore((s) => s.closeDialog);
  return (
    <Modal title="Unsaved changes" onCancel={closeDialog}>
      <p>Do you want to save the changes to {fileName}? Your changes are lost if you don't save them.</p>
      <SaveChoices save={save} discard={discardChanges} then={then} />
    </Modal>
  );
}
