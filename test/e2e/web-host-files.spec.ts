/**
 * The web host with files, as a user meets it in Chromium: dropping a 20 MB
 * file or a 3 MB binary shows why it cannot open and leaves the host running
 * (it used to end the host and every tab's unsaved work); no cookie holds the
 * token; Open browses the documents folder by keyboard and refuses paths
 * outside it; Save As and Export start in the deal's folder; "Don't save"
 * discards the draft's recovery copy; the "Saved" notice goes with the next
 * edit.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, repoRoot } from './support/web-host';
import { go, setField } from './support/workbench';

const PHARMA = 'Helix Bio / Northwind Pharma: HX-201 licence';
const example = readFileSync(join(repoRoot, 'resources', 'examples', 'pharma-licence.deal'), 'utf8');

/** Drops a file made in the page, as the OS would (a string script: this file is type-checked without the DOM library). */
async function drop(page: Page, name: string, make: string): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.items.add(new File([${make}], ${JSON.stringify(name)}));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
  })()`);
}

test('dropped files that cannot be deals are refused in the page; the host lives; no cookie', async () => {
  const app = await openApp();
  const { page, host } = app;
  page.setDefaultTimeout(15_000);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  try {
    // Loaded again with every request watched: the page, its scripts, styles, icon and the WebSocket.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();
    await drop(page, 'huge.deal', 'new Uint8Array(20 * 1024 * 1024).fill(32)');
    const failure = page.getByRole('alert', { name: 'Problems opening the file' });
    await expect(failure).toContainText('huge.deal could not be opened');
    await expect(failure).toContainText('file is 20.0 MB; a .deal file may be at most 5 MB');

    await drop(page, 'photo.deal', 'Uint8Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 131 + 7) % 256)');
    await expect(failure).toContainText('photo.deal could not be opened');
    await expect(failure).toContainText('not a .deal file');

    // The host is still there: the same page goes on working.
    expect(host.process.exitCode).toBeNull();
    await page.getByRole('button', { name: new RegExp(PHARMA.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) }).click();
    await expect(page.getByRole('heading', { level: 1, name: PHARMA })).toBeVisible();

    expect(await page.context().cookies()).toEqual([]);
    // Every request the page made carried the token in its path.
    expect(requested.length).toBeGreaterThan(3);
    for (const path of requested) expect(path.startsWith(`/${host.token}/`), path).toBe(true);
  } finally {
    await app.close();
  }
});

test('open by keyboard in the documents folder, save and export beside the deal, discard and saved notices', async () => {
  const docs = mkdtempSync(join(tmpdir(), 'dealwright-docs-'));
  mkdirSync(join(docs, 'clients', 'helix'), { recursive: true });
  writeFileSync(join(docs, 'clients', 'helix', 'licence.deal'), example);
  const outside = mkdtempSync(join(tmpdir(), 'dealwright-outside-'));
  writeFileSync(join(outside, 'other.deal'), example);
  const app = await openApp({ env: { DEALWRIGHT_DOCUMENTS_DIR: docs } });
  const { page, host } = app;
  page.setDefaultTimeout(15_000);
  try {
    await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();

    // A path outside the documents folder is refused.
    await page.keyboard.press('Control+O');
    let dialog = page.getByRole('dialog', { name: 'Open a deal or portfolio' });
    await dialog.getByLabel('File path').fill(join(outside, 'other.deal'));
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('alert', { name: 'Problems opening the file' })).toContainText('is outside the documents folder');

    // Browse there with the keyboard only: the list, arrows, Enter.
    await page.keyboard.press('Control+O');
    dialog = page.getByRole('dialog', { name: 'Open a deal or portfolio' });
    const list = dialog.getByRole('listbox', { name: 'Folders, deal and portfolio files' });
    await expect(list.getByRole('option', { name: /clients/ })).toBeVisible();
    await list.focus();
    await page.keyboard.press('Enter'); // clients
    await expect(list.getByRole('option', { name: /helix/ })).toBeVisible();
    await page.keyboard.press('Enter'); // helix
    await expect(list.getByRole('option', { name: /licence\.deal/ })).toBeVisible();
    await page.keyboard.press('Enter'); // the file
    await expect(page.getByRole('heading', { level: 1, name: PHARMA })).toBeVisible();

    // Export starts beside the deal, not in a Documents folder that may not exist.
    await page.keyboard.press('Control+E');
    const exportDialog = page.getByRole('dialog', { name: 'Export term sheet' });
    await exportDialog.getByRole('button', { name: 'Export…' }).click();
    const pathDialog = page.getByRole('dialog', { name: 'Save term sheet as' });
    await expect(pathDialog.getByLabel('File path')).toHaveValue(new RegExp(`^${join(docs, 'clients', 'helix').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`));
    await pathDialog.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('dialog', { name: 'Export term sheet' }).getByRole('button', { name: 'Cancel' }).click();

    // "Saved" goes with the next edit.
    await go(page, 'Parties');
    await setField(page.getByLabel('Helix Bio walk-away'), '41');
    await page.keyboard.press('Control+S');
    await expect(page.getByText('Saved licence.deal.')).toBeVisible();
    await setField(page.getByLabel('Helix Bio walk-away'), '42');
    await expect(page.getByText('Saved licence.deal.')).toBeHidden();

    // "Don't save" discards the recovery copy, so it does not come back as "Recover unsaved work".
    await page.evaluate("window.dispatchEvent(new Event('blur'))");
    const recovery = join(host.dataDir, 'recovery');
    const drafts = () => (existsSync(recovery) ? readdirSync(recovery).filter((f) => f.endsWith('.json')).length : 0);
    await expect.poll(drafts).toBe(1);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: "Don't save" }).click();
    await expect(page.getByRole('heading', { name: 'Example deals' })).toBeVisible();
    await page.evaluate("window.dispatchEvent(new Event('blur'))");
    await expect.poll(drafts).toBe(0);
  } finally {
    await app.close();
    rmSync(docs, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});
