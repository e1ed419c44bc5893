/**
 * Done-when for the editing UI: a negotiator builds the reference SaaS
 * alliance (resources/examples/saas-alliance.deal) from a blank deal through
 * the UI alone, saves it, reopens it, and the file means exactly what the
 * example means.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, repoRoot } from './support/web-host';
import type { Deal } from '../../shared/model/schema';
import {
  addInput,
  addRounds,
  addScenario,
  addSliders,
  addTerm,
  answerSaveDialog,
  createBlankDeal,
  fillLegalDetails,
  fillTermSheetWithStandardSections,
  go,
  setField,
  setFormula,
  setSummary,
  setTrigger,
  type PartySpec,
  type RoundSpec,
  type ScenarioSpec,
  type SliderSpec,
  type TermSheetSpec,
} from './support/workbench';

const example = JSON.parse(readFileSync(join(repoRoot, 'resources', 'examples', 'saas-alliance.deal'), 'utf8')) as Record<string, unknown>;

test('build the SaaS alliance from a blank deal, save, reopen: same deal as the example', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'dealwright-build-'));
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    // New blank deal from the wizard.
    await page.getByRole('button', { name: 'New deal…' }).click();
    await createBlankDeal(page, {
      title: example.title as string,
      us: 'Ledgerly',
      counterparty: 'Atlas Cloud',
      currency: 'EUR',
      unit: 'thousand',
      start: '2027-01',
      periods: 20,
      step: 'quarter',
    });
    await expect(page.getByRole('heading', { level: 1, name: example.title as string })).toBeVisible();

    // Parties.
    await go(page, 'Parties');
    await setField(page.getByLabel('Party 2 id'), 'atlas');
    await setField(page.getByLabel('Ledgerly discount rate'), '15');
    await setField(page.getByLabel('Ledgerly walk-away'), '1200');
    await setField(page.getByLabel('Atlas Cloud discount rate'), '10');
    await setField(page.getByLabel('Atlas Cloud walk-away'), '800');
    await expect(page.getByLabel('Ledgerly walk-away')).toHaveValue('€1,200k');
    await fillLegalDetails(page, example.parties as PartySpec[]);

    // Overview: description and simulation settings.
    await go(page, 'Overview');
    const description = page.getByLabel('Description');
    await description.fill(example.description as string);
    await description.press('Tab');
    await setSummary(page, (example.termSheet as TermSheetSpec).summary!);
    await setField(page.getByLabel('Seed'), '7');

    // Inputs, each edited in place in the table.
    await go(page, 'Inputs');
    await addInput(page, 1, 'customers0', 'Customers at launch', 'pert', [['Min', '10'], ['Most likely', '25'], ['Max', '60']]);
    await addInput(page, 2, 'growth', 'Quarterly customer growth', 'normal', [['Low (5%)', '0.03'], ['High (95%)', '0.12']]);
    await addInput(page, 3, 'arpa', 'Revenue per customer per quarter', 'lognormal', [['Median', '18'], ['p90', '30']]);
    await addInput(page, 4, 'churn', 'Quarterly churn', 'beta', [['Alpha', '2'], ['Beta', '38']]);
    await addInput(page, 5, 'integrationCost', 'Integration build cost', 'triangular', [['Max', '1100'], ['Most likely', '600'], ['Min', '400']]);
    await page.getByRole('button', { name: 'Add correlation' }).click();
    await page.getByLabel('Correlation 1 first input').selectOption('growth');
    await page.getByLabel('Correlation 1 second input').selectOption('churn');
    await setField(page.getByLabel('Correlation 1 rank'), '-0.4');

    // Series, typed into Monaco.
    await go(page, 'Series');
    const series = example.series as Record<string, string>;
    let n = 0;
    for (const [id, formula] of Object.entries(series)) {
      n++;
      await page.getByRole('button', { name: 'Add series' }).click();
      await setField(page.getByLabel(`Series ${n} id`), id);
      await setFormula(page, id, formula);
    }

    // Terms.
    await go(page, 'Terms');
    let card = await addTerm(page, 'revenueShare', 'revenueShare', 'share', 'Revenue share on resold subscriptions');
    await setField(card.getByLabel('Base (series)'), 'jointRevenue');
    await card.getByLabel('By tier of the base').check();
    await card.getByRole('button', { name: 'Add share tier' }).click();
    await setField(card.getByLabel('Tier 1 up to'), '500');
    await setField(card.getByLabel('Tier 1 shares: Ledgerly'), '70');
    await setField(card.getByLabel('Tier 1 shares: Atlas Cloud'), '30');
    await setField(card.getByLabel('Tier 2 shares: Ledgerly'), '60');
    await setField(card.getByLabel('Tier 2 shares: Atlas Cloud'), '40');

    card = await addTerm(page, 'costShare', 'costShare', 'integration', 'Integration build');
    await setField(card.getByLabel('Cost (positive)'), 'build');
    await setField(card.getByLabel('Cost shares: Ledgerly'), '60');
    await setField(card.getByLabel('Cost shares: Atlas Cloud'), '40');

    card = await addTerm(page, 'cashflow', 'cashflow', 'ledgerlyCost', 'Hosting and support');
    await setField(card.getByLabel('Amount per period (signed)'), '-ledgerlyServing');
    card = await addTerm(page, 'cashflow', 'cashflow', 'atlasCost', 'Sales and marketing');
    await card.getByLabel('Party').selectOption({ label: 'Atlas Cloud' });
    await setField(card.getByLabel('Amount per period (signed)'), '-atlasSelling');

    card = await addTerm(page, 'termination', 'termination', 'exit', 'Exit on change of strategy');
    await setField(card.getByLabel('Hazard per period'), '2');
    await setField(card.getByLabel('Not before (period or date)', { exact: true }), '4');
    await card.getByLabel('A fee is paid when it fires').check();
    await setField(card.getByLabel('Fee amount'), '250');
    await setTrigger(page, 'exit', (example.terms as { id: string; trigger?: string }[]).find((t) => t.id === 'exit')!.trigger!);

    // Scenarios and sliders.
    await go(page, 'Scenarios');
    await addScenario(page, (example.scenarios as ScenarioSpec[])[1]!, example);
    await addSliders(page, example.sliders as SliderSpec[], example);

    // Term-sheet text and success metrics: our own clauses, then the standard sections of an alliance.
    await go(page, 'Term sheet');
    await fillTermSheetWithStandardSections(page, example.termSheet as TermSheetSpec, ['Scope', 'Joint opportunities', 'Term and termination']);

    // Nothing left to fix, then save through the in-app path dialog.
    await expect(page.getByText('No problems')).toBeVisible();
    await expect(page.getByLabel('Unsaved changes')).toBeVisible();
    const first = join(dir, 'alliance.deal');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await answerSaveDialog(page, first);
    await expect(page.getByLabel('Unsaved changes')).toHaveCount(0);
    expect(JSON.parse(readFileSync(first, 'utf8'))).toEqual(example);

    // Close, reopen from the file, and save a copy: still the same deal.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Open…' }).click();
    const openDialog = page.getByRole('dialog', { name: 'Open a deal or portfolio' });
    await openDialog.getByLabel('File path').fill(first);
    await openDialog.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('heading', { level: 1, name: example.title as string })).toBeVisible();
    await go(page, 'Terms');
    await expect(page.getByRole('region', { name: 'Term share' }).getByLabel('Tier 1 shares: Ledgerly')).toHaveValue('70%');
    const second = join(dir, 'alliance-copy.deal');
    await page.getByRole('button', { name: 'Save As…' }).click();
    await answerSaveDialog(page, second);
    expect(JSON.parse(readFileSync(second, 'utf8'))).toEqual(example);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('build the storage joint venture from a blank deal: equity, discrete and truncated normal inputs', async () => {
  test.setTimeout(300_000);
  const jv = JSON.parse(readFileSync(join(repoRoot, 'resources', 'examples', 'jv-equity.deal'), 'utf8')) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'dealwright-build-jv-'));
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    // The shortcut works once the app has mounted.
    await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();
    await page.keyboard.press('ControlOrMeta+N');
    await createBlankDeal(page, {
      title: jv.title as string,
      us: 'Solara Technologies',
      counterparty: 'Kestrel Energy',
      currency: 'GBP',
      start: '2027',
      periods: 12,
    });

    await go(page, 'Parties');
    await setField(page.getByLabel('Party 1 id'), 'solara');
    await setField(page.getByLabel('Party 2 id'), 'kestrel');
    await setField(page.getByLabel('Solara Technologies discount rate'), '11');
    await setField(page.getByLabel('Solara Technologies walk-away'), '5');
    await setField(page.getByLabel('Kestrel Energy discount rate'), '8');
    await setField(page.getByLabel('Kestrel Energy walk-away'), '10');
    await fillLegalDetails(page, jv.parties as PartySpec[]);

    await go(page, 'Overview');
    await page.getByLabel('Description').fill(jv.description as string);
    await page.getByLabel('Description').press('Tab');
    await setSummary(page, (jv.termSheet as TermSheetSpec).summary!);
    await setField(page.getByRole('main').getByLabel('Iterations'), '100000');
    await setField(page.getByRole('main').getByLabel('Seed'), '11');

    await go(page, 'Inputs');
    await addInput(page, 1, 'capexPerYear', 'Build capex per year', 'triangular', [['Max', '70'], ['Most likely', '45'], ['Min', '35']]);
    await addInput(page, 2, 'buildYears', 'Build years', 'discrete', [['Values (separated by ;)', '2; 3'], ['Weights (separated by ;)', '0.6; 0.4']]);
    await addInput(page, 3, 'revenue', 'Annual revenue once operating', 'normal', []);
    await page.getByLabel('revenue given as').selectOption('moments');
    const revenue = page.getByRole('table', { name: 'Inputs' }).locator('tbody > tr').nth(2);
    await setField(revenue.getByLabel('Mean', { exact: true }), '38');
    await setField(revenue.getByLabel('Sd', { exact: true }), '8');
    await setField(revenue.getByLabel('Trunc. min', { exact: true }), '0');
    await addInput(page, 4, 'opexPct', 'Operating cost, share of revenue', 'uniform', [['Min', '0.25'], ['Max', '0.4']]);
    await addInput(page, 5, 'techRisk', 'Technology works at scale', 'chance', [['Probability', '85']]);

    await go(page, 'Series');
    let n = 0;
    for (const [id, formula] of Object.entries(jv.series as Record<string, string>)) {
      n++;
      await page.getByRole('button', { name: 'Add series' }).click();
      await setField(page.getByLabel(`Series ${n} id`), id);
      await setFormula(page, id, formula);
    }

    await go(page, 'Terms');
    const equity = await addTerm(page, 'equity', 'equity', 'jv', 'Joint venture');
    await setField(equity.getByLabel('Venture net cash flow (series)'), 'ventureCash');
    await equity.getByRole('button', { name: 'Add contribution' }).click();
    await setField(equity.getByLabel('Contribution 1 amount'), '20');
    await equity.getByRole('button', { name: 'Add contribution' }).click();
    await setField(equity.getByLabel('Contribution 2 amount'), '40');
    await equity.getByLabel('Pay a preferred return on unreturned capital').check();
    await expect(equity.getByLabel('Preferred return rate (per year)')).toHaveValue('8%');
    const licence = await addTerm(page, 'payment', 'payment', 'ipLicence', 'Technology licence fee to Solara');
    await setField(licence.getByLabel('Amount'), '8');
    await setTrigger(page, 'ipLicence', (jv.terms as { id: string; trigger?: string }[]).find((t) => t.id === 'ipLicence')!.trigger!);

    await go(page, 'Scenarios');
    await addScenario(page, (jv.scenarios as ScenarioSpec[])[1]!, jv);
    await addSliders(page, jv.sliders as SliderSpec[], jv);

    await go(page, 'Term sheet');
    await fillTermSheetWithStandardSections(page, jv.termSheet as TermSheetSpec, ['Purpose', 'Governance', 'Deadlock and exit']);

    await expect(page.getByText('No problems')).toBeVisible();
    const out = join(dir, 'jv.deal');
    await page.keyboard.press('ControlOrMeta+S');
    await answerSaveDialog(page, out);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(jv);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('build the pharma licence from a blank deal: milestones, sales milestone, tiered royalty, placeholders', async () => {
  test.setTimeout(300_000);
  const ref = JSON.parse(readFileSync(join(repoRoot, 'resources', 'examples', 'pharma-licence.deal'), 'utf8')) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'dealwright-build-pharma-'));
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    await page.getByRole('button', { name: 'New deal…' }).click();
    await createBlankDeal(page, { title: ref.title as string, us: 'Helix Bio', counterparty: 'Northwind Pharma', start: '2027', periods: 15 });

    await go(page, 'Parties');
    await setField(page.getByLabel('Party 1 id'), 'licensor');
    await setField(page.getByLabel('Party 2 id'), 'licensee');
    await setField(page.getByLabel('Helix Bio discount rate'), '13');
    await setField(page.getByLabel('Helix Bio walk-away'), '45');
    await setField(page.getByLabel('Northwind Pharma discount rate'), '9');
    await fillLegalDetails(page, ref.parties as PartySpec[]);

    await go(page, 'Overview');
    await page.getByLabel('Description').fill(ref.description as string);
    await page.getByLabel('Description').press('Tab');
    await setSummary(page, (ref.termSheet as TermSheetSpec).summary!);
    await setField(page.getByRole('main').getByLabel('Iterations'), '100000');
    await setField(page.getByRole('main').getByLabel('Seed'), '20270301');

    await go(page, 'Inputs');
    await addInput(page, 1, 'pPhase2', 'Phase II success', 'chance', [['Probability', '35']]);
    await addInput(page, 2, 'pPhase3', 'Phase III success, given Phase II', 'chance', [['Probability', '58']]);
    await addInput(page, 3, 'pApproval', 'Approval, given Phase III', 'chance', [['Probability', '91']]);
    await addInput(page, 4, 'peakSales', 'Peak annual net sales', 'lognormal', [['Median', '650'], ['p90', '1400']]);
    await addInput(page, 5, 'yearsToPeak', 'Years from launch to peak', 'triangular', [['Max', '9'], ['Most likely', '5'], ['Min', '3']]);
    await addInput(page, 6, 'cogsPct', 'Cost of goods, share of sales', 'uniform', [['Min', '0.08'], ['Max', '0.18']]);
    await addInput(page, 7, 'launchYear', 'Launch period', 'discrete', [['Values (separated by ;)', '5; 6; 7'], ['Weights (separated by ;)', '0.5; 0.35; 0.15']]);
    await addInput(page, 8, 'genericEntry', 'First generic entry (period)', 'discrete', [['Values (separated by ;)', '11; 12; 13'], ['Weights (separated by ;)', '0.3; 0.45; 0.25']]);
    await page.getByRole('button', { name: 'Add correlation' }).click();
    await setField(page.getByLabel('Correlation 1 rank'), '0.3');

    await go(page, 'Series');
    let n = 0;
    for (const [id, formula] of Object.entries(ref.series as Record<string, string>)) {
      n++;
      await page.getByRole('button', { name: 'Add series' }).click();
      await setField(page.getByLabel(`Series ${n} id`), id);
      await setFormula(page, id, formula);
    }

    await go(page, 'Terms');
    let card = await addTerm(page, 'payment', 'payment', 'upfront', 'Upfront payment');
    await setField(card.getByLabel('Amount'), '25');
    for (const [id, label, amount, at, when] of [
      ['mPhase3', 'First patient dosed in Phase III', '30', '2', 'phase2'],
      ['mFiling', 'Regulatory filing accepted', '20', '4', 'phase3'],
      ['mApproval', 'First approval (US or EU)', '60', '', 'approved and t >= launchYear'],
    ] as const) {
      card = await addTerm(page, 'payment', 'payment', id, label);
      await setField(card.getByLabel('Amount'), amount);
      await setField(card.getByLabel('At (period or date)', { exact: true }), at);
      await setField(card.getByLabel('When (condition)'), when);
    }
    card = await addTerm(page, 'salesMilestone', 'salesMilestone', 'sales500', 'Annual Net Sales milestone');
    await setField(card.getByLabel('Amount'), '75');
    await setField(card.getByLabel('Base (series)'), 'netSales');
    await setField(card.getByLabel('Threshold'), '500');
    card = await addTerm(page, 'royalty', 'royalty', 'royalty', 'Royalties on net sales');
    await setField(card.getByLabel('Base (series)'), 'netSales');
    await card.getByRole('button', { name: 'Add royalty tier' }).click();
    await card.getByRole('button', { name: 'Add royalty tier' }).click();
    await setField(card.getByLabel('Tier 1 up to'), '300');
    await setField(card.getByLabel('Tier 1 rate'), '7');
    await setField(card.getByLabel('Tier 2 up to'), '800');
    await setField(card.getByLabel('Tier 2 rate'), '9');
    await setField(card.getByLabel('Tier 3 rate'), '12');
    // The generic-entry step-down: a new adjustment is "Generic entry" at half the royalty; only its condition is typed.
    await card.getByRole('button', { name: 'Add adjustment' }).click();
    await setField(card.getByLabel('Adjustment 1 condition'), 't >= genericEntry');
    card = await addTerm(page, 'cashflow', 'cashflow', 'licenseeOps', 'Licensee margin less development');
    await card.getByLabel('Party').selectOption({ label: 'Northwind Pharma' });
    await setField(card.getByLabel('Amount per period (signed)'), 'netSales * (1 - cogsPct) - devCost');
    for (const t of ref.terms as { id: string; trigger?: string }[]) if (t.trigger) await setTrigger(page, t.id, t.trigger);

    await go(page, 'Scenarios');
    for (const scenario of (ref.scenarios as ScenarioSpec[]).slice(1)) await addScenario(page, scenario, ref);
    await addSliders(page, ref.sliders as SliderSpec[], ref);

    await go(page, 'Term sheet');
    await fillTermSheetWithStandardSections(page, ref.termSheet as TermSheetSpec, ['Definitions', 'Licence', 'Development', 'Change of strategy or control', 'Governing law']);
    await addRounds(page, (ref.negotiation as { rounds: RoundSpec[] }).rounds, ref as unknown as Deal);

    await expect(page.getByText('No problems')).toBeVisible();
    const out = join(dir, 'pharma.deal');
    await page.keyboard.press('ControlOrMeta+S');
    await answerSaveDialog(page, out);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(ref);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
