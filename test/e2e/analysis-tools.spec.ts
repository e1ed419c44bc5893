/**
 * The analysis tools in a negotiator's words, end to end in Chromium against
 * the web host: goal seek chosen by label solving the pharma royalty for a
 * licensor target beyond the slider's range (checked against the CLI), the
 * comparison table listing exactly the terms two scenarios differ on, the
 * help panel reached from a figure's label and searched, the results pane
 * resized from the keyboard and remembered, and a chart exported ready for a
 * slide (SVG with its title and axis titles, PNG).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { openApp, repoRoot } from './support/web-host';

const run = promisify(execFile);

async function openPharma(page: Page): Promise<void> {
  await page.getByRole('button', { name: /HX-201 licence/ }).click();
  const source = page.getByLabel('Results source');
  await expect(source).toHaveAttribute('data-kind', 'full', { timeout: 90_000 });
  await expect(source).toHaveAttribute('data-stale', 'fresh', { timeout: 90_000 });
}

test.describe('analysis tools', () => {
  test.describe.configure({ timeout: 240_000 });

  test('goal seek by label past the slider, the terms two scenarios differ on, help from a figure, a resizable results pane', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await openPharma(page);

      // Goal seek: the number chosen by its label, a target only a rate above the slider's 15% reaches.
      await page.getByRole('button', { name: 'Goal seek…' }).click();
      const dialog = page.getByRole('dialog', { name: /Goal seek/ });
      await dialog.getByLabel('Number to vary').selectOption({ label: 'Royalties on net sales, tier 1 rate' });
      await expect(dialog.getByText("Searches the slider's range (2% to 15%) first")).toBeVisible();
      await dialog.getByLabel('Party').selectOption({ label: 'Helix Bio' });
      await dialog.getByLabel('Target mean NPV').fill('90');
      await dialog.getByRole('button', { name: 'Solve' }).click();
      const answer = dialog.getByLabel('Goal seek answer');
      await expect(answer).toContainText('Royalties on net sales, tier 1 rate = ', { timeout: 120_000 });
      await expect(answer).toContainText("(outside the slider's range, 2% to 15%) gives Helix Bio a mean NPV of $90.0M (target $90.0M, 100,000 iterations)");
      const shown = Number(/tier 1 rate = ([\d.]+)%/.exec(await answer.innerText())![1]) / 100;
      const { stdout } = await run(process.execPath, [join(repoRoot, 'out/cli/main.js'), 'solve', join(repoRoot, 'resources/examples/pharma-licence.deal'), '--vary', 'terms.royalty.tiers.0.rate', '--party', 'licensor', '--target', '90', '--json'], { cwd: repoRoot });
      const cli = JSON.parse(stdout) as { ok: boolean; value: number };
      expect(cli.ok).toBe(true);
      expect(cli.value).toBeGreaterThan(0.15);
      expect(Math.abs(shown - cli.value)).toBeLessThan(0.00005);
      await dialog.getByRole('button', { name: 'Close' }).click();

      // The comparison table: exactly the terms Base case and Opening ask set differently.
      await page.getByRole('tab', { name: 'Scenarios' }).click();
      await page.getByRole('checkbox', { name: 'Fallback' }).uncheck();
      const terms = page.getByRole('table', { name: 'Terms that differ' });
      await expect(terms.locator('thead th')).toHaveText(['Term', 'Base case', 'Opening ask']);
      await expect(terms.locator('tbody th')).toHaveText(['Upfront payment', 'Royalties on net sales, tier 3 rate']);
      await expect(terms.locator('tbody tr').nth(0).locator('td')).toHaveText(['$25.0M', '$40.0M']);
      await expect(terms.locator('tbody tr').nth(1).locator('td')).toHaveText(['12%', '14%']);
      await page.getByRole('checkbox', { name: 'Fallback' }).check();
      await expect(terms.locator('tbody th')).toHaveText(['Upfront payment', 'First approval (US or EU)', 'Royalties on net sales, tier 3 rate']);

      // Help from a figure's label, and searched.
      await page.getByRole('button', { name: 'Help: Mean NPV and its ± figure' }).first().click();
      const help = page.getByRole('complementary', { name: 'Help' });
      await expect(help.getByRole('region', { name: 'Mean NPV and its ± figure' })).toBeFocused();
      await help.getByLabel('Search help').fill('zone of agreement');
      await expect(help.getByRole('heading', { level: 3 })).toHaveText(['Zone of agreement (ZOPA)']);
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();

      // The results pane, wider from the keyboard, and as wide after a reload.
      const pane = page.getByRole('complementary', { name: 'Results' });
      const before = (await pane.boundingBox())!.width;
      const splitter = page.getByRole('separator', { name: 'Resize the results pane' });
      await splitter.focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
      await expect.poll(async () => (await pane.boundingBox())!.width).toBeGreaterThan(before + 70);
      const wider = (await pane.boundingBox())!.width;
      await page.reload();
      await openPharma(page);
      expect(Math.abs((await pane.boundingBox())!.width - wider)).toBeLessThan(2);
    } finally {
      await app.close();
    }
  });

  test('a chart goes to a slide: SVG with its title and axis titles, PNG', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await openPharma(page);
      const title = 'Helix Bio: NPV distribution and S-curve (P5–P95 shown)';
      await page.getByRole('button', { name: `Export ${title}` }).click();
      const svgDownload = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: 'Save chart as SVG' }).click();
      const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
      expect(svg).toMatch(/^<svg/);
      for (const text of [title.replace('–', '–'), 'NPV (USD million)', 'Share of outcomes', 'Chance NPV is below']) expect(svg).toContain(text.replace(/&/g, '&amp;'));
      await page.getByRole('button', { name: `Export ${title}` }).click();
      const pngDownload = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: 'Save chart as PNG' }).click();
      const png = readFileSync((await (await pngDownload).path())!);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Twice the 1280 × 720 slide size.
      expect(png.readUInt32BE(16)).toBe(2560);
      expect(png.readUInt32BE(20)).toBe(1440);
    } finally {
      await app.close();
    }
  });
});
