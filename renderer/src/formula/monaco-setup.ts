/**
 * Monaco, bundled locally and loaded on demand (dynamic import from
 * FormulaEditor), with the 'dealwright-formula' language: Monarch
 * highlighting, completion of input/series/function names, hover with an
 * input's distribution. The editor worker is a same-origin Vite worker, as the
 * CSP (`worker-src 'self' blob:`, no CDN, no eval) requires.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
// editor.api is the bare editor: the features a formula needs are added one by one
// (completion, hover with marker messages, F8 between problems, bracket matching,
// clipboard and context menu), keeping the ~100 language packs of editor.main out.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { Deal } from '../../../shared/model/schema';
import { completionEntries, hoverText, LANGUAGE_ID, monarchLanguage, type CompletionKind } from './formula-language';
import type { FormulaScope } from './formula-check';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

/** What a model is: which deal names it may use, and its own name (a series does not complete itself). */
export interface ModelContext {
  getDeal: () => Pick<Deal, 'inputs' | 'series'> | null;
  scope: FormulaScope;
  self?: string;
}

const contexts = new WeakMap<monaco.editor.ITextModel, ModelContext>();
let registered = false;

const KIND: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  input: monaco.languages.CompletionItemKind.Variable,
  series: monaco.languages.CompletionItemKind.Field,
  function: monaco.languages.CompletionItemKind.Function,
  builtin: monaco.languages.CompletionItemKind.Constant,
};

function register(): void {
  if (registered) return;
  registered = true;
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  monaco.languages.register({ id: LANGUAGE_ID });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarchLanguage as unknown as monaco.languages.IMonarchLanguage);
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    brackets: [['(', ')']],
    autoClosingPairs: [{ open: '(', close: ')' }],
    wordPattern: /[A-Za-z_][A-Za-z0-9_]*/,
  });
  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    provideCompletionItems(model, position) {
      const ctx = contexts.get(model);
      const deal = ctx?.getDeal();
      if (!ctx || !deal) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: completionEntries(deal, ctx.scope, ctx.self).map((e) => ({
          label: e.label,
          kind: KIND[e.kind],
          detail: e.detail,
          insertText: e.insertText,
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const deal = contexts.get(model)?.getDeal();
      const word = model.getWordAtPosition(position);
      if (!deal || !word) return null;
      const text = hoverText(deal, word.word);
      if (!text) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [{ value: text }],
      };
    },
  });
  monaco.editor.defineTheme('dealwright', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '7a3e9d', fontStyle: 'bold' },
      { token: 'predefined', foreground: '1f5fbf' },
      { token: 'variable.predefined', foreground: 'a15c00' },
      { token: 'number', foreground: '0b7a53' },
      { token: 'identifier', foreground: '1c2430' },
      { token: 'invalid', foreground: 'b42318' },
    ],
    colors: { 'editor.background': '#ffffff' },
  });
}

export interface FormulaEditorHandle {
  editor: monaco.editor.IStandaloneCodeEditor;
  setMarkers: (markers: { message: string; startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }[]) => void;
  dispose: () => void;
}

/** Creates a compact single-formula editor in `host`. */
export function createFormulaEditor(host: HTMLElement, value: string, ariaLabel: string, context: ModelContext): FormulaEditorHandle {
  register();
  const model = monaco.editor.createModel(value, LANGUAGE_ID);
  contexts.set(model, context);
  const editor = monaco.editor.create(host, {
    model,
    theme: 'dealwright',
    ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: 4,
    lineNumbersMinChars: 0,
    scrollBeyondLastLine: false,
    wordWrap: 'on',
    renderLineHighlight: 'none',
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
    fontSize: 13,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    tabFocusMode: true,
    fixedOverflowWidgets: true,
    quickSuggestions: { other: true, comments: false, strings: false },
    accessibilitySupport: 'auto',
  });
  // Grow with the formula (wrapped lines) instead of hiding it behind a scrollbar.
  const fit = () => {
    host.style.height = `${Math.min(200, Math.max(20, editor.getContentHeight()))}px`;
    editor.layout();
  };
  editor.onDidContentSizeChange(fit);
  fit();
  return {
    editor,
    setMarkers: (markers) => monaco.editor.setModelMarkers(model, 'dealwright', markers.map((m) => ({ ...m, severity: monaco.MarkerSeverity.Error }))),
    dispose: () => {
      editor.dispose();
      model.dispose();
    },
  };
}
