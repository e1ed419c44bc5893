// @vitest-environment jsdom
/**
 * The export dialog against the real host export handlers (the same ones the
 * web host serves) and a real settings file: choose document, audience,
 * scenario, draft label, author, money style and paper, type the path where
 * the host has no native dialog, get a real .docx, see the folder; compare
 * with another scenario or another file for a redline.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ApiArgs } from '../../../shared/api';
import { createExportHandlers } from '../../../host/docx/export-handlers';
import { listFolder } from '../../../host/documents/folder-browser';
import { createPathPolicy } from '../../../host/documents/path-policy';
import { openConfSettings } from '../../../host/settings/conf-backend';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { ExportDialog, suggestedDocxName, type ExportApi } from '../../../renderer/src/components/export/ExportDialog';
import { describeWhatIfs } from '../../../renderer/src/results/what-if';
import { exampleDeal } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'dw-export-dialog-'));
const ctx = { emit: () => undefined };

/** The host handlers, called the way the front doors call them; `calls` records what the dialog asked for. */
function realApi(calls: string[] = [], dataDir = mkdtempSync(join(dir, 'data-'))): ExportApi {
  const settings = openConfSettings(dataDir);
  const handlers = createExportHandlers({ appVersion: '0.1.0', valuationRunner: () => createInProcessRunner(), ports: { chooseExportPath: async () => ({ kind: 'in-app', defaultDir: dir, root: dir }) }, settings: () => settings });
  const paths = createPathPolicy({ root: dir });
  return {
    exportTermSheet: async (...args: ApiArgs<'exportTermSheet'>) => {
      calls.push(`export:${args[0].audience}:${args[0].scenarioId}:${args[0].paper}:${args[0].draft}:${args[0].author ?? '-'}:${args[0].moneyStyle}`);
      return handlers.exportTermSheet(ctx, ...args);
    },
    exportRedline: async (...args: ApiArgs<'exportRedline'>) => {
      calls.push(`redline:${JSON.stringify(args[0].against)}:${args[0].scenarioId}:${args[0].draft}`);
      return handlers.exportRedline(ctx, ...args);
    },
    chooseExportPath: async (...args: ApiArgs<'chooseExportPath'>) => {
      calls.push(`choose:${args[0]}`);
      return handlers.chooseExportPath(ctx, ...args);
    },
    chooseOpenPath: async () => ({ kind: 'in-app', defaultDir: dir, root: dir }),
    revealInFolder: async (...args: ApiArgs<'revealInFolder'>) => {
      calls.push('reveal');
      return handlers.revealInFolder(ctx, ...args);
    },
    listFolder: async (...args: ApiArgs<'listFolder'>) => listFolder(paths, ...args),
    getAuthorName: async () => handlers.getAuthorName(ctx),
    setAuthorName: async (...args: ApiArgs<'setAuthorName'>) => {
      calls.push(`author:${args[0]}`);
      return handlers.setAuthorName(ctx, ...args);
    },
  };
}

async function exportTo(path: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
  fireEvent.change(await screen.findByLabelText('File path'), { target: { value: path } });
  fireEvent.click(screen.getByRole('button', { name: 'Export' }));
}

async function documentXml(path: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
}

afterEach(cleanup);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ExportDialog', () => {
  it('names a document for the other side by the deal and the draft, never by the scenario or our file', () => {
    const base = { title: 'Helix Bio / Northwind: HX-201', fileName: 'pharma-licence.deal', scenarioName: 'Opening ask', draft: 'Draft 2' };
    expect(suggestedDocxName({ ...base, audience: 'counterparty', redline: false })).toBe('Helix Bio Northwind HX-201 - term sheet - Draft 2.docx');
    expect(suggestedDocxName({ ...base, audience: 'counterparty', redline: true })).toBe('Helix Bio Northwind HX-201 - redline - Draft 2.docx');
    expect(suggestedDocxName({ ...base, audience: 'internal', redline: false })).toBe('pharma-licence - Opening ask - internal term sheet.docx');
  });

  it('offers audience, scenario, draft, author, amounts and paper; writes the term sheet, remembers the name and shows the folder', async () => {
    const calls: string[] = [];
    let closed = false;
    render(<ExportDialog deal={exampleDeal('pharma-licence')} fileName="pharma-licence.deal" api={realApi(calls)} onClose={() => (closed = true)} scenarioId="ask" />);
    expect(screen.getByRole('dialog', { name: 'Export term sheet' })).toBeTruthy();
    expect((screen.getByLabelText('Scenario') as HTMLSelectElement).value).toBe('ask');
    expect((screen.getByLabelText('Draft label (printed on the document)') as HTMLInputElement).value).toBe('Draft 1');
    fireEvent.change(screen.getByLabelText('Draft label (printed on the document)'), { target: { value: 'Draft 3' } });
    fireEvent.change(screen.getByLabelText(/^Your name/), { target: { value: 'Ann Lee' } });
    fireEvent.click(screen.getByLabelText('USD 25 million'));
    fireEvent.click(screen.getByLabelText('Letter'));
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const path = (await screen.findByLabelText('File path')) as HTMLInputElement;
    const name = 'Helix Bio Northwind Pharma HX-201 licence - term sheet - Draft 3.docx';
    expect(path.value).toBe(`${dir}/${name}`);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByRole('dialog', { name: 'Term sheet exported' }, { timeout: 20_000 });
    const out = join(dir, name);
    expect(existsSync(out)).toBe(true);
    const xml = await documentXml(out);
    expect(xml).toContain('Draft 3 · ');
    expect(xml).toContain('USD\u00A040\u00A0million');
    expect(xml).not.toContain('Opening ask');
    expect(screen.getByText(`Open this folder to find it: ${dir}`)).toBeTruthy();
    expect(calls).toEqual([`choose:${name}`, 'author:Ann Lee', 'export:counterparty:ask:Letter:Draft 3:Ann Lee:words', 'reveal']);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(closed).toBe(true);
  }, 30_000);

  it('fills in the name remembered from the last export', async () => {
    const dataDir = mkdtempSync(join(dir, 'data-'));
    openConfSettings(dataDir).setAuthorName('Maya Chen');
    render(<ExportDialog deal={exampleDeal('jv-equity')} fileName="jv.deal" api={realApi([], dataDir)} onClose={() => undefined} />);
    await waitFor(() => expect((screen.getByLabelText(/^Your name/) as HTMLInputElement).value).toBe('Maya Chen'));
  });

  it('compares with another scenario: a redline with the user as author of the tracked changes', async () => {
    const calls: string[] = [];
    render(<ExportDialog deal={exampleDeal('pharma-licence')} fileName="pharma-licence.deal" api={realApi(calls)} onClose={() => undefined} scenarioId="ask" mode="redline" />);
    expect(screen.getByRole('dialog', { name: 'Compare with…' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Previous version: scenario'), { target: { value: 'base' } });
    fireEvent.change(screen.getByLabelText(/^Your name/), { target: { value: 'Ann Lee' } });
    const out = join(dir, 'scenario-redline.docx');
    await exportTo(out);
    await screen.findByRole('dialog', { name: 'Redline exported' }, { timeout: 20_000 });
    expect(calls).toContain('redline:{"kind":"scenario","scenarioId":"base"}:ask:Draft 2');
    const xml = await documentXml(out);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Ann Lee"/);
    expect(xml).toContain('Upfront payment: $25.0M → $40.0M');
    expect(xml).not.toMatch(/Opening ask|Base case|pharma-licence/);
  }, 30_000);

  it('compares with another .deal file, typed where the host has no file dialog', async () => {
    const older = join(dir, 'older.deal');
    copyFileSync(join(import.meta.dirname, '..', '..', '..', 'resources', 'examples', 'saas-alliance.deal'), older);
    const deal = exampleDeal('saas-alliance');
    deal.terms.find((t) => t.id === 'exit')!.trigger = 'on 60 days’ notice';
    render(<ExportDialog deal={deal} fileName="saas.deal" api={realApi()} onClose={() => undefined} mode="redline" />);
    fireEvent.click(screen.getByLabelText('Another .deal file (the draft sent before)'));
    fireEvent.click(screen.getByRole('button', { name: 'Choose file…' }));
    fireEvent.change(await screen.findByLabelText('Previous version: .deal file path'), { target: { value: older } });
    const out = join(dir, 'file-redline.docx');
    await exportTo(out);
    await screen.findByRole('dialog', { name: 'Redline exported' }, { timeout: 20_000 });
    expect(await documentXml(out)).toContain('On 60 days’ notice');
  }, 30_000);

  it('says that slider what-ifs on screen are not in the term sheet of their scenario', () => {
    const deal = exampleDeal('pharma-licence');
    const whatIfs = describeWhatIfs(deal, { 'terms.upfront.amount': 40, 'terms.royalty.tiers.0.rate': 0.09 });
    expect(whatIfs).toEqual(['Upfront payment: $40.0M', 'Royalties on net sales, tier 1 rate: 9%']);
    render(<ExportDialog deal={deal} fileName="pharma-licence.deal" api={realApi()} onClose={() => undefined} scenarioId="base" whatIfs={whatIfs} />);
    expect(screen.getByRole('note').textContent).toContain('Not in this term sheet: the slider what-ifs on screen (Upfront payment: $40.0M; Royalties on net sales, tier 1 rate: 9%)');
    // Another scenario was never what-if'd: nothing to warn about.
    fireEvent.change(screen.getByLabelText('Scenario'), { target: { value: 'ask' } });
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('lists the problems when the term sheet cannot be written, and writes nothing', async () => {
    const deal = exampleDeal('pharma-licence');
    deal.termSheet!.sections![0]!.text = 'Our floor is {{parties.licensor.walkAway}}.';
    render(<ExportDialog deal={deal} fileName="broken.deal" api={realApi()} onClose={() => undefined} />);
    await exportTo(join(dir, 'broken.docx'));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert.textContent).toContain('termSheet.sections[0].text: "{{parties.licensor.walkAway}}" discloses a party\'s walk-away');
    expect(existsSync(join(dir, 'broken.docx'))).toBe(false);
  }, 30_000);

  it('insists on a .docx name when the path is typed', async () => {
    render(<ExportDialog deal={exampleDeal('jv-equity')} fileName="jv.deal" api={realApi()} onClose={() => undefined} />);
    await exportTo(join(dir, 'jv.pdf'));
    expect(screen.getByText('The file name must end in .docx.')).toBeTruthy();
  });
});
