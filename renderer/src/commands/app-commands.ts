/**
 * What each app command does. The commands themselves (name, label,
 * shortcut, menu place) are the one list in shared/commands.ts, from which
 * the native menu is built too; here every name gets its handler, in a table
 * the type checker holds to that list (a command without a handler does not
 * compile, and the test of the menu reads the list). Shortcuts, menu events,
 * buttons and the command palette all run commands through `runCommand`.
 * Document edits are the other kind of command (edit-command.ts); undo and
 * redo here replay those.
 */
import { COMMANDS, matchesShortcut, shortcutText, SECTIONS, type CommandName, type CommandSpec, type KeyPress, type SectionId } from '../../../shared/commands';
import { formatProblem } from '../../../shared/problems';
import { cannotValueText, dealProblems } from '../problems/deal-problems';
import { useAppStore } from '../store/app-store';
import { closeDocument, guardUnsaved, save, saveAs } from '../documents/file-actions';
import { chooseAndOpenAny } from '../portfolio/open-any';
import { addDeal, backToPortfolio, closePortfolio, exportPortfolioBrief, exportPortfolioCsv, newPortfolio, savePortfolio, savePortfolioAs } from '../portfolio/portfolio-actions';
import { valuePortfolio } from '../portfolio/portfolio-valuation';
import { addStandardSectionsToDocument, inferKind } from '../termsheet/standard-sections';

interface Handler {
  /** Whether the command applies now (a document is open, there is something to undo...). */
  enabled?: () => boolean;
  perform: () => void;
}

/** A command of the list with its handler. */
export type AppCommand = CommandSpec & Handler & { name: CommandName };

const store = () => useAppStore.getState();
const hasDoc = () => store().document !== null;
/** The portfolio view is on screen: a portfolio is open and no deal is shown over it. */
const portfolioShown = () => store().document === null && store().portfolio !== null;
/** Save, Save As and Close act on what is on screen: the deal, or the portfolio view. */
const docOrPortfolio = () => hasDoc() || portfolioShown();

/**
 * Valuing needs a deal without problems: a formula typo would otherwise only
 * surface as an engine error. The message names the first problem and where it is.
 */
export function valuationBlocker(): { text: string; details: string[] } | null {
  const deal = store().document?.deal;
  if (!deal) return null;
  const problems = dealProblems(deal);
  if (!problems.length) return null;
  return {
    text: cannotValueText(problems),
    details: problems.map((p) => formatProblem(p)),
  };
}

const goTo = Object.fromEntries(SECTIONS.map((section) => [`view.${section}`, { enabled: hasDoc, perform: () => store().showSection(section) }])) as Record<`view.${SectionId}`, Handler>;

const HANDLERS = {
  'file.new': { perform: () => guardUnsaved(() => store().openDialog({ kind: 'new-deal' })) },
  'portfolio.new': { perform: newPortfolio },
  'file.open': { perform: chooseAndOpenAny },
  'file.save': { enabled: docOrPortfolio, perform: () => void (hasDoc() ? save() : savePortfolio()) },
  'file.saveAs': { enabled: docOrPortfolio, perform: () => void (hasDoc() ? saveAs() : savePortfolioAs()) },
  'file.exportTermSheet': { enabled: hasDoc, perform: () => store().openDialog({ kind: 'export' }) },
  'file.compareWith': { enabled: hasDoc, perform: () => store().openDialog({ kind: 'export', mode: 'redline' }) },
  'file.close': { enabled: docOrPortfolio, perform: () => (hasDoc() ? closeDocument() : closePortfolio()) },
  'edit.undo': {
    enabled: () => (portfolioShown() ? store().portfolioPast.length > 0 : store().past.length > 0),
    perform: () => (portfolioShown() ? store().undoPortfolio() : store().undo()),
  },
  'edit.redo': {
    enabled: () => (portfolioShown() ? store().portfolioFuture.length > 0 : store().future.length > 0),
    perform: () => (portfolioShown() ? store().redoPortfolio() : store().redo()),
  },
  'termSheet.addStandardSections': {
    enabled: hasDoc,
    perform: () => {
      const deal = store().document?.deal;
      if (deal) void addStandardSectionsToDocument(inferKind(deal));
    },
  },
  'view.value': {
    enabled: hasDoc,
    perform: () => {
      const blocker = valuationBlocker();
      if (blocker) {
        store().notify({ tone: 'error', ...blocker });
        return;
      }
      store().analysisActions.runFull();
    },
  },
  'view.palette': { perform: () => store().openDialog({ kind: 'palette' }) },
  ...goTo,
  'portfolio.back': { enabled: () => hasDoc() && store().portfolio !== null, perform: () => (store().openedFrom !== null ? backToPortfolio() : closeDocument()) },
  'portfolio.addDeal': { enabled: portfolioShown, perform: addDeal },
  'portfolio.value': { enabled: portfolioShown, perform: () => void valuePortfolio(true) },
  'portfolio.exportBrief': { enabled: portfolioShown, perform: exportPortfolioBrief },
  'portfolio.exportCsv': { enabled: portfolioShown, perform: exportPortfolioCsv },
  'help.show': { perform: () => store().showHelp() },
  'help.about': { perform: () => store().openDialog({ kind: 'about' }) },
} satisfies Record<CommandName, Handler>;

const commands = new Map<string, AppCommand>((COMMANDS as readonly (CommandSpec & { name: CommandName })[]).map((spec) => [spec.name, { ...spec, ...HANDLERS[spec.name] }]));

export function getCommand(name: string): AppCommand | undefined {
  return commands.get(name);
}

/** Every command, in the list's order (the palette shows those that apply now). */
export function allCommands(): AppCommand[] {
  return [...commands.values()];
}

/** Whether a command applies now. */
export const isEnabled = (command: AppCommand): boolean => !command.enabled || command.enabled();

/** Runs a command by name (menu events, buttons, the palette). Returns false when unknown or not applicable now. */
export function runCommand(name: string): boolean {
  const command = commands.get(name);
  if (!command || !isEnabled(command)) return false;
  command.perform();
  return true;
}

/** The command a key press means, if any. */
export function commandForKey(e: KeyPress): AppCommand | undefined {
  for (const command of commands.values()) {
    if ([command.shortcut, ...(command.also ?? [])].some((s) => s !== undefined && matchesShortcut(s, e))) return command;
  }
  return undefined;
}

/** "Save (Ctrl+S)": a command's label (or `words`) and its shortcut, from the one list the menu is built from. */
export function commandTitle(name: string, words?: string): string {
  const c = getCommand(name);
  const label = words ?? c?.label.replace(/…$/, '') ?? name;
  return c?.shortcut ? `${label} (${shortcutText(c.shortcut)})` : label;
}
