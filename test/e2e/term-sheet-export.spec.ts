/**
 * Exporting a Word term sheet from the app, end to end: the real renderer in
 * Chromium, the real web host, the real writer. The web host has no native
 * save dialog, so the path is typed; it cannot open a file manager, so the
 * dialog shows the folder instead.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { openApp } from './support/web-host';

test('the export dialog writes the chosen scenario for the counterparty on Letter paper and shows the folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dw-e2e-termsheet-'));
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByRole('button', { name: /HX-201 licence/ }).click();
    await page.getByRole('button', { name: 'Export term sheet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export term sheet' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Opening ask' });
    await dialog.getByLabel('Letter', { exact: true }).check();
    await expect(dialog.getByLabel(/^Counterparty/)).toBeChecked();
    await dialog.getByRole('button', { name: 'Export…' }).click();

    const out = join(dir, 'helix term sheet.docx');
    const pathDialog = page.getByRole('dialog', { name: 'Save term sheet as' });
    // Named by the deal and the draft, never by the scenario or our file.
    await expect(pathDialog.getByLabel('File path')).toHaveValue(/Helix Bio Northwind Pharma HX-201 licence - term sheet - Draft 1\.docx$/);
    await pathDialog.getByLabel('File path').fill(out);
    await pathDialog.getByRole('button', { name: 'Export' }).click();

    const done = page.getByRole('dialog', { name: 'Term sheet exported' });
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done).toContainText(`Open this folder to find it: ${dir}`);
    expect(existsSync(out)).toBe(true);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pgSz w:w="12240" w:h="15840"');
    expect(xml).toContain('$40.0M');
    expect(xml).toContain('Draft 1 · ');
    expect(xml).toContain('Non-binding term sheet, except for the provisions stated to be binding');
    expect(xml).not.toContain('Walk-away');
    expect(xml).not.toContain('Opening ask');
    await done.getByRole('button', { name: 'Close' }).click();
    await expect(done).toBeHidden();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Compare with… writes a redline between two scenarios, the user as author of every tracked change', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dw-e2e-redline-'));
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByRole('button', { name: /HX-201 licence/ }).click();
    await page.getByRole('button', { name: 'Compare with…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare with…' });
    await expect(dialog.getByLabel(/^Redline/)).toBeChecked();
    await dialog.getByLabel('New version: scenario').selectOption({ label: 'Opening ask' });
    await dialog.getByLabel('Previous version: scenario').selectOption({ label: 'Base case' });
    await expect(dialog.getByLabel('Draft label (printed on the document)')).toHaveValue('Draft 2');
    await dialog.getByLabel(/^Your name/).fill('Ann Lee');
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const out = join(dir, 'redline.docx');
    const pathDialog = page.getByRole('dialog', { name: 'Save redline as' });
    await expect(pathDialog.getByLabel('File path')).toHaveValue(/HX-201 licence - redline - Draft 2\.docx$/);
    await pathDialog.getByLabel('File path').fill(out);
    await pathDialog.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('dialog', { name: 'Redline exported' })).toBeVisible({ timeout: 30_000 });
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(new Set([...xml.matchAll(/w:author="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set(['Ann Lee']));
    expect(xml).toContain('Upfront payment: $25.0M → $40.0M');
    expect(xml).not.toMatch(/Opening ask|Base case|pharma-licence/);
    // The name is remembered for the next export.
    await page.getByRole('dialog', { name: 'Redline exported' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Export term sheet…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export term sheet' }).getByLabel(/^Your name/)).toHaveValue('Ann Lee');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
