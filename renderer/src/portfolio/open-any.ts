/**
 * Open… takes deals and portfolios alike: a path, a dialog's pick, or files
 * dropped on the window (a dropped .dealbook brings the other files dropped
 * with it as its deals). Deals go to the document window; portfolios to the
 * portfolio view.
 */
import { fileTooBig } from '../../../shared/model/parse';
import { LIMITS } from '../../../shared/model/schema';
import { mainApi } from '../api/main-api';
import { guardUnsaved, openDroppedFile, openPath, showOpenResult } from '../documents/file-actions';
import { useAppStore } from '../store/app-store';
import { openDroppedPortfolio, openPortfolioPath } from './portfolio-actions';

const isPortfolio = (name: string) => /\.dealbook$/i.test(name);

/** What one drop may carry to the host in one message (the web host takes messages up to 16 MB; base64 adds a third). */
export const MAX_DROP_BYTES = 10 * 1024 * 1024;

export function openAnyPath(path: string): Promise<void> {
  return isPortfolio(path) ? openPortfolioPath(path) : openPath(path);
}

export function chooseAndOpenAny(): void {
  guardUnsaved(() => {
    void (async () => {
      try {
        const choice = await mainApi().chooseOpenPath();
        if (choice.kind === 'chosen') await openAnyPath(choice.path);
        else if (choice.kind === 'in-app') useAppStore.getState().openDialog({ kind: 'path', purpose: 'open', defaultDir: choice.defaultDir, suggestedName: '' });
      } catch (err) {
        useAppStore.getState().notify({ tone: 'error', text: `Opening a file failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    })();
  });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Files dropped on the window: a portfolio (with its deals among the others), else the first file as a deal. */
export function openDroppedFiles(files: File[]): void {
  const book = files.find((f) => isPortfolio(f.name));
  if (!book) {
    if (files[0]) openDroppedFile(files[0]);
    return;
  }
  const tooBig = files.find((f) => f.size > LIMITS.maxFileBytes);
  if (tooBig) {
    showOpenResult({ ok: false, fileName: tooBig.name, problems: [fileTooBig(tooBig.size)] });
    return;
  }
  const deals = files.filter((f) => f !== book && /\.deal$/i.test(f.name)).slice(0, 100);
  const total = [book, ...deals].reduce((s, f) => s + f.size, 0);
  if (total > MAX_DROP_BYTES) {
    showOpenResult({
      ok: false,
      fileName: book.name,
      problems: [{ path: '', message: `the portfolio and its deals are ${(total / 1024 / 1024).toFixed(1)} MB together, more than one drop takes (10 MB): open the portfolio with Open… instead` }],
    });
    return;
  }
  void (async () => {
    const read = async (f: File) => ({ name: f.name, base64: toBase64(new Uint8Array(await f.arrayBuffer())) });
    const companions = await Promise.all(deals.map(read));
    openDroppedPortfolio(await read(book), companions);
  })();
}
