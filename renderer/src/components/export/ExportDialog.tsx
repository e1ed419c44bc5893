/**
 * The export dialog for Word term sheets: audience (counterparty: terms only;
 * internal: with our valuation appendix), scenario, paper size, where to save,
 * and, once written, the folder opened (or shown, where the host cannot open it).
 *
 * Self-contained and driven by props: the app passes the open deal, its file
 * name and the host API; nothing here reads the store, so it can be mounted
 * from a menu, a toolbar or a test alike.
 */
import { useId, useState } from 'react';
import type { DialogChoice, ExportAudience, MainApi, PaperSize, Problem } from '../../../../shared/api';
import type { Deal } from '../../../../shared/model/schema';
import { FolderBrowser, joinPath, separatorOf } from '../../dialogs/FolderBrowser';
import { Modal } from '../../dialogs/Modal';
import './export-dialog.css';

export type ExportApi = Pick<MainApi, 'exportTermSheet' | 'chooseExportPath' | 'revealInFolder' | 'listFolder'>;

export interface ExportDialogProps {
  deal: Deal;
  /** The .deal file's name ("pharma-licence.deal"), or a name for an unsaved deal. */
  fileName: string;
  /** Where the deal's own file is, if it has one: the export is proposed beside it. */
  dealPath?: string;
  api: ExportApi;
  onClose: () => void;
  /** The scenario selected in the app; the deal's first scenario otherwise. */
  scenarioId?: string;
  /**
   * Slider what-ifs on screen for that scenario ("Upfront payment: $40.0M"). They are not part of the
   * file, so not of the term sheet: the dialog says so rather than let a negotiator send numbers they
   * did not mean.
   */
  whatIfs?: string[];
  /** The user's usual paper (from settings or locale); A4 otherwise. */
  defaultPaper?: PaperSize;
}

type Phase =
  | { kind: 'form' }
  | { kind: 'path'; defaultDir: string }
  | { kind: 'writing' }
  | { kind: 'failed'; problems: Problem[] }
  | { kind: 'done'; path: string; folder?: string };

/** "pharma-licence - Opening ask - term sheet.docx": what the save dialog proposes. */
export function suggestedDocxName(fileName: string, scenarioName: string, audience: ExportAudience): string {
  const base = fileName.replace(/\.deal$/i, '').replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'deal';
  const scenario = scenarioName.replace(/[\\/:*?"<>|]+/g, ' ').trim();
  return `${base} - ${scenario} - ${audience === 'internal' ? 'internal term sheet' : 'term sheet'}.docx`;
}

export function ExportDialog({ deal, fileName, dealPath, api, onClose, scenarioId, whatIfs = [], defaultPaper = 'A4' }: ExportDialogProps) {
  const ids = useId();
  const scenarios = deal.scenarios.length ? deal.scenarios : [{ id: 'base', name: 'Base case', set: {} }];
  const [audience, setAudience] = useState<ExportAudience>('counterparty');
  const [scenario, setScenario] = useState(scenarios.some((s) => s.id === scenarioId) ? scenarioId! : scenarios[0]!.id);
  const [paper, setPaper] = useState<PaperSize>(defaultPaper);
  const [openFolder, setOpenFolder] = useState(true);
  const [typedPath, setTypedPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const scenarioName = scenarios.find((s) => s.id === scenario)?.name ?? scenario;
  const suggested = suggestedDocxName(fileName, scenarioName, audience);

  const write = async (outPath: string) => {
    setPhase({ kind: 'writing' });
    try {
      const result = await api.exportTermSheet({ deal, fileName, scenarioId: scenario, audience, paper, outPath });
      if (!result.ok) return setPhase({ kind: 'failed', problems: result.problems });
      let folder: string | undefined;
      if (openFolder) {
        const revealed = await api.revealInFolder(result.path);
        if (!revealed.opened) folder = revealed.folder;
      }
      setPhase({ kind: 'done', path: result.path, folder });
    } catch (err) {
      setPhase({ kind: 'failed', problems: [{ path: '', message: err instanceof Error ? err.message : String(err) }] });
    }
  };

  const chooseAndWrite = async () => {
    let choice: DialogChoice;
    try {
      choice = await api.chooseExportPath(suggested, dealPath);
    } catch (err) {
      return setPhase({ kind: 'failed', problems: [{ path: '', message: err instanceof Error ? err.message : String(err) }] });
    }
    if (choice.kind === 'cancelled') return;
    if (choice.kind === 'chosen') return write(choice.path);
    setTypedPath(joinPath(choice.defaultDir, suggested));
    setPathError(null);
    setPhase({ kind: 'path', defaultDir: choice.defaultDir });
  };

  const submitTypedPath = (p = typedPath.trim()) => {
    if (!/\.docx$/i.test(p)) return setPathError('The file name must end in .docx.');
    void write(p);
  };

  if (phase.kind === 'writing') {
    return (
      <Modal title="Export term sheet" onCancel={() => undefined}>
        <p role="status" aria-live="polite">
          {audience === 'internal' ? 'Valuing the scenario and writing the term sheet…' : 'Writing the term sheet…'}
        </p>
      </Modal>
    );
  }

  if (phase.kind === 'done') {
    return (
      <Modal title="Term sheet exported" onCancel={onClose}>
        <p role="status">
          Saved to <code className="export-path">{phase.path}</code>
        </p>
        {phase.folder !== undefined && <p className="export-note">Open this folder to find it: {phase.folder}</p>}
        <div className="dialog-actions">
          {phase.folder === undefined && !openFolder && (
            <button type="button" onClick={() => void api.revealInFolder(phase.path).then((r) => !r.opened && setPhase({ ...phase, folder: r.folder }))}>
              Show in folder
            </button>
          )}
          <button type="button" className="primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </Modal>
    );
  }

  if (phase.kind === 'path') {
    return (
      <Modal title="Save term sheet as" onCancel={() => setPhase({ kind: 'form' })}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submitTypedPath();
          }}
        >
          <FolderBrowser
            folder={phase.defaultDir}
            list={(folder) => api.listFolder(folder, 'docx')}
            label="Folders and Word files"
            onFolder={(folder) => setTypedPath((current) => joinPath(folder, current.slice(current.lastIndexOf(separatorOf(current)) + 1)))}
            onFile={(p) => setTypedPath(p)}
            onPick={(p) => submitTypedPath(p)}
          />
          <div className="field wide">
            <label className="field-label" htmlFor={`${ids}-path`}>
              File path
            </label>
            <input
              id={`${ids}-path`}
              type="text"
              value={typedPath}
              spellCheck={false}
              aria-invalid={pathError ? true : undefined}
              aria-describedby={pathError ? `${ids}-path-error` : undefined}
              onChange={(e) => setTypedPath(e.target.value)}
              data-autofocus
            />
            {pathError && (
              <span id={`${ids}-path-error`} className="field-message">
                {pathError}
              </span>
            )}
          </div>
          <div className="dialog-actions">
            <button type="submit" className="primary">
              Export
            </button>
            <button type="button" onClick={() => setPhase({ kind: 'form' })}>
              Back
            </button>
          </div>
        </form>
      </Modal>
    );
  }

  return (
    <Modal title="Export term sheet" onCancel={onClose} className="export-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void chooseAndWrite();
        }}
      >
        <fieldset className="export-choice">
          <legend>Audience</legend>
          <label>
            <input type="radio" name={`${ids}-audience`} value="counterparty" checked={audience === 'counterparty'} onChange={() => setAudience('counterparty')} />
            Counterparty: the terms only, never our valuation, walk-away or discount rates
          </label>
          <label>
            <input type="radio" name={`${ids}-audience`} value="internal" checked={audience === 'internal'} onChange={() => setAudience('internal')} />
            Internal: adds the valuation appendix (statistics, charts); values the scenario first
          </label>
        </fieldset>
        <div className="field wide">
          <label className="field-label" htmlFor={`${ids}-scenario`}>
            Scenario
          </label>
          <select id={`${ids}-scenario`} value={scenario} onChange={(e) => setScenario(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {whatIfs.length > 0 && scenario === scenarioId && (
            <p className="export-warning" role="note">
              Not in this term sheet: the slider what-if{whatIfs.length > 1 ? 's' : ''} on screen ({whatIfs.join('; ')}). Term sheets show the
              scenario as written in the file; set the number in the deal or a scenario to use it.
            </p>
          )}
        </div>
        <fieldset className="export-choice">
          <legend>Paper</legend>
          {(['A4', 'Letter'] as const).map((size) => (
            <label key={size}>
              <input type="radio" name={`${ids}-paper`} value={size} checked={paper === size} onChange={() => setPaper(size)} />
              {size}
            </label>
          ))}
        </fieldset>
        <label className="export-open">
          <input type="checkbox" checked={openFolder} onChange={(e) => setOpenFolder(e.target.checked)} />
          Open the folder when done
        </label>
        {phase.kind === 'failed' && (
          <div className="problems" role="alert">
            <p>The term sheet was not written:</p>
            <ul>
              {phase.problems.map((p, i) => (
                <li key={i}>{p.path ? `${p.path}: ${p.message}` : p.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary">
            Export…
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
