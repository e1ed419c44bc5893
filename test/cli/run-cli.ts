/** Runs the real, built CLI as a child process (npm run build first). */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `uid`/`gid`: run as another user (only root may), to meet file permissions as a user does. */
export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number; uid?: number; gid?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [resolve(repoRoot, 'host', 'cli', 'dealwright.mjs'), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
