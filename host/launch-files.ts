/**
 * Files the app was asked to open from outside the window: the command line
 * (`npm start` opens an example deal this way), the OS ("Open with", a double
 * click on a .deal or .dealbook file, macOS open-file) or a second launch. Each path is
 * handed to the renderer once: queued until the window asks, or pushed as an
 * `app:open-file` event when it is already listening.
 */
import { resolve } from 'node:path';

export class LaunchFiles {
  private queue: string[] = [];
  private listener: ((path: string) => void) | null = null;

  /** Picks the .deal and .dealbook paths out of a command line, resolved against the directory it was run from. */
  static fromArgv(argv: readonly string[], cwd: string): string[] {
    return argv.filter((a) => !a.startsWith('-') && /\.(deal|dealbook)$/i.test(a)).map((a) => resolve(cwd, a));
  }

  add(path: string): void {
    if (this.listener) this.listener(path);
    else this.queue.push(path);
  }

  /** Everything queued so far; from now on new paths go to `listener`, if given. */
  take(listener?: (path: string) => void): string[] {
    const out = this.queue;
    this.queue = [];
    if (listener) this.listener = listener;
    return out;
  }
}
