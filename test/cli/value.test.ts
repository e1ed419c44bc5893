/**
 * `dealwright value | sensitivity | solve` as a user runs them: the built CLI
 * in a child process (npm run build first), on the example deals.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { repoRoot, runCli } from './run-cli';

// Each case spawns the real CLI (Node start-up, mathjs, worker threads): generous on a busy 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

const example = (name: string) => resolve(repoRoot, 'resources', 'examples', `${name}.deal`);
const withoutElapsed = (json: string) => {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  delete parsed.elapsedMs;
  return parsed;
};

describe('dealwright value', () => {
  it('prints exactly the object of the CLI contract with --json', () => {
    const r = runCli(['value', example('pharma-licence'), '--json', '--iterations', '20000']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['scenario', 'iterations', 'seed', 'elapsedMs', 'parties', 'pAllAboveWalkAway']);
    expect(out).toMatchObject({ scenario: 'base', iterations: 20000, seed: 20270301 });
    const parties = out.parties as Record<string, { npv: Record<string, number>; pAboveWalkAway: number }>;
    expect(Object.keys(parties)).toEqual(['licensor', 'licensee']);
    expect(Object.keys(parties.licensor!)).toEqual(['npv', 'pAboveWalkAway']);
    expect(Object.keys(parties.licensor!.npv)).toEqual(['mean', 'sd', 'se', 'p5', 'p10', 'p50', 'p90', 'p95']);
    // The licensor is paid 25 up front for certain: never below it.
    expect(parties.licensor!.npv.p5).toBeGreaterThanOrEqual(25);
  });

  it('values a file written before the additions to version 1 exactly as before (the pharma licence before its generic-entry step-down)', () => {
    // The figures printed by the build before the additions (main at 4355a7a), for the same file, seed and count.
    const r = runCli(['value', resolve(repoRoot, 'test', 'fixtures', 'good', 'pharma-licence-before-additions.deal'), '--json', '--iterations', '20000']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { parties: Record<string, { npv: { mean: number } }>; pAllAboveWalkAway: number };
    expect(out.parties.licensor!.npv.mean).toBe(67.3043194114557);
    expect(out.parties.licensee!.npv.mean).toBe(168.88642341444753);
    expect(out.pAllAboveWalkAway).toBe(0.1819);
  });

  it('gives identical numbers for --workers 1 and --workers 2 with the same seed', () => {
    for (const name of ['pharma-licence', 'saas-alliance', 'jv-equity']) {
      const one = runCli(['value', example(name), '--json', '--iterations', '20000', '--seed', '5', '--workers', '1']);
      const two = runCli(['value', example(name), '--json', '--iterations', '20000', '--seed', '5', '--workers', '2']);
      expect(one.code).toBe(0);
      expect(withoutElapsed(one.stdout)).toEqual(withoutElapsed(two.stdout));
    }
  });

  it('applies --scenario, --seed and --iterations', () => {
    const base = withoutElapsed(runCli(['value', example('pharma-licence'), '--json', '--iterations', '5000']).stdout);
    const ask = withoutElapsed(runCli(['value', example('pharma-licence'), '--json', '--iterations', '5000', '--scenario', 'ask']).stdout);
    expect(ask.scenario).toBe('ask');
    const mean = (r: Record<string, unknown>) => (r.parties as Record<string, { npv: { mean: number } }>).licensor!.npv.mean;
    // The ask raises the upfront from 25 to 40, paid at period 0: +15 for every iteration, same draws.
    expect(mean(ask) - mean(base)).toBeGreaterThan(15);
    const seeded = withoutElapsed(runCli(['value', example('pharma-licence'), '--json', '--iterations', '5000', '--seed', '9']).stdout);
    expect(seeded.seed).toBe(9);
    expect(mean(seeded)).not.toBe(mean(base));
  });

  it('prints a table per party in the deal’s money by default', () => {
    const r = runCli(['value', example('saas-alliance'), '--iterations', '5000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NPV in EUR thousand/);
    expect(r.stdout).toMatch(/Ledgerly \(us\)\s+€[\d,.]+k/);
    expect(r.stdout).toMatch(/Atlas Cloud/);
  });

  it('exits 1 with path: message lines for a wrong scenario or a bad formula', () => {
    const r = runCli(['value', example('pharma-licence'), '--scenario', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^scenario: no scenario or round "nope"/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const dir = mkdtempSync(join(tmpdir(), 'dw-value-'));
    const deal = JSON.parse(readFileSync(example('pharma-licence'), 'utf8')) as { series: Record<string, string> };
    deal.series.devCost = '10 / (t - 3)';
    writeFileSync(join(dir, 'inf.deal'), JSON.stringify(deal, null, 2));
    const inf = runCli(['value', join(dir, 'inf.deal'), '--iterations', '1000']);
    expect(inf.code).toBe(1);
    expect(inf.stderr).toMatch(/^series\.devCost: series "devCost" is not a finite number in period 3/m);
  });

  it('refuses out-of-range flags as usage errors (exit 2)', () => {
    expect(runCli(['value', example('pharma-licence'), '--iterations', '10000001']).code).toBe(2);
    expect(runCli(['value', example('pharma-licence'), '--iterations', '0']).code).toBe(2);
    expect(runCli(['value', example('pharma-licence'), '--workers', 'many']).code).toBe(2);
    expect(runCli(['value']).code).toBe(2);
  });
});

describe('dealwright sensitivity', () => {
  it('prints tornado rows for `us` by default, sorted by swing', () => {
    const r = runCli(['sensitivity', example('pharma-licence'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { party: string; rows: { input: string; swing: number; lowNpv: number; highNpv: number }[] };
    expect(out.party).toBe('licensor');
    expect(out.rows.map((row) => row.input)).toContain('peakSales');
    const swings = out.rows.map((row) => row.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // Phase II success drives everything for the licensor: a chance input, one bar per outcome.
    expect(out.rows[0]!.input).toBe('pPhase2');
    expect((out.rows[0] as unknown as { outcomes: { label: string }[] }).outcomes.map((o) => o.label)).toEqual(['fails', 'succeeds']);
  });
  it('takes --party and prints a table', () => {
    const r = runCli(['sensitivity', example('jv-equity'), '--party', 'kestrel']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Tornado for Kestrel Energy/);
  });
});

describe('dealwright solve', () => {
  it('finds the upfront that gives the licensor a target mean NPV', () => {
    const r = runCli(['solve', example('pharma-licence'), '--vary', 'terms.upfront.amount', '--party', 'licensor', '--target', '80', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; value: number; achievedMean: number };
    expect(out.ok).toBe(true);
    expect(out.achievedMean).toBeCloseTo(80, 6);
    const check = JSON.parse(runCli(['value', example('pharma-licence'), '--json']).stdout) as { parties: { licensor: { npv: { mean: number } } } };
    // The upfront is paid at period 0 (no discounting): it shifts the mean one for one.
    expect(out.value).toBeCloseTo(25 + 80 - check.parties.licensor.npv.mean, 6);
  });
  it('solves a royalty rate in range', () => {
    const r = runCli(['solve', example('pharma-licence'), '--vary', 'terms.royalty.tiers.0.rate', '--party', 'licensor', '--target', '70']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^terms\.royalty\.tiers\.0\.rate = 0\.\d+ gives licensor a mean NPV of \$70\.0M/);
  });
  it('says clearly when no value in range reaches the target (exit 1)', () => {
    const r = runCli(['solve', example('pharma-licence'), '--vary', 'terms.royalty.tiers.0.rate', '--party', 'licensor', '--target', '5000']);
    expect(r.code).toBe(1);
    // The slider's range (2% to 15%) first, then as far as a rate stays valid: 0 to 1.
    expect(r.stderr).toMatch(/^terms\.royalty\.tiers\.0\.rate: no value of terms\.royalty\.tiers\.0\.rate from 0 to 1 gives licensor a mean NPV of 5000/);
  });
  it('keeps to a range given with --min/--max', () => {
    const r = runCli(['solve', example('pharma-licence'), '--vary', 'terms.royalty.tiers.0.rate', '--party', 'licensor', '--target', '5000', '--min', '0.02', '--max', '0.15']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/from 0\.02 to 0\.15 gives licensor/);
  });
  it('needs --vary, --party and --target (exit 2)', () => {
    expect(runCli(['solve', example('pharma-licence'), '--party', 'licensor', '--target', '1']).code).toBe(2);
    expect(runCli(['solve', example('pharma-licence'), '--vary', 'terms.upfront.amount', '--target', 'x', '--party', 'licensor']).code).toBe(2);
  });
});
