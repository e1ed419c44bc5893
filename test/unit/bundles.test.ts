/**
 * Each bundle carries only what its process runs (a cold start pays to load
 * everything in it): the entries of build.config.mjs are built in memory with
 * esbuild's metafile, and what went into each is checked. A valuation worker
 * receives compiled kernels, so it needs neither the formula parser (mathjs)
 * nor the schema library (zod); `dealwright --version` loads neither; the CLI
 * commands that value or validate load no Word writer or charting library.
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

interface Entry extends BuildOptions {
  entryPoints: string[];
}

let entries: Entry[];
beforeAll(async () => {
  // build.config.mjs only builds when run as a script; importing it reads the entry list.
  ({ entries } = (await import(resolve(root, 'build.config.mjs'))) as { entries: Entry[] });
});

/** The source files (relative paths) that went into the bundle of `entryPoint`, with their bytes in the output. */
async function inputsOf(entryPoint: string): Promise<Map<string, number>> {
  const entry = entries.find((e) => e.entryPoints.includes(entryPoint));
  if (!entry) throw new Error(`build.config.mjs has no entry ${entryPoint}`);
  const result = await build({ ...entry, entryPoints: [entryPoint], absWorkingDir: root, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  const inputs = new Map<string, number>();
  for (const output of Object.values((result.metafile as Metafile).outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) inputs.set(file, (inputs.get(file) ?? 0) + bytesInOutput);
  }
  return inputs;
}

const packagesIn = (inputs: Map<string, number>) =>
  new Set([...inputs.keys()].flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1] ?? []));
const bytes = (inputs: Map<string, number>) => [...inputs.values()].reduce((a, b) => a + b, 0);

describe('what each bundle carries', () => {
  it('the valuation worker: the engine only, without the formula parser, the schema library or the model', async () => {
    const inputs = await inputsOf('host/valuation/valuation-worker.ts');
    expect([...packagesIn(inputs)]).toEqual([]);
    const files = [...inputs.keys()];
    expect(files.filter((f) => f.startsWith('shared/formula/') || f.startsWith('shared/model/'))).toEqual([]);
    expect(files).not.toContain('shared/engine/compile-deal.ts');
    expect(files).not.toContain('shared/engine/formula-compiler.ts');
    expect(files).toContain('shared/engine/kernel.ts');
    // It was 2.3 MB with mathjs and zod; the engine alone is a few tens of KB.
    expect(bytes(inputs)).toBeLessThan(120_000);
  }, 60_000);

  it('the CLI entry (--version, --help): no mathjs, no zod, no engine', async () => {
    const inputs = await inputsOf('host/cli/main.ts');
    expect([...packagesIn(inputs)]).toEqual([]);
    expect([...inputs.keys()].filter((f) => f.startsWith('shared/formula/') || f === 'shared/model/schema.ts' || f === 'host/valuation/worker-pool.ts')).toEqual([]);
  }, 60_000);

  it('validate and value: the lean mathjs parser and zod, no Word writer, no charting library', async () => {
    for (const command of ['host/cli/validate.ts', 'host/cli/value.ts']) {
      const inputs = await inputsOf(command);
      const packages = packagesIn(inputs);
      for (const heavy of ['docx', 'jszip', 'echarts', '@resvg/resvg-js', 'diff']) expect(packages.has(heavy), `${command} carries ${heavy}`).toBe(false);
      // The parser's factories only: the full library (every typed function) is ~1.2 MB.
      const mathjs = [...inputs].filter(([f]) => f.includes('node_modules/mathjs/')).reduce((s, [, b]) => s + b, 0);
      expect(mathjs).toBeGreaterThan(0);
      expect(mathjs).toBeLessThan(400_000);
      expect([...inputs.keys()].some((f) => f.includes('node_modules/mathjs/lib/esm/entry/pureFunctionsAny'))).toBe(false);
      // zod imported as a namespace: no locales but the default one.
      expect([...inputs.keys()].filter((f) => /node_modules\/zod\/v4\/locales\/(?!en\.js)/.test(f))).toEqual([]);
    }
  }, 60_000);
});
