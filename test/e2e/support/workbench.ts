/**
 * Driving the workbench's editors from end-to-end tests the way a keyboard
 * user would: fields commit on Enter, formulas are typed into Monaco, the
 * navigator switches sections. Every locator goes through accessible names.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export async function go(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Deal sections' }).getByRole('button', { name: new RegExp(`^${section}`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
}

/** Replaces a field's text and commits it with Enter. */
export async function setField(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
  await field.press('Enter');
}

/** Replaces a series formula in its Monaco editor and commits it by leaving the editor. */
export async function setFormula(page: Page, seriesId: string, formula: string): Promise<void> {
  const card = page.getByRole('region', { name: `Series ${seriesId}` });
  const editor = card.locator('.monaco-editor');
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(formula);
  // Close any suggestion widget, then leave the editor so the formula is committed.
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 2, name: 'Series', exact: true }).click();
}

/** The row of a table by position (1-based, after the header row). */
export function tableRow(page: Page, table: string, index: number): Locator {
  return page.getByRole('table', { name: table }).locator('tbody > tr').nth(index - 1);
}

/** Adds an input in the Inputs table and fills id, label, distribution and parameters (given by their field labels). */
export async function addInput(page: Page, row: number, id: string, label: string, dist: string, params: [string, string][]) {
  await page.getByRole('button', { name: 'Add input' }).click();
  const r = tableRow(page, 'Inputs', row);
  await setField(r.getByLabel(`Input ${row} id`), id);
  await setField(r.getByLabel(`${id} label`), label);
  if (dist !== 'pert') await r.getByLabel(`${id} distribution`).selectOption(dist);
  for (const [name, value] of params) await setField(r.getByLabel(name, { exact: true }), value);
}

/** Adds a term of `type`, renames it from its default id and gives it its term-sheet label; returns its card. */
export async function addTerm(page: Page, type: string, defaultId: string, id: string, label: string) {
  await page.getByLabel('New term').selectOption(type);
  await page.getByRole('button', { name: 'Add term' }).click();
  await setField(page.getByRole('region', { name: `Term ${defaultId}` }).getByLabel('Id', { exact: true }), id);
  const card = page.getByRole('region', { name: `Term ${id}` });
  await setField(card.getByLabel('Label (term-sheet wording)'), label);
  return card;
}

export interface BlankDeal {
  title: string;
  us: string;
  counterparty: string;
  currency?: string;
  unit?: 'one' | 'thousand' | 'million' | 'billion';
  start: string;
  periods: number;
  step?: 'year' | 'quarter' | 'month';
}

/** Fills the new-deal wizard (already open) for a blank deal and creates it. */
export async function createBlankDeal(page: Page, deal: BlankDeal): Promise<void> {
  const wizard = page.getByRole('dialog', { name: 'New deal' });
  await wizard.getByLabel('Blank').check();
  await wizard.getByLabel('Deal title').fill(deal.title);
  await wizard.getByLabel('Our company').fill(deal.us);
  await wizard.getByLabel('Counterparty').fill(deal.counterparty);
  if (deal.currency) await wizard.getByLabel('Currency').selectOption(deal.currency);
  if (deal.unit) await wizard.getByLabel('Amounts in').selectOption(deal.unit);
  await wizard.getByLabel('Starts (year or YYYY-MM)').fill(deal.start);
  await wizard.getByLabel('Periods').fill(String(deal.periods));
  if (deal.step) await wizard.getByLabel('Period length').selectOption(deal.step);
  await wizard.getByRole('button', { name: 'Create deal' }).click();
}
