// @vitest-environment jsdom
/**
 * The formula editor adapter: what Monaco is told (completions, hover, red
 * squiggles) comes from the deal and the shared formula checker, so the
 * editor never disagrees with the engine. Also the fallback shown while
 * Monaco loads, and the diagnostics list under the editor.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { completionEntries, formulaMarkers, hoverText, monarchLanguage } from '../../renderer/src/formula/formula-language';
import { FormulaEditor } from '../../renderer/src/formula/FormulaEditor';
import { exampleDeal, loadIntoStore } from './helpers';

const pharma = exampleDeal('pharma-licence');

afterEach(cleanup);

describe('completion', () => {
  it('offers inputs, other series, built-ins and functions in a series formula', () => {
    const labels = completionEntries(pharma, 'series', 'netSales').map((e) => `${e.kind}:${e.label}`);
    expect(labels).toContain('input:peakSales');
    expect(labels).toContain('series:approved');
    expect(labels).not.toContain('series:netSales');
    expect(labels).toContain('builtin:t');
    expect(labels).toContain('function:cumsum');
    expect(labels).toContain('function:min');
  });

  it('offers inputs only (no series, no t) where a value is fixed once per iteration', () => {
    const entries = completionEntries(pharma, 'iteration');
    expect(entries.some((e) => e.kind === 'series')).toBe(false);
    expect(entries.some((e) => e.label === 't')).toBe(false);
    expect(entries.some((e) => e.label === 'peakSales')).toBe(true);
  });

  it('inserts a function with its opening parenthesis', () => {
    expect(completionEntries(pharma, 'series').find((e) => e.label === 'max')?.insertText).toBe('max(');
  });
});

describe('hover', () => {
  it("shows an input's label and distribution, with low/high as the 90% range", () => {
    const text = hoverText(exampleDeal('saas-alliance'), 'growth');
    expect(text).toContain('Quarterly customer growth');
    expect(text).toContain('normal, 90% range 0.03 to 0.12');
  });

  it('shows a series formula, a function signature, and nothing for an unknown word', () => {
    expect(hoverText(pharma, 'phase2')).toContain('pPhase2');
    expect(hoverText(pharma, 'cumsum')).toMatch(/^cumsum\(series\)/);
    expect(hoverText(pharma, 'nonsense')).toBeNull();
  });
});

describe('diagnostics', () => {
  it('marks an unknown name where it is, with the checker message and a suggestion', () => {
    const source = 'approved and t >= launchYear ? peakSale * 2 : 0';
    const [marker, ...rest] = formulaMarkers(source, pharma, 'series');
    expect(rest).toHaveLength(0);
    expect(marker!.startColumn).toBe(source.indexOf('peakSale') + 1);
    expect(marker!.endColumn - marker!.startColumn).toBe('peakSale'.length);
    expect(marker!.message).toMatch(/unknown name "peakSale".*peakSales/i);
  });

  it('reports a syntax error at its column and nothing for a valid formula', () => {
    expect(formulaMarkers('peakSales * * 2', pharma, 'series')[0]!.startColumn).toBeGreaterThan(1);
    expect(formulaMarkers('min(1, cumsum(netSales) / 1000)', pharma, 'series')).toEqual([]);
  });

  it('refuses series in a once-per-iteration field', () => {
    expect(formulaMarkers('netSales', pharma, 'iteration')[0]!.message).toMatch(/inputs only/);
  });

  it('tokenizes keywords, functions and built-ins distinctly', () => {
    expect(monarchLanguage.keywords).toEqual(['and', 'or', 'not']);
    expect(monarchLanguage.functions).toContain('prev');
    expect(monarchLanguage.builtins).toContain('terminated');
  });
});

describe('FormulaEditor component', () => {
  it('shows the formula and the live problems under it before Monaco has loaded', () => {
    loadIntoStore(pharma);
    render(<FormulaEditor label="Formula of netSales" value="peakSale * 2" scope="series" onCommit={() => undefined} />);
    expect(screen.getByText('peakSale * 2')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Problems in Formula of netSales' });
    expect(list.textContent).toMatch(/Column 1: Unknown name "peakSale"/);
  });
});
