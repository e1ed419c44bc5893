/**
 * A formula in a Monaco editor: mathjs-syntax highlighting, completion, hover,
 * and live red squiggles from the shared checker as the negotiator types. The
 * formula is committed to the deal (one undoable edit) when focus leaves.
 * Monaco loads lazily; until it has, the formula shows as read-only text.
 */
import { useEffect, useRef, useState } from 'react';
import type { Deal } from '../../../shared/model/schema';
import { useAppStore } from '../store/app-store';
import type { FormulaScope } from './formula-check';
import { checkFormula } from './formula-check';
import { formulaMarkers } from './formula-language';
import type { FormulaEditorHandle } from './monaco-setup';

export interface FormulaEditorProps {
  label: string;
  value: string;
  scope: FormulaScope;
  /** The series being edited, so it does not offer itself in completion. */
  self?: string;
  /** Deal path of the formula, so the problems list can focus it. */
  path?: string;
  onCommit: (value: string) => void;
}

function currentDeal(): Pick<Deal, 'inputs' | 'series'> | null {
  return useAppStore.getState().document?.deal ?? null;
}

export function FormulaEditor({ label, value, scope, self, path, onCommit }: FormulaEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<FormulaEditorHandle | null>(null);
  const commitRef = useRef(onCommit);
  const valueRef = useRef(value);
  const [live, setLive] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const deal = useAppStore((s) => s.document?.deal);
  // The Monaco listeners are attached once; they read the latest props through these refs.
  useEffect(() => {
    commitRef.current = onCommit;
    valueRef.current = value;
  });

  useEffect(() => {
    let disposed = false;
    import('./monaco-setup')
      .then(({ createFormulaEditor }) => {
        if (disposed || !hostRef.current) return;
        const handle = createFormulaEditor(hostRef.current, valueRef.current, label, { getDeal: currentDeal, scope, self });
        handleRef.current = handle;
        const refresh = () => {
          const d = currentDeal();
          const text = handle.editor.getValue();
          setLive(text);
          if (d) handle.setMarkers(formulaMarkers(text, d, scope));
        };
        handle.editor.onDidChangeModelContent(refresh);
        handle.editor.onDidBlurEditorText(() => {
          const text = handle.editor.getValue().trim();
          if (text !== valueRef.current) commitRef.current(text);
        });
        refresh();
        setReady(true);
      })
      .catch((err: unknown) => setFailed(err instanceof Error ? err.message : String(err)));
    return () => {
      disposed = true;
      handleRef.current?.dispose();
      handleRef.current = null;
    };
    // The editor is created once per mount; value changes (undo) are pushed in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Undo/redo or a rename elsewhere changes the value: show it unless the user is typing here.
  useEffect(() => {
    const handle = handleRef.current;
    if (!handle) return;
    if (handle.editor.getValue() !== value && !handle.editor.hasTextFocus()) handle.editor.setValue(value);
    const d = currentDeal();
    if (d) handle.setMarkers(formulaMarkers(handle.editor.getValue(), d, scope));
  }, [value, deal, scope]);

  // A link in the problems list asks for this formula: put the caret in it.
  const focusRequest = useAppStore((s) => s.focusRequest);
  useEffect(() => {
    if (!focusRequest || path === undefined || focusRequest.path !== path) return;
    hostRef.current?.scrollIntoView?.({ block: 'center' });
    handleRef.current?.editor.focus();
  }, [focusRequest, path]);

  const diagnostics = deal ? checkFormula(live ?? value, deal, scope) : [];
  return (
    <div className={`formula-editor ${diagnostics.length ? 'field-invalid' : ''}`}>
      {/* Monaco owns this element's children; React never renders into it. */}
      <div ref={hostRef} className="formula-host" data-formula-label={label} />
      {!ready && !failed && <code className="formula-fallback">{value}</code>}
      {failed && <span className="field-message">The formula editor could not load: {failed}</span>}
      {diagnostics.length > 0 && (
        <ul className="diagnostics" aria-label={`Problems in ${label}`}>
          {diagnostics.map((d, i) => (
            <li key={i} className="field-message">
              Column {d.column}: {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
