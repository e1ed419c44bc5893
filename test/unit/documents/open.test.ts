/**
 * Opening files from others: limits checked before reading, encodings other
 * than UTF-8 named, folders and missing files explained, a UTF-8 BOM and CRLF
 * line ends accepted, and an older file reported as migrated.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDealBytes, openDealBytes, openDealFile } from '../../../host/documents/load';

const root = resolve(__dirname, '..', '..', '..');
const exampleText = readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealwright-open-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = (r: Awaited<ReturnType<typeof openDealFile>>) => (r.ok ? [] : r.problems.map((p) => p.message));

describe('openDealFile', () => {
  it('opens a file and remembers where it came from', async () => {
    const file = join(dir, 'deal.deal');
    writeFileSync(file, exampleText);
    const r = await openDealFile(file);
    expect(r.ok && r.document).toMatchObject({ path: file, fileName: 'deal.deal', migrated: false, originalPath: file });
  });

  it('accepts a UTF-8 byte order mark and CRLF line ends', async () => {
    const file = join(dir, 'windows.deal');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exampleText.replace(/\n/g, '\r\n'))]));
    expect((await openDealFile(file)).ok).toBe(true);
  });

  it.each([
    ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exampleText, 'utf16le')]), 'the file is UTF-16 text; save it as UTF-8 (a .deal file is UTF-8 JSON)'],
    ['UTF-16 without a BOM', Buffer.from(exampleText, 'utf16le'), 'the file is UTF-16 text; save it as UTF-8 (a .deal file is UTF-8 JSON)'],
    ['Latin-1 text', Buffer.from('{"title": "Soci\xe9t\xe9"}', 'latin1'), 'not a .deal file: it is not UTF-8 text (binary or another encoding)'],
    ['control bytes that are valid UTF-8 (a ZIP header)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x41, 0x42, 0x01, 0x02]), 'not a .deal file: it contains binary data'],
  ])('names the problem with %s', async (_what, bytes, message) => {
    const file = join(dir, 'enc.deal');
    writeFileSync(file, bytes);
    expect(problemsOf(await openDealFile(file))).toEqual([message]);
  });

  it('explains folders and missing files', async () => {
    expect(problemsOf(await openDealFile(dir))).toEqual(['this is a folder, not a .deal file']);
    expect(problemsOf(await openDealFile(join(dir, 'nope.deal')))).toEqual(['the file does not exist']);
  });

  it('refuses more than 5 MB by its size, for dropped text too', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x20);
    const over = 'file is just over 5 MB (5,242,881 bytes); a .deal file may be at most 5 MB';
    expect(problemsOf(openDealBytes('big.deal', big, null))).toEqual([over]);
    const file = join(dir, 'big.deal');
    writeFileSync(file, big);
    expect(problemsOf(await openDealFile(file))).toEqual([over]);
  });

  it('decodes exactly the text that was written', () => {
    const decoded = decodeDealBytes(Buffer.from(exampleText));
    expect(decoded.ok && decoded.text).toBe(exampleText);
  });
});

describe('files that are not deals', () => {
  it.skipIf(process.platform === 'win32')('FIFOs are refused at once, and file work goes on (five used to hang the file thread pool)', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'pipe.deal');
    execFileSync('mkfifo', [fifo]);
    const results = await Promise.all(Array.from({ length: 8 }, () => openDealFile(fifo)));
    for (const r of results) expect(problemsOf(r)).toEqual(['this is not a regular file (a pipe, a device or a socket), so it is not a .deal file']);
    const file = join(dir, 'after-fifo.deal');
    writeFileSync(file, exampleText);
    expect((await openDealFile(file)).ok).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('devices are refused without reading them', async () => {
    expect(problemsOf(await openDealFile('/dev/zero'))).toEqual(['this is not a regular file (a pipe, a device or a socket), so it is not a .deal file']);
  });

  it.each([
    ['a text file', 'password=hunter2\nuser=alice\n', ['hunter2', 'password', 'alice', '"p"']],
    ['another program\'s JSON', '{ "apiKey": "sk-live-12345", "endpoint": "https://internal.example" }', ['apiKey', 'sk-live', 'internal.example']],
    ['JSON with a syntax error', '{ "token": sk-live-12345 }', ['token', 'sk-live', '"s"']],
    ['a JSON list', '["secret-one", "secret-two"]', ['secret']],
  ])('the message about %s repeats nothing it holds', async (_what, text, secrets) => {
    const file = join(dir, 'private.txt');
    writeFileSync(file, text);
    const messages = problemsOf(await openDealFile(file));
    expect(messages.length).toBeGreaterThan(0);
    for (const secret of secrets) for (const m of messages) expect(m).not.toContain(secret);
  });
});
