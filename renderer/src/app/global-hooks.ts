/**
 * Window-wide behaviour of the document window: shortcuts and native menu
 * commands (through the one command registry), autosave every 30 s and on
 * blur, the browser's own "leave page?" prompt when work is unsaved, and
 * opening a .deal file (or a .dealbook with its deals) dropped anywhere on the window.
 */
import { useEffect } from 'react';
import { mainApi } from '../api/main-api';
import { commandForKey, runCommand } from '../commands/app-commands';
import { autosaveNow } from '../documents/file-actions';
import { openDroppedFiles } from '../portfolio/open-any';
import { autosavePortfolioNow } from '../portfolio/portfolio-actions';
import { selectParkedDirty, selectPortfolioDirty } from '../portfolio/portfolio-slice';
import { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/document-slice';

export const AUTOSAVE_MS = 30_000;

/** Commits a field being edited (fields commit on blur) so a shortcut acts on what the user sees. */
function commitActiveField(): HTMLElement | null {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) {
    active.blur();
    return active;
  }
  return null;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (!command) return;
      const target = e.target as HTMLElement | null;
      // Inside a formula editor, undo/redo belong to the editor's own text history.
      if (target?.closest('.monaco-editor') && (command.name === 'edit.undo' || command.name === 'edit.redo')) return;
      e.preventDefault();
      const field = commitActiveField();
      if (runCommand(command.name) && field?.isConnected) field.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function useMenuCommands(): void {
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    try {
      unsubscribe = mainApi().subscribe('menu:command', ({ command }) => {
        commitActiveField();
        runCommand(command);
      });
    } catch {
      // No host (a unit-test page): nothing to subscribe to.
    }
    return () => unsubscribe?.();
  }, []);
}

export function useAutosave(): void {
  useEffect(() => {
    const both = () => {
      void autosaveNow();
      void autosavePortfolioNow();
    };
    const timer = window.setInterval(both, AUTOSAVE_MS);
    const onBlur = both;
    const onHidden = () => {
      if (document.visibilityState === 'hidden') both();
    };
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);
}

export function useLeaveGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const s = useAppStore.getState();
      if (!selectDirty(s) && !selectPortfolioDirty(s) && selectParkedDirty(s).length === 0) return;
      void autosaveNow();
      void autosavePortfolioNow();
      e.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}

export function useFileDrop(): void {
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      openDroppedFiles(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
