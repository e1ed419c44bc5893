import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../host/cli/commands';
import { repoRoot, runCli } from './run-cli';

const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

describe('dealwright --help and --version', () => {
  it('is the package bin', () => {
    expect(pkg.bin.dealwright).toBe('host/cli/dealwright.mjs');
  });

  it('prints the version from package.json', () => {
    const r = runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints every command of the command table in --help', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    // Read from the command table, so a command added there and left out of the help fails here.
    expect(Object.keys(commands)).toEqual(expect.arrayContaining(['validate', 'value', 'sensitivity', 'solve', 'termsheet', 'redline', 'portfolio', 'rounds', 'frontier', 'trades']));
    for (const cmd of Object.keys(commands)) {
      expect(r.stdout).toMatch(new RegExp(`dealwright ${cmd} `));
    }
  });

  it('is a usage error (exit 2) with no command or an unknown one, without a stack trace', () => {
    const none = runCli([]);
    expect(none.code).toBe(2);
    const bogus = runCli(['frobnicate']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe('dealwright: unknown command "frobnicate" (see dealwright --help)\n');
    expect(bogus.stderr).not.toMatch(/\n\s+at /);
  });
});
