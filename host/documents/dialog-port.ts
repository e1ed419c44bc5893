/**
 * Asking the user where to open or save a file. Electron shows native dialogs
 * (electron/main/ports); the web host cannot, so it tells the renderer to ask
 * in the page; tests answer with a scripted port.
 */
import { homedir } from 'node:os';
import type { DialogChoice } from '../../shared/api';

export interface DialogPort {
  chooseOpenPath(): Promise<DialogChoice>;
  chooseSavePath(suggestedName: string): Promise<DialogChoice>;
}

/**
 * For hosts without native dialogs: the renderer shows its own path entry,
 * starting in `defaultDir` (DEALWRIGHT_DOCUMENTS_DIR if set, else the home folder).
 */
export function inAppDialogs(defaultDir: string = process.env.DEALWRIGHT_DOCUMENTS_DIR || homedir()): DialogPort {
  return {
    chooseOpenPath: async () => ({ kind: 'in-app', defaultDir }),
    chooseSavePath: async () => ({ kind: 'in-app', defaultDir }),
  };
}

/** Answers each dialog with the next scripted choice (tests, automation). */
export function scriptedDialogs(answers: DialogChoice[]): DialogPort {
  const next = async (): Promise<DialogChoice> => answers.shift() ?? { kind: 'cancelled' };
  return { chooseOpenPath: next, chooseSavePath: next };
}
