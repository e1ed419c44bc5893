// @vitest-environment jsdom
/**
 * The export dialog against the real host export handlers (the same ones the
 * web host serves): choose audience, scenario and paper, type the path where
 * the host has no native dialog, get a real .docx, see the folder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ApiArgs } from '../../../shared/api';
import { createExportHandlers } from '../../../host/docx/export-handlers';
import { listFolder } from '../../../host/documents/folder-browser';
import { createPathPolicy } from '../../../host/documents/path-policy';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { ExportDialog, suggestedDocxName, type ExportApi } from '../../../renderer/src/components/export/ExportDialog';
import { describeWhatIfs } from '../../../renderer/src/results/what-if';
import { exampleDeal } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'dw-export-dialog-'));
const ctx = { emit: () => undefined };

/** The host handlers, called the way the front doors call them (arguments validated by the same schemas). */
function realApi(calls: string[] = []): ExportApi {
  const handlers = createExportHandlers({ appVersion: '0.1.0', valuationRunner: () => createInProcessRunner(), ports: { chooseExportPath: async () => ({ kind: 'in-app', defaultDir: dir, root: dir }) } });
  const paths = createPathPolicy({ root: dir });
  return {
    exportTermSheet: async (...args: ApiArgs<'exportTermSheet'>) => {
      calls.push(`export:${args[0].audience}:${args[0].scenarioId}:${args[0].paper}`);
      return handlers.exportTermSheet(ctx, ...args);
    },
    chooseExportPath: async (...args: ApiArgs<'chooseExportPath'>) => {
      calls.push(`choose:${args[0]}`);
      return handlers.chooseExportPath(ctx, ...args);
    },
    revealInFolder: async (...args: ApiArgs<'revealInFolder'>) => {
      calls.push('reveal');
      return handlers.revealInFolder(ctx, ...args);
    },
    listFolder: async (...args: ApiArgs<'listFolder'>) => listFolder(paths, ...args),
  };
}

afterEach(cleanup);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ExportDialog', () => {
  it('suggests a file name from the deal, the scenario and the audience', () => {
    expect(suggestedDocxName('pharma-licence.deal', 'Opening ask', 'counterparty')).toBe('pharma-licence - Opening ask - term sheet.docx');
    expect(suggestedDocxName('a/b:c.deal', 'Base', 'internal')).toBe('a b c - Base - internal term sheet.docx');
  });

  it('offers audience, scenario and paper, writes the term sheet and shows its folder', async () => {
    const calls: string[] = [];
    let closed = false;
    render(<ExportDialog deal={exampleDeal('pharma-licence')} fileName="pharma-licence.deal" api={realApi(calls)} onClose={() => (closed = true)} scenarioId="ask" />);
    expect(screen.getByRole('dialog', { name: 'Export term sheet' })).toBeTruthy();
    expect((screen.getByLabelText('Scenario') as HTMLSelectElement).value).toBe('ask');
    fireEvent.click(screen.getByLabelText('Letter'));
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const path = (await screen.findByLabelText('File path')) as HTMLInputElement;
    expect(path.value).toBe(`${dir}/pharma-licence - Opening ask - term sheet.docx`);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByRole('dialog', { name: 'Term sheet exported' }, { timeout: 20_000 });
    const out = join(dir, 'pharma-licence - Opening ask - term sheet.docx');
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(screen.getByText(`Open this folder to find it: ${dir}`)).toBeTruthy();
    expect(calls).toEqual(['choose:pharma-licence - Opening ask - term sheet.docx', 'export:counterparty:ask:Letter', 'reveal']);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(closed).toBe(true);
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
    deal.termSheet!.sections![0]!.text = 'In {{territroy}}.';
    render(<ExportDialog deal={deal} fileName="broken.deal" api={realApi()} onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    fireEvent.change(await screen.findByLabelText('File path'), { target: { value: join(dir, 'broken.docx') } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert.textContent).toContain('termSheet.sections[0].text: unknown placeholder "{{territroy}}"');
    expect(existsSync(join(dir, 'broken.docx'))).toBe(false);
  }, 30_000);

  it('insists on a .docx name when the path is typed', async () => {
    render(<ExportDialog deal={exampleDeal('jv-equity')} fileName="jv.deal" api={realApi()} onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    fireEvent.change(await screen.findByLabelText('File path'), { target: { value: join(dir, 'jv.pdf') } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(screen.getByText('The file name must end in .docx.')).toBeTruthy();
  });
});
