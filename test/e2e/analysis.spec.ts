/**
 * The analysis side, end to end: the real renderer in Chromium against the
 * real web host and engine. Figures are read from the page's accessible text
 * (aria-labels on the party cards, the comparison table), never from pixels.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp, repoRoot } from './support/web-host';
import { formatMoney } from '../../shared/format/money';

const run = promisify(execFile);
const PHARMA = 'Helix Bio / Northwind Pharma: HX-201 licence';
/** The precision the app shows Monte Carlo estimates at (one decimal in millions). */
const stat = (v: number) => formatMoney(v, { currency: 'USD', unit: 'million', decimals: 1 });

/** "$52.34M" -> 52.34, "-$5.0M" -> -5 */
function parseMoney(text: string): number {
  const m = /^(-?)\$([\d,]+(?:\.\d+)?)M$/.exec(text.trim());
  if (!m) throw new Error(`not a USD million amount: "${text}"`);
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, ''));
}

async function openPharma(page: Page): Promise<void> {
  await page.getByRole('button', { name: new RegExp(PHARMA.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) }).click();
  await waitForFreshFullRun(page);
}

/** Waits for the figures of a full run, newer than result number `after` when given, that match the inputs on screen. */
async function waitForFreshFullRun(page: Page, timeout = 90_000, after?: number): Promise<void> {
  if (after !== undefined) {
    await expect.poll(() => resultSeq(page), { timeout }).toBeGreaterThan(after);
  }
  const source = page.getByLabel('Results source');
  await expect(source).toHaveAttribute('data-kind', 'full', { timeout });
  await expect(source).toHaveAttribute('data-stale', 'fresh', { timeout });
}

/** The sequence number of the result on screen (increments with every result shown). */
async function resultSeq(page: Page): Promise<number> {
  return Number(await page.getByRole('region', { name: 'Valuation', exact: true }).getAttribute('data-result-seq'));
}

async function mean(page: Page, party: string): Promise<number> {
  return parseMoney(await page.getByLabel(`${party} mean NPV`, { exact: true }).innerText());
}

test.describe('analysis', () => {
  // Full runs of 100,000 iterations on a busy 2-core machine take a few seconds each.
  test.describe.configure({ timeout: 180_000 });

  test('moving the upfront slider moves value from licensee to licensor, one for one', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await openPharma(page);
      const licensorBefore = await mean(page, 'Helix Bio');
      const licenseeBefore = await mean(page, 'Northwind Pharma');

      const seqBefore = await resultSeq(page);
      const slider = page.getByRole('slider', { name: 'Upfront payment' });
      await slider.focus();
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
      await expect(slider).toHaveAttribute('aria-valuetext', '$35.0M');
      await expect(page.getByLabel('Results source')).toContainText('1 slider what-if');
      await waitForFreshFullRun(page, 90_000, seqBefore);

      // The upfront is paid at period 0 in every iteration (not discounted), and the
      // seed is unchanged, so +10 to the licensor is exactly -10 to the licensee;
      // the tolerance covers only the display rounding (one decimal, so at most 0.1).
      const licensorAfter = await mean(page, 'Helix Bio');
      const licenseeAfter = await mean(page, 'Northwind Pharma');
      expect(Math.abs(licensorAfter - licensorBefore - 10)).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(Math.abs(licenseeAfter - licenseeBefore + 10)).toBeLessThanOrEqual(0.1 + 1e-9);
      await expect(page.getByLabel('Results source')).toContainText('Full run · 100,000 iterations · seed 20270301');

      // A chart out of view is redrawn when it comes into view (a slider drag redraws only what can be seen):
      // the other party's histogram, below the fold, still shows an older result until scrolled to.
      const shown = String(await resultSeq(page));
      const other = page.getByRole('figure', { name: /^Northwind Pharma: NPV distribution/ });
      expect((await other.boundingBox())!.y).toBeGreaterThan(page.viewportSize()!.height);
      expect(await other.getAttribute('data-rendered')).not.toBe(shown);
      await other.scrollIntoViewIfNeeded();
      await expect(other).toHaveAttribute('data-rendered', shown);
    } finally {
      await app.close();
    }
  });

  test('Cancel stops a 5,000,000-iteration run and leaves the previous figures, marked stale', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await openPharma(page);
      const before = await page.getByLabel('Helix Bio mean NPV', { exact: true }).innerText();

      const iterations = page.getByLabel('Iterations per run');
      await iterations.fill('5000000');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const progress = page.getByRole('group', { name: 'Valuation progress' });
      await expect(progress).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveAttribute('aria-label', 'Valuing 5,000,000 iterations');
      await progress.getByRole('button', { name: 'Cancel' }).click();

      await expect(progress).toBeHidden();
      const source = page.getByLabel('Results source');
      await expect(source).toHaveAttribute('data-stale', 'cancelled');
      await expect(source).toContainText('100,000 iterations');
      await expect(page.getByRole('status').filter({ hasText: 'Run cancelled' })).toBeVisible();
      expect(await page.getByLabel('Helix Bio mean NPV', { exact: true }).innerText()).toBe(before);

      // The host really stopped: nothing arrives later, and a new small run is served at once.
      await page.waitForTimeout(1500);
      await expect(source).toHaveAttribute('data-stale', 'cancelled');
      await iterations.fill('20000');
      const started = Date.now();
      const seqBefore = await resultSeq(page);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForFreshFullRun(page, 30_000, seqBefore);
      await expect(source).toContainText('20,000 iterations');
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await app.close();
    }
  });

  test('the scenario comparison lists every scenario with the same numbers as `dealwright value`', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await openPharma(page);
      const iterations = 20_000;
      const seed = 20270301;
      await page.getByLabel('Iterations per run').fill(String(iterations));
      await page.getByLabel('Iterations per run').press('Tab');
      await page.getByRole('tab', { name: 'Scenarios' }).click();
      await page.getByRole('button', { name: 'Compare all scenarios' }).click();
      const table = page.locator('table.comparison-table');
      await expect(table).toBeVisible({ timeout: 120_000 });
      await expect(page.getByLabel('Comparison settings')).toContainText(`20,000 iterations per scenario · seed ${seed}`);

      // Scenarios are columns (as in the table of terms that differ); figures are rows.
      const header = await table.locator('thead th').allInnerTexts();
      const scenarios = [
        { id: 'base', name: 'Base case' },
        { id: 'ask', name: 'Opening ask' },
        { id: 'fallback', name: 'Fallback' },
      ];
      expect(header).toEqual(['Figure', ...scenarios.map((s) => s.name)]);
      const row = async (label: string) => table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td').allInnerTexts();
      const licensorMean = await row('Helix Bio mean NPV');
      const licenseeMean = await row('Northwind Pharma mean NPV');
      const licensorP = await row('P(Helix Bio ≥ walk-away)');
      const allP = await row('P(every party ≥ walk-away)');
      for (const [i, s] of scenarios.entries()) {
        const { stdout } = await run(process.execPath, [join(repoRoot, 'out/cli/main.js'), 'value', join(repoRoot, 'resources/examples/pharma-licence.deal'), '--scenario', s.id, '--seed', String(seed), '--iterations', String(iterations), '--json'], { cwd: repoRoot });
        const cli = JSON.parse(stdout) as { parties: Record<string, { npv: { mean: number }; pAboveWalkAway: number }>; pAllAboveWalkAway: number };
        expect(licensorMean[i]).toBe(stat(cli.parties.licensor!.npv.mean));
        expect(licenseeMean[i]).toBe(stat(cli.parties.licensee!.npv.mean));
        expect(licensorP[i]).toBe(`${(cli.parties.licensor!.pAboveWalkAway * 100).toFixed(1)}%`);
        expect(allP[i]).toBe(`${(cli.pAllAboveWalkAway * 100).toFixed(1)}%`);
      }
    } finally {
      await app.close();
    }
  });
});
