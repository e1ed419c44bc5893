/**
 * `dealwright portfolio` as scripts use it (../shared/spec/cli.md): the JSON
 * object of the contract, each row reproducible with `dealwright value` and
 * the row's derived seed, the total's mean the sum of the rows', exit 1 with
 * one line per problem naming the entry and the file, exit 2 on misuse.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memberSeed } from '../../shared/portfolio/seeds';
import { repoRoot, runCli } from './run-cli';

const examples = join(repoRoot, 'resources', 'examples');
const example = join(examples, 'meridian-partnerships.dealbook');
const dir = mkdtempSync(join(tmpdir(), 'cli-portfolio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface CliJson {
  deals: { file: string; party: string; position: string; stage: string; npv: { mean: number; p10: number; p90: number; sd: number }; pAboveWalkAway: number }[];
  total: { npv: { mean: number; sd: number; p5: number; p95: number }; pAboveWalkAways: number };
}

describe('dealwright portfolio', () => {
  it('prints the object of the contract; every row is `dealwright value` with its derived seed', () => {
    const r = runCli(['portfolio', example, '--iterations', '8000', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CliJson;
    expect(Object.keys(out)).toEqual(['deals', 'total']);
    expect(out.deals.map((d) => Object.keys(d))).toEqual(out.deals.map(() => ['file', 'party', 'position', 'stage', 'npv', 'pAboveWalkAway']));
    expect(Object.keys(out.total)).toEqual(['npv', 'pAboveWalkAways']);
    expect(out.deals.map((d) => [d.file, d.party, d.position, d.stage])).toEqual([
      ['pharma-licence.deal', 'licensor', 'base', 'negotiating'],
      ['portfolio/diagnostics-alliance.deal', 'helix', 'signed', 'live'],
      ['portfolio/jv-equity-usd.deal', 'solara', 'base', 'negotiating'],
      ['portfolio/saas-alliance-usd.deal', 'ledgerly', 'base', 'identified'],
      ['portfolio/grid-offtake.deal', 'solara', 'exit', 'exiting'],
    ]);
    const sum = out.deals.reduce((s, d) => s + d.npv.mean, 0);
    expect(Math.abs(out.total.npv.mean - sum)).toBeLessThan(1e-9 * Math.abs(sum));
    // Row 4 (place 4, seed 42) alone with its derived seed gives the same statistics.
    const deal = JSON.parse(readFileSync(join(examples, out.deals[4]!.file), 'utf8')) as { simulation: { seed: number } };
    const alone = runCli(['value', join(examples, out.deals[4]!.file), '--scenario', 'exit', '--iterations', '8000', '--seed', String(memberSeed(deal.simulation.seed, 4)), '--json']);
    expect(alone.code).toBe(0);
    const lone = JSON.parse(alone.stdout) as { parties: Record<string, { npv: unknown; pAboveWalkAway: number }> };
    expect(lone.parties.solara).toEqual({ npv: out.deals[4]!.npv, pAboveWalkAway: out.deals[4]!.pAboveWalkAway });
  });

  it('prints a table for people: deals, metrics due in the next 12 months, the total', () => {
    const book = JSON.parse(readFileSync(example, 'utf8'));
    const now = new Date();
    const inMonths = (k: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + k, 1)).toISOString().slice(0, 7);
    book.deals[2].metrics[0].due = inMonths(3);
    book.deals[2].metrics[1].due = inMonths(13);
    const folder = mkdtempSync(join(dir, 'table-'));
    writeFileSync(join(folder, 'book.dealbook'), JSON.stringify(book));
    copyFileSync(join(examples, 'pharma-licence.deal'), join(folder, 'pharma-licence.deal'));
    cpSync(join(examples, 'portfolio'), join(folder, 'portfolio'), { recursive: true });
    const r = runCli(['portfolio', join(folder, 'book.dealbook'), '--iterations', '5000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Meridian Holdings: strategic partnerships\n5 deals; 5,000 iterations per deal/);
    expect(r.stdout).toMatch(/Helix Bio \/ Corvid Diagnostics: companion diagnostic alliance \(portfolio\/diagnostics-alliance\.deal\)\s+Live\s+Helix Bio\s+signed\s+\$[\d.]+M\s+[\d.]+%/);
    expect(r.stdout).toContain(`${inMonths(3)}  Solara / Kestrel Energy: storage joint venture: Site permits (12 months): not measured`);
    expect(r.stdout).not.toContain('Capacity (3 years)');
    expect(r.stdout).toMatch(/Portfolio total \(sum of our NPVs, iteration by iteration\):\nMean\s+sd\s+P5\s+P10\s+P50\s+P90\s+P95\n/);
    expect(r.stdout).toMatch(/Chance the total is at or above the sum of our walk-aways \(\$60\.6M\): [\d.]+%/);
  });

  it('exits 1 with one line per problem naming the entry and the file, valuing nothing', () => {
    const folder = mkdtempSync(join(dir, 'bad-'));
    const book = JSON.parse(readFileSync(example, 'utf8'));
    writeFileSync(join(folder, 'book.dealbook'), JSON.stringify(book));
    copyFileSync(join(examples, 'pharma-licence.deal'), join(folder, 'pharma-licence.deal'));
    cpSync(join(examples, 'portfolio'), join(folder, 'portfolio'), { recursive: true });
    rmSync(join(folder, 'portfolio', 'grid-offtake.deal'));
    copyFileSync(join(examples, 'jv-equity.deal'), join(folder, 'portfolio', 'jv-equity-usd.deal'));
    const r = runCli(['portfolio', join(folder, 'book.dealbook'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'deals[2]: portfolio/jv-equity-usd.deal: the deal is in GBP million, the portfolio in USD million; amounts are never converted: restate the deal in USD million or leave it out\n' +
        'deals[4]: portfolio/grid-offtake.deal: the file does not exist\n',
    );
    // A portfolio that is itself wrong: the lines name where.
    writeFileSync(join(folder, 'dup.dealbook'), JSON.stringify({ ...book, deals: [book.deals[0], book.deals[0]] }));
    const dup = runCli(['portfolio', join(folder, 'dup.dealbook')]);
    expect(dup).toMatchObject({ code: 1, stdout: '', stderr: 'deals[1].file: "pharma-licence.deal" is listed twice: deals[0] is the same deal; list each deal once\n' });
    const missing = runCli(['portfolio', join(folder, 'nope.dealbook')]);
    expect(missing).toMatchObject({ code: 1, stderr: `${join(folder, 'nope.dealbook')}: the file does not exist\n` });
  });

  it('values a deal in a negotiation round as its position (a position is a scenario or round id)', () => {
    const folder = mkdtempSync(join(dir, 'round-'));
    const book = JSON.parse(readFileSync(example, 'utf8'));
    writeFileSync(join(folder, 'book.dealbook'), JSON.stringify({ ...book, deals: [{ ...book.deals[0], position: 'r2' }] }));
    copyFileSync(join(examples, 'pharma-licence.deal'), join(folder, 'pharma-licence.deal'));
    const r = runCli(['portfolio', join(folder, 'book.dealbook'), '--iterations', '3000', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const row = (JSON.parse(r.stdout) as CliJson).deals[0]!;
    expect(row.position).toBe('r2');
    const deal = JSON.parse(readFileSync(join(examples, 'pharma-licence.deal'), 'utf8')) as { simulation: { seed: number } };
    const alone = runCli(['value', join(examples, 'pharma-licence.deal'), '--scenario', 'r2', '--iterations', '3000', '--seed', String(memberSeed(deal.simulation.seed, 0)), '--json']);
    const lone = JSON.parse(alone.stdout) as { parties: Record<string, { npv: unknown; pAboveWalkAway: number }> };
    expect(lone.parties.licensor).toEqual({ npv: row.npv, pAboveWalkAway: row.pAboveWalkAway });
    // An unknown position lists the rounds too.
    writeFileSync(join(folder, 'nope.dealbook'), JSON.stringify({ ...book, deals: [{ ...book.deals[0], position: 'r9' }] }));
    expect(runCli(['portfolio', join(folder, 'nope.dealbook')])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'deals[0].position: pharma-licence.deal: the deal has no scenario or round "r9" (its scenarios and rounds: base, ask, fallback, r1, r2, r3)\n',
    });
  });

  it('exits 1 with a line naming `deals`, not a stack trace, for a portfolio with no deals', () => {
    const folder = mkdtempSync(join(dir, 'empty-'));
    const book = JSON.parse(readFileSync(example, 'utf8'));
    writeFileSync(join(folder, 'book.dealbook'), JSON.stringify({ ...book, deals: [] }));
    for (const json of [[], ['--json']]) {
      expect(runCli(['portfolio', join(folder, 'book.dealbook'), ...json])).toMatchObject({ code: 1, stdout: '', stderr: 'deals: the portfolio lists no deals yet: add a deal to value it\n' });
    }
  });

  it('is a usage error (exit 2) without a file, with two, or with a bad option', () => {
    expect(runCli(['portfolio']).code).toBe(2);
    expect(runCli(['portfolio', example, example]).code).toBe(2);
    expect(runCli(['portfolio', example, '--iterations', '0'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--iterations must be a whole number from 1 to 10000000/) });
    expect(runCli(['portfolio', example, '--seed', '1']).code).toBe(2);
  });
});
