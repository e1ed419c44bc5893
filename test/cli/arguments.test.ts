/**
 * How the CLI reads its arguments (../shared/spec/cli.md: exit 2 on a usage
 * error, help for every command), run as the real built CLI: a negative
 * number after an option is that option's value, numbers are written in
 * decimal (a blank or hexadecimal value is a usage error, never a silent 0 or
 * 16), and `--help` after a command prints the help.
 */
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { repoRoot, runCli } from './run-cli';

vi.setConfig({ testTimeout: 240_000 });

const pharma = resolve(repoRoot, 'resources', 'examples', 'pharma-licence.deal');
const valued = (args: string[]) => {
  const r = runCli(['value', pharma, '--iterations', '64', '--json', ...args]);
  return { ...r, out: r.code === 0 ? (JSON.parse(r.stdout) as { seed: number; iterations: number; parties: Record<string, { npv: { mean: number } }> }) : undefined };
};

describe('negative numbers as option values', () => {
  it('reads --seed -5 as --seed=-5', () => {
    const spaced = valued(['--seed', '-5']);
    expect(spaced.stderr).toBe('');
    expect(spaced.code).toBe(0);
    expect(spaced.out!.seed).toBe(-5);
    expect(spaced.out!.parties).toEqual(valued(['--seed=-5']).out!.parties);
  });

  it('reaches a negative --target in solve, and refuses --floor -0.1 for its range, not for a missing value', () => {
    // The licensee's NPV falls by 1 for each 1 of upfront (paid at signing): -50 is reached, inside --min/--max.
    const r = runCli(['solve', pharma, '--vary', 'terms.upfront.amount', '--party', 'licensee', '--target', '-50', '--min', '0', '--max', '400', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; target: number; achievedMean: number; value: number };
    expect(out).toMatchObject({ ok: true, target: -50 });
    expect(out.achievedMean).toBeCloseTo(-50, 4);
    expect(out.value).toBeGreaterThan(80);
    expect(runCli(['frontier', pharma, '--vary', 'terms.upfront.amount', '--party', 'licensor', '--floor', '-0.1'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'dealwright frontier: --floor must be a chance from 0 to 1, got "-0.1"\n',
    });
  });

  it('still refuses a negative value where the option takes none, and an unknown option before a negative number', () => {
    expect(runCli(['value', pharma, '--json', '-5'])).toMatchObject({ code: 2, stderr: 'dealwright value: unknown option -5\n' });
    expect(runCli(['value', pharma, '--target', '-5'])).toMatchObject({ code: 2, stderr: 'dealwright value: unknown option --target\n' });
  });
});

describe('numbers written in decimal', () => {
  it('refuses a blank, hexadecimal or padded number (exit 2, naming the option), and takes 1e3', () => {
    for (const [args, stderr] of [
      [['--seed='], 'dealwright value: --seed must be a whole number from -9007199254740991 to 9007199254740991, got ""\n'],
      [['--iterations', '0x10'], 'dealwright value: --iterations must be a whole number from 1 to 10000000, got "0x10"\n'],
      [['--iterations', ' 100'], 'dealwright value: --iterations must be a whole number from 1 to 10000000, got " 100"\n'],
      [['--workers', ''], 'dealwright value: --workers must be a whole number from 1 to 64, got ""\n'],
      [['--set', 'terms.upfront.amount=0x10'], 'dealwright value: --set must be PATH=NUMBER with a finite number, got "terms.upfront.amount=0x10"\n'],
      [['--set', 'terms.upfront.amount=Infinity'], 'dealwright value: --set must be PATH=NUMBER with a finite number, got "terms.upfront.amount=Infinity"\n'],
    ] as const) {
      expect(runCli(['value', pharma, ...args]), args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr });
    }
    expect(runCli(['solve', pharma, '--vary', 'terms.upfront.amount', '--party', 'licensor', '--target', ''])).toMatchObject({ code: 2, stderr: 'dealwright solve: --target must be a number, got ""\n' });
    const thousand = runCli(['value', pharma, '--iterations', '1e3', '--json']);
    expect(thousand.code).toBe(0);
    expect((JSON.parse(thousand.stdout) as { iterations: number }).iterations).toBe(1000);
  });
});

describe('help', () => {
  it('prints the help for `dealwright COMMAND --help` (exit 0), not "unknown option --help"', () => {
    const main = runCli(['--help']).stdout;
    for (const args of [['value', '--help'], ['frontier', pharma, '-h']]) {
      expect(runCli(args), args.join(' ')).toMatchObject({ code: 0, stdout: main, stderr: '' });
    }
    // After `--` it is a file name; an unknown command stays unknown.
    expect(runCli(['validate', '--', '--help'])).toMatchObject({ code: 1, stderr: '--help: the file does not exist\n' });
    expect(runCli(['frobnicate', '--help'])).toMatchObject({ code: 2, stdout: '' });
  });

  it('writes the help to stderr, not stdout, when the command is missing (a usage error)', () => {
    const r = runCli([]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(runCli(['--help']).stdout);
  });
});
