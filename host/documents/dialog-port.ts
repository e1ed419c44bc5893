/**
 * Asking the user where to open or save a file. Electron shows native dialogs
 * (electron/main/ports); the web host cannot, so it tells the renderer to ask
 * in the page, inside the documents root; tests answer with a scripted port.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DialogChoice } from '../../shared/api';

export interface DialogPort {
  chooseOpenPath(): Promise<DialogChoice>;
  /** `near`: the open document's own file, whose folder the dialog starts in; `kind`: a deal (default) or a portfolio. */
  chooseSavePath(suggestedName: string, near?: string, kind?: 'deal' | 'dealbook'): Promise<DialogChoice>;
}

/**
 * The folder the web host's in-page dialogs may browse, read and write:
 * DEALWRIGHT_DOCUMENTS_DIR if set, else the user's Documents folder, else
 * (no such folder) the home folder.
 */
export function documentsRoot(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.DEALWRIGHT_DOCUMENTS_DIR;
  if (fromEnv && fromEnv.trim() !== '') return resolve(fromEnv);
  const documents = join(homedir(), 'Documents');
  return existsSync(documents) ? documents : homedir();
}

/** For hosts without native dialogs: the renderer shows its own dialog, inside `root`. */
export function inAppDialogs(root: string = documentsRoot()): DialogPort {
  const choice = async (): Promise<DialogChoice> => ({ kind: 'in-app', defaultDir: root, root });
  return { chooseOpenPath: choice, chooseSavePath: choice };
}

/** Answers each dialog with the next scripted choice (tests, automation). */
export function scriptedDialogs(answers: DialogChoice[]): DialogPort {
  const next = async (): Promise<DialogChoice> => answers.shift() ?? { kind: 'cancelled' };
  return { chooseOpenPath: next, chooseSavePath: next };
}
