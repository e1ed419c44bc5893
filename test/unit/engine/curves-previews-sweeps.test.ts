/**
 * Charts that agree with the cards, previews that land where the full run
 * lands, and a sweep that passes through the cards' figures:
 *
 * - the S-curve (app and Word) and the ZOPA exceedance curves, read off the
 *   charts' own data at each walk-away, give exactly the card's chance of
 *   beating it, and pass through the card's P10/P50/P90;
 * - a full run's head is exactly a preview at that count (same numbers, bit
 *   for bit), so a preview shown relative to it is the full run's own figures
 *   at the settled position, and lands on the next full run for a move whose
 *   effect does not depend on the draws;
 * - the sweep's means and chances at a position are the full run's, exactly.
 */
import { describe, expect, it } from 'vitest';
import { failureText } from '../../../shared/problems';
import { createInProcessRunner } from '../../../host/valuation/in-process';
import { buildHistogramOption } from '../../../shared/charts/histogram';
import { buildZopaDistributionOption } from '../../../shared/charts/zopa';
import { shareBelow } from '../../../shared/engine/distribution-curve';
import { previewEstimate } from '../../../shared/engine/preview-estimate';
import { CURVE_LEVELS, type ValuationResult } from '../../../shared/engine/results';
import { buildTermSheet } from '../../../shared/termsheet/build';
import { setNumberAt } from '../../../shared/model/paths';
import type { Deal } from '../../../shared/model/schema';
import { formatPercent } from '../../../shared/format/percent';
import { EXAMPLES, exampleDeal } from './engine-harness';

const runner = createInProcessRunner({ serialize: true });
const money = { currency: 'USD', unit: 'million' as const };
const ITERATIONS = 60_000;
const HEAD = 3 * 4096;

type Series = { name?: string; type: string; data: [number, number][] };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

/** A chart series' reading at x: the share below x off an S-curve, or the chance of at least x off an exceedance curve. */
function readAt(series: Series, x: number, exceedance: boolean): number {
  const points = exceedance ? series.data.map(([px, a]) => [px, 1 - a] as [number, number]) : series.data;
  const below = shareBelow(points, x);
  return exceedance ? 1 - below : below;
}

describe('curves that agree with the cards', () => {
  for (const name of EXAMPLES) {
    it(`${name}: the S-curve and the exceedance curve read each party's card at its walk-away, and pass through P10/P50/P90`, async () => {
      const deal = exampleDeal(name);
      const result = await runner.value({ deal, iterations: ITERATIONS });
      for (const party of deal.parties) {
        const v = result.parties[party.id]!;
        const option = buildHistogramOption({ histogram: v.histogram, money, walkAway: party.walkAway, mean: v.npv.mean });
        const sCurve = seriesOf(option).find((s) => s.type === 'line')!;
        // The chart's own data, read at the walk-away: exactly the share below it that the card's chance complements.
        expect(readAt(sCurve, party.walkAway, false)).toBe(v.histogram.curve.walkAway.below);
        expect(1 - readAt(sCurve, party.walkAway, false)).toBeCloseTo(v.pAboveWalkAway, 14);
        // The walk-away line says the card's figure.
        const marker = JSON.stringify(option);
        expect(marker).toContain(`${formatPercent(v.pAboveWalkAway, 1)} at or above`);
        // The percentiles the card prints lie on the curve.
        for (const [level, q] of [
          [0.1, v.npv.p10],
          [0.5, v.npv.p50],
          [0.9, v.npv.p90],
        ] as const) {
          expect(v.histogram.curve.values[CURVE_LEVELS.indexOf(level)]).toBe(q);
        }
      }
      const zopa = buildZopaDistributionOption({
        money,
        pAllAboveWalkAway: result.pAllAboveWalkAway,
        parties: deal.parties.map((p) => ({ id: p.id, name: p.name, color: '#000', isUs: p.id === deal.us, curve: result.parties[p.id]!.histogram.curve, walkAway: p.walkAway, pAboveWalkAway: result.parties[p.id]!.pAboveWalkAway, mean: 0 })),
      });
      seriesOf(zopa).forEach((s, i) => {
        const p = deal.parties[i]!;
        expect(readAt(s, p.walkAway, true)).toBeCloseTo(result.parties[p.id]!.pAboveWalkAway, 14);
      });
    });
  }

  it('the internal Word brief draws its S-curves from the same exact curve', async () => {
    const deal = exampleDeal('pharma-licence');
    const result = await runner.value({ deal, iterations: ITERATIONS });
    const built = buildTermSheet(deal, { audience: 'internal', fileName: 'deal.deal', contentHash: 'abc', appVersion: '0', date: new Date(Date.UTC(2027, 2, 3)), valuation: { result } });
    if (!built.ok) throw new Error('no term sheet');
    const charts = built.doc.blocks.flatMap((b) => (b.kind === 'chart' && b.chart.type === 'histogram' ? [b.chart.input] : []));
    expect(charts).toHaveLength(2);
    for (const input of charts) {
      const party = deal.parties.find((p) => p.walkAway === input.walkAway)!;
      const sCurve = seriesOf(buildHistogramOption(input)).find((s) => s.type === 'line')!;
      expect(1 - readAt(sCurve, party.walkAway, false)).toBeCloseTo(result.parties[party.id]!.pAboveWalkAway, 14);
    }
  });
});

/** The deal at a new value of one number. */
function at(deal: Deal, path: string, value: number): Deal {
  const next = setNumberAt(deal, path, value);
  if (!next.ok) throw new Error(failureText(next));
  return next.value;
}

const stats = (r: ValuationResult) => Object.fromEntries(Object.entries(r.parties).map(([id, p]) => [id, { npv: p.npv, pAboveWalkAway: p.pAboveWalkAway, curve: p.histogram.curve, fanMean: p.fan.mean }]));

describe('previews relative to the full run', () => {
  it("a full run's head is exactly a preview of the same position, for every example", async () => {
    for (const name of EXAMPLES) {
      const deal = exampleDeal(name);
      const full = await runner.value({ deal, iterations: ITERATIONS, head: HEAD });
      const preview = await runner.value({ deal, iterations: HEAD });
      expect(full.head!.iterations).toBe(HEAD);
      expect(stats(full.head!)).toEqual(stats(preview));
      expect(full.head!.pAllAboveWalkAway).toBe(preview.pAllAboveWalkAway);
      // Asking for a head changes nothing else.
      const plain = await runner.value({ deal, iterations: ITERATIONS });
      expect(stats(full)).toEqual(stats(plain));
    }
  });

  it('lands on the next full run when the move shifts every outcome alike (an upfront paid at signing)', async () => {
    const deal = exampleDeal('pharma-licence');
    const settled = await runner.value({ deal, iterations: ITERATIONS, head: HEAD });
    const moved = at(deal, 'terms.upfront.amount', 31);
    const preview = await runner.value({ deal: moved, iterations: HEAD });
    const estimate = previewEstimate(settled, settled.head!, preview)!;
    const next = await runner.value({ deal: moved, iterations: ITERATIONS });
    for (const id of ['licensor', 'licensee']) {
      for (const k of ['mean', 'p10', 'p50', 'p90'] as const) expect(estimate.parties[id]!.npv[k]).toBeCloseTo(next.parties[id]!.npv[k], 9);
      // A chance is not a pure shift (outcomes outside the head may cross the walk-away): within its own noise.
      const p = next.parties[id]!.pAboveWalkAway;
      expect(Math.abs(estimate.parties[id]!.pAboveWalkAway - p)).toBeLessThan(2 * Math.sqrt((p * (1 - p)) / ITERATIONS));
    }
    // Where the short run alone would be one subsample's figures, a few standard errors off for the licensee.
    const raw = Math.abs(preview.parties.licensee!.npv.mean - next.parties.licensee!.npv.mean) / next.parties.licensee!.npv.se;
    const shown = Math.abs(estimate.parties.licensee!.npv.mean - next.parties.licensee!.npv.mean) / next.parties.licensee!.npv.se;
    expect(shown).toBeLessThan(1e-6);
    expect(raw).toBeGreaterThan(shown);
  });

  it('stays within two standard errors of the full run when the move changes the draws (a median of sales)', async () => {
    const deal = exampleDeal('pharma-licence');
    const settled = await runner.value({ deal, iterations: ITERATIONS, head: HEAD });
    for (const p50 of [500, 800, 1000]) {
      const moved = at(at(deal, 'inputs.peakSales.p50', p50), 'inputs.peakSales.p90', (1400 * p50) / 650);
      const estimate = previewEstimate(settled, settled.head!, await runner.value({ deal: moved, iterations: HEAD }))!;
      const next = await runner.value({ deal: moved, iterations: ITERATIONS });
      for (const id of ['licensor', 'licensee']) {
        const v = next.parties[id]!.npv;
        expect(Math.abs(estimate.parties[id]!.npv.mean - v.mean) / v.se, `${id} at p50 ${p50}`).toBeLessThan(2);
      }
    }
  });
});

describe('the ZOPA sweep', () => {
  it("values each position at full precision with the full run's draws: at the current position, exactly the card's figures", async () => {
    const deal = exampleDeal('jv-equity');
    const sweep = await runner.sweep({
      deal,
      positions: [{}, { 'terms.jv.stakes.solara': 0.6, 'terms.jv.stakes.kestrel': 0.4 }],
      iterations: ITERATIONS,
    });
    const card = await runner.value({ deal, iterations: ITERATIONS });
    for (const id of ['solara', 'kestrel']) {
      expect(sweep.positions[0]!.parties[id]!.mean).toBe(card.parties[id]!.npv.mean);
      expect(sweep.positions[0]!.parties[id]!.pAboveWalkAway).toBe(card.parties[id]!.pAboveWalkAway);
      expect(sweep.positions[0]!.parties[id]!.se).toBeCloseTo(card.parties[id]!.npv.se, 9);
    }
    expect(sweep.positions[0]!.pAllAboveWalkAway).toBe(card.pAllAboveWalkAway);
    const other = await runner.value({ deal: at(at(deal, 'terms.jv.stakes.solara', 0.6), 'terms.jv.stakes.kestrel', 0.4), iterations: ITERATIONS });
    expect(sweep.positions[1]!.parties.solara!.mean).toBe(other.parties.solara!.npv.mean);
  });

  it('refuses a position that is not a valid deal, naming it, rather than valuing it', async () => {
    const deal = exampleDeal('jv-equity');
    await expect(runner.sweep({ deal, positions: [{}, { 'terms.jv.stakes.solara': 0.6 }], iterations: 4096 })).rejects.toThrow(/positions\[1\].*stakes sum to 1\.1/);
  });
});
