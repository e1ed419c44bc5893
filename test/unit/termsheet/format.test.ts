// Money, percentages and periods as the term sheet and the app print them.
import { describe, expect, it } from 'vitest';
import { formatMoney, moneyUnitCaption } from '../../../shared/format/money';
import { formatNumber, formatPercent } from '../../../shared/format/percent';
import { formatLongDate, formatPeriod } from '../../../shared/format/dates';

describe('formatMoney', () => {
  it('uses the currency symbol and the unit of the file', () => {
    expect(formatMoney(25, { currency: 'USD', unit: 'million' })).toBe('$25.0M');
    expect(formatMoney(1200, { currency: 'EUR', unit: 'thousand' })).toBe('€1,200k');
    expect(formatMoney(-5, { currency: 'GBP', unit: 'million' })).toBe('-£5.0M');
    expect(formatMoney(300, { currency: 'CHF', unit: 'thousand' })).toBe('CHF 300k');
    expect(formatMoney(1234567, { currency: 'USD', unit: 'one' })).toBe('$1,234,567');
    expect(formatMoney(2.5, { currency: 'USD', unit: 'billion' })).toBe('$2.5bn');
  });
  it('never rounds away a negotiated figure', () => {
    expect(formatMoney(12.25, { currency: 'USD', unit: 'million' })).toBe('$12.25M');
    expect(formatMoney(0.5, { currency: 'EUR', unit: 'thousand' })).toBe('€0.5k');
  });
  it('prints n/a for non-finite amounts and names the unit in captions', () => {
    expect(formatMoney(Number.NaN, { currency: 'USD', unit: 'million' })).toBe('n/a');
    expect(moneyUnitCaption({ currency: 'EUR', unit: 'thousand' })).toBe('EUR thousand');
  });
});

describe('formatPercent and formatNumber', () => {
  it('prints rates as percentages without float noise', () => {
    expect(formatPercent(0.07)).toBe('7%');
    expect(formatPercent(0.075)).toBe('7.5%');
    expect(formatPercent(0.1234)).toBe('12.34%');
    expect(formatPercent(0.14)).toBe('14%');
    expect(formatPercent(0.5, 1)).toBe('50.0%');
  });
  it('groups plain numbers', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber(-0.333333)).toBe('-0.33');
  });
});

describe('formatPeriod', () => {
  it('maps yearly periods to calendar years', () => {
    expect(formatPeriod({ start: 2027, periods: 15, step: 'year' }, 2)).toBe('2029');
    expect(formatPeriod({ start: 2027, periods: 15, step: 'year' }, 1.2)).toBe('2029');
  });
  it('maps quarters and months', () => {
    expect(formatPeriod({ start: '2027-01', periods: 20, step: 'quarter' }, 2)).toBe('Q3 2027');
    expect(formatPeriod({ start: '2027-01', periods: 20, step: 'quarter' }, 4)).toBe('Q1 2028');
    expect(formatPeriod({ start: '2027-01', periods: 24, step: 'month' }, 2)).toBe('Mar 2027');
    expect(formatPeriod({ start: '2027-11', periods: 24, step: 'month' }, 3)).toBe('Feb 2028');
  });
  it('writes document dates in full', () => {
    expect(formatLongDate(new Date(Date.UTC(2027, 2, 3)))).toBe('3 March 2027');
  });
});
