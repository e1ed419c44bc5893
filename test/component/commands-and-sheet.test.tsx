// @vitest-environment jsdom
/**
 * The command registry the native menu and the shortcuts share, the
 * valuation gate, and the term-sheet and scenario editors (placeholder picker
 * inserting at the caret, success metrics at the review points, pinning).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, menuLayout } from '../../shared/commands';
import { useShortcuts } from '../../renderer/src/app/global-hooks';
import { CommandPalette } from '../../renderer/src/dialogs/CommandPalette';
import { platformName } from '../../renderer/src/dialogs/AboutDialog';
import { commandForKey, getCommand, runCommand, valuationBlocker } from '../../renderer/src/commands/app-commands';
import { setSeriesFormula } from '../../renderer/src/edits/series-edits';
import { pinScenario } from '../../renderer/src/edits/scenario-edits';
import { updateParty } from '../../renderer/src/edits/party-edits';
import { TermSheetSection } from '../../renderer/src/sections/TermSheetSection';
import { useAppStore } from '../../renderer/src/store/app-store';
import { currentDeal, exampleDeal, loadIntoStore } from './helpers';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

afterEach(cleanup);

describe('command registry', () => {
  beforeEach(() => loadIntoStore(exampleDeal('saas-alliance')));

  it('handles every command the native menu sends: the menu is built from the same list', () => {
    const inMenus = menuLayout().flatMap((m) => m.groups.flat());
    expect(inMenus.length).toBeGreaterThan(10);
    for (const spec of [...inMenus, ...COMMANDS]) {
      const command = getCommand(spec.name);
      expect(command, spec.name).toBeDefined();
      expect(typeof command!.perform, spec.name).toBe('function');
    }
    expect(runCommand('file.nonsense')).toBe(false);
  });

  it('runs Run Valuation on the same shortcut as the menu shows (Ctrl+Enter), and Help > About opens About', () => {
    const view = menuLayout().find((m) => m.name === 'View')!.groups.flat();
    const value = view.find((c) => c.name === 'view.value')!;
    expect(value.shortcut).toBe('CmdOrCtrl+Enter');
    expect(commandForKey(key({ key: 'Enter', ctrlKey: true }))?.name).toBe('view.value');
    expect(commandForKey(key({ key: 'r', ctrlKey: true }))).toBeUndefined();
    expect(runCommand('help.about')).toBe(true);
    expect(useAppStore.getState().dialog).toEqual({ kind: 'about' });
  });

  it('names the system in About as people do, never by its internal id', () => {
    expect(['linux', 'win32', 'darwin'].map(platformName)).toEqual(['Linux', 'Windows', 'macOS']);
    expect(platformName('aix')).toBe('aix');
  });

  it('opens the command palette, finds a command by words of its label and runs it with Enter', async () => {
    const user = userEvent.setup();
    useAppStore.getState().closeDialog();
    // The window's shortcuts and the palette, as the app mounts them.
    function Window() {
      useShortcuts();
      const dialog = useAppStore((st) => st.dialog);
      return dialog?.kind === 'palette' ? <CommandPalette /> : null;
    }
    render(<Window />);
    fireEvent.keyDown(document.body, { key: 'P', ctrlKey: true, shiftKey: true });
    const input = await screen.findByRole('combobox', { name: 'Command' });
    await user.type(input, 'go ter');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Go to TermsAlt+5', 'Go to Term sheetAlt+7']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(useAppStore.getState().section).toBe('termSheet');
    expect(screen.queryByRole('combobox', { name: 'Command' })).toBeNull();
  });

  it('maps the platform shortcuts to the same commands', () => {
    expect(commandForKey(key({ key: 'z', ctrlKey: true }))?.name).toBe('edit.undo');
    expect(commandForKey(key({ key: 'z', metaKey: true }))?.name).toBe('edit.undo');
    expect(commandForKey(key({ key: 'Z', ctrlKey: true, shiftKey: true }))?.name).toBe('edit.redo');
    expect(commandForKey(key({ key: 's', ctrlKey: true }))?.name).toBe('file.save');
    expect(commandForKey(key({ key: 'S', metaKey: true, shiftKey: true }))?.name).toBe('file.saveAs');
    expect(commandForKey(key({ key: 'z' }))).toBeUndefined();
  });

  it('undo from the menu reverts the last edit, and is refused when there is nothing to undo', () => {
    expect(runCommand('edit.undo')).toBe(false);
    useAppStore.getState().edit(updateParty, { id: 'atlas', patch: { walkAway: 900 } });
    expect(runCommand('edit.undo')).toBe(true);
    expect(currentDeal().parties[1]!.walkAway).toBe(800);
    expect(runCommand('edit.redo')).toBe(true);
    expect(currentDeal().parties[1]!.walkAway).toBe(900);
  });

  it('blocks valuation while the deal has a problem, naming it', () => {
    expect(valuationBlocker()).toBeNull();
    useAppStore.getState().edit(setSeriesFormula, { id: 'jointRevenue', formula: 'customers * arpaa' });
    const blocker = valuationBlocker();
    expect(blocker?.text).toMatch(/^The deal cannot be valued until this problem is fixed: series\.jointRevenue: Unknown name "arpaa"/);
    runCommand('view.value');
    expect(useAppStore.getState().notice).toMatchObject({ tone: 'error', text: blocker!.text });
  });
});

describe('term sheet section', () => {
  beforeEach(() => loadIntoStore(exampleDeal('saas-alliance')));

  it('inserts a placeholder from the picker at the caret', () => {
    render(<TermSheetSection />);
    // Clause 3 is "Joint opportunities" (after the standard definitions and the scope).
    const text = screen.getByLabelText('Clause 3 text') as HTMLTextAreaElement;
    const at = text.value.indexOf('first owns');
    text.setSelectionRange(at, at);
    fireEvent.select(text);
    fireEvent.change(screen.getByLabelText('Insert placeholder', { selector: '#insert-2' }), { target: { value: '{{parties.atlas.name}}' } });
    const clause = currentDeal().termSheet!.sections![2]!.text;
    expect(clause.slice(at, at + '{{parties.atlas.name}}'.length)).toBe('{{parties.atlas.name}}');
    expect(clause.replace('{{parties.atlas.name}}', '')).toBe(exampleDeal('saas-alliance').termSheet!.sections![2]!.text);
  });

  it('offers numbers with the format that reads right', () => {
    render(<TermSheetSection />);
    const picker = screen.getByLabelText('Insert placeholder', { selector: '#insert-0' });
    const values = within(picker).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(values).toContain('{{terms.exit.fee.amount|money}}');
    expect(values).toContain('{{terms.share.tiers.0.shares.ledgerly|percent}}');
    expect(values).toContain('{{parties.ledgerly.name}}');
  });

  it('adds success metrics at the 12-month and 3-year reviews', async () => {
    const user = userEvent.setup();
    render(<TermSheetSection />);
    const group = screen.getByRole('region', { name: 'Success metrics at 3 years' });
    await user.click(within(group).getByRole('button', { name: 'Add metric at 3 years' }));
    const metrics = currentDeal().termSheet!.successMetrics!;
    expect(metrics.at(-1)).toEqual({ horizon: '3 years', metric: '', target: '' });
    await user.type(within(group).getAllByLabelText('Metric (3 years)').at(-1)!, 'Net revenue retention{Enter}');
    expect(currentDeal().termSheet!.successMetrics!.at(-1)!.metric).toBe('Net revenue retention');
  });
});

describe('pinning values as a scenario', () => {
  it("keeps the active scenario's overrides and adds only values that differ from the file", () => {
    loadIntoStore(exampleDeal('saas-alliance'));
    useAppStore.getState().edit(pinScenario, { name: 'Monday position', fromScenario: 'flat', values: { 'terms.exit.fee.amount': 400, 'inputs.growth.high': 0.12 } });
    const pinned = currentDeal().scenarios.at(-1)!;
    expect(pinned.id).toBe('mondayPosition');
    expect(pinned.set).toEqual({
      'terms.share.tiers.0.shares.ledgerly': 0.65,
      'terms.share.tiers.0.shares.atlas': 0.35,
      'terms.share.tiers.1.shares.ledgerly': 0.65,
      'terms.share.tiers.1.shares.atlas': 0.35,
      'terms.exit.fee.amount': 400,
    });
  });
});
