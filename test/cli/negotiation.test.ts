/**
 * The negotiation commands of the CLI contract (cli.md, "Additions"), run as
 * the real built CLI: `rounds` gives every round the numbers `value
 * --scenario <round>` gives it (same seed and iterations) and exactly the
 * moves that changed; `value --set` adds numbers on top of a position;
 * `frontier` and `trades` print their objects; bad input exits 1 with a
 * path, bad usage 2; a round id works wherever a scenario id does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { roundMoves } from '../../shared/model/round-moves';
import type { Deal } from '../../shared/model/schema';
import type { TradesResult } from '../../shared/engine/exchange-rates';
import { repoRoot, runCli } from './run-cli';

const pharmaFile = resolve(repoRoot, 'resources', 'examples', 'pharma-licence.deal');
const pharma = JSON.parse(readFileSync(pharmaFile, 'utf8')) as Deal;
const scratch = mkdtempSync(join(tmpdir(), 'dw-cli-negotiation-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const json = (args: string[]) => {
  const r = runCli(args);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

describe('dealwright rounds', () => {
  it('gives every round the same numbers as value --scenario <round id>, and its moves exactly', () => {
    const out = json(['rounds', pharmaFile, '--iterations', '12000', '--seed', '7', '--json']) as { rounds: Record<string, unknown>[] };
    expect(out.rounds.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    out.rounds.forEach((round, i) => {
      expect(Object.keys(round)).toEqual(['id', 'date', 'by', 'status', 'parties', 'pAllAboveWalkAway', 'moves']);
      const value = json(['value', pharmaFile, '--scenario', String(round.id), '--iterations', '12000', '--seed', '7', '--json']);
      expect(round.parties).toEqual(value.parties);
      expect(round.pAllAboveWalkAway).toBe(value.pAllAboveWalkAway);
      const source = pharma.negotiation!.rounds[i]!;
      expect([round.date, round.by, round.status]).toEqual([source.date, source.by, source.status]);
      expect(round.moves).toEqual(roundMoves(pharma, i).map(({ path, from, to }) => ({ path, from, to })));
    });
    // The first round's moves are from the file as written; later ones from the round before.
    expect(out.rounds[1]!.moves).toEqual([
      { path: 'terms.upfront.amount', from: 40, to: 15 },
      { path: 'terms.mApproval.amount', from: 60, to: 80 },
      { path: 'terms.royalty.tiers.2.rate', from: 0.14, to: 0.12 },
    ]);
  });

  it('prints a table for people, and says when there are no rounds', () => {
    const r = runCli(['rounds', pharmaFile, '--iterations', '4096']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2027-03-17  Northwind Pharma  Northwind counter  Countered');
    expect(r.stdout).toContain('Northwind counter (r2): moves from Our opening offer (r1)');
    expect(r.stdout).toContain('Upfront payment: $40.0M -> $15.0M  (terms.upfront.amount)');
    const { negotiation: _n, ...plain } = pharma;
    const file = join(scratch, 'no-rounds.deal');
    writeFileSync(file, JSON.stringify(plain));
    expect(runCli(['rounds', file])).toMatchObject({ code: 0, stdout: expect.stringContaining('No negotiation rounds yet.') });
    expect(json(['rounds', file, '--json'])).toEqual({ rounds: [] });
  });

  it('exits 1 naming the round for a file whose rounds break the rules', () => {
    const bad = { ...pharma, negotiation: { rounds: [{ ...pharma.negotiation!.rounds[0]!, date: '2027-3-3' }] } };
    const file = join(scratch, 'bad-round.deal');
    writeFileSync(file, JSON.stringify(bad));
    const r = runCli(['rounds', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('negotiation.rounds[0].date: must be a date written YYYY-MM-DD, e.g. "2027-03-17"\n');
  });
});

describe('dealwright value --set', () => {
  it('adds numbers on top of the position: the ask scenario\'s numbers set by hand value as the ask does', () => {
    const byHand = json(['value', pharmaFile, '--set', 'terms.upfront.amount=40', '--set=terms.royalty.tiers.2.rate=0.14', '--iterations', '8192', '--json']);
    const ask = json(['value', pharmaFile, '--scenario', 'ask', '--iterations', '8192', '--json']);
    expect(byHand.parties).toEqual(ask.parties);
    expect(byHand.scenario).toBe('base');
    // On top of a round: r2 with its upfront moved back up.
    const r2 = json(['value', pharmaFile, '--scenario', 'r2', '--set', 'terms.upfront.amount=40', '--iterations', '8192', '--json']);
    expect(r2.scenario).toBe('r2');
    const r2WithAsk = { ...pharma, scenarios: [...pharma.scenarios, { id: 'check', name: 'Check', set: { 'terms.upfront.amount': 40, 'terms.mApproval.amount': 80 } }] };
    const file = join(scratch, 'check.deal');
    writeFileSync(file, JSON.stringify(r2WithAsk));
    expect(r2.parties).toEqual(json(['value', file, '--scenario', 'check', '--iterations', '8192', '--json']).parties);
  });

  it('exits 1 for a path that does not hold a number or a value the deal cannot take, 2 for a malformed --set', () => {
    expect(runCli(['value', pharmaFile, '--set', 'terms.upfront.label=3'])).toMatchObject({ code: 1, stderr: '--set terms.upfront.label: "terms.upfront.label" holds text, not a number\n' });
    expect(runCli(['value', pharmaFile, '--set', 'terms.nothing.amount=3'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^--set terms\.nothing\.amount: "terms\.nothing\.amount": no term "nothing"/) });
    expect(runCli(['value', pharmaFile, '--set', 'terms.royalty.tiers.0.rate=1.5'])).toMatchObject({ code: 1, stderr: '--set: terms.royalty.tiers[0].rate: must be between 0 and 1\n' });
    expect(runCli(['value', pharmaFile, '--set', 'terms.upfront.amount'])).toMatchObject({ code: 2, stderr: 'dealwright value: --set must be PATH=NUMBER with a finite number, got "terms.upfront.amount"\n' });
    expect(runCli(['value', pharmaFile, '--set', 'terms.upfront.amount=Infinity']).code).toBe(2);
    expect(runCli(['value', pharmaFile, '--set']).code).toBe(2);
  });
});

describe('dealwright frontier', () => {
  it('prints exactly the object of the contract: each point\'s numbers and each party\'s mean and chance', () => {
    const out = json(['frontier', pharmaFile, '--vary', 'terms.upfront.amount,terms.mApproval.amount', '--party', 'licensor', '--points', '5', '--iterations', '4096', '--json']) as {
      points: { set: Record<string, number>; parties: Record<string, Record<string, number>> }[];
    };
    expect(Object.keys(out)).toEqual(['points']);
    expect(out.points.length).toBeGreaterThan(2);
    for (const p of out.points) {
      expect(Object.keys(p)).toEqual(['set', 'parties']);
      expect(Object.keys(p.set)).toEqual(['terms.upfront.amount', 'terms.mApproval.amount']);
      expect(Object.keys(p.parties)).toEqual(['licensor', 'licensee']);
      for (const v of Object.values(p.parties)) expect(Object.keys(v)).toEqual(['mean', 'pAboveWalkAway']);
    }
    // From the structure best for them to the one best for us, none beating another for both.
    const us = out.points.map((p) => p.parties.licensor!.mean!);
    expect([...us].sort((a, b) => a - b)).toEqual(us);
    const them = out.points.map((p) => p.parties.licensee!.mean!);
    expect([...them].sort((a, b) => b - a)).toEqual(them);
  });

  it('prints each point for people with both sides\' mean and chance of reaching the walk-away', () => {
    const r = runCli(['frontier', pharmaFile, '--vary', 'terms.upfront.amount', '--party', 'licensor', '--points', '3', '--iterations', '512']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/\nUpfront payment +Helix Bio mean +Helix Bio P\(>= walk-away\) +Northwind Pharma mean +Northwind Pharma P\(>= walk-away\)\n/);
    const rows = r.stdout.trimEnd().split('\n').slice(-3);
    for (const row of rows) expect(row).toMatch(/^\$[\d.]+M +\$[\d.,]+M +[\d.]+% +\$[\d.,]+M +[\d.]+%$/);
  });

  it('exits 1 for a number without a slider or an unknown party, 2 for bad flags', () => {
    expect(runCli(['frontier', pharmaFile, '--vary', 'terms.sales500.amount', '--party', 'licensor'])).toMatchObject({
      code: 1,
      stderr: 'vary: "terms.sales500.amount" has no slider: the frontier varies numbers within their slider\'s range\n',
    });
    expect(runCli(['frontier', pharmaFile, '--vary', 'terms.upfront.amount', '--party', 'nobody'])).toMatchObject({ code: 1, stderr: 'party: "nobody" is not a party of this deal (parties: licensor, licensee)\n' });
    expect(runCli(['frontier', pharmaFile, '--vary', 'a,b,c,d,e', '--party', 'licensor']).code).toBe(2);
    expect(runCli(['frontier', pharmaFile, '--vary', 'terms.upfront.amount', '--party', 'licensor', '--floor', '2']).code).toBe(2);
    expect(runCli(['frontier', pharmaFile, '--party', 'licensor']).code).toBe(2);
  });
});

describe('dealwright trades', () => {
  it('gives each slider\'s step to each party, exact for an upfront paid at signing, from a round', () => {
    const out = json(['trades', pharmaFile, '--scenario', 'r3', '--iterations', '4096', '--json']) as unknown as TradesResult;
    expect(out.scenario).toBe('r3');
    expect(out.rates.map((r) => r.path)).toEqual(pharma.sliders!.map((s) => s.path));
    const upfront = out.rates[0]!;
    // Each outcome moves by the amount (up to the rounding of one subtraction of two NPVs): no error.
    expect(upfront.steps.map((s) => [s.direction, s.to])).toEqual([['up', 31], ['down', 29]]);
    for (const [s, sign] of [[upfront.steps[0]!, 1], [upfront.steps[1]!, -1]] as const) {
      expect(s.change.licensor!.mean).toBeCloseTo(sign, 9);
      expect(s.change.licensee!.mean).toBeCloseTo(-sign, 9);
      expect(s.change.licensor!.se).toBeLessThan(1e-9);
      expect(s.change.licensee!.se).toBeLessThan(1e-9);
    }
    expect(upfront.rate).toBeCloseTo(1, 9);
    const human = runCli(['trades', pharmaFile, '--iterations', '4096']);
    expect(human.stdout).toContain('Pairs of moves that raise both parties\' value:');
  });

  it('takes a round id in redline --from and --to', () => {
    const out = join(scratch, 'rounds.docx');
    expect(runCli(['redline', pharmaFile, '--from', 'r1', '--to', 'r2', '-o', out])).toMatchObject({ code: 0, stdout: `${out}: redline written\n` });
  });
});
