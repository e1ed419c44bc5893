// @vitest-environment jsdom
/**
 * The term editors, driven as a negotiator would: type into labelled fields,
 * press Enter or Tab, and the deal in the store changes by one undoable edit.
 * Numbers are read in the user's locale; anything else in a term field is a
 * formula, checked live.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TermOf } from '../../shared/model/schema';
import { TermsSection } from '../../renderer/src/sections/TermsSection';
import { useAppStore } from '../../renderer/src/store/app-store';
import { currentDeal, exampleDeal, loadIntoStore } from './helpers';

/** A term of the open deal as plain JSON, to check which keys it has. */
function term(id: string): Record<string, unknown> {
  const t = currentDeal().terms.find((x) => x.id === id);
  if (!t) throw new Error(`no term ${id}`);
  return t as Record<string, unknown>;
}

afterEach(cleanup);

describe('royalty editor', () => {
  beforeEach(() => loadIntoStore(exampleDeal('pharma-licence')));

  it('shows rates as percentages and reads a typed percentage back exactly', async () => {
    const user = userEvent.setup();
    render(<TermsSection />);
    const card = screen.getByRole('region', { name: 'Term royalty' });
    const rate = within(card).getByLabelText('Tier 1 rate');
    expect(rate).toHaveProperty('value', '7%');
    await user.clear(rate);
    await user.type(rate, '7.5{Enter}');
    const royalty = currentDeal().terms.find((t) => t.id === 'royalty') as TermOf<'royalty'>;
    expect(royalty.tiers[0]!.rate).toBe(0.075);
    expect(useAppStore.getState().past.at(-1)?.label).toBe('Edit term');
  });

  it('says "no condition" in an empty optional condition, and keeps a set one as it is', () => {
    render(<TermsSection />);
    const upfront = within(screen.getByRole('region', { name: 'Term upfront' })).getByLabelText('When (condition)');
    expect(upfront).toHaveProperty('value', '');
    expect(upfront.getAttribute('placeholder')).toBe('no condition');
    const milestone = within(screen.getByRole('region', { name: 'Term mPhase3' })).getByLabelText('When (condition)');
    expect(milestone).toHaveProperty('value', 'phase2');
  });

  it('adds a tier at the end and gives the former last tier a ceiling', async () => {
    const user = userEvent.setup();
    render(<TermsSection />);
    const card = screen.getByRole('region', { name: 'Term royalty' });
    const before = (currentDeal().terms.find((t) => t.id === 'royalty') as TermOf<'royalty'>).tiers.length;
    await user.click(within(card).getByRole('button', { name: 'Add royalty tier' }));
    const tiers = (currentDeal().terms.find((t) => t.id === 'royalty') as TermOf<'royalty'>).tiers;
    expect(tiers).toHaveLength(before + 1);
    expect(tiers.at(-1)!.upTo).toBeUndefined();
    expect(tiers.at(-2)!.upTo).toBeDefined();
  });
});

describe('payment editor', () => {
  beforeEach(() => loadIntoStore(exampleDeal('pharma-licence')));

  it('keeps a formula in a number field, and outlines it with the checker message when it has a typo', async () => {
    const user = userEvent.setup();
    render(<TermsSection />);
    const card = screen.getByRole('region', { name: 'Term upfront' });
    const amount = within(card).getByLabelText('Amount');
    expect(amount).toHaveProperty('value', '$25.0M');
    await user.clear(amount);
    await user.type(amount, '20 + 5 * pPhase2{Enter}');
    expect((currentDeal().terms.find((t) => t.id === 'upfront') as TermOf<'payment'>).amount).toBe('20 + 5 * pPhase2');
    await user.clear(amount);
    await user.type(amount, '20 + 5 * pPhase{Enter}');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(amount.getAttribute('aria-describedby')!);
    expect(message?.textContent).toMatch(/unknown name "pPhase"/i);
  });

  it('removes an optional field when it is emptied', async () => {
    const user = userEvent.setup();
    render(<TermsSection />);
    const card = screen.getByRole('region', { name: 'Term mPhase3' });
    await user.clear(within(card).getByLabelText('When (condition)'));
    await user.tab();
    expect('when' in term('mPhase3')).toBe(false);
  });

  it('adds, duplicates, reorders and deletes terms', async () => {
    const user = userEvent.setup();
    render(<TermsSection />);
    const ids = () => currentDeal().terms.map((t) => t.id);
    const n = ids().length;
    await user.selectOptions(screen.getByLabelText('New term'), 'termination');
    await user.click(screen.getByRole('button', { name: 'Add term' }));
    expect(ids()).toHaveLength(n + 1);
    expect(ids().at(-1)).toBe('termination');
    await user.click(screen.getByRole('button', { name: 'Duplicate upfront' }));
    expect(ids()[1]).toBe('upfrontCopy');
    await user.click(screen.getByRole('button', { name: 'Move upfrontCopy up' }));
    expect(ids()[0]).toBe('upfrontCopy');
    await user.click(screen.getByRole('button', { name: 'Delete upfrontCopy' }));
    expect(ids()).not.toContain('upfrontCopy');
  });
});

describe('revenue share editor', () => {
  beforeEach(() => loadIntoStore(exampleDeal('saas-alliance')));

  it('edits a tier share per party and flags shares that do not add up to 100%', async () => {
    const user = userEvent.setup();
    render(<TermsSection />);
    const card = screen.getByRole('region', { name: 'Term share' });
    const ledgerly = within(card).getByLabelText('Tier 1 shares: Ledgerly');
    await user.clear(ledgerly);
    await user.type(ledgerly, '65{Enter}');
    const share = currentDeal().terms[0] as TermOf<'revenueShare'>;
    expect(share.tiers![0]!.shares.ledgerly).toBe(0.65);
    expect(within(card).getByLabelText('Tier 1 shares total').textContent).toContain('95%');
  });

  it('switches between one split and tiers without losing the shares', async () => {
    const user = userEvent.setup();
    render(<TermsSection />);
    const card = screen.getByRole('region', { name: 'Term share' });
    await user.click(within(card).getByLabelText('Same shares throughout'));
    const flat = currentDeal().terms[0] as TermOf<'revenueShare'>;
    expect(flat.tiers).toBeUndefined();
    expect(flat.shares).toEqual({ ledgerly: 0.7, atlas: 0.3 });
  });
});

describe('termination and equity editors', () => {
  it('switches a termination from a hazard to a condition and back, with a fee', async () => {
    loadIntoStore(exampleDeal('saas-alliance'));
    const user = userEvent.setup();
    render(<TermsSection />);
    const card = screen.getByRole('region', { name: 'Term exit' });
    await user.click(within(card).getByLabelText('When a condition holds'));
    expect(term('exit')).toMatchObject({ when: 'false' });
    expect('hazard' in term('exit')).toBe(false);
    const when = within(card).getByLabelText('When (condition)');
    await user.clear(when);
    await user.type(when, 'customers < 5{Enter}');
    expect(term('exit')).toMatchObject({ when: 'customers < 5' });
    await user.click(within(card).getByLabelText('A fee is paid when it fires'));
    expect('fee' in term('exit')).toBe(false);
  });

  it('edits stakes, contributions and the preferred return of a joint venture', async () => {
    loadIntoStore(exampleDeal('jv-equity'));
    const user = userEvent.setup();
    render(<TermsSection />);
    const card = screen.getByRole('region', { name: 'Term jv' });
    await user.clear(within(card).getByLabelText('Contribution 2 amount'));
    await user.type(within(card).getByLabelText('Contribution 2 amount'), '45{Enter}');
    await user.clear(within(card).getByLabelText('Preferred return rate (per year)'));
    await user.type(within(card).getByLabelText('Preferred return rate (per year)'), '9{Enter}');
    await user.click(within(card).getByRole('button', { name: 'Add contribution' }));
    const jv = currentDeal().terms[0] as TermOf<'equity'>;
    expect(jv.contributions![1]!.amount).toBe(45);
    expect(jv.contributions).toHaveLength(3);
    expect(jv.preferredReturn).toEqual({ rate: 0.09 });
  });
});
