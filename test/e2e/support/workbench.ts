/**
 * Driving the workbench's editors from end-to-end tests the way a keyboard
 * user would: fields commit on Enter, formulas are typed into Monaco, the
 * navigator switches sections. Every locator goes through accessible names.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { numberKind, numberLabel } from '../../../shared/model/number-fields';
import type { Deal } from '../../../shared/model/schema';

/** How a person types a number into its field: a rate or share as a percentage ("14%"), money and plain numbers as they are. */
export function typedNumber(deal: unknown, path: string, value: number | string): string {
  if (typeof value !== 'number') return value;
  return numberKind(deal as Deal, path) === 'fraction' ? `${Number((value * 100).toPrecision(12))}%` : String(value);
}

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

export interface ScenarioSpec {
  id: string;
  name: string;
  notes?: string;
  set: Record<string, number | string>;
}

/**
 * Creates a scenario in the Scenarios section and enters its overrides one by one, each typed the way its
 * field reads (`deal` says which numbers are percentages). A share set there sets the other shares too, so
 * an override already listed is only typed over.
 */
export async function addScenario(page: Page, s: ScenarioSpec, deal?: unknown): Promise<void> {
  await page.getByLabel('New scenario').fill(s.name);
  await page.getByRole('button', { name: 'Create scenario' }).click();
  const region = page.getByRole('region', { name: `Scenario ${s.name}` });
  await setField(region.getByLabel('Scenario id'), s.id);
  if (s.notes) await setField(region.getByLabel('Notes'), s.notes);
  for (const [path, value] of Object.entries(s.set)) {
    const field = region.getByLabel(`Override ${path}`, { exact: true });
    if ((await field.count()) === 0) {
      await region.getByLabel('Override a number').selectOption(path);
      await region.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await setField(field, deal === undefined ? String(value) : typedNumber(deal, path, value));
  }
}

export interface RoundSpec {
  id: string;
  date: string;
  by: string;
  name?: string;
  set: Record<string, number>;
  status: string;
  notes?: string;
}

/**
 * Enters negotiation rounds in the Negotiation view as a negotiator would: our offers with "Answer with…",
 * theirs with "Record their offer" (each starts from the terms on the table, and counters the open round),
 * then the name, the day and the numbers that differ, a number the round does not set put back to the file's.
 * Statuses follow from the order (every round but the last countered); `deal` gives labels and units, and its
 * first scenario (no overrides) is put on screen so the first round starts from the file as written.
 */
export async function addRounds(page: Page, rounds: readonly RoundSpec[], deal: Deal): Promise<void> {
  // The first offer starts from the terms on screen: value the deal as written (the first scenario) first.
  await page.getByRole('combobox', { name: /^Scenario( or round)?$/ }).selectOption(deal.scenarios[0]!.id);
  await go(page, 'Negotiation');
  for (const [i, r] of rounds.entries()) {
    if (r.by === deal.us) await page.getByLabel('Answer with').selectOption({ index: 1 });
    else await page.getByRole('button', { name: 'Record their offer' }).click();
    const card = page.getByRole('region', { name: new RegExp(`^Round ${i + 1}: `) });
    await expect(card).toBeVisible();
    if (r.name) await setField(card.getByLabel('Round name'), r.name);
    await card.getByLabel('Date').fill(r.date);
    const inherited = i > 0 ? rounds[i - 1]!.set : {};
    for (const path of Object.keys(inherited)) {
      if (r.set[path] === undefined) await card.getByRole('button', { name: `Back to as written: ${numberLabel(deal, path)}` }).click();
    }
    for (const [path, value] of Object.entries(r.set)) {
      if (inherited[path] !== value) await setField(card.getByLabel(`${numberLabel(deal, path)} in this offer`, { exact: true }), typedNumber(deal, path, value));
    }
    if (r.notes) await setField(card.getByLabel('Notes (internal)'), r.notes);
  }
}

export interface SliderSpec {
  path: string;
  min: number;
  max: number;
  step: number;
}

/** Adds sliders in the Scenarios section with their ranges, typed the way their fields read (see addScenario). */
export async function addSliders(page: Page, list: readonly SliderSpec[], deal?: unknown): Promise<void> {
  const sliders = page.getByRole('region', { name: 'Sliders' });
  const text = (path: string, v: number) => (deal === undefined ? String(v) : typedNumber(deal, path, v));
  for (const s of list) {
    await sliders.getByLabel('Add a slider for').selectOption(s.path);
    await sliders.getByRole('button', { name: 'Add', exact: true }).click();
    await setField(sliders.getByLabel(`Slider ${s.path} min`, { exact: true }), text(s.path, s.min));
    await setField(sliders.getByLabel(`Slider ${s.path} max`, { exact: true }), text(s.path, s.max));
    await setField(sliders.getByLabel(`Slider ${s.path} step`, { exact: true }), text(s.path, s.step));
  }
}

export interface TermSheetSpec {
  summary?: string;
  placeholders?: Record<string, string>;
  sections: { heading: string; text: string }[];
  successMetrics: { horizon: string; metric: string; target: string }[];
}

export interface PartySpec {
  name: string;
  legalName?: string;
  jurisdiction?: string;
  address?: string;
  signatory?: { name: string; title: string };
}

/** Fills each party's legal details in the Parties section (already shown). */
export async function fillLegalDetails(page: Page, parties: readonly PartySpec[]): Promise<void> {
  for (const p of parties) {
    const card = page.getByRole('region', { name: `Legal details: ${p.name}` });
    const fields: [string, string | undefined][] = [
      ['Legal name', p.legalName],
      ['Jurisdiction', p.jurisdiction],
      ['Registered address', p.address],
      ['Signatory', p.signatory?.name],
      ["Signatory's title", p.signatory?.title],
    ];
    for (const [label, value] of fields) if (value !== undefined) await setField(card.getByLabel(label, { exact: true }), value);
  }
}

/** Types a term's trigger wording into its card (Terms section shown). */
export async function setTrigger(page: Page, termId: string, trigger: string): Promise<void> {
  await setField(page.getByRole('region', { name: `Term ${termId}` }).getByLabel('Trigger (when it is due, in contract words)'), trigger);
}

/** Types the published transaction summary (Overview section shown). */
export async function setSummary(page: Page, summary: string): Promise<void> {
  const field = page.getByLabel('Transaction summary (printed in term sheets)');
  await field.fill(summary);
  await field.press('Tab');
}

/**
 * The example's own clauses typed in, then "Add standard sections" for the
 * rest: the example's other sections are exactly the standard ones, so the
 * saved file must equal the example.
 */
export async function fillTermSheetWithStandardSections(page: Page, sheet: TermSheetSpec, own: readonly string[]): Promise<void> {
  await fillTermSheet(page, { ...sheet, sections: sheet.sections.filter((s) => own.includes(s.heading)) });
  await page.getByRole('button', { name: 'Add standard sections' }).click();
  await expect(page.getByLabel(`Clause ${sheet.sections.length} heading`)).toHaveValue(sheet.sections.at(-1)!.heading);
}

/** Fills the Term sheet section: placeholders, clauses, then success metrics. */
export async function fillTermSheet(page: Page, sheet: TermSheetSpec): Promise<void> {
  for (const [name, value] of Object.entries(sheet.placeholders ?? {})) {
    await page.getByLabel('New placeholder').fill(name);
    await page.getByRole('button', { name: 'Add placeholder' }).click();
    await setField(page.getByLabel(`Placeholder ${name}`, { exact: true }), value);
  }
  for (const [i, s] of sheet.sections.entries()) {
    await page.getByRole('button', { name: 'Add clause' }).click();
    await setField(page.getByLabel(`Clause ${i + 1} heading`), s.heading);
    const text = page.getByLabel(`Clause ${i + 1} text`);
    await text.fill(s.text);
    await text.press('Tab');
  }
  for (const m of sheet.successMetrics) {
    const group = page.getByRole('region', { name: `Success metrics at ${m.horizon}` });
    await group.getByRole('button', { name: `Add metric at ${m.horizon}` }).click();
    await setField(group.getByLabel(`Metric (${m.horizon})`), m.metric);
    await setField(group.getByLabel(`Target (${m.horizon})`), m.target);
  }
}

/** Answers the in-app "Save deal as" dialog (already open) with a path and waits for the confirmation. */
export async function answerSaveDialog(page: Page, path: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Save deal as' });
  await dialog.getByLabel('File path').fill(path);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Saved ${path.split(/[\\/]/).pop()}.`)).toBeVisible();
}
