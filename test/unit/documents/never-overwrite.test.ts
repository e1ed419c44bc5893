/**
 * Never overwrite what this version cannot read. Before a save replaces a
 * file, the file is read with the same loader as Open; only a deal of this
 * version or an older one is ever replaced. Before, 9 of these 11 version-2
 * variants were overwritten, because the version check read strict JSON only
 * and let anything it could not parse through. Each case also checks that the
 * message offers Save As and that the bytes on disk are exactly as they were.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDealFile } from '../../../host/documents/save';
import { parseDealText } from '../../../shared/model/parse';
import type { Deal } from '../../../shared/model/schema';

const root = resolve(import.meta.dirname, '..', '..', '..');
const example = readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8');
const parsed = parseDealText(example);
if (!parsed.ok) throw new Error('example must load');
const deal: Deal = parsed.deal;
const v2 = example.replace('"version": 1', '"version": 2');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealwright-keep-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Version-2 files as a newer Dealwright (or a hand edit of one) might write them. */
const NEWER: [string, () => Buffer][] = [
  ['version 2', () => Buffer.from(v2)],
  ['version 2 with a key version 1 does not know', () => Buffer.from(v2.replace('"title":', '"portfolio": { "id": "p1" },\n  "title":'))],
  ['over 5 MB', () => Buffer.from(v2.replace('"title":', `"x-padding": "${'x'.repeat(5 * 1024 * 1024)}",\n  "title":`))],
  ['a duplicate key', () => Buffer.from(v2.replace('"title":', '"title": "first",\n  "title":'))],
  ['NaN', () => Buffer.from(v2.replace('"walkAway": 40', '"walkAway": NaN'))],
  ['nesting deeper than 64', () => Buffer.from(v2.replace('"title":', `"x-deep": ${'['.repeat(80)}${']'.repeat(80)},\n  "title":`))],
  ['a __proto__ key', () => Buffer.from(v2.replace('"title":', '"__proto__": { "polluted": true },\n  "title":'))],
  ['UTF-16', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(v2, 'utf16le')])],
  ['trailing text', () => Buffer.from(`${v2}\n// written by Dealwright 2\n`)],
  ['"version": "2"', () => Buffer.from(example.replace('"version": 1', '"version": "2"'))],
  ['version 2.1', () => Buffer.from(example.replace('"version": 1', '"version": 2.1'))],
  ['version 2 with a BOM and CRLF line ends', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(v2.replace(/\n/g, '\r\n'))])],
];

/** Other things a save might land on that are not a deal this version reads. */
const OTHER: [string, () => Buffer][] = [
  ['an empty file', () => Buffer.alloc(0)],
  ['a text file', () => Buffer.from('Meeting notes: do not lose these.\n')],
  ['a binary file', () => Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256))],
  ['a JSON file of another program', () => Buffer.from('{ "name": "my-project", "version": "1.0.0" }\n')],
  ['a deal with a problem this version refuses', () => Buffer.from(example.replace('"us": "licensor"', '"us": "nobody"'))],
];

describe.each([
  ['a newer version', NEWER],
  ['not a deal this version reads', OTHER],
])('a file that is %s is kept, and the save refused with Save As offered', (_group, cases) => {
  it.each(cases)('%s', async (name, bytes) => {
    const target = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.deal`);
    const before = bytes();
    writeFileSync(target, before);
    const result = await saveDealFile({ path: target, deal });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/it was not overwritten\. Save under another name\.$|was not overwritten: .*Use Save As to save under another name\.$/);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(existsSync(`${target}.bak`)).toBe(false);
  });
});

describe('what may be replaced', () => {
  it('a deal of this version', async () => {
    const target = join(dir, 'current.deal');
    writeFileSync(target, example.replace('"title": "', '"title": "Old '));
    expect((await saveDealFile({ path: target, deal })).ok).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(example);
  });

  it('nothing at all (a new file)', async () => {
    const target = join(dir, 'new.deal');
    expect((await saveDealFile({ path: target, deal })).ok).toBe(true);
    const reread = parseDealText(readFileSync(target, 'utf8'));
    expect(reread.ok && reread.deal).toEqual(deal);
  });

  it('a deal of an older version, kept beside it as .bak', async () => {
    const target = join(dir, 'older.deal');
    const older = example.replace('"version": 1', '"version": 0');
    writeFileSync(target, older);
    expect((await saveDealFile({ path: target, deal }, { migrations: new Map([[0, (raw) => raw]]) })).ok).toBe(true);
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(older);
  });
});

describe('what is not a file', () => {
  it('a folder is kept', async () => {
    const target = join(dir, 'folder.deal');
    mkdirSync(target);
    const result = await saveDealFile({ path: target, deal });
    expect(!result.ok && result.problems[0]!.message).toMatch(/this is a folder/);
  });

  it.skipIf(process.platform === 'win32')('a FIFO is refused at once, without waiting for a writer', async () => {
    const target = join(dir, 'pipe.deal');
    execFileSync('mkfifo', [target]);
    const result = await saveDealFile({ path: target, deal });
    expect(!result.ok && result.problems[0]!.message).toMatch(/not a regular file/);
  });

  it.skipIf(process.platform === 'win32')('a link to nowhere is not written through', async () => {
    const target = join(dir, 'dangling.deal');
    symlinkSync(join(dir, 'missing', 'target.deal'), target);
    const result = await saveDealFile({ path: target, deal });
    expect(result.ok).toBe(false);
  });
});
