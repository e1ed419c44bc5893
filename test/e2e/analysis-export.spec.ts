/**
 * Exports from the analysis pane: every chart's context menu saves the chart
 * as PNG and its data as CSV; the scenario table saves as CSV. Checked on the
 * downloaded files themselves.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './support/web-host';

test.describe('analysis exports', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a chart saves as PNG and its data as CSV from the context menu', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await page.getByRole('button', { name: /HX-201 licence/ }).click();
      const source = page.getByLabel('Results source');
      await expect(source).toHaveAttribute('data-stale', 'fresh', { timeout: 90_000 });
      await page.getByRole('tab', { name: 'Cash flows' }).click();
      const chart = page.getByRole('figure', { name: 'Helix Bio: cash flow per period' });
      await expect(chart).toHaveAttribute('data-rendered', /\d+/);

      await chart.locator('.chart-canvas').click({ button: 'right' });
      const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Save chart as PNG' }).click()]);
      expect(png.suggestedFilename()).toBe('helix-bio-cash-flow-per-period.png');
      const pngBytes = readFileSync((await png.path())!);
      expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(pngBytes.length).toBeGreaterThan(5_000);

      // The keyboard route to the same menu.
      await chart.getByRole('button', { name: 'Export Helix Bio: cash flow per period' }).click();
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Save data as CSV' }).click()]);
      expect(csv.suggestedFilename()).toBe('helix-bio-cash-flow-per-period.csv');
      const lines = readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('Period,P10,Median,P90,Mean');
      expect(lines).toHaveLength(1 + 15);
      expect(lines[1]!.split(',')[0]).toBe('2027');
      // Full precision numbers, not display strings.
      expect(lines.slice(1).every((l) => l.split(',').slice(1).every((v) => Number.isFinite(Number(v))))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
