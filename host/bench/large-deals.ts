/**
 * The large files the bench reads and validates: the shapes that used to be
 * quadratic (20,000 series chained one to the next) and a file at the 5 MB
 * limit (terms with formulas, filled up to just under the limit). Built from
 * the pharma example, so they are realistic deals made big, not toy ones.
 */
import type { Deal } from '../../shared/model/schema';
import { LIMITS } from '../../shared/model/schema';

/** The example with `n` more series, each using the one before. */
export function chainedSeriesDeal(base: Deal, n: number): Deal {
  const series: Record<string, string> = { ...base.series };
  for (let i = 0; i < n; i++) series[`chain${i}`] = i === 0 ? 'netSales * 0.01' : `chain${i - 1} + 1`;
  return { ...base, series };
}

/** The example with cash-flow terms added until its text is just under the 5 MB limit. */
export function fiveMegabyteDeal(base: Deal): { deal: Deal; text: string } {
  const party = base.parties[0]!.id;
  const terms = [...base.terms];
  const make = (count: number): Deal => {
    const extra = Array.from({ length: count }, (_, i) => ({ id: `flow${i}`, type: 'cashflow' as const, party, amount: `netSales * 0.0001 * (1 + ${i % 97} / 100)` }));
    return { ...base, terms: [...terms, ...extra] };
  };
  // The pretty-printed size grows linearly with the count: aim just under the limit.
  const one = JSON.stringify(make(1), null, 2).length;
  const per = JSON.stringify(make(101), null, 2).length - one;
  let count = Math.floor(((LIMITS.maxFileBytes - 4096 - one) / per) * 100);
  let text = JSON.stringify(make(count), null, 2);
  while (text.length > LIMITS.maxFileBytes - 1024) text = JSON.stringify(make((count -= 50)), null, 2);
  return { deal: make(count), text };
}
