/**
 * The terms real deals are written in, edited as a negotiator would in the
 * pharma licence: the generic-entry step-down in the royalty card (its factor
 * typed as a percentage), tiers measured over the calendar year, a cap, a
 * payment timed by a date picked from the timeline, an input drawn every
 * period; then the command palette runs the valuation, which values the
 * edited deal. Screenshots at 1024 and 1440 px go to test-results (to look at).
 */
import { expect, test } from '@playwright/test';
import { openApp } from './support/web-host';
import { go, setField } from './support/workbench';

test('the royalty step-down, calendar-year tiers, a cap, a date and a per-period input, valued from the palette', async () => {
  test.setTimeout(180_000);
  const testInfo = test.info();
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByRole('button', { name: /HX-201 licence/ }).click();
    await go(page, 'Terms');

    const royalty = page.getByRole('region', { name: 'Term royalty' });
    const adjustments = royalty.getByRole('table', { name: 'Royalty adjustments' });
    await expect(adjustments.getByLabel('Adjustment 1 label')).toHaveValue('Generic entry');
    await expect(adjustments.getByLabel('Adjustment 1 factor')).toHaveValue('50%');
    await setField(adjustments.getByLabel('Adjustment 1 factor'), '40');
    await royalty.getByLabel('Tiers measured').selectOption({ label: 'over the calendar year to date' });
    await setField(royalty.getByLabel('Cap (total over the deal)'), '900');
    await royalty.getByRole('heading', { name: 'Royalties on net sales' }).click();
    await expect(royalty.getByLabel('Cap (total over the deal)')).toHaveValue('$900.0M');

    const upfront = page.getByRole('region', { name: 'Term upfront' });
    await upfront.getByLabel('At (period or date): pick a date').selectOption('2028');
    await expect(upfront.getByLabel('At (period or date)', { exact: true })).toHaveValue('2028');
    await expect(upfront.locator('.timing-reads')).toHaveText('2028 (period 1)');
    await page.setViewportSize({ width: 1024, height: 900 });
    await royalty.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('royalty-1024.png'), fullPage: false });

    await go(page, 'Inputs');
    await page.getByLabel('cogsPct drawn every period').check();
    await expect(page.getByLabel('cogsPct drawn every period')).toBeChecked();

    // No problem anywhere: the edited deal is valid, and the palette values it.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press('ControlOrMeta+Shift+P');
    const palette = page.getByRole('combobox', { name: 'Command' });
    await palette.fill('run val');
    await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option')).toHaveText([/^Run Valuation\s*Ctrl\+Enter$/]);
    await page.screenshot({ path: testInfo.outputPath('palette-1440.png') });
    await palette.press('Enter');
    const source = page.getByLabel('Results source');
    await expect.poll(async () => source.getAttribute('data-kind'), { timeout: 90_000 }).toBe('full');
    await expect(source).toHaveAttribute('data-stale', 'fresh', { timeout: 90_000 });
    await expect(page.locator('.run-bar [role="alert"]')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('valued-1440.png') });
  } finally {
    await app.close();
  }
});
