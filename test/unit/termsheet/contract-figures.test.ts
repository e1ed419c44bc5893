// Contract figures print with every digit they have, in one style per column, and never break across lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnDecimals, contractMoney, contractPercent, moneyDigits, percentDigits, plainDecimal, shiftDecimal } from '../../../shared/format/contract-figures';

const usd = { currency: 'USD', unit: 'million' as const };

describe('contract figures', () => {
  it('prints rates with all their digits, never rounded', () => {
    expect(contractPercent(0.07125)).toBe('7.125%');
    expect(contractPercent(0.0012345)).toBe('0.12345%');
    expect(contractPercent(0.07)).toBe('7%');
    expect(contractPercent(0.1 + 0.2)).toBe('30.000000000000004%');
    expect(contractPercent(1e-9)).toBe('0.0000001%');
  });

  it('prints amounts with all their digits, grouped, in the unit of the file', () => {
    expect(contractMoney(9_876_543_210.99, { currency: 'USD', unit: 'one' })).toBe('$9,876,543,210.99');
    expect(contractMoney(25, usd)).toBe('$25.0M');
    expect(contractMoney(12.125, usd)).toBe('$12.125M');
    expect(contractMoney(1200, { currency: 'EUR', unit: 'thousand' })).toBe('€1,200k');
    expect(contractMoney(300, { currency: 'CHF', unit: 'thousand' })).toBe('CHF\u00A0300k');
    expect(contractMoney(-5, { currency: 'GBP', unit: 'million' })).toBe('-£5.0M');
  });

  it('writes "USD 25 million" when asked: thousands as whole currency units, spaces non-breaking', () => {
    expect(contractMoney(25, { ...usd, style: 'words' })).toBe('USD\u00A025\u00A0million');
    expect(contractMoney(1.5, { currency: 'USD', unit: 'billion', style: 'words' })).toBe('USD\u00A01.5\u00A0billion');
    expect(contractMoney(1200.5, { currency: 'EUR', unit: 'thousand', style: 'words' })).toBe('EUR\u00A01,200,500');
    expect(contractMoney(0.0015, { currency: 'EUR', unit: 'thousand', style: 'words' })).toBe('EUR\u00A01.5');
  });

  it('gives a column one style: the decimals of its most precise figure', () => {
    const digits = [0.02, 0.0225, 0.1].map(percentDigits);
    const d = columnDecimals(digits);
    expect([0.02, 0.0225, 0.1].map((v) => contractPercent(v, d))).toEqual(['2.00%', '2.25%', '10.00%']);
    const money = [25, 12.125].map((v) => moneyDigits(v, usd));
    expect([25, 12.125].map((v) => contractMoney(v, usd, columnDecimals(money)))).toEqual(['$25.000M', '$12.125M']);
  });

  it('moves decimal points by string arithmetic, so every double reads back exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }), (v) => {
        const plain = plainDecimal(v);
        expect(plain).not.toMatch(/e/i);
        expect(Number(plain)).toBe(v === 0 ? 0 : v);
        expect(Number(shiftDecimal(shiftDecimal(plain, 2), -2))).toBe(Number(plain));
        // Multiplying in floating point is off in the last place; the string is the exact decimal.
        expect(Math.abs(Number(percentDigits(v)) - v * 100)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v * 100)));
      }),
      { numRuns: 500 },
    );
  });
});
