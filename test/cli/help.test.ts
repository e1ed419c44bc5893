import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_DEFS } from '../../host/cli/args';
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
    // Every command the CLI runs has its option definitions (the parser's and the help's), and no more.
    expect(Object.keys(COMMAND_DEFS).sort()).toEqual(Object.keys(commands).sort());
    for (const cmd of Object.keys(commands)) {
      expect(r.stdout).toMatch(new RegExp(`dealwright ${cmd} `));
    }
  });

  it('shows every option of every command, written from the definitions the parser reads', () => {
    const help = runCli(['--help']).stdout;
    for (const [name, def] of Object.entries(COMMAND_DEFS)) {
      const usage = help.split('\n').filter((l, i, all) => l.startsWith(`  dealwright ${name} `) || (l.startsWith('   ') && all.slice(0, i).reverse().find((x) => x.startsWith('  dealwright '))?.startsWith(`  dealwright ${name} `)));
      for (const [option, o] of Object.entries(def.options) as [string, { short?: string }][]) {
        expect(usage.join(' '), `${name} --${option}`).toMatch(new RegExp(`${o.short ? `-${o.short}` : `--${option}`}\\b`));
      }
    }
    // The ones the hand-written help once left out.
    for (const option of ['--paper', '--date', '--iterations', '--workers']) expect(help).toContain(option);
  });

  it('refuses what the definitions do not allow, naming it (exit 2)', () => {
    expect(runCli(['value', 'x.deal', '--bogus'])).toMatchObject({ code: 2, stderr: 'dealwright value: unknown option --bogus\n' });
    expect(runCli(['value', 'x.deal', '--scenario'])).toMatchObject({ code: 2, stderr: 'dealwright value: --scenario needs a value (ID)\n' });
    expect(runCli(['value', 'x.deal', '--json=yes'])).toMatchObject({ code: 2, stderr: 'dealwright value: --json takes no value\n' });
    expect(runCli(['value', 'x.deal', '--iterations', 'many'])).toMatchObject({ code: 2, stderr: 'dealwright value: --iterations must be a whole number from 1 to 10000000, got "many"\n' });
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
