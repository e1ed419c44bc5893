// Table columns in twips: they fill the text width exactly and never break a word such as a company name.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnWidths } from '../../../host/docx/tables';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('columnWidths', () => {
  it('follows the weights when every word fits', () => {
    expect(columnWidths([1, 1, 2], 9000)).toEqual([2250, 2250, 4500]);
  });

  it('widens a column to its longest word, taking the room from the others', () => {
    const widths = columnWidths([10, 45, 45], 9000, [2000, 500, 500]);
    expect(widths[0]).toBeGreaterThanOrEqual(2000 + 220);
    expect(sum(widths)).toBe(9000);
    expect(widths[1]).toBe(widths[2]);
  });

  it('always fills the width exactly with positive columns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 6000 }), { maxLength: 9 }),
        fc.integer({ min: 3000, max: 12000 }),
        (weights, words, total) => {
          const widths = columnWidths(weights, total, words);
          return sum(widths) === total && widths.length === weights.length && widths.every((w) => w > 0 && Number.isInteger(w));
        },
      ),
    );
  });
});
