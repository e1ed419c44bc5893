/**
 * Where things are on disk when running from a checkout or an npm install:
 * every Node entry point is bundled into out/<name>/, so the project root is
 * two levels up from the running bundle.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

export function projectRoot(fromUrl: string): string {
  return resolve(dirname(fileURLToPath(fromUrl)), '..', '..');
}

export function appVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
