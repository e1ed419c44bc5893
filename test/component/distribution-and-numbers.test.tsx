// @vitest-environment jsdom
/**
 * Switching an input's distribution keeps what the negotiator meant (its
 * central value and 90% range), and numbers are read in the user's locale
 * exactly as typed.
 */
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/model/schema';
import { inputQuantile } from '../../shared/engine/distributions';
import { summarise, switchDistribution } from '../../renderer/src/edits/distribution-switch';
import { formatEditableNumber, parseLocaleNumber } from '../../renderer/src/format/number-input';
import { densityOf } from '../../renderer/src/inputs/density-preview';

describe('switching distribution', () => {
  const pert: Input = { dist: 'pert', min: 10, mode: 25, max: 60, label: 'Customers at launch' };

  it('keeps the range and the most likely value across PERT, uniform, triangular and normal', () => {
    expect(switchDistribution(pert, 'uniform')).toEqual({ dist: 'uniform', min: 10, max: 60, label: 'Customers at launch' });
    expect(switchDistribution(pert, 'triangular')).toEqual({ dist: 'triangular', min: 10, mode: 25, max: 60, label: 'Customers at launch' });
    expect(switchDistribution(pert, 'normal')).toEqual({ dist: 'normal', low: 10, high: 60, label: 'Customers at launch' });
    expect(switchDistribution(pert, 'fixed')).toEqual({ dist: 'fixed', value: 25, label: 'Customers at launch' });
  });

  it('fits a lognormal whose 90% range is the one given by the engine', () => {
    const logn = switchDistribution({ dist: 'uniform', min: 10, max: 40 }, 'lognormal');
    expect(logn).toEqual({ dist: 'lognormal', low: 10, high: 40 });
    expect(inputQuantile(logn, 0.05)).toBeCloseTo(10, 6);
    expect(inputQuantile(logn, 0.95)).toBeCloseTo(40, 6);
  });

  it('turns a median/p90 lognormal into a range that the engine agrees with', () => {
    const input: Input = { dist: 'lognormal', p50: 18, p90: 30 };
    const s = summarise(input);
    expect(s.low).toBeCloseTo(inputQuantile(input, 0.05), 6);
    expect(s.high).toBeCloseTo(inputQuantile(input, 0.95), 6);
  });

  it('keeps a probability a probability (beta mean, chance p) and clamps into [0, 1]', () => {
    const beta = switchDistribution({ dist: 'chance', p: 0.3 }, 'beta');
    expect(beta.dist).toBe('beta');
    if (beta.dist === 'beta') expect(beta.alpha / (beta.alpha + beta.beta)).toBeCloseTo(0.3, 3);
    expect(switchDistribution({ dist: 'fixed', value: 7 }, 'chance')).toEqual({ dist: 'chance', p: 1 });
  });

  it('returns the same input when the distribution does not change', () => {
    expect(switchDistribution(pert, 'pert')).toBe(pert);
  });
});

describe('density preview', () => {
  it('draws from the engine sampler: 90% of a uniform 0..100 lies between about 5 and 95', () => {
    const d = densityOf({ dist: 'uniform', min: 0, max: 100 });
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.p5).toBeGreaterThan(3);
      expect(d.p5).toBeLessThan(7);
      expect(d.p95).toBeGreaterThan(93);
      expect(d.bins.reduce((a, b) => a + b, 0)).toBeGreaterThan(3900);
    }
  });

  it('explains invalid parameters instead of drawing', () => {
    const d = densityOf({ dist: 'uniform', min: 10, max: 1 });
    expect(d.ok).toBe(false);
  });
});

describe('locale-aware number input', () => {
  it('reads grouping and decimal separators of the locale', () => {
    expect(parseLocaleNumber('1,200.5', { locale: 'en-US' })).toEqual({ ok: true, value: 1200.5 });
    expect(parseLocaleNumber('1.200,5', { locale: 'de-DE' })).toEqual({ ok: true, value: 1200.5 });
    expect(parseLocaleNumber('1\u202f200,5', { locale: 'fr-FR' })).toEqual({ ok: true, value: 1200.5 });
    expect(parseLocaleNumber('−3', { locale: 'en-US' })).toEqual({ ok: true, value: -3 });
  });

  it('reads percentages exactly as if the fraction had been typed', () => {
    expect(parseLocaleNumber('7.5%')).toEqual({ ok: true, value: 0.075 });
    expect(parseLocaleNumber('7.5', { percent: true })).toEqual({ ok: true, value: 0.075 });
    expect(parseLocaleNumber('0,7', { locale: 'de-DE', percent: true })).toEqual({ ok: true, value: 0.007 });
    expect(parseLocaleNumber('15', { percent: true })).toEqual({ ok: true, value: 0.15 });
  });

  it('says why text is not a number', () => {
    const r = parseLocaleNumber('12abc');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('"12abc" is not a number');
  });

  it('formats for editing without float noise, in the locale', () => {
    expect(formatEditableNumber(0.07, { percent: true })).toBe('7');
    expect(formatEditableNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatEditableNumber(1200.5, { locale: 'de-DE' })).toBe('1200,5');
  });
});
