/**
 * The editing workbench end to end, in Chromium against the web host: undo
 * and redo across many edits, a formula typo that is shown where it is and
 * blocks valuation, a bad file that shows the validator's messages, the
 * unsaved-changes prompt, and crash recovery after the host is killed.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openApp, repoRoot, startWebHost } from './support/web-host';
import { go, setField, setFormula } from './support/workbench';

const SAAS = 'Ledgerly / Atlas Cloud: embedded analytics alliance';
const PHARMA = 'Helix Bio / Northwind Pharma: HX-201 licence';

async function openExample(page: Page, title: string) {
  await page.getByRole('button', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('undo and redo a sequence of 20 edits, with the keyboard', async () => {
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    await openExample(page, SAAS);
    await go(page, 'Parties');
    const walkAway = page.getByLabel('Ledgerly walk-away');
    const rate = page.getByLabel('Atlas Cloud discount rate');
    const other = page.getByLabel('Atlas Cloud walk-away');
    const before = [await walkAway.inputValue(), await rate.inputValue(), await other.inputValue()];
    for (let i = 1; i <= 20; i++) {
      if (i % 3 === 1) await setField(walkAway, String(1000 + i));
      else if (i % 3 === 2) await setField(rate, String(5 + i));
      else await setField(other, String(500 + i));
    }
    // Leave the last field: an unfocused field shows its formatted value.
    await page.getByRole('heading', { level: 2, name: 'Parties' }).click();
    await expect(walkAway).toHaveValue('€1,019k');
    await expect(rate).toHaveValue('25%');
    await expect(other).toHaveValue('€518k');
    await expect(page.getByLabel('Unsaved changes')).toBeVisible();

    for (let i = 0; i < 20; i++) await page.keyboard.press('ControlOrMeta+Z');
    await expect(walkAway).toHaveValue(before[0]!);
    await expect(rate).toHaveValue(before[1]!);
    await expect(other).toHaveValue(before[2]!);
    await expect(page.getByLabel('Unsaved changes')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

    for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ControlOrMeta+Z');
    await expect(walkAway).toHaveValue('€1,019k');
    await expect(rate).toHaveValue('25%');
    await expect(other).toHaveValue('€518k');
    await expect(page.getByRole('button', { name: /^Undo Edit party/ })).toBeEnabled();
  } finally {
    await app.close();
  }
});

test('a formula typo is marked where it is and blocks valuation with a clear message', async () => {
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    await openExample(page, PHARMA);
    await go(page, 'Series');
    await setFormula(page, 'netSales', 'approved and t >= launchYear ? peakSale * min(1, (t - launchYear + 1) / yearsToPeak) : 0');
    const card = page.getByRole('region', { name: 'Series netSales' });
    await expect(card.getByRole('list', { name: 'Problems in Formula of netSales' })).toContainText('Unknown name "peakSale"');
    await expect(card.locator('.squiggly-error')).toHaveCount(1);
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect(problems).toContainText('series.netSales');
    await expect(page.getByRole('button', { name: /^Series/ }).getByLabel('1 problem')).toBeVisible();

    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be valued' })).toContainText(
      'The deal cannot be valued until this problem is fixed: series.netSales: Unknown name "peakSale"',
    );

    // The problems list links back to the field; fixing the typo clears everything.
    await go(page, 'Overview');
    await problems.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Series', exact: true })).toBeVisible();
    await setFormula(page, 'netSales', 'approved and t >= launchYear ? peakSales * min(1, (t - launchYear + 1) / yearsToPeak) : 0');
    await expect(page.getByText('No problems')).toBeVisible();
    await expect(card.locator('.squiggly-error')).toHaveCount(0);
  } finally {
    await app.close();
  }
});

test('the formula editor completes names and shows an input distribution on hover', async () => {
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    await openExample(page, PHARMA);
    await go(page, 'Series');
    const editor = page.getByRole('region', { name: 'Series devCost' }).locator('.monaco-editor');
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' + peakS', { delay: 30 });
    const suggest = page.locator('.suggest-widget.visible');
    // Monaco lays out its suggestion widget lazily: on a loaded machine that can take longer than the default 5 s.
    await expect(suggest).toContainText('peakSales', { timeout: 15_000 });
    await expect(suggest).toContainText('lognormal, median 650, p90 1,400');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Z');
    await page.getByRole('region', { name: 'Series netSales' }).getByText('yearsToPeak').hover();
    await expect(page.locator('.monaco-hover').filter({ hasText: 'yearsToPeak' })).toContainText('triangular min 3, most likely 5, max 9', { timeout: 15_000 });
  } finally {
    await app.close();
  }
});

test('a file that fails to open shows the validator messages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dealwright-bad-'));
  const bad = join(dir, 'broken.deal');
  writeFileSync(bad, JSON.stringify({ format: 'dealwright.deal', version: 1, title: 'Broken', currency: 'usd', unit: 'million' }));
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    await page.getByRole('button', { name: 'Open…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a deal or portfolio' });
    await dialog.getByLabel('File path').fill(bad);
    await dialog.getByRole('button', { name: 'Open' }).click();
    const failure = page.getByRole('alert', { name: 'Problems opening the file' });
    await expect(failure).toContainText('broken.deal could not be opened');
    await expect(failure).toContainText('currency');
    await expect(failure).toContainText('ISO 4217');
    await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('closing with unsaved changes asks first', async () => {
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    await openExample(page, SAAS);
    await go(page, 'Overview');
    await setField(page.getByLabel('Title'), 'Ledgerly / Atlas: revised');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
    await expect(dialog).toContainText('Do you want to save the changes to saas-alliance.deal?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ledgerly / Atlas: revised' })).toBeVisible();

    await page.keyboard.press('ControlOrMeta+W');
    await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: "Don't save" }).click();
    await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();

    // A clean document closes without asking.
    await openExample(page, SAAS);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();
  } finally {
    await app.close();
  }
});

test('crash recovery: edit, kill the web host, start it again, restore, the edit is there', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dealwright-recovery-'));
  let host = await startWebHost({ dataDir });
  let session = await launchBrowser();
  try {
    let page = session.page;
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    await openExample(page, SAAS);
    await go(page, 'Parties');
    await setField(page.getByLabel('Ledgerly walk-away'), '1234');
    // Autosave runs every 30 s and whenever the window loses focus.
    // (A string script: this file is type-checked without the DOM library.)
    await page.evaluate("window.dispatchEvent(new Event('blur'))");
    const recovery = join(dataDir, 'recovery');
    await expect.poll(() => (existsSync(recovery) ? readdirSync(recovery).filter((f) => f.endsWith('.json')).length : 0)).toBe(1);

    await host.kill();
    await session.close();
    host = await startWebHost({ dataDir });
    session = await launchBrowser();
    page = session.page;
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    const prompt = page.getByRole('dialog', { name: 'Recover unsaved work' });
    await expect(prompt).toContainText(SAAS);
    await prompt.getByRole('button', { name: `Restore ${SAAS}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: SAAS })).toBeVisible();
    await expect(page.getByLabel('Unsaved changes')).toBeVisible();
    await go(page, 'Parties');
    await expect(page.getByLabel('Ledgerly walk-away')).toHaveValue('€1,234k');
  } finally {
    await session.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a .deal file dropped on the window opens; sections are reachable from the keyboard', async () => {
  const app = await openApp();
  const { page } = app;
  page.setDefaultTimeout(15_000);
  try {
    await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();
    const text = readFileSync(join(repoRoot, 'resources', 'examples', 'jv-equity.deal'), 'utf8');
    // Drop the file as the OS would (a string script: this file is type-checked without the DOM library).
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([${JSON.stringify(text)}], 'dropped-jv.deal', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    })()`);
    await expect(page.getByRole('heading', { level: 1, name: 'Solara / Kestrel Energy: storage joint venture' })).toBeVisible();
    await expect(page.getByText('dropped-jv.deal')).toBeVisible();

    await page.keyboard.press('Alt+5');
    await expect(page.getByRole('heading', { level: 2, name: 'Terms', exact: true })).toBeVisible();
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { level: 2, name: 'Inputs', exact: true })).toBeVisible();
    // Tab order starts in the title bar, then the navigator.
    const nav = page.getByRole('navigation', { name: 'Deal sections' });
    await nav.getByRole('button', { name: 'Parties' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Parties', exact: true })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('button', { name: 'Inputs' })).toBeFocused();
  } finally {
    await app.close();
  }
});
