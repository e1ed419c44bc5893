#!/usr/bin/env node
// The `dealwright` command (package.json bin). The CLI itself is bundled into
// out/cli/main.js by `npm run build` (run automatically by npm install).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'cli', 'main.js');
if (!existsSync(built)) {
  process.stderr.write('dealwright: the CLI is not built yet; run "npm run build" in the Dealwright folder.\n');
  process.exit(2);
}
await import(pathToFileURL(built).href);
