/**
 * Before any browser test: make sure what they drive exists, and say how to
 * get it when it does not, instead of failing forty times with a stack trace.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, repoRoot } from './web-host';

export default function globalSetup(): void {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM)) problems.push(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)`);
  for (const built of ['out/web/main.js', 'out/web/bridge.js', 'out/renderer/index.html']) {
    if (!existsSync(join(repoRoot, built))) problems.push(`${built} is missing: run "npm run build" first`);
  }
  if (problems.length) throw new Error(`end-to-end tests cannot run:\n- ${problems.join('\n- ')}`);
}
