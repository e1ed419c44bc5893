/**
 * Where the worker bundles are: every Node entry point is bundled into out/,
 * and worker threads start from out/workers/<name>.js, found from whichever
 * bundle is running (out/cli, out/web, out/electron) or the working folder.
 * Kept apart from the pool so that code which only needs a path does not load
 * the engine with it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKER_BUNDLE = join('out', 'workers', 'valuation-worker.js');

/** Looks for a worker bundle (out/workers/<name>) above the running bundle (out/cli, out/web, out/electron) and the working directory. */
export function findWorkerScript(bundleName?: string): string {
  const bundle = bundleName ? join('out', 'workers', bundleName) : WORKER_BUNDLE;
  const starts: string[] = [];
  try {
    starts.push(dirname(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url)));
  } catch {
    // Neither CommonJS nor ESM location available: fall back to the working directory.
  }
  starts.push(process.cwd());
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 6; i++) {
      // In a packaged app the worker is unpacked beside the asar archive (electron-builder asarUnpack):
      // a worker thread cannot start from inside the archive.
      const candidate = join(dir, bundle).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`cannot find the worker bundle ${bundle}; run "npm run build" first`);
}
