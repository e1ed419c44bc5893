/**
 * The help panel's state: open or closed, and the entry asked for (from a
 * figure's help link). Not saved, not undone.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export interface HelpSlice {
  help: { open: boolean; topic: string | null; nonce: number };
  showHelp: (topic?: string) => void;
  closeHelp: () => void;
}

export const createHelpSlice: StateCreator<AppState, [], [], HelpSlice> = (set) => ({
  help: { open: false, topic: null, nonce: 0 },
  showHelp: (topic) => set((s) => ({ help: { open: true, topic: topic ?? null, nonce: s.help.nonce + 1 } })),
  closeHelp: () => set((s) => ({ help: { ...s.help, open: false } })),
});
