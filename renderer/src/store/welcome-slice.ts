/** What the welcome screen shows: app info, the example deals and, when the host keeps them, recent files. */
import type { StateCreator } from 'zustand';
import type { AppInfo, ExampleSummary } from '../../../shared/api';
import { mainApi } from '../api/main-api';
import type { AppState } from './app-store';

export interface WelcomeSlice {
  appInfo: AppInfo | null;
  examples: ExampleSummary[];
  loadError: string | null;
  loadWelcome: () => Promise<void>;
}

export const createWelcomeSlice: StateCreator<AppState, [], [], WelcomeSlice> = (set) => ({
  appInfo: null,
  examples: [],
  loadError: null,
  loadWelcome: async () => {
    try {
      const api = mainApi();
      const [appInfo, examples] = await Promise.all([api.getAppInfo(), api.listExamples()]);
      set({ appInfo, examples, loadError: null });
    } catch (err) {
      set({ loadError: err instanceof Error ? err.message : String(err) });
    }
  },
});
