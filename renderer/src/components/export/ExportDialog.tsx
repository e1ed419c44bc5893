/**
 * The export dialog for Word documents: a term sheet (counterparty: terms
 * only; internal: with our valuation appendix) or a redline ("Compare
 * with…" another scenario or another .deal file: tracked changes to the
 * open deal), the scenario, the draft's label printed instead of any internal
 * name, the user's name as author of the tracked changes (kept in the
 * settings), "$25.0M" or "USD 25 million", paper size, where to save, and,
 * once written, the folder opened (or shown, where the host cannot open it).
 *
 * Self-contained and driven by props: the app passes the open deal, its file
 * name and the host API; nothing here reads the store, so it can be mounted
 * from a menu, a toolbar or a test alike.
 */
import { formatProblem } from '../../../../shared/problems';
import { useEffect, useId, useState } from 'react';
import type { DialogChoice, ExportAudience, MainApi, MoneyWording, PaperSize, Problem } from '../../../../shared/api';
import type { Deal } from '../../../../shared/model/schema';
import { FolderBrowser, joinPath, separatorOf } from '../../dialogs/FolderBrowser';
import { Modal } from '../../dialogs/Modal';
import { ExportFields, type ExportChoices } from './ExportFields';
import { positionsOf } from '../../../../shared/model/rounds';
import './export-dialog.css';

export type ExportApi = Pick<MainApi, 'exportTermSheet' | 'exportRedline' | 'chooseExportPath' | 'revealInFolder' | 'getAuthorName' | 'setAuthorName' | 'chooseOpenPath' | 'listFolder'>;

export interface ExportDialogProps {
  deal: Deal;
  /** The .deal file's name ("pharma-licence.deal"), or a name for an unsaved deal. Printed in internal documents only. */
  fileName: string;
  /** Where the deal's own file is, if it has one: the export is proposed beside it. */
  dealPath?: string;
  api: ExportApi;
  onClose: () => void;
  /** The scenario selected in the app; the deal's first scenario otherwise. */
  scenarioId?: string;
  /** "redline" opens on "Compare with…". */
  mode?: 'termSheet' | 'redline';
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

const safe = (name: string) => name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * What the save dialog proposes. A document for the other side is named by
 * the deal's title and the draft's label, never by the scenario or our file
 * ("Helix Bio - Northwind Pharma HX-201 licence - term sheet - Draft 2.docx");
 * the internal draft keeps file and scenario, for us to find it again.
 */
export function suggestedDocxName(choice: { title: string; fileName: string; scenarioName: string; audience: ExportAudience; redline: boolean; draft: string }): string {
  if (choice.audience === 'internal' && !choice.redline) {
    const base = safe(choice.fileName.replace(/\.deal$/i, '')) || 'deal';
    return `${base} - ${safe(choice.scenarioName)} - internal term sheet.docx`;
  }
  return `${safe(choice.title) || 'Deal'} - ${choice.redline ? 'redline' : 'term sheet'} - ${safe(choice.draft) || 'Draft 1'}.docx`;
}

export function ExportDialog({ deal, fileName, dealPath, api, onClose, scenarioId, mode = 'termSheet', whatIfs = [], defaultPaper = 'A4' }: ExportDialogProps) {
  const ids = useId();
  // Any position may be printed or compared: the scenarios, then the negotiation rounds (their names stay in this dialog).
  const positions = positionsOf(deal).map((p) => ({ id: p.id, name: p.kind === 'round' ? `Round: ${p.name}` : p.name }));
  const scenarios = positions.length ? positions : [{ id: 'base', name: 'Base case' }];
  const initialScenario = scenarios.some((s) => s.id === scenarioId) ? scenarioId! : scenarios[0]!.id;
  const [choices, setChoices] = useState<ExportChoices>({
    redline: mode === 'redline',
    audience: 'counterparty',
    scenario: initialScenario,
    against: { kind: 'scenario', scenarioId: scenarios.find((s) => s.id !== initialScenario)?.id ?? initialScenario },
    draft: mode === 'redline' ? 'Draft 2' : 'Draft 1',
    author: '',
    moneyStyle: 'symbol' as MoneyWording,
    paper: defaultPaper,
    openFolder: true,
  });
  const [savedAuthor, setSavedAuthor] = useState('');
  const [typedPath, setTypedPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const update = (patch: Partial<ExportChoices>) => setChoices((c) => ({ ...c, ...patch }));

  useEffect(() => {
    let live = true;
    api.getAuthorName().then(
      (name) => {
        if (!live) return;
        setSavedAuthor(name);
        setChoices((c) => (c.author ? c : { ...c, author: name }));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const scenarioName = scenarios.find((s) => s.id === choices.scenario)?.name ?? choices.scenario;
  const audience: ExportAudience = choices.redline ? 'counterparty' : choices.audience;
  const suggested = suggestedDocxName({ title: deal.title, fileName, scenarioName, audience, redline: choices.redline, draft: choices.draft });
  const what = choices.redline ? 'redline' : 'term sheet';

  const fail = (err: unknown) => setPhase({ kind: 'failed', problems: [{ path: '', message: err instanceof Error ? err.message : String(err) }] });

  const write = async (outPath: string) => {
    setPhase({ kind: 'writing' });
    try {
      const author = choices.author.trim();
      // The name is the user's, not the document's: remembered for the next export.
      if (author !== savedAuthor) {
        await api.setAuthorName(author);
        setSavedAuthor(author);
      }
      const common = { deal, fileName, scenarioId: choices.scenario, paper: choices.paper, outPath, draft: choices.draft, moneyStyle: choices.moneyStyle, ...(author ? { author } : {}) };
      const result = choices.redline ? await api.exportRedline({ ...common, against: choices.against }) : await api.exportTermSheet({ ...common, audience });
      if (!result.ok) return setPhase({ kind: 'failed', problems: result.problems });
      let folder: string | undefined;
      if (choices.openFolder) {
        const revealed = await api.revealInFolder(result.path);
        if (!revealed.opened) folder = revealed.folder;
      }
      setPhase({ kind: 'done', path: result.path, folder });
    } catch (err) {
      fail(err);
    }
  };

  const chooseAndWrite = async () => {
    if (choices.redline && choices.against.kind === 'file' && !choices.against.path.trim()) {
      return setPhase({ kind: 'failed', problems: [{ path: 'against.path', message: 'Choose the .deal file to compare with.' }] });
    }
    let choice: DialogChoice;
    try {
      choice = await api.chooseExportPath(suggested, dealPath);
    } catch (err) {
      return fail(err);
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
      <Modal title={choices.redline ? 'Compare with…' : 'Export term sheet'} onCancel={() => undefined}>
        <p role="status" aria-live="polite">
          {audience === 'internal' ? 'Valuing the scenario and writing the term sheet…' : `Writing the ${what}…`}
        </p>
      </Modal>
    );
  }

  if (phase.kind === 'done') {
    return (
      <Modal title={choices.redline ? 'Redline exported' : 'Term sheet exported'} onCancel={onClose}>
        <p role="status">
          Saved to <code className="export-path">{phase.path}</code>
        </p>
        {phase.folder !== undefined && <p className="export-note">Open this folder to find it: {phase.folder}</p>}
        <div className="dialog-actions">
          {phase.folder === undefined && !choices.openFolder && (
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
      <Modal title={`Save ${what} as`} onCancel={() => setPhase({ kind: 'form' })}>
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
    <Modal title={choices.redline ? 'Compare with…' : 'Export term sheet'} onCancel={onClose} className="export-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void chooseAndWrite();
        }}
      >
        <ExportFields scenarios={scenarios} choices={choices} update={update} api={api} whatIfs={whatIfs} scenarioId={scenarioId} />
        {phase.kind === 'failed' && (
          <div className="problems" role="alert">
            <p>The {what} was not written:</p>
            <ul>
              {phase.problems.map((p, i) => (
                <li key={i}>{formatProblem(p)}</li>
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

