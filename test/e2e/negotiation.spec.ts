/**
 * The negotiation, end to end in Chromium against the real web host and
 * engine: open the pharma licence, record the other side's counter to our
 * offer on the table (one number changed), see both sides' values and what
 * the move was worth; find the efficient frontier and make one of its points
 * our next round; export the redline between the two rounds; undo and redo
 * the recorded offer; a round dated before the one before it is a problem at
 * its field, never a failed valuation. Screenshots of the view at 1024 and 1440 px are kept
 * in test-results/ for a person to look at.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { openApp } from './support/web-host';
import { go, setField } from './support/workbench';

test('record their counter, see its worth, answer with a frontier point, and export the redline between the two rounds', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'dw-e2e-negotiation-'));
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByRole('button', { name: /HX-201 licence/ }).click();
    // Quick runs: every round, move and frontier point is valued with the run bar's iterations.
    await setField(page.getByLabel('Iterations per run'), '20000');
    await go(page, 'Negotiation');
    const rounds = page.getByRole('table', { name: 'Rounds', exact: true });
    await expect(rounds.locator('tbody tr')).toHaveCount(3);
    await expect(page.getByLabel('Rounds valuation')).toContainText('the same draws for every round');

    // Their counter to our revised offer (R3): the terms on the table, with the upfront they changed.
    await page.getByRole('button', { name: 'Record their offer' }).click();
    const counter = page.getByRole('region', { name: /^Round 4: Northwind Pharma offer/ });
    await expect(counter).toBeVisible();
    await setField(counter.getByLabel('Upfront payment in this offer'), '20');
    const moves = counter.getByRole('table', { name: 'Moves', exact: true });
    const upfront = moves.getByRole('row', { name: /Upfront payment/ });
    await expect(upfront).toContainText('$30.0M → $20.0M');
    // An upfront paid at signing: each side's worth is exactly the change.
    await expect(upfront).toContainText('−$10.0M (exact)', { timeout: 30_000 });
    await expect(upfront).toContainText('+$10.0M (exact)');
    const r4 = rounds.locator('tbody tr').nth(3);
    await expect(r4).toContainText('R4 · Northwind Pharma offer');
    await expect(r4).not.toContainText('…', { timeout: 30_000 });
    await expect(r4.locator('td').nth(0)).toHaveText(/^\$\d+\.\dM · \d+\.\d%$/);
    await expect(r4.locator('td').nth(1)).toHaveText(/^\$\d+\.\dM · \d+\.\d%$/);
    await expect(rounds.locator('tbody tr').nth(2)).toContainText('Countered');
    // The results pane values the recorded offer too.
    await expect(page.getByLabel('Scenario or round')).toHaveValue('r4');

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: 'test-results/negotiation-1440.png' });

    // The frontier over the upfront and the approval milestone, from their offer.
    const frontier = page.getByRole('region', { name: 'Efficient frontier' });
    await frontier.getByLabel('Royalties on net sales, tier 1 rate').uncheck();
    await frontier.getByLabel('First approval (US or EU)').check();
    await setField(frontier.getByLabel("Points per number (the sliders' steps when empty)"), '9');
    await frontier.getByRole('button', { name: 'Find the frontier' }).click();
    const summary = frontier.getByLabel('Frontier summary');
    await expect(summary).toContainText('structures on the frontier, from r4', { timeout: 60_000 });
    await expect(summary).toContainText('of the grid\'s 81 structures valued');
    const points = frontier.getByRole('table', { name: 'Frontier structures' }).locator('tbody tr');
    const count = await points.count();
    expect(count).toBeGreaterThan(3);
    await points.nth(Math.floor(count / 2)).getByRole('button', { name: /^As our next round/ }).click();
    await expect(rounds.locator('tbody tr')).toHaveCount(5);
    await expect(rounds.locator('tbody tr').nth(4)).toContainText('Our offer (frontier)');
    await expect(rounds.locator('tbody tr').nth(4)).toContainText('Helix Bio');
    await expect(page.getByRole('region', { name: /^Round 5: Our offer \(frontier\)/ }).getByRole('table', { name: 'Moves', exact: true })).toBeVisible();

    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('region', { name: 'Negotiation chart' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/negotiation-1024.png' });

    // The redline from their offer (R4) to ours (R5): the terms only, no round named.
    await page.getByRole('button', { name: 'Compare with…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare with…' });
    await dialog.getByLabel('New version: scenario').selectOption({ label: 'Round: Our offer (frontier)' });
    await dialog.getByLabel('Previous version: scenario').selectOption({ label: 'Round: Northwind Pharma offer' });
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const out = join(dir, 'rounds redline.docx');
    const pathDialog = page.getByRole('dialog', { name: 'Save redline as' });
    await pathDialog.getByLabel('File path').fill(out);
    await pathDialog.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('dialog', { name: 'Redline exported' })).toBeVisible({ timeout: 30_000 });
    expect(existsSync(out)).toBe(true);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Summary of changes');
    expect(xml).toMatch(/(Upfront payment|First approval \(US or EU\)): \$\d+\.0M → \$\d+\.0M/);
    expect(xml).not.toMatch(/Northwind Pharma offer|Our offer \(frontier\)|Our revised offer|Countered|r4|r5/);
    await page.getByRole('dialog', { name: 'Redline exported' }).getByRole('button', { name: 'Close' }).click();

    // Every change to the rounds is an edit: undo takes back the frontier round, redo brings it back.
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect(rounds.locator('tbody tr')).toHaveCount(4);
    await page.getByRole('button', { name: /Redo/ }).click();
    await expect(rounds.locator('tbody tr')).toHaveCount(5);

    // A date typed before the round before it: a problem at the field, no failed valuation anywhere; undo fixes it.
    await page.getByRole('button', { name: /^Open round 2/ }).click();
    const r2 = page.getByRole('region', { name: /^Round 2: / });
    await r2.getByLabel('Date', { exact: true }).fill('2020-01-01');
    await expect(r2.getByRole('status')).toHaveText('2020-01-01 is before the round before it (2027-03-03): rounds are kept oldest first.');
    await expect(page.getByLabel('Rounds valuation')).toHaveText(/^Fix the 1 problem in the Problems list first: an invalid deal is not valued\. The figures shown are from before the last edit\.$/);
    await expect(rounds.locator('tbody tr').nth(1).locator('td').first()).toHaveText(/^\$\d+\.\dM · \d+\.\d%$/);
    await expect(page.getByRole('status').filter({ hasText: /The deal cannot be valued until this problem is fixed: negotiation\.rounds\.1\.date/ })).toBeVisible();
    await expect(page.getByLabel('Results source')).toHaveText(/ · stale: the deal has problems$/);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect(page.getByLabel('Rounds valuation')).toContainText('the same draws for every round');
    await expect(page.getByText('No problems')).toBeVisible();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
