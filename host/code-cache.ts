/**
 * V8's code cache for our own bundles, so a cold process skips compiling what
 * an earlier run compiled (about a third of loading the CLI's valuing code).
 *
 * On Node 22 and later, Node's module compile cache does it for every module
 * (`enableCompileCache`, called by the entry scripts). Node 20 has none for
 * ES modules, so the CLI's commands are CommonJS bundles loaded here: compiled
 * as a vm.Script with the cached data of the last run, kept in
 * out/.code-cache/ (cleared by every build). The file name carries a hash of
 * the bundle's text, because V8 itself only checks the source's length. A
 * bundle loaded without a usable cache gets one written after the work is done
 * (`saveCodeCaches`), so it holds the functions the run compiled lazily too;
 * written to a temporary file and renamed, so a concurrent run never reads half
 * of one. If the folder cannot be read or written (a read-only install), the
 * bundle simply compiles as before. Such a script cannot `import()` (Node 20's
 * vm gives it no loader): the bundles are built with dynamic imports turned
 * into require calls.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The cache folder for the bundles under `outDir` (the project's out/). */
export function codeCacheDir(outDir: string): string {
  return join(outDir, '.code-cache');
}

/** Node 22's compile cache for every module loaded from now on, where there is one. Returns whether it is on. */
export function enableNodeCompileCache(cacheDir: string): boolean {
  const enable = (Module as unknown as { enableCompileCache?: (dir: string) => { status: number } }).enableCompileCache;
  if (!enable) return false;
  try {
    const { status } = enable(cacheDir);
    // module.constants.compileCacheStatus: ENABLED 1, ALREADY_ENABLED 2 (FAILED 0 and DISABLED 3 leave it off).
    return status === 1 || status === 2;
  } catch {
    return false;
  }
}

interface Unsaved {
  script: Script;
  cacheFile: string;
}
const unsaved: Unsaved[] = [];

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/** Loads the CommonJS bundle `file` (its exports), with the code cache in `cacheDir`. */
export function requireWithCodeCache(file: string, cacheDir: string): unknown {
  const require = createRequire(file);
  if (enableNodeCompileCache(cacheDir)) return require(file);
  const source = readFileSync(file, 'utf8');
  const cacheFile = join(cacheDir, `${basename(file)}.${createHash('sha1').update(source).digest('hex').slice(0, 20)}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet (or none readable): compile as usual and write one afterwards.
  }
  const script = new Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as ModuleWrapper).call(module.exports, module.exports, require, module, file, dirname(file));
  if (!cachedData || script.cachedDataRejected) unsaved.push({ script, cacheFile });
  return module.exports;
}

/** Writes the caches of bundles that were loaded without one; call once the work is done. Never throws. */
export function saveCodeCaches(): void {
  for (const { script, cacheFile } of unsaved.splice(0)) {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install: no cache, the next run compiles as this one did.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written.
      }
    }
  }
}
