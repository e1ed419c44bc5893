/**
 * Opens the .deal and .dealbook files the app was started with (command line, "Open with",
 * double click) and those the OS sends while it runs.
 */
import { useEffect } from 'react';
import { mainApi } from '../api/main-api';
import { openAnyPath } from '../portfolio/open-any';

// Taken once per page: the host hands each path out only once, and React's
// development double-mount must not swallow them.
let taken = false;

export function useLaunchFiles(): void {
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    try {
      const api = mainApi();
      unsubscribe = api.subscribe('app:open-file', ({ path }) => void openAnyPath(path));
      if (!taken) {
        taken = true;
        void api.takeLaunchFiles().then(async (paths) => {
          for (const path of paths) await openAnyPath(path);
        });
      }
    } catch {
      // No host (a unit-test page): nothing to open.
    }
    return () => unsubscribe?.();
  }, []);
}
