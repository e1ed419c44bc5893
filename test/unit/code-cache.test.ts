/**
 * The code cache the CLI loads its command bundles with (host/code-cache.ts),
 * each load in a fresh process as the CLI runs: a bundle loads the same with
 * or without a cache; a cache is written after the work and used by the next
 * run; a changed bundle of the same length never runs the old code (V8 itself
 * checks only the length); a damaged cache or a folder that cannot be written
 * changes nothing but speed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
/** Node 22 and later cache with their own module compile cache: the .v8 files below are Node 20's. */
const nodeCompileCache = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';
if (nodeCompileCache) console.log(`Node ${process.version} has its own module compile cache: the checks of Node 20's .v8 files are skipped`);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealwright-code-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function bundle(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `"use strict";\nconst { basename } = require('node:path');\n${body}\nmodule.exports.file = basename(__filename);\n`);
  return file;
}

/** Loads `file` with the cache in `cache` in a fresh process, calls its `v()`, saves the caches; returns what v() gave. */
function loadInProcess(file: string, cache: string): unknown {
  const code = `import { requireWithCodeCache, saveCodeCaches } from ${JSON.stringify(pathToFileURL(join(root, 'host', 'code-cache.ts')).href)};
const m = requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)});
process.stdout.write(JSON.stringify({ v: m.v(), file: m.file }));
saveCodeCaches();`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('loading a bundle with the code cache', () => {
  it('gives the bundle its exports, require and __filename; a folder that cannot be written is no error', () => {
    const file = bundle('a.cjs', 'module.exports.v = () => 42;');
    // A cache folder inside a regular file cannot exist, whoever runs the test.
    expect(loadInProcess(file, join(file, 'cache'))).toEqual({ v: 42, file: 'a.cjs' });
  });

  it.skipIf(nodeCompileCache)('(Node 20) writes the cache after the work, then runs from it without writing again', () => {
    const cache = join(dir, 'cache');
    const file = bundle('b.cjs', 'module.exports.v = () => { let s = 0; for (let i = 0; i < 10; i++) s += i; return s; };');
    expect(loadInProcess(file, cache)).toMatchObject({ v: 45 });
    const written = readdirSync(cache);
    expect(written).toEqual([expect.stringMatching(/^b\.cjs\.[0-9a-f]{20}\.v8$/)]);
    const before = statSync(join(cache, written[0]!)).mtimeMs;
    expect(loadInProcess(file, cache)).toMatchObject({ v: 45 });
    expect(readdirSync(cache)).toEqual(written);
    expect(statSync(join(cache, written[0]!)).mtimeMs).toBe(before);
  });

  it('never runs an older build of a bundle, even one of the same length', () => {
    const cache = join(dir, 'cache');
    const file = bundle('c.cjs', 'module.exports.v = () => 1;');
    expect(loadInProcess(file, cache)).toMatchObject({ v: 1 });
    bundle('c.cjs', 'module.exports.v = () => 2;');
    expect(loadInProcess(file, cache)).toMatchObject({ v: 2 });
  });

  it.skipIf(nodeCompileCache)('(Node 20) a damaged cache is rejected by V8 and replaced', () => {
    const cache = join(dir, 'cache');
    const file = bundle('d.cjs', 'module.exports.v = () => "fresh";');
    loadInProcess(file, cache);
    const [name] = readdirSync(cache);
    writeFileSync(join(cache, name!), Buffer.from('not a code cache at all'));
    expect(loadInProcess(file, cache)).toMatchObject({ v: 'fresh' });
    expect(readFileSync(join(cache, name!)).toString()).not.toBe('not a code cache at all');
  });
});

describe('the CLI with its code cache', () => {
  it('validates the same from a cold cache and a warm one', () => {
    const deal = join(root, 'resources', 'examples', 'pharma-licence.deal');
    const run = () => spawnSync(process.execPath, [join(root, 'host', 'cli', 'dealwright.mjs'), 'validate', deal], { cwd: root, encoding: 'utf8' });
    rmSync(join(root, 'out', '.code-cache'), { recursive: true, force: true });
    const cold = run();
    const warm = run();
    expect(cold).toMatchObject({ status: 0, stdout: `${deal}: ok\n`, stderr: '' });
    expect(warm).toMatchObject({ status: 0, stdout: cold.stdout, stderr: '' });
    if (!nodeCompileCache) expect(readdirSync(join(root, 'out', '.code-cache'))).toContainEqual(expect.stringMatching(/^validate\.cjs\..+\.v8$/));
  });
});
