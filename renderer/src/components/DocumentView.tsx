import type { OpenedDocument } from '../../../shared/api';
import { useAppStore } from '../store/app-store';

export function DocumentView({ document }: { document: OpenedDocument }) {
  const closeDocument = useAppStore((s) => s.closeDocument);
  const { deal } = document;
  return (
    <main className="document" aria-labelledby="deal-title">
      <header className="document-header">
        <h1 id="deal-title">{deal.title}</h1>
        <span className="file-name">{document.fileName}</span>
        <button type="button" onClick={closeDocument}>
          Close
        </button>
      </header>
      {deal.description && <p>{deal.description}</p>}
    </main>
  );
}
