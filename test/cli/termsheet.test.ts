/**
 * `dealwright termsheet` and `dealwright redline` as a user runs them: the real
 * built CLI in its own process (npm run build first). Documents are checked in
 * depth by test/docx; here: exit codes, messages, files written or not.
 */
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli';

const example = (name: string) => resolve(repoRoot, 'resources', 'examples', `${name}.deal`);
const dir = mkdtempSync(join(tmpdir(), 'dw-cli-termsheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const isDocx = (path: string) => existsSync(path) && readFileSync(path).subarray(0, 2).toString() === 'PK';

describe('dealwright termsheet', () => {
  it('writes a counterparty term sheet for every example', () => {
    for (const name of ['pharma-licence', 'saas-alliance', 'jv-equity']) {
      const out = join(dir, `${name}.docx`);
      const r = runCli(['termsheet', example(name), '-o', out]);
      expect(r, name).toMatchObject({ code: 0, stderr: '', stdout: `${out}: term sheet written (counterparty)\n` });
      expect(isDocx(out), name).toBe(true);
    }
    // Written atomically: no temp file is left beside the document.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes an internal term sheet with the valuation appendix', () => {
    const out = join(dir, 'jv-internal.docx');
    const r = runCli(['termsheet', example('jv-equity'), '-o', out, '--audience', 'internal', '--scenario', 'kestrel60', '--iterations', '2000', '--workers', '2', '--paper', 'Letter']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(isDocx(out)).toBe(true);
  });

  it('exits 1 with path: message for an unknown scenario, writing nothing', () => {
    const out = join(dir, 'nope.docx');
    const r = runCli(['termsheet', example('pharma-licence'), '-o', out, '--scenario', 'nope']);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'scenario: no scenario or round "nope" (the deal has: base, ask, fallback, r1, r2, r3)\n' });
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 naming an unknown placeholder and where it is', () => {
    const deal = JSON.parse(readFileSync(example('pharma-licence'), 'utf8'));
    deal.termSheet.sections[1].text = 'Pay {{terms.upfrnt.amount|money}}.';
    const file = join(dir, 'bad-placeholder.deal');
    writeFileSync(file, JSON.stringify(deal, null, 2));
    const out = join(dir, 'bad-placeholder.docx');
    const r = runCli(['termsheet', file, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^termSheet\.sections\[1\]\.text: unknown placeholder "\{\{terms\.upfrnt\.amount\|money\}\}": .*no term "upfrnt"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 for a file that is not a deal', () => {
    const file = join(dir, 'not-json.deal');
    writeFileSync(file, '{ nope');
    const r = runCli(['termsheet', file, '-o', join(dir, 'x.docx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON|JSON/);
  });

  it('exits 1 with a clear message when the folder does not exist', () => {
    const out = join(dir, 'no-such-folder', 'x.docx');
    const r = runCli(['termsheet', example('jv-equity'), '-o', out]);
    expect(r).toMatchObject({ code: 1, stderr: `-o: cannot write "${out}": the folder does not exist\n` });
  });

  it('never overwrites its input', () => {
    const file = join(dir, 'deal-named.docx');
    copyFileSync(example('pharma-licence'), file);
    const before = readFileSync(file, 'utf8');
    const r = runCli(['termsheet', file, '-o', file]);
    expect(r).toMatchObject({ code: 1, stderr: `-o: refusing to overwrite the input file "${file}"\n` });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('leaves an existing file it may not read and write alone (exit 1), though the folder would let it replace it', () => {
    // Root may write anything: as root, the CLI runs as "nobody", a user the file's mode then binds.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const folder = mkdtempSync(join(tmpdir(), 'dw-cli-locked-'));
    try {
      chmodSync(folder, 0o777);
      const deal = join(folder, 'pharma.deal');
      copyFileSync(example('pharma-licence'), deal);
      chmodSync(deal, 0o644);
      for (const [name, mode] of [['unreadable.docx', 0o000], ['read-only.docx', 0o444]] as const) {
        const out = join(folder, name);
        writeFileSync(out, 'keep me');
        chmodSync(out, mode);
        const message = `-o: cannot write "${out}": permission denied (the existing file is not readable and writable by you); it was not changed\n`;
        expect(runCli(['termsheet', deal, '-o', out], asUser), name).toMatchObject({ code: 1, stdout: '', stderr: message });
        expect(runCli(['redline', deal, '--from', 'r1', '--to', 'r2', '-o', out], asUser), name).toMatchObject({ code: 1, stdout: '', stderr: message });
        chmodSync(out, 0o644);
        expect(readFileSync(out, 'utf8')).toBe('keep me');
      }
      // A file the user may write is replaced as asked.
      const writable = join(folder, 'writable.docx');
      writeFileSync(writable, 'old');
      chmodSync(writable, 0o666);
      expect(runCli(['termsheet', deal, '-o', writable], asUser)).toMatchObject({ code: 0, stderr: '' });
      expect(isDocx(writable)).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits 2 on usage errors', () => {
    expect(runCli(['termsheet', example('pharma-licence')]).code).toBe(2);
    expect(runCli(['termsheet', example('pharma-licence'), '-o', join(dir, 'x.pdf')]).code).toBe(2);
    expect(runCli(['termsheet', example('pharma-licence'), '-o', join(dir, 'x.docx'), '--audience', 'everyone']).code).toBe(2);
  });
});

describe('dealwright redline', () => {
  it('compares two scenarios of one file', () => {
    const out = join(dir, 'redline-scenarios.docx');
    const r = runCli(['redline', example('saas-alliance'), '--from', 'base', '--to', 'flat', '-o', out]);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: `${out}: redline written\n` });
    expect(isDocx(out)).toBe(true);
  });

  it('compares two versions of a file', () => {
    const deal = JSON.parse(readFileSync(example('pharma-licence'), 'utf8'));
    deal.terms[0].amount = 35;
    const newer = join(dir, 'pharma-v2.deal');
    writeFileSync(newer, JSON.stringify(deal, null, 2));
    const out = join(dir, 'redline-files.docx');
    const r = runCli(['redline', example('pharma-licence'), newer, '-o', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(isDocx(out)).toBe(true);
  });

  it('exits 1 for an unknown scenario and 2 for incomplete arguments', () => {
    const r = runCli(['redline', example('jv-equity'), '--from', 'base', '--to', 'kestrel70', '-o', join(dir, 'x.docx')]);
    // Named by the option it came from (the export's own message said "scenario: …" and repeated the id).
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: '--to: no scenario "kestrel70" (the deal has: base, kestrel60)\n' });
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    // With two files, the line names the file whose positions were searched.
    const two = runCli(['redline', example('pharma-licence'), example('saas-alliance'), '--from', 'r9', '-o', join(dir, 'x.docx')]);
    expect(two).toMatchObject({ code: 1, stderr: `--from: ${example('pharma-licence')}: no scenario or round "r9" (the deal has: base, ask, fallback, r1, r2, r3)\n` });
    expect(runCli(['redline', example('jv-equity'), '--from', 'base', '-o', join(dir, 'x.docx')]).code).toBe(2);
    expect(runCli(['redline', example('jv-equity'), example('pharma-licence')]).code).toBe(2);
  });
});

describe('--draft, --author and --amounts', () => {
  const partsOf = async (path: string) => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(path));
    return Object.fromEntries(await Promise.all(Object.entries(zip.files).filter(([, f]) => !f.dir).map(async ([n, f]) => [n, await f.async('string')] as const)));
  };

  it('prints the draft label instead of any internal name, and the author in the properties', async () => {
    const out = join(dir, 'draft.docx');
    const r = runCli(['termsheet', example('pharma-licence'), '-o', out, '--scenario', 'ask', '--draft', 'Draft 3', '--author', 'Ann Lee', '--amounts', 'words', '--date', '2027-03-03']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const parts = await partsOf(out);
    expect(parts['word/document.xml']).toContain('Draft 3 · 3 March 2027 · Subject to contract');
    expect(parts['word/document.xml']).toContain('USD\u00A040\u00A0million');
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Ann Lee</dc:creator>');
    expect(Object.values(parts).join('\n')).not.toMatch(/Opening ask|pharma-licence|Dealwright|20270301/);
  });

  it('refuses a draft label that is a scenario name (exit 1, path: message) and an empty one (exit 2)', () => {
    const out = join(dir, 'draft-bad.docx');
    const r = runCli(['termsheet', example('pharma-licence'), '-o', out, '--draft', 'Fallback']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^draft: "Fallback" is the name of a scenario/);
    expect(existsSync(out)).toBe(false);
    expect(runCli(['termsheet', example('pharma-licence'), '-o', out, '--draft', ' ']).code).toBe(2);
    expect(runCli(['termsheet', example('pharma-licence'), '-o', out, '--amounts', 'roman']).code).toBe(2);
  });

  it('makes the user the author of a redline\'s tracked changes, never the tool', async () => {
    const out = join(dir, 'redline-author.docx');
    const r = runCli(['redline', example('pharma-licence'), '--from', 'base', '--to', 'ask', '-o', out, '--author', 'Ann Lee', '--draft', 'Draft 2']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const xml = (await partsOf(out))['word/document.xml']!;
    const authors = new Set([...xml.matchAll(/w:author="([^"]*)"/g)].map((m) => m[1]));
    expect([...authors]).toEqual(['Ann Lee']);
    expect(xml).toContain('Draft 2, with changes tracked against the previous draft');
    expect(xml).not.toMatch(/Base case|Opening ask|Dealwright/);
  });
});
