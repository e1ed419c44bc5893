/**
 * `dealwright validate` as a user runs it: the real CLI in its own process, on
 * every good file (exit 0, "FILE: ok") and every file of the bad corpus (exit 1,
 * the exact line the user must see, no stack trace), plus usage errors (exit 2).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, expect as globalExpect, it, type ExpectStatic } from 'vitest';

const root = resolve(__dirname, '..', '..');
const cli = join(root, 'out', 'cli', 'main.js');
const badDir = join(root, 'test', 'fixtures', 'bad');
const goodDir = join(root, 'test', 'fixtures', 'good');
const expected = JSON.parse(readFileSync(join(badDir, 'expected.json'), 'utf8')) as Record<string, string>;
let scratch = '';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

function expectNoStackTrace(text: string, expect: ExpectStatic = globalExpect) {
  expect(text).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
  expect(text).not.toMatch(/\b(TypeError|RangeError|SyntaxError|ReferenceError)\b/);
}

beforeAll(() => {
  // CLI tests run the built bundle; build it when this checkout has not been built yet.
  if (!existsSync(cli)) execFileSync(process.execPath, ['build.config.mjs'], { cwd: root, stdio: 'inherit' });
  scratch = mkdtempSync(join(tmpdir(), 'dealwright-validate-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('dealwright validate on good files', () => {
  const good = [
    ...readdirSync(join(root, 'resources', 'examples')).filter((f) => f.endsWith('.deal')).map((f) => join('resources', 'examples', f)),
    ...readdirSync(goodDir).filter((f) => f.endsWith('.deal')).map((f) => join('test', 'fixtures', 'good', f)),
  ];
  it.concurrent.for(good)('%s is ok', async (file, { expect }) => {
    const r = await runAsync('validate', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${file}: ok\n`);
    expect(r.code).toBe(0);
  });
});

describe('dealwright validate on the bad corpus', () => {
  const files = readdirSync(badDir).filter((f) => f.endsWith('.deal')).sort();

  it('covers at least 30 bad files, each with the message the user must see', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  // Each run is a real process (start-up dominates), so they run a few at a time.
  it.concurrent.for(files)('%s: exit 1 with its message and no stack trace', async (name, { expect }) => {
    const file = join('test', 'fixtures', 'bad', name);
    const r = await runAsync('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toContain(expected[name]!.replace('{file}', file));
    // One `path: message` line per problem.
    for (const line of lines) expect(line).toMatch(/^\S[^:]*: \S/);
    expectNoStackTrace(r.stderr, expect);
  });

  it('refuses a 6 MB file by its size', () => {
    const file = join(scratch, 'six-mb.deal');
    writeFileSync(file, `{"format": "dealwright.deal", "x-padding": "${'a'.repeat(6 * 1024 * 1024)}"}`);
    const r = run('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${file}: file is 6.0 MB; a .deal file may be at most 5 MB\n`);
  });

  it('says when the file does not exist', () => {
    const r = run('validate', join(scratch, 'nowhere.deal'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere\.deal: the file does not exist\n$/);
  });
});

describe('dealwright validate usage', () => {
  it.each([[[]], [['a.deal', 'b.deal']], [['--json', 'a.deal']]])('exit 2 for %j', (args) => {
    const r = run('validate', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dealwright validate: /);
    expectNoStackTrace(r.stderr);
  });
});

describe('dealwright validate: what a counterparty export would refuse', () => {
  it('resolves the placeholders and warns with paths, still exit 0 and "FILE: ok"', () => {
    const deal = JSON.parse(readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8'));
    deal.termSheet.sections[1].text = 'Our floor is {{parties.licensor.walkAway}}; the model says {{inputs.peakSales.p50}}.';
    deal.termSheet.summary = 'Tactics: {{scenarios.1.notes}}';
    deal.terms[1].trigger = 'when {{terms.licenseeOps.amount}} allows';
    deal.termSheet.successMetrics[0].target = '{{nope}}';
    const file = join(scratch, 'warnings.deal');
    writeFileSync(file, JSON.stringify(deal, null, 2));
    const r = run('validate', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${file}: ok\n`);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^termSheet\.summary: warning: "\{\{scenarios\.1\.notes\}\}" names a scenario, which is internal; it cannot appear in a document for the other side$/),
      expect.stringMatching(/^termSheet\.sections\[1\]\.text: warning: "\{\{parties\.licensor\.walkAway\}\}" discloses a party's walk-away/),
      expect.stringMatching(/^termSheet\.sections\[1\]\.text: warning: "\{\{inputs\.peakSales\.p50\}\}" discloses our model assumptions/),
      expect.stringMatching(/^termSheet\.successMetrics\[0\]\.target: warning: unknown placeholder "\{\{nope\}\}"/),
      expect.stringMatching(/^terms\.mPhase3\.trigger: warning: "\{\{terms\.licenseeOps\.amount\}\}" is a party's own cash flow/),
    ]);
    expectNoStackTrace(r.stderr);
  });
});
