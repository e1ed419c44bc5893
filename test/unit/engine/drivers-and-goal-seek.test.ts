/**
 * Drivers that show pass/fail risks, and goal seek in the user's terms:
 * - a chance or discrete input gets one tornado bar per outcome, labelled,
 *   and the outcomes' NPVs weighted by their probabilities give back the
 *   base mean (law of total expectation, within the run's noise);
 * - goal seek searches past the slider's range while the number stays valid,
 *   moves a share with the other shares, and reports failures with the
 *   numbers searched and reached.
 */
import { describe, expect, it } from 'vitest';
import { failureText } from '../../../shared/problems';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { buildTornadoOption, outcomeBarLabel } from '../../../shared/charts/tornado';
import { withNumber } from '../../../shared/model/what-if-rules';
import { getNumberAt } from '../../../shared/model/paths';
import { exampleDeal } from './engine-harness';

const runner = createInProcessRunner();
const money = { currency: 'USD', unit: 'million' as const };

describe('drivers per outcome', () => {
  it('holds a chance input at fail and at success, a discrete one at each value, continuous ones at P10 and P90', async () => {
    const deal = exampleDeal('pharma-licence');
    const s = await runner.sensitivity({ deal, iterations: 40_000 });
    const approval = s.rows.find((r) => r.input === 'pApproval')!;
    expect(approval.outcomes!.map((o) => [o.label, o.value, o.probability])).toEqual([
      ['fails', 0, 1 - 0.91],
      ['succeeds', 1, 0.91],
    ]);
    // Its 10th and 90th percentiles are both "succeeds": a P10/P90 bar would show no swing at all.
    expect(approval.swing).toBeGreaterThan(20);
    expect(approval.swing).toBeCloseTo(approval.highNpv - approval.lowNpv, 12);
    const launch = s.rows.find((r) => r.input === 'launchYear')!;
    expect(launch.outcomes!.map((o) => [o.label, o.probability])).toEqual([
      ['5', 0.5],
      ['6', 0.35],
      ['7', 0.15],
    ]);
    expect(s.rows.find((r) => r.input === 'peakSales')!.outcomes).toBeUndefined();
    // Weighted by their probabilities, the outcomes give back the mean: these bars are the mean's parts.
    const full = await runner.value({ deal, iterations: 40_000 });
    const se = full.parties.licensor!.npv.se;
    for (const row of [approval, launch, s.rows.find((r) => r.input === 'pPhase2')!]) {
      const total = row.outcomes!.reduce((sum, o) => sum + o.probability * o.npv, 0);
      expect(Math.abs(total - s.baseMean), row.input).toBeLessThan(4 * se);
    }
    // Each outcome is a labelled bar of its own.
    const option = JSON.stringify(buildTornadoOption({ sensitivity: s, money }));
    expect(option).toContain('Chance or discrete input at each outcome');
    expect(outcomeBarLabel(approval.outcomes![0]!)).toBe('fails 9%');
  });
});

describe('goal seek', () => {
  it("searches past the slider's range while the number stays valid (a royalty rate above the slider's 15%)", async () => {
    const deal = exampleDeal('pharma-licence');
    const at = withNumber(deal, 'terms.royalty.tiers.0.rate', 0.3);
    if (!at.ok) throw new Error(failureText(at));
    const target = (await runner.value({ deal: at.value.deal, iterations: 20_000 })).parties.licensor!.npv.mean;
    const solved = await runner.solve({ deal, path: 'terms.royalty.tiers.0.rate', party: 'licensor', target, iterations: 20_000 });
    expect(solved.ok).toBe(true);
    if (!solved.ok) return;
    expect(solved.value).toBeGreaterThan(0.15);
    expect(solved.value).toBeCloseTo(0.3, 6);
  });

  it('moves the other party’s share with a share, so every deal it values is valid', async () => {
    const deal = exampleDeal('saas-alliance');
    const path = 'terms.share.tiers.0.shares.ledgerly';
    const solved = await runner.solve({ deal, path, party: 'ledgerly', target: 2500, iterations: 20_000 });
    expect(solved.ok).toBe(true);
    if (!solved.ok) return;
    const moved = withNumber(deal, path, solved.value);
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(getNumberAt(moved.value.deal, 'terms.share.tiers.0.shares.atlas')).toEqual({ ok: true, value: Number((1 - solved.value).toPrecision(12)) });
    const check = await runner.value({ deal: moved.value.deal, iterations: 20_000 });
    expect(check.parties.ledgerly!.npv.mean).toBeCloseTo(2500, 4);
  });

  it('says what it searched and what it reached when no value gives the target', async () => {
    const deal = exampleDeal('pharma-licence');
    const r = await runner.solve({ deal, path: 'terms.royalty.tiers.0.rate', party: 'licensor', target: 5000, iterations: 20_000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.searched).toEqual({ from: 0, to: 1 });
    expect(r.reached!.highest).toBeLessThan(5000);
    expect(r.reached!.lowest).toBeLessThan(r.reached!.highest);
  });
});
