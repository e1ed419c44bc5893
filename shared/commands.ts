/**
 * The one list of the app's commands: name, label, shortcut and place in the
 * menus. The Electron menu (electron/main/menu.ts), the app's shortcuts, its
 * title-bar buttons and the command palette (renderer/src/commands) are all
 * built from it, and the renderer gives each name its handler in a table that
 * must cover every name, so a menu item can no longer be handled by nothing
 * nor a shortcut say one thing in the menu and another in the app.
 *
 * Shortcuts are written as Electron accelerators (`CmdOrCtrl+Shift+S`): the
 * menu shows them as they are, the renderer matches key presses against them
 * (`matchesShortcut`) and prints them for tooltips (`shortcutText`).
 *
 * Intentionally has no platform imports.
 */

/** The document's sections, in the navigator's order; each has a "Go to" command (Alt+1 …). */
export const SECTIONS = ['overview', 'parties', 'inputs', 'series', 'terms', 'scenarios', 'termSheet', 'negotiation'] as const;
export type SectionId = (typeof SECTIONS)[number];
export const SECTION_LABELS: Record<SectionId, string> = {
  overview: 'Overview',
  parties: 'Parties',
  inputs: 'Inputs',
  series: 'Series',
  terms: 'Terms',
  scenarios: 'Scenarios',
  termSheet: 'Term sheet',
  negotiation: 'Negotiation',
};

export type MenuName = 'File' | 'Edit' | 'View' | 'Help';

export interface CommandSpec {
  readonly name: string;
  /** The menu's and palette's words. */
  readonly label: string;
  /** An Electron accelerator; `also` lists other keys that run it (Ctrl+Y for redo). */
  readonly shortcut?: string;
  readonly also?: readonly string[];
  /** Its menu and group there (groups are separated by a line), in list order. */
  readonly menu?: { readonly name: MenuName; readonly group: number };
  /** Left out of the command palette (the palette itself). */
  readonly noPalette?: true;
}

const goTo = SECTIONS.map((section, i) => ({ name: `view.${section}` as const, label: `Go to ${SECTION_LABELS[section]}`, shortcut: `Alt+${i + 1}` }));

export const COMMANDS = [
  { name: 'file.new', label: 'New Deal…', shortcut: 'CmdOrCtrl+N', menu: { name: 'File', group: 0 } },
  { name: 'portfolio.new', label: 'New Portfolio…', menu: { name: 'File', group: 0 } },
  { name: 'file.open', label: 'Open…', shortcut: 'CmdOrCtrl+O', menu: { name: 'File', group: 0 } },
  { name: 'file.save', label: 'Save', shortcut: 'CmdOrCtrl+S', menu: { name: 'File', group: 1 } },
  { name: 'file.saveAs', label: 'Save As…', shortcut: 'CmdOrCtrl+Shift+S', menu: { name: 'File', group: 1 } },
  { name: 'file.exportTermSheet', label: 'Export Term Sheet…', shortcut: 'CmdOrCtrl+E', menu: { name: 'File', group: 2 } },
  { name: 'file.compareWith', label: 'Compare With…', menu: { name: 'File', group: 2 } },
  { name: 'file.close', label: 'Close', shortcut: 'CmdOrCtrl+W', menu: { name: 'File', group: 3 } },
  { name: 'edit.undo', label: 'Undo', shortcut: 'CmdOrCtrl+Z', menu: { name: 'Edit', group: 0 } },
  { name: 'edit.redo', label: 'Redo', shortcut: 'CmdOrCtrl+Shift+Z', also: ['CmdOrCtrl+Y'], menu: { name: 'Edit', group: 0 } },
  { name: 'termSheet.addStandardSections', label: 'Add Standard Sections', menu: { name: 'Edit', group: 1 } },
  { name: 'view.value', label: 'Run Valuation', shortcut: 'CmdOrCtrl+Enter', menu: { name: 'View', group: 0 } },
  { name: 'view.palette', label: 'Command Palette…', shortcut: 'CmdOrCtrl+Shift+P', menu: { name: 'View', group: 0 }, noPalette: true },
  ...goTo,
  { name: 'portfolio.back', label: 'Back to the Portfolio', shortcut: 'Alt+Left', menu: { name: 'View', group: 1 } },
  { name: 'portfolio.addDeal', label: 'Add Deal to the Portfolio…' },
  { name: 'portfolio.value', label: 'Value the Portfolio' },
  { name: 'portfolio.exportBrief', label: 'Export Portfolio Brief…' },
  { name: 'portfolio.exportCsv', label: 'Export Portfolio Table as CSV' },
  { name: 'help.show', label: 'Help', shortcut: 'F1', menu: { name: 'Help', group: 0 } },
  { name: 'help.about', label: 'About Dealwright', menu: { name: 'Help', group: 0 } },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]['name'];

export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((c) => c.name);

export function commandSpec(name: string): CommandSpec | undefined {
  return (COMMANDS as readonly CommandSpec[]).find((c) => c.name === name);
}

/** The menus in order, each as groups of its commands in list order. */
export function menuLayout(): { name: MenuName; groups: CommandSpec[][] }[] {
  const names: MenuName[] = ['File', 'Edit', 'View', 'Help'];
  return names.map((name) => {
    const groups: CommandSpec[][] = [];
    for (const c of COMMANDS as readonly CommandSpec[]) {
      if (c.menu?.name !== name) continue;
      (groups[c.menu.group] ??= []).push(c);
    }
    return { name, groups: groups.filter((g) => g.length > 0) };
  });
}

/** What a key press carries that a shortcut can name. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Parsed {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

const ARROWS = new Set(['Left', 'Right', 'Up', 'Down']);

function parseAccelerator(accelerator: string): Parsed {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  return { mod: parts.includes('CmdOrCtrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

/** Whether a key press is this accelerator (Ctrl on Windows and Linux, Cmd on macOS; both accepted). */
export function matchesShortcut(accelerator: string, e: KeyPress): boolean {
  const a = parseAccelerator(accelerator);
  if (a.mod !== (e.ctrlKey || e.metaKey) || a.shift !== e.shiftKey || a.alt !== e.altKey) return false;
  // Digits by their key position (Alt+1 types "¡" on a Mac keyboard); letters by the letter typed;
  // arrows by Electron's names (Left) or the DOM's (ArrowLeft).
  if (/^\d$/.test(a.key)) return e.code === `Digit${a.key}` || e.key === a.key;
  if (ARROWS.has(a.key)) return e.key === `Arrow${a.key}`;
  return e.key.toLowerCase() === a.key.toLowerCase();
}

/** A command's shortcut as a tooltip or the palette prints it: "Ctrl+Shift+S" (or "⇧⌘S" on a Mac). */
export function shortcutText(accelerator: string, mac = false): string {
  const a = parseAccelerator(accelerator);
  const arrow: Record<string, string> = { Left: '←', Right: '→', Up: '↑', Down: '↓' };
  if (mac) return `${a.alt ? '⌥' : ''}${a.shift ? '⇧' : ''}${a.mod ? '⌘' : ''}${a.key === 'Enter' ? '↩' : (arrow[a.key] ?? a.key)}`;
  return [a.mod ? 'Ctrl' : '', a.shift ? 'Shift' : '', a.alt ? 'Alt' : '', a.key].filter(Boolean).join('+');
}
