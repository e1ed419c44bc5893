/**
 * App commands: one registry shared by the native menu (the `menu:command`
 * event), keyboard shortcuts and buttons. Each has a name (`file.save`), a
 * label, an optional shortcut test, and what it does. Document edits are the
 * other kind of command (edit-command.ts); undo/redo here replay those.
 */
import { dealProblems } from '../problems/deal-problems';
import { useAppStore } from '../store/app-store';
import { SECTIONS, SECTION_LABELS, type SectionId } from '../store/ui-slice';
import { closeDocument, guardUnsaved, save, saveAs } from '../documents/file-actions';
import { chooseAndOpenAny } from '../portfolio/open-any';
import { addDeal, backToPortfolio, closePortfolio, exportPortfolioBrief, exportPortfolioCsv, newPortfolio, savePortfolio, savePortfolioAs } from '../portfolio/portfolio-actions';
import { valuePortfolio } from '../portfolio/portfolio-valuation';
import { addStandardSectionsToDocument, inferKind } from '../termsheet/standard-sections';

export interface AppCommand {
  name: string;
  label: string;
  /** Shortcut as shown in tooltips, e.g. "Ctrl+S". */
  shortcut?: string;
  keyTest?: (e: KeyboardEvent) => boolean;
  /** Whether the command applies now (a document is open, there is something to undo...). */
  enabled?: () => boolean;
  perform: () => void;
}

const store = () => useAppStore.getState();
const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const hasDoc = () => store().document !== null;
/** The portfolio view is on screen: a portfolio is open and no deal is shown over it. */
const portfolioShown = () => store().document === null && store().portfolio !== null;
const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k;

const commands = new Map<string, AppCommand>();

export function registerCommand(command: AppCommand): AppCommand {
  if (commands.has(command.name)) throw new Error(`command "${command.name}" is registered twice`);
  commands.set(command.name, command);
  return command;
}

export function getCommand(name: string): AppCommand | undefined {
  return commands.get(name);
}

/** Runs a command by name (menu events, buttons). Returns false when unknown or not applicable now. */
export function runCommand(name: string): boolean {
  const command = commands.get(name);
  if (!command || (command.enabled && !command.enabled())) return false;
  command.perform();
  return true;
}

/** The command a key press means, if any. */
export function commandForKey(e: KeyboardEvent): AppCommand | undefined {
  for (const command of commands.values()) if (command.keyTest?.(e)) return command;
  return undefined;
}

/**
 * Valuing needs a deal without problems: a formula typo would otherwise only
 * surface as an engine error. The message names the first problem and where it is.
 */
export function valuationBlocker(): { text: string; details: string[] } | null {
  const deal = store().document?.deal;
  if (!deal) return null;
  const problems = dealProblems(deal);
  if (!problems.length) return null;
  const first = problems[0]!;
  return {
    text: `The deal cannot be valued until ${problems.length === 1 ? 'this problem is' : `these ${problems.length} problems are`} fixed: ${first.path ? `${first.path}: ` : ''}${first.message}`,
    details: problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
  };
}

registerCommand({ name: 'file.new', label: 'New deal…', shortcut: 'Ctrl+N', keyTest: (e) => mod(e) && !e.shiftKey && key(e, 'n'), perform: () => guardUnsaved(() => store().openDialog({ kind: 'new-deal' })) });
registerCommand({ name: 'file.open', label: 'Open…', shortcut: 'Ctrl+O', keyTest: (e) => mod(e) && key(e, 'o'), perform: chooseAndOpenAny });
// Save, Save As and Close act on what is on screen: the deal, or the portfolio view.
registerCommand({ name: 'file.save', label: 'Save', shortcut: 'Ctrl+S', keyTest: (e) => mod(e) && !e.shiftKey && key(e, 's'), enabled: () => hasDoc() || portfolioShown(), perform: () => void (hasDoc() ? save() : savePortfolio()) });
registerCommand({ name: 'file.saveAs', label: 'Save As…', shortcut: 'Shift+Ctrl+S', keyTest: (e) => mod(e) && e.shiftKey && key(e, 's'), enabled: () => hasDoc() || portfolioShown(), perform: () => void (hasDoc() ? saveAs() : savePortfolioAs()) });
registerCommand({ name: 'file.close', label: 'Close', shortcut: 'Ctrl+W', keyTest: (e) => mod(e) && key(e, 'w'), enabled: () => hasDoc() || portfolioShown(), perform: () => (hasDoc() ? closeDocument() : closePortfolio()) });
registerCommand({
  name: 'file.exportTermSheet',
  label: 'Export term sheet…',
  shortcut: 'Ctrl+E',
  keyTest: (e) => mod(e) && !e.shiftKey && key(e, 'e'),
  enabled: hasDoc,
  perform: () => store().openDialog({ kind: 'export' }),
});
registerCommand({
  name: 'file.compareWith',
  label: 'Compare with…',
  enabled: hasDoc,
  perform: () => store().openDialog({ kind: 'export', mode: 'redline' }),
});
registerCommand({
  name: 'termSheet.addStandardSections',
  label: 'Add standard sections',
  enabled: hasDoc,
  perform: () => {
    const deal = store().document?.deal;
    if (deal) void addStandardSectionsToDocument(inferKind(deal));
  },
});
registerCommand({
  name: 'edit.undo',
  label: 'Undo',
  shortcut: 'Ctrl+Z',
  keyTest: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
  enabled: () => (portfolioShown() ? store().portfolioPast.length > 0 : store().past.length > 0),
  perform: () => (portfolioShown() ? store().undoPortfolio() : store().undo()),
});
registerCommand({
  name: 'edit.redo',
  label: 'Redo',
  shortcut: 'Shift+Ctrl+Z',
  keyTest: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || (!e.shiftKey && key(e, 'y'))),
  enabled: () => (portfolioShown() ? store().portfolioFuture.length > 0 : store().future.length > 0),
  perform: () => (portfolioShown() ? store().redoPortfolio() : store().redo()),
});
registerCommand({
  name: 'view.value',
  label: 'Value the deal',
  shortcut: 'Ctrl+Enter',
  keyTest: (e) => mod(e) && e.key === 'Enter',
  enabled: hasDoc,
  perform: () => {
    const blocker = valuationBlocker();
    if (blocker) {
      store().notify({ tone: 'error', ...blocker });
      return;
    }
    store().analysisActions.runFull();
  },
});
registerCommand({ name: 'help.show', label: 'Help', shortcut: 'F1', keyTest: (e) => e.key === 'F1', perform: () => store().showHelp() });
SECTIONS.forEach((section: SectionId, i) =>
  registerCommand({
    name: `view.${section}`,
    label: `Go to ${SECTION_LABELS[section]}`,
    shortcut: `Alt+${i + 1}`,
    keyTest: (e) => e.altKey && !mod(e) && e.code === `Digit${i + 1}`,
    enabled: hasDoc,
    perform: () => store().showSection(section),
  }),
);

// ---- Portfolios (.dealbook) ----
registerCommand({ name: 'portfolio.new', label: 'New portfolio…', perform: newPortfolio });
registerCommand({ name: 'portfolio.back', label: 'Back to the portfolio', shortcut: 'Alt+Left', keyTest: (e) => e.altKey && e.key === 'ArrowLeft', enabled: () => hasDoc() && store().portfolio !== null, perform: () => (store().openedFrom !== null ? backToPortfolio() : closeDocument()) });
registerCommand({ name: 'portfolio.addDeal', label: 'Add deal…', enabled: portfolioShown, perform: addDeal });
registerCommand({ name: 'portfolio.value', label: 'Value the portfolio', enabled: portfolioShown, perform: () => void valuePortfolio(true) });
registerCommand({ name: 'portfolio.exportBrief', label: 'Export portfolio brief…', enabled: portfolioShown, perform: exportPortfolioBrief });
registerCommand({ name: 'portfolio.exportCsv', label: 'Export table as CSV', enabled: portfolioShown, perform: exportPortfolioCsv });
