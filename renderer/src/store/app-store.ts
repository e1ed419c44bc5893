/**
 * The renderer's single zustand store, made of typed slices. This first slice
 * holds the welcome screen and the open document; later slices (scenarios,
 * valuation, ui) are added beside it.
 */
import { create } from 'zustand';
import type { AppInfo, ExampleSummary, OpenedDocument, Problem } from '../../../shared/api';
import { mainApi } from '../api/main-api';

export interface WelcomeSlice {
  appInfo: AppInfo | null;
  examples: ExampleSummary[];
  loadError: string | null;
  loadWelcome: () => Promise<void>;
}

export interface DocumentSlice {
  document: OpenedDocument | null;
  openProblems: { fileName: string; problems: Problem[] } | null;
  openExample: (id: string) => Promise<void>;
  closeDocument: () => void;
}

export type AppState = WelcomeSlice & DocumentSlice;

export const useAppStore = create<AppState>()((set) => ({
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
  document: null,
  openProblems: null,
  openExample: async (id) => {
    const result = await mainApi().openExample(id);
    if (result.ok) set({ document: result.document, openProblems: null });
    else set({ openProblems: { fileName: result.fileName, problems: result.problems } });
  },
  closeDocument: () => {
    set({ document: null });
  },
}));
