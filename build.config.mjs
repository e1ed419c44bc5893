// Bundles every Node-side entry point (Electron main and preload, the web host
// and its browser bridge, the CLI, workers) with esbuild into out/. The renderer
// is built by Vite (vite.config.ts). Usage: node build.config.mjs
// (Importing it only reads `entries`: test/unit/bundles.test.ts checks what each bundle carries.)
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, packages: 'external', logLevel: 'warning' };

/** Every Node entry point: add new ones (workers, tools) here. */
export const entries = [
  { ...node, entryPoints: ['electron/main/index.ts'], outfile: 'out/electron/main.cjs', format: 'cjs', external: ['electron'] },
  // A sandboxed preload can only require('electron'): bundle everything else into it.
  { ...node, packages: undefined, entryPoints: ['electron/preload/index.ts'], outfile: 'out/electron/preload.cjs', format: 'cjs', external: ['electron'] },
  // The web host with its packages bundled in (spawn to listening: ~0.9 s -> ~0.2 s), bar the native resvg,
  // echarts (chart images only) and ws's optional native helpers. Bundled CommonJS packages call require():
  // the banner gives this ES module one.
  {
    ...node,
    packages: undefined,
    external: ['@resvg/resvg-js', 'echarts', 'bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    entryPoints: ['host/web/main.ts'],
    outfile: 'out/web/main.js',
    format: 'esm',
  },
  { bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: ['host/web/bridge.ts'], outfile: 'out/web/bridge.js', logLevel: 'warning' },
  // The CLI: a small ES module entry (out/cli/main.js) and one self-contained CommonJS bundle per command
  // (the keys of host/cli/commands.ts), loaded with V8's code cache (host/code-cache.ts: Node 20 has none
  // for ES modules). Packages are bundled in, bar the native resvg and echarts (loaded only for chart images):
  // loading mathjs or zod as hundreds of separate ES modules took longer than the rest of a cold `value`.
  { ...node, packages: undefined, entryPoints: ['host/cli/main.ts'], outfile: 'out/cli/main.js', format: 'esm' },
  {
    ...node,
    packages: undefined,
    external: ['@resvg/resvg-js', 'echarts'],
    entryPoints: ['validate', 'value', 'sensitivity', 'solve', 'termsheet', 'redline', 'portfolio', 'rounds', 'frontier', 'trades'].map((c) => `host/cli/${c}.ts`),
    outdir: 'out/cli/commands',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // import() of echarts / resvg as require(): a vm.Script with a code cache has no module loader on Node 20.
    supported: { 'dynamic-import': false },
  },
  // Valuation worker threads; the pool finds it at out/workers/ from any bundle.
  // Self-contained (no external packages) so a packaged app can run it unpacked from the asar archive.
  { ...node, packages: undefined, entryPoints: ['host/valuation/valuation-worker.ts'], outfile: 'out/workers/valuation-worker.js', format: 'esm' },
  // The host's background thread: reading, validating and sampling off the event loop (host/background).
  { ...node, packages: undefined, entryPoints: ['host/background/background-worker.ts'], outfile: 'out/workers/background-worker.js', format: 'esm' },
  // The bench and the whole processes its cold-start table times beside the CLI.
  { ...node, entryPoints: ['host/bench/bench.ts', 'host/bench/squiggle-pharma.ts', 'host/bench/baseline-process.ts'], outdir: 'out/bench', format: 'esm' },
];

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Clear what an older layout or build left: old CLI chunks, and code caches of bundles about to be replaced.
  for (const dir of ['out/cli', 'out/.code-cache']) rmSync(dir, { recursive: true, force: true });
  await Promise.all(entries.map((e) => build(e)));
}
