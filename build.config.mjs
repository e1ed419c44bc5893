// Bundles every Node-side entry point (Electron main and preload, the web host
// and its browser bridge, the CLI, workers) with esbuild into out/. The renderer
// is built by Vite (vite.config.ts). Usage: node build.config.mjs
import { build } from 'esbuild';

const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, packages: 'external', logLevel: 'warning' };

/** Every Node entry point: add new ones (workers, tools) here. */
export const entries = [
  { ...node, entryPoints: ['electron/main/index.ts'], outfile: 'out/electron/main.cjs', format: 'cjs', external: ['electron'] },
  // A sandboxed preload can only require('electron'): bundle everything else into it.
  { ...node, packages: undefined, entryPoints: ['electron/preload/index.ts'], outfile: 'out/electron/preload.cjs', format: 'cjs', external: ['electron'] },
  { ...node, entryPoints: ['host/web/main.ts'], outfile: 'out/web/main.js', format: 'esm' },
  { bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: ['host/web/bridge.ts'], outfile: 'out/web/bridge.js', logLevel: 'warning' },
  // Split so each CLI command loads only its own code (out/cli/main.js plus chunks).
  { ...node, entryPoints: ['host/cli/main.ts'], outdir: 'out/cli', splitting: true, chunkNames: 'chunks/[name]-[hash]', format: 'esm' },
  // Valuation worker threads; the pool finds it at out/workers/ from any bundle.
  // Self-contained (no external packages) so a packaged app can run it unpacked from the asar archive.
  { ...node, packages: undefined, entryPoints: ['host/valuation/valuation-worker.ts'], outfile: 'out/workers/valuation-worker.js', format: 'esm' },
  // The host's background thread: reading, validating and sampling off the event loop (host/background).
  { ...node, packages: undefined, entryPoints: ['host/background/background-worker.ts'], outfile: 'out/workers/background-worker.js', format: 'esm' },
  { ...node, entryPoints: ['host/bench/bench.ts'], outfile: 'out/bench/bench.js', format: 'esm' },
];

await Promise.all(entries.map((e) => build(e)));
