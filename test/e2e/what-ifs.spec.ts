/**
 * No what-if can break the deal: on every example, every slider pushed to
 * both ends of its range by keyboard leaves the workbench with fresh results
 * and no failed run, and every ZOPA sweep finishes with a zone statement and
 * no error. (The what-if rules keep shares whole, carry a median's P90 and
 * stop a slider where its number would make the deal invalid.) Runs at
 * 20,000 iterations to stay lean; the rules do not depend on the count.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support/web-host';

const EXAMPLES = ['HX-201 licence', 'embedded analytics alliance', 'storage joint venture'];

async function resultSeq(page: Page): Promise<number> {
  return Number(await page.getByRole('region', { name: 'Valuation', exact: true }).getAttribute('data-result-seq'));
}

/** Waits for a full run newer than `after` that matches the sliders; fails at once on a failed run. */
async function settled(page: Page, after: number): Promise<void> {
  const source = page.getByLabel('Results source');
  await expect
    .poll(
      async () => {
        if ((await source.getAttribute('data-stale')) === 'failed') return 'failed';
        const fresh = (await resultSeq(page)) > after && (await source.getAttribute('data-kind')) === 'full' && (await source.getAttribute('data-stale')) === 'fresh';
        return fresh ? 'fresh' : 'waiting';
      },
      { timeout: 60_000 },
    )
    .toBe('fresh');
  await expect(page.locator('.run-bar [role="alert"]')).toHaveCount(0);
}

test.describe('what-ifs never break a deal', () => {
  test.describe.configure({ timeout: 600_000 });

  for (const example of EXAMPLES) {
    test(`${example}: every slider at both ends, and every ZOPA sweep`, async () => {
      const app = await openApp();
      try {
        const { page } = app;
        await page.getByRole('button', { name: new RegExp(example) }).click();
        await settled(page, 0);
        await page.getByLabel('Iterations per run').fill('20000');
        await page.getByLabel('Iterations per run').press('Enter');
        await settled(page, 1);

        const sliders = page.getByRole('region', { name: 'What-if sliders' }).getByRole('slider');
        const count = await sliders.count();
        expect(count).toBeGreaterThan(0);
        for (let i = 0; i < count; i++) {
          const slider = sliders.nth(i);
          for (const key of ['End', 'Home'] as const) {
            const before = await resultSeq(page);
            await slider.focus();
            await page.keyboard.press(key);
            await expect(slider).toHaveValue(String(await slider.getAttribute(key === 'End' ? 'max' : 'min')));
            await settled(page, before);
            // What the slider shows is what was valued: the figures are fresh for this position.
            await expect(page.getByText('No problems')).toBeVisible();
          }
        }

        await page.getByRole('tab', { name: 'ZOPA' }).click();
        const choices = await page.getByLabel('Number to sweep').locator('option').allTextContents();
        for (const choice of choices) {
          await page.getByLabel('Number to sweep').selectOption({ label: choice });
          await page.getByRole('button', { name: 'Sweep its range' }).click();
          const note = page.getByLabel('Zone of agreement range');
          await expect(note).toContainText(choice, { timeout: 120_000 });
          await expect(page.getByRole('region', { name: 'Zone of agreement sweep' }).getByRole('alert')).toHaveCount(0);
          await expect(page.getByRole('figure', { name: `Mean NPV as ${choice} moves` })).toBeVisible();
        }
        await expect(page.getByLabel('Results source')).not.toHaveAttribute('data-stale', 'failed');
      } finally {
        await app.close();
      }
    });
  }
});
