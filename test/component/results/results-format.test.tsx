// @vitest-environment jsdom
/**
 * How valuation figures read: the party cards (ours first, accessible names a
 * screen reader and the end-to-end tests use), standard errors, probabilities
 * at the extremes, and the line that says which run the figures come from.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { PartyCards } from '../../../renderer/src/results/party-cards';
import { formatProbability, formatStandardError, formatStatMoney, partyFigures, relativePrecision, runProvenance } from '../../../renderer/src/results/results-format';
import { dealWithWhatIfs, formatAtPath, sliderLabel, sliderValue, sliderView } from '../../../renderer/src/results/what-if';
import { numberKind } from '../../../shared/model/number-fields';
import { applyScenarioById, getNumberAt } from '../../../shared/model/paths';
import { pharmaDeal, pharmaResult } from './fixtures';
import { exampleDeal } from '../helpers';

const money = { currency: 'USD', unit: 'million' as const };

afterEach(cleanup);

describe('party figures', () => {
  it('puts our side first and formats every figure in the deal money', () => {
    const deal = pharmaDeal();
    const figures = partyFigures(pharmaResult(), [...deal.parties].reverse(), deal.us, money);
    expect(figures.map((f) => [f.name, f.isUs])).toEqual([
      ['Helix Bio', true],
      ['Northwind Pharma', false],
    ]);
    expect(figures[0]).toMatchObject({ mean: '$52.3M', se: '± $0.41M', p10: '$22.3M', p50: '$47.3M', p90: '$112.3M', walkAway: '$45.0M', pAboveWalkAway: '63.2%', meanVsWalkAway: 'above' });
  });

  it('shows Monte Carlo estimates at a fixed precision, whatever digits the estimate has', () => {
    expect(formatStatMoney(68.07649, money)).toBe('$68.1M');
    expect(formatStatMoney(-225.912, money)).toBe('-$225.9M');
    expect(formatStatMoney(1055.419, money)).toBe('$1,055.4M');
    expect(formatStatMoney(1234.5, { currency: 'EUR', unit: 'thousand' })).toBe('€1,235k');
  });

  it('never rounds a near-certain or near-impossible outcome to 100% or 0%', () => {
    expect(formatProbability(0.99995)).toBe('>99.9%');
    expect(formatProbability(0.00004)).toBe('<0.1%');
    expect(formatProbability(1)).toBe('100.0%');
    expect(formatProbability(0)).toBe('0.0%');
    expect(formatProbability(0.5)).toBe('50.0%');
  });

  it('shows small standard errors with enough decimals to be non-zero', () => {
    expect(formatStandardError(0.41, money)).toBe('± $0.41M');
    expect(formatStandardError(0.004, money)).toBe('± $0.004M');
    expect(formatStandardError(0.09, money)).toBe('± $0.09M');
    expect(formatStandardError(2.34, money)).toBe('± $2.34M');
    expect(formatStandardError(14.04, { currency: 'EUR', unit: 'thousand' })).toBe('± €14.0k');
    expect(formatStandardError(120, { currency: 'EUR', unit: 'thousand' })).toBe('± €120.0k');
  });

  it('states the precision of the mean as a relative 95% half-width', () => {
    // 1.96 * 0.5 / 98 = 1.0%
    expect(relativePrecision(98, 0.5)).toBe('±1.00%');
    expect(relativePrecision(0, 0.5)).toBe('n/a');
  });
});

describe('run provenance', () => {
  const result = pharmaResult();
  it('says whether figures come from a preview or a full run, with iterations and seed', () => {
    expect(runProvenance({ kind: 'full', result, stale: null }, 'Base case', 0)).toBe('Full run · 100,000 iterations · seed 20270301 · Base case');
    // A preview says what its figures are made of.
    expect(runProvenance({ kind: 'preview', basis: 'relative', result, stale: null }, 'Base case', 1, 8192)).toBe(
      'Preview: last full run moved by a 8,192-iteration run on the same draws · seed 20270301 · Base case · 1 slider what-if',
    );
    expect(runProvenance({ kind: 'preview', basis: 'short', result: { ...result, iterations: 8192 }, stale: null }, 'Base case', 0, 8192)).toBe('Preview: a 8,192-iteration run alone · seed 20270301 · Base case');
  });
  it('marks stale figures and says why', () => {
    expect(runProvenance({ kind: 'full', result, stale: 'cancelled' }, 'Opening ask', 2)).toMatch(/2 slider what-ifs · stale: the newer run was cancelled$/);
    expect(runProvenance({ kind: 'full', result, stale: 'changed' }, 'Base case', 0)).toMatch(/updating…$/);
    expect(runProvenance({ kind: 'full', result: { ...result, iterations: 42_000, stoppedAtPrecision: true }, stale: null }, 'Base case', 0)).toContain('42,000 iterations · seed 20270301 · Base case · stopped at the precision target');
  });
});

describe('party cards', () => {
  it('exposes each figure as text under an accessible name', () => {
    render(<PartyCards deal={pharmaDeal()} result={pharmaResult()} stale={false} />);
    expect(screen.getByLabelText('Helix Bio mean NPV').textContent).toBe('$52.3M');
    expect(screen.getByLabelText('Northwind Pharma mean NPV').textContent).toBe('$180.5M');
    expect(screen.getByLabelText('Helix Bio NPV standard error').textContent).toBe('± $0.41M');
    expect(screen.getByLabelText('Northwind Pharma probability of beating walk-away').textContent).toBe('81.0%');
    expect(screen.getByLabelText('Probability all parties beat their walk-away').textContent).toBe('44.1%');
    const ours = screen.getByRole('article', { name: 'Helix Bio valuation' });
    // "our side", in lower case: an upper-cased "us" reads as the United States.
    expect(within(ours).getByText('our side')).toBeTruthy();
    expect(getComputedStyle(within(ours).getByText('our side')).textTransform).not.toBe('uppercase');
    // One colour rule: the mean is marked against the walk-away, in words as well as colour.
    expect(screen.getByLabelText('Helix Bio mean against walk-away').textContent).toBe('✓ at or above walk-away');
    expect(ours.getAttribute('data-mean')).toBe('52.34');
    expect(ours.className).toContain('is-us');
  });

  it('dims stale figures', () => {
    render(<PartyCards deal={pharmaDeal()} result={pharmaResult()} stale />);
    expect(screen.getByRole('region', { name: 'Valuation summary' }).className).toContain('is-stale');
  });
});

describe('slider what-ifs', () => {
  it('adds the what-if to the active scenario so the engine applies both, the what-if winning', () => {
    const deal = pharmaDeal();
    const sent = dealWithWhatIfs(deal, 'ask', { 'terms.upfront.amount': 52 });
    const applied = applyScenarioById(sent, 'ask');
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(getNumberAt(applied.value.deal, 'terms.upfront.amount')).toEqual({ ok: true, value: 52 });
    // The scenario's other override still applies; the document itself is untouched.
    expect(getNumberAt(applied.value.deal, 'terms.royalty.tiers.2.rate')).toEqual({ ok: true, value: 0.14 });
    expect(getNumberAt(deal, 'terms.upfront.amount')).toEqual({ ok: true, value: 25 });
    expect(dealWithWhatIfs(deal, 'ask', {})).toBe(deal);
  });

  it('shows the scenario value until the slider is moved', () => {
    const deal = pharmaDeal();
    const upfront = deal.sliders![0]!;
    expect(sliderValue(deal, 'ask', upfront, {})).toBe(40);
    expect(sliderValue(deal, 'base', upfront, {})).toBe(25);
    expect(sliderValue(deal, 'base', upfront, { 'terms.upfront.amount': 31 })).toBe(31);
  });

  it('names sliders in the deal’s own words and formats their values by kind', () => {
    const deal = pharmaDeal();
    expect(deal.sliders!.map((s) => sliderLabel(deal, s))).toEqual([
      'Upfront payment',
      'Royalties on net sales, tier 1 rate',
      'First approval (US or EU)',
      'Peak annual net sales, median (P50)',
      'Royalties on net sales, Generic entry factor',
    ]);
    expect(deal.sliders!.map((s) => numberKind(deal, s.path))).toEqual(['money', 'fraction', 'money', 'number', 'fraction']);
    expect(formatAtPath(deal, 'terms.royalty.tiers.0.rate', 0.075)).toBe('7.5%');
    expect(formatAtPath(deal, 'terms.upfront.amount', 40)).toBe('$40.0M');
    expect(formatAtPath(deal, 'inputs.peakSales.p90', 1301.7857)).toBe('1,302');
  });

  it('moves the other party’s share with a share, and says so beside the value', () => {
    const deal = exampleDeal('saas-alliance');
    const slider = deal.sliders![0]!;
    const view = sliderView(deal, 'base', slider, { [slider.path]: 0.71 });
    expect(view.label).toBe('Revenue share on resold subscriptions, tier 1, Ledgerly share');
    expect(view.valueText).toBe('71% · Atlas Cloud 29%');
    expect(view.couplingNote).toBe("Atlas Cloud's share moves with it: 29%");
    const sent = dealWithWhatIfs(deal, 'base', { [slider.path]: 0.71 });
    expect(sent.scenarios[0]!.set).toEqual({ 'terms.share.tiers.0.shares.ledgerly': 0.71, 'terms.share.tiers.0.shares.atlas': 0.29 });
  });

  it('carries a median’s P90 with it, and stops a P90 above its median', () => {
    const deal = pharmaDeal();
    const median = deal.sliders![3]!;
    const view = sliderView(deal, 'base', median, { [median.path]: 1300 });
    expect(view.valueText).toBe('1,300 · P90 2,800');
    expect(view.couplingNote).toBe('P90 moves with it (same spread): 2,800');
    // The slider's own range, 200..1500, stays reachable: the P90 moves along.
    expect([view.min, view.max]).toEqual([200, 1500]);
    const p90 = sliderView({ ...deal, sliders: [{ path: 'inputs.peakSales.p90', min: 500, max: 2000, step: 50 }] }, 'base', { path: 'inputs.peakSales.p90', min: 500, max: 2000, step: 50 }, {});
    expect(p90.min).toBe(700);
    expect(p90.stops).toEqual(['Stops where P90 must stay above the median.']);
  });
});
