// @vitest-environment jsdom
/**
 * The contract wording a negotiator edits: each term's trigger (with its
 * default as the hint), the parties' legal details, the published summary,
 * the standard sections (read from resources/ by the real host handler), a
 * placeholder picker that offers only what the other side may see, and the
 * live warnings of what a counterparty export would refuse.
 */
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MainApi } from '../../shared/api';
import { loadSkeleton } from '../../host/termsheet-defaults';
import { NewDealWizard } from '../../renderer/src/dialogs/NewDealWizard';
import { Navigator } from '../../renderer/src/layout/Navigator';
import { OverviewSection } from '../../renderer/src/sections/OverviewSection';
import { PartiesSection } from '../../renderer/src/sections/PartiesSection';
import { TermSheetSection } from '../../renderer/src/sections/TermSheetSection';
import { TermsSection } from '../../renderer/src/sections/TermsSection';
import { useAppStore } from '../../renderer/src/store/app-store';
import { currentDeal, exampleDeal, loadIntoStore } from './helpers';

const resources = join(import.meta.dirname, '..', '..', 'resources');

afterEach(() => {
  cleanup();
  delete window.dealwright;
});

describe('trigger wording in the term card', () => {
  beforeEach(() => loadIntoStore(exampleDeal('saas-alliance')));

  it('shows the default as a hint, saves typed wording, and leaves the file when emptied', async () => {
    const user = userEvent.setup();
    render(<TermsSection />);
    const share = within(screen.getByRole('region', { name: 'Term share' })).getByLabelText('Trigger (when it is due, in contract words)');
    expect(share).toHaveProperty('placeholder', 'within 30 days after the end of each calendar quarter');
    await user.type(share, 'within 20 days of each quarter end{Enter}');
    expect(currentDeal().terms.find((t) => t.id === 'share')!.trigger).toBe('within 20 days of each quarter end');
    await user.clear(share);
    await user.type(share, '{Enter}');
    expect('trigger' in currentDeal().terms.find((t) => t.id === 'share')!).toBe(false);
    // A party's own cash flow is no contract term: no trigger to word.
    expect(within(screen.getByRole('region', { name: 'Term ledgerlyCost' })).queryByLabelText('Trigger (when it is due, in contract words)')).toBeNull();
  });
});

describe('legal details and the summary', () => {
  beforeEach(() => loadIntoStore(exampleDeal('jv-equity')));

  it('edits a party\'s legal name and signatory, and removes a signatory whose fields are emptied', async () => {
    const user = userEvent.setup();
    render(<PartiesSection />);
    const card = within(screen.getByRole('region', { name: 'Legal details: Kestrel Energy' }));
    const legal = card.getByLabelText('Legal name');
    await user.clear(legal);
    await user.type(legal, 'Kestrel Energy Holdings Limited{Enter}');
    expect(currentDeal().parties[1]!.legalName).toBe('Kestrel Energy Holdings Limited');
    await user.clear(card.getByLabelText('Signatory'));
    await user.type(card.getByLabelText('Signatory'), '{Enter}');
    await user.clear(card.getByLabelText("Signatory's title"));
    await user.type(card.getByLabelText("Signatory's title"), '{Enter}');
    expect(currentDeal().parties[1]!.signatory).toBeUndefined();
    expect(useAppStore.getState().past.at(-1)?.label).toBe('Edit legal details');
  });

  it('keeps the internal description apart from the printed summary', async () => {
    const user = userEvent.setup();
    render(<OverviewSection />);
    expect(screen.getByLabelText('Description (internal, never printed)')).toBeTruthy();
    const summary = screen.getByLabelText('Transaction summary (printed in term sheets)');
    await user.clear(summary);
    await user.type(summary, 'A joint venture.{Control>}{Enter}{/Control}');
    expect(currentDeal().termSheet!.summary).toBe('A joint venture.');
  });
});

describe('standard sections and the placeholder picker', () => {
  it('adds the standard sections of the kind the terms suggest, through the host, as one undoable edit', async () => {
    const deal = exampleDeal('pharma-licence');
    deal.termSheet!.sections = deal.termSheet!.sections!.filter((s) => s.heading === 'Licence');
    loadIntoStore(deal);
    window.dealwright = { getStandardSections: (kind) => loadSkeleton(resources, kind) } as Partial<MainApi> as MainApi;
    render(<TermSheetSection />);
    expect((screen.getByLabelText('Standard sections of a') as HTMLSelectElement).value).toBe('licence');
    fireEvent.click(screen.getByRole('button', { name: 'Add standard sections' }));
    await waitFor(() => expect(currentDeal().termSheet!.sections!.length).toBe(12));
    expect(currentDeal().termSheet!.sections!.map((s) => s.heading).slice(0, 3)).toEqual(['Definitions', 'Licence', 'Development and diligence']);
    expect(useAppStore.getState().past.at(-1)?.label).toBe('Add standard sections');
    useAppStore.getState().undo();
    expect(currentDeal().termSheet!.sections!.map((s) => s.heading)).toEqual(['Licence']);
  });

  it('offers what the other side may see, never our walk-aways, discount rates or model inputs', () => {
    loadIntoStore(exampleDeal('pharma-licence'));
    render(<TermSheetSection />);
    const picker = screen.getByLabelText('Insert placeholder', { selector: '#insert-0' });
    const values = within(picker).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(values).toEqual(expect.arrayContaining(['{{parties.licensee.legalName}}', '{{currency}}', '{{terms.upfront.amount|money}}', '{{terms.mPhase3.at|date}}', '{{terms.upfront.trigger}}', '{{territory}}']));
    expect(values.filter((v) => /walkAway|discountRate|inputs\.|licenseeOps|title/.test(v))).toEqual([]);
  });
});

describe('the new-deal wizard', () => {
  it('starts a licence with its standard term-sheet sections, parties named by their placeholders', async () => {
    window.dealwright = { getStandardSections: (kind) => loadSkeleton(resources, kind) } as Partial<MainApi> as MainApi;
    useAppStore.getState().closeDocument();
    render(<NewDealWizard />);
    fireEvent.change(screen.getByLabelText('Deal title'), { target: { value: 'Orion / Vega licence' } });
    fireEvent.change(screen.getByLabelText('Our company'), { target: { value: 'Orion Bio' } });
    fireEvent.change(screen.getByLabelText('Counterparty'), { target: { value: 'Vega Pharma' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create deal' }));
    await waitFor(() => expect(useAppStore.getState().document?.deal.termSheet?.sections).toHaveLength(12));
    const deal = currentDeal();
    expect(deal.termSheet!.sections![1]!.text).toMatch(/^\{\{parties\.orionBio\.name\}\} grants \{\{parties\.vegaPharma\.name\}\} an exclusive/);
    expect(deal.termSheet!.successMetrics).toHaveLength(2);
  });
});

describe('warnings for the other side', () => {
  it('lists, live and apart from problems, what a counterparty export would refuse', () => {
    const deal = exampleDeal('pharma-licence');
    deal.termSheet!.sections![1]!.text = 'Our floor is {{parties.licensor.walkAway}}.';
    loadIntoStore(deal);
    render(<Navigator />);
    expect(screen.getByText('No problems')).toBeTruthy();
    const warnings = screen.getByRole('region', { name: 'Warnings for the other side' });
    expect(within(warnings).getByText('1 warning for the other side')).toBeTruthy();
    expect(warnings.textContent).toContain('termSheet.sections.1.text');
    expect(warnings.textContent).toContain("discloses a party's walk-away");
  });
});
