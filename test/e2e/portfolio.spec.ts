/**
 * The portfolio view end to end, in Chromium against the real web host: open
 * the example portfolio from the welcome screen, sort by value, open a deal,
 * change a term, come back and see the total change; record an actual
 * against a 12-month metric (undo, redo, save, reopen); export the brief and
 * look at its pages (Word -> PDF with LibreOffice -> PNG with pdftoppm), and
 * the table as CSV.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp, repoRoot } from './support/web-host';
import { go, setField } from './support/workbench';

const money = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

async function totalMean(page: Page): Promise<string> {
  const mean = page.getByTestId('portfolio-mean');
  await expect(mean).toHaveText(/\$/);
  await expect(page.getByRole('region', { name: 'Portfolio total' })).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  return (await mean.textContent()) ?? '';
}

test('open the example portfolio, sort by value, change a term in a deal and see the total change; record an actual; export the brief and the CSV', async () => {
  test.setTimeout(240_000);
  const docs = mkdtempSync(join(tmpdir(), 'dw-e2e-portfolio-'));
  const app = await openApp({ env: { DEALWRIGHT_DOCUMENTS_DIR: docs } });
  try {
    const { page } = app;
    await page.getByRole('button', { name: /Meridian Holdings: strategic partnerships/ }).click();
    const table = page.getByRole('table', { name: 'Deals' });
    await expect(table.locator('tbody > tr')).toHaveCount(5);
    const before = await totalMean(page);

    // Sort by value: highest mean first; again: lowest first.
    const meanHeader = table.getByRole('columnheader', { name: /Our mean NPV/ });
    await meanHeader.getByRole('button').click();
    await expect(meanHeader).toHaveAttribute('aria-sort', 'descending');
    const means = async () => (await table.locator('tbody > tr > td:nth-child(6)').allTextContents()).map(money);
    const sorted = await means();
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    await expect(table.locator('tbody > tr').first()).toContainText('HX-201 licence');
    await meanHeader.getByRole('button').click();
    await expect(meanHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(await means()).toEqual([...sorted].reverse());

    // Open a deal from its row, raise the milestone we pay, and come back.
    await table.getByRole('button', { name: 'Helix Bio / Corvid Diagnostics: companion diagnostic alliance' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Helix Bio / Corvid Diagnostics: companion diagnostic alliance' })).toBeVisible();
    await go(page, 'Terms');
    await setField(page.getByRole('region', { name: 'Term approval' }).getByLabel('Amount', { exact: true }), '20');
    await page.getByRole('button', { name: '← Portfolio' }).click();
    await expect(table).toBeVisible();
    const row = table.locator('tbody > tr', { hasText: 'Corvid' });
    await expect(row.getByText('edited')).toBeVisible();
    await expect(page.getByTestId('portfolio-mean')).not.toHaveText(before, { timeout: 60_000 });
    const after = await totalMean(page);
    // We pay Corvid $15M more on approval (75% likely, discounted): the total falls by several million.
    expect(money(before) - money(after)).toBeGreaterThan(3);
    expect(money(before) - money(after)).toBeLessThan(15);
    // Opened again, the deal is as it was left (unsaved), and its undo history too.
    await table.getByRole('button', { name: 'Helix Bio / Corvid Diagnostics: companion diagnostic alliance' }).click();
    await expect(page.getByRole('button', { name: 'Undo Edit term' })).toBeEnabled();
    await page.getByRole('button', { name: '← Portfolio' }).click();

    // Record an actual against a 12-month metric.
    await row.getByRole('cell').first().click();
    const metric = page.getByRole('group', { name: 'Clinical bridging samples (12 months)' });
    await metric.getByLabel('Actual', { exact: true }).fill('400 of 400 samples tested');
    await metric.getByLabel('Date of the actual').fill('2026-11-30');
    await metric.getByLabel('Status', { exact: true }).selectOption('met');
    await metric.getByRole('button', { name: 'Record' }).click();
    await expect(metric.getByRole('table')).toContainText('400 of 400 samples tested');
    await expect(metric.locator('.card-header .status')).toHaveText('met');
    await page.getByRole('button', { name: 'Undo Record an actual' }).click();
    await expect(metric.getByRole('table')).not.toContainText('400 of 400');
    await page.getByRole('button', { name: 'Redo Record an actual' }).click();
    await expect(metric.locator('.card-header .status')).toHaveText('met');

    // Save (an example: Save As into the documents folder, its deals copied beside it), then the brief.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Save portfolio as' });
    await saveDialog.getByLabel('File path').fill(join(docs, 'meridian.dealbook'));
    await saveDialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/Saved meridian\.dealbook\. Its 5 deal files were copied beside it\./)).toBeVisible();
    const saved = JSON.parse(readFileSync(join(docs, 'meridian.dealbook'), 'utf8'));
    expect(saved.deals[1].metrics[1].actuals.at(-1)).toEqual({ date: '2026-11-30', value: '400 of 400 samples tested', status: 'met' });
    expect(existsSync(join(docs, 'portfolio', 'grid-offtake.deal'))).toBe(true);

    // Now the portfolio lives in a folder: a deal saved from its row is read again from disk and valued again.
    const beforeSave = await totalMean(page);
    await table.getByRole('button', { name: 'Solara / Kestrel Energy: storage joint venture' }).click();
    await go(page, 'Terms');
    await setField(page.getByRole('region', { name: 'Term ipLicence' }).getByLabel('Amount', { exact: true }), '40');
    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.getByText('Saved jv-equity-usd.deal.')).toBeVisible();
    expect(JSON.parse(readFileSync(join(docs, 'portfolio', 'jv-equity-usd.deal'), 'utf8')).terms[1].amount).toBe(40);
    await page.getByRole('button', { name: '← Portfolio' }).click();
    await expect(page.getByTestId('portfolio-mean')).not.toHaveText(beforeSave, { timeout: 60_000 });
    expect(money(await totalMean(page))).toBeGreaterThan(money(beforeSave));
    await expect(table.locator('tbody > tr', { hasText: 'Kestrel' }).getByText('edited')).toHaveCount(0);

    const shown = await totalMean(page);
    await page.getByRole('button', { name: 'Export brief…' }).click();
    const briefDialog = page.getByRole('dialog', { name: 'Export the portfolio brief' });
    const out = join(docs, 'brief.docx');
    await briefDialog.getByLabel('File path').fill(out);
    await briefDialog.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByText(`Wrote ${out}.`)).toBeVisible({ timeout: 60_000 });

    // The pages, as LibreOffice lays them out.
    const pdfDir = join(docs, 'pdf');
    const profile = mkdtempSync(join(tmpdir(), 'dw-lo-profile-'));
    spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out], { timeout: 170_000 });
    rmSync(profile, { recursive: true, force: true });
    const pdf = join(pdfDir, 'brief.pdf');
    expect(existsSync(pdf)).toBe(true);
    // Reading order, whitespace collapsed: a table cell wraps over lines.
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Meridian Holdings: strategic partnerships');
    expect(text).toContain('Portfolio brief');
    expect(text).toContain(shown);
    expect(text).toContain('400 of 400 samples tested');
    spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(pdfDir, 'page')]);
    const pages = readdirSync(pdfDir).filter((n) => n.startsWith('page') && n.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(statSync(join(pdfDir, p)).size).toBeGreaterThan(5_000);

    // The table as CSV.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffDeal,File,Counterparty,Stage,Owner,Our party,Position,Our mean NPV (USD million),P10 (USD million),P90 (USD million),P(NPV >= walk-away),Our walk-away (USD million),Share of portfolio risk,Next metric due,Horizon,Due,Status,Latest health (mean of scores),Health date,Problems',
    );
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(6);
  } finally {
    await app.close();
    rmSync(docs, { recursive: true, force: true });
  }
});

test('a .dealbook dropped with its deal files opens with every deal; dropped alone, each row says what is missing', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const examples = join(repoRoot, 'resources', 'examples');
    const book = readFileSync(join(examples, 'meridian-partnerships.dealbook'), 'utf8');
    const deals = ['pharma-licence.deal', ...readdirSync(join(examples, 'portfolio')).map((n) => `portfolio/${n}`)].map((f) => ({ name: f.split('/').pop()!, text: readFileSync(join(examples, f), 'utf8') }));
    const drop = (files: { name: string; text: string }[]) =>
      page.evaluate(`(() => {
        const data = new DataTransfer();
        for (const f of ${JSON.stringify(files)}) data.items.add(new File([f.text], f.name));
        window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
      })()`);
    await drop([{ name: 'meridian.dealbook', text: book }, ...deals]);
    const table = page.getByRole('table', { name: 'Deals' });
    await expect(table.locator('tbody > tr')).toHaveCount(5);
    await totalMean(page);
    await expect(table.locator('.row-problem')).toHaveCount(0);
    await page.getByRole('button', { name: 'Close' }).click();
    await drop([{ name: 'meridian.dealbook', text: book }]);
    await expect(table.locator('.row-problem')).toHaveCount(5);
    await expect(table.locator('.row-problem').first()).toHaveText(/^deals\[0\]: pharma-licence\.deal: not among the files dropped with the portfolio/);
    await expect(page.getByTestId('portfolio-mean')).toHaveText('—');
  } finally {
    await app.close();
  }
});

test('the welcome screen creates a portfolio; Add deal… takes deals from its folder and refuses one outside', async () => {
  const docs = mkdtempSync(join(tmpdir(), 'dw-e2e-new-portfolio-'));
  mkdirSync(join(docs, 'alliances', 'deals'), { recursive: true });
  copyFileSync(join(repoRoot, 'resources', 'examples', 'pharma-licence.deal'), join(docs, 'alliances', 'deals', 'helix.deal'));
  copyFileSync(join(repoRoot, 'resources', 'examples', 'pharma-licence.deal'), join(docs, 'elsewhere.deal'));
  const app = await openApp({ env: { DEALWRIGHT_DOCUMENTS_DIR: docs } });
  try {
    const { page } = app;
    await page.getByRole('button', { name: 'New portfolio…' }).click();
    const where = page.getByRole('dialog', { name: 'New portfolio: where it lives' });
    await where.getByLabel('File path').fill(join(docs, 'alliances', 'Alliances.dealbook'));
    await where.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText('No deals yet')).toBeVisible();
    expect(JSON.parse(readFileSync(join(docs, 'alliances', 'Alliances.dealbook'), 'utf8'))).toEqual({ format: 'dealwright.dealbook', version: 1, title: 'Alliances', currency: 'USD', unit: 'million', deals: [] });

    await page.getByRole('button', { name: 'Add deal…' }).click();
    let add = page.getByRole('dialog', { name: "Add a deal from the portfolio's folder" });
    await add.getByLabel('File path').fill(join(docs, 'elsewhere.deal'));
    await add.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('alert')).toContainText("That deal cannot join this portfolio.");
    await page.getByRole('button', { name: 'Add deal…' }).click();
    add = page.getByRole('dialog', { name: "Add a deal from the portfolio's folder" });
    await add.getByLabel('File path').fill(join(docs, 'alliances', 'deals', 'helix.deal'));
    await add.getByRole('button', { name: 'Add' }).click();
    const table = page.getByRole('table', { name: 'Deals' });
    await expect(table.locator('tbody > tr')).toHaveCount(1);
    await expect(table.locator('tbody > tr').first()).toContainText('deals/helix.deal');
    await totalMean(page);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved Alliances.dealbook.')).toBeVisible();
    expect(JSON.parse(readFileSync(join(docs, 'alliances', 'Alliances.dealbook'), 'utf8')).deals).toEqual([{ file: 'deals/helix.deal', party: 'licensor', stage: 'identified' }]);
  } finally {
    await app.close();
    rmSync(docs, { recursive: true, force: true });
  }
});
