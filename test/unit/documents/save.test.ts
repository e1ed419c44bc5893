/**
 * Save and Save As on a real file system: atomic replacement (a process
 * killed mid-save, hundreds of times, never leaves a broken file), failures
 * that leave the old file untouched with a reason, no temp files left behind,
 * a .bak of a file from an older version, and files from a newer version
 * never overwritten.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../host/documents/atomic-write';
import { openDealFile } from '../../../host/documents/load';
import { saveDealFile } from '../../../host/documents/save';
import { parseDealText } from '../../../shared/model/parse';
import type { Deal } from '../../../shared/model/schema';

const root = resolve(__dirname, '..', '..', '..');
const exampleText = readFileSync(join(root, 'resources', 'examples', 'jv-equity.deal'), 'utf8');
const parsed = parseDealText(exampleText);
if (!parsed.ok) throw new Error('example must load');
const deal: Deal = parsed.deal;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealwright-save-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const temps = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

describe('saveDealFile', () => {
  it('writes the deal, keeps the layout of the file it came from, and leaves no temp file', async () => {
    const original = join(dir, 'source.deal');
    writeFileSync(original, exampleText);
    const target = join(dir, 'copy.deal');
    const result = await saveDealFile({ path: target, deal, originalPath: original });
    expect(result).toMatchObject({ ok: true, path: target, fileName: 'copy.deal' });
    expect(readFileSync(target, 'utf8')).toBe(exampleText);
    expect(temps(dir)).toEqual([]);
  });

  it('refuses a deal with problems and writes nothing', async () => {
    const target = join(dir, 'invalid.deal');
    const result = await saveDealFile({ path: target, deal: { ...deal, us: 'nobody' } });
    expect(result).toEqual({ ok: false, problems: [{ path: 'us', message: '"nobody" is not one of the parties' }] });
    expect(existsSync(target)).toBe(false);
  });

  it('on a failed write, the old file is untouched and the user is told why', async () => {
    // A 250-character name is valid, but its temp file name is too long: a real failure, before any byte moves.
    // (The old file is a deal: anything else would be kept without even trying, see the newer-version corpus.)
    const target = join(dir, `${'n'.repeat(245)}.deal`);
    const old = exampleText.replace('"title": "', '"title": "Old ');
    writeFileSync(target, old);
    const result = await saveDealFile({ path: target, deal });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toMatch(/^could not save n+\.deal: the file name is too long\. The file on disk was not changed/);
    expect(readFileSync(target, 'utf8')).toBe(old);
    expect(temps(dir)).toEqual([]);
  });

  it('says so when the folder does not exist', async () => {
    const result = await saveDealFile({ path: join(dir, 'missing', 'x.deal'), deal });
    expect(!result.ok && result.problems[0]!.message).toContain('does not exist');
  });

  it('never overwrites a file made by a newer version of Dealwright', async () => {
    const target = join(dir, 'future.deal');
    const future = exampleText.replace('"version": 1', '"version": 3');
    writeFileSync(target, future);
    const result = await saveDealFile({ path: target, deal });
    expect(!result.ok && result.problems[0]!.message).toBe('future.deal was made by a newer version of Dealwright; it was not overwritten. Save under another name.');
    expect(readFileSync(target, 'utf8')).toBe(future);
  });

  it('keeps a .bak of a file from an older version before replacing it', async () => {
    const target = join(dir, 'old.deal');
    const older = exampleText.replace('"version": 1', '"version": 0');
    writeFileSync(target, older);
    // Version 1 is the first format: a made-up version 0 with its migration stands for the day there is an older one.
    const result = await saveDealFile({ path: target, deal }, { migrations: new Map([[0, (raw) => raw]]) });
    expect(result.ok).toBe(true);
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(older);
    const reopened = await openDealFile(target);
    expect(reopened.ok && reopened.document.deal).toEqual(deal);
  });
});

describe('atomic writes under SIGKILL', () => {
  // DEALWRIGHT_KILLS raises the count for a soak run; 200 keeps the suite quick.
  const KILLS = Number(process.env.DEALWRIGHT_KILLS ?? 200);
  const WORKERS = 4;
  let child = '';

  beforeAll(async () => {
    child = join(dir, 'save-loop-child.mjs');
    await build({ entryPoints: [join(__dirname, 'save-loop-child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'error' });
  });

  /** Starts a saving loop, kills it at a random moment once it is saving, returns when it is dead. */
  function killOnce(target: string, a: string, b: string): Promise<void> {
    return new Promise((done, fail) => {
      const proc = spawn(process.execPath, [child, target, a, b], { stdio: ['ignore', 'pipe', 'inherit'] });
      proc.stdout.once('data', () => setTimeout(() => proc.kill('SIGKILL'), Math.random() * 8));
      proc.once('exit', (_code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`child ended by itself (${String(signal)})`))));
    });
  }

  it(`the target is always exactly the old or the new content (${KILLS} kills)`, async () => {
    const contentA = `${'A'.repeat(40_000)}\n`;
    const contentB = `${'B'.repeat(60_000)}\n`;
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, contentA);
    writeFileSync(b, contentB);
    const seen = { A: 0, B: 0 };
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        const folder = join(dir, `kill-${w}`);
        mkdirSync(folder);
        const target = join(folder, 'deal.deal');
        writeFileSync(target, contentA);
        for (let i = 0; i < KILLS / WORKERS; i++) {
          await killOnce(target, a, b);
          const now = readFileSync(target, 'utf8');
          expect(now === contentA || now === contentB).toBe(true);
          seen[now === contentA ? 'A' : 'B']++;
        }
        // The next successful save supersedes whatever temp files the killed ones left.
        await writeFileAtomic(target, contentB);
        expect(temps(folder)).toEqual([]);
      }),
    );
    // Both contents were observed, so the kills really landed inside the loop.
    expect(seen.A + seen.B).toBe(KILLS);
    expect(seen.A).toBeGreaterThan(0);
    expect(seen.B).toBeGreaterThan(0);
  });
});
