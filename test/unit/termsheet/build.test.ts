// The term-sheet content built from a deal: every figure is the scenario's, in the deal's currency, unit and calendar.
import { describe, expect, it } from 'vitest';
import { buildTermSheet, type TermSheetOptions } from '../../../shared/termsheet/build';
import { spansText, type Block, type TableBlock, type TermSheetDoc } from '../../../shared/termsheet/content';
import { CURVE_LEVELS, type ValuationResult } from '../../../shared/engine/results';
import { edited, loadExample } from './load-example';

const base: TermSheetOptions = { audience: 'counterparty', fileName: 'deal.deal', contentHash: 'abc123def456', appVersion: '9.9.9', date: new Date(Date.UTC(2027, 2, 3)) };

function build(deal = loadExample('pharma-licence'), options: Partial<TermSheetOptions> = {}): TermSheetDoc {
  const r = buildTermSheet(deal, { ...base, ...options });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.doc;
}

const table = (doc: TermSheetDoc, key: string): TableBlock => {
  const t = doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.key === key);
  if (!t) throw new Error(`no table ${key}`);
  return t;
};
const rows = (t: TableBlock) => t.rows.map((r) => r.cells.map(spansText));
const blockText = (b: Block): string =>
  b.kind === 'table' ? [b.columns.map((c) => c.header).join(' '), ...rows(b).map((r) => r.join(' | '))].join('\n') : 'spans' in b ? spansText(b.spans) : b.kind === 'chart' ? b.caption : '';
const allText = (doc: TermSheetDoc) => [doc.title, doc.subtitle, doc.scenarioName, doc.marking, doc.legend, doc.footer, ...doc.blocks.map(blockText)].join('\n');

describe('buildTermSheet: pharma licence', () => {
  const doc = build();

  it('has the title, legend, marking, date and a traceability footer', () => {
    expect(doc.title).toBe('Helix Bio / Northwind Pharma: HX-201 licence');
    expect(doc.legend).toBe('Non-binding term sheet; subject to contract');
    expect(doc.marking).toBe('CONFIDENTIAL');
    expect(doc.date).toBe('3 March 2027');
    expect(doc.footer).toBe('deal.deal · Scenario: Base case · Deal abc123def456 · Seed 20270301 · Dealwright 9.9.9');
  });

  it('lists the parties with their roles', () => {
    expect(rows(table(doc, 'table:parties'))).toEqual([
      ['Helix Bio', 'Licensor'],
      ['Northwind Pharma', 'Licensee'],
    ]);
  });

  it('tabulates upfront and milestone payments with calendar dates and conditions', () => {
    const payments = rows(table(doc, 'table:payments'));
    expect(payments[0]).toEqual(['Upfront payment', '2027', '$25.0M', 'Northwind Pharma', 'Helix Bio', 'None']);
    expect(payments[1]).toEqual(['First patient dosed in Phase III', '2029', '$30.0M', 'Northwind Pharma', 'Helix Bio', 'Phase II success']);
    expect(payments[3]!.slice(0, 3)).toEqual(['First approval (US or EU)', 'On the event', '$60.0M']);
    expect(payments[3]![5]).toContain('Approval, given Phase III');
  });

  it('states the sales milestone and the royalty tiers as money bands and percentages', () => {
    expect(rows(table(doc, 'table:salesMilestones'))[0]!.slice(1, 3)).toEqual(['Net sales in a year first reach $500.0M', '$75.0M']);
    expect(rows(table(doc, 'table:royalty'))).toEqual([
      ['Tier 1', 'Up to $300.0M', '7%'],
      ['Tier 2', '$300.0M to $800.0M', '9%'],
      ['Tier 3', 'Above $800.0M', '12%'],
    ]);
  });

  it('resolves the placeholders of the text sections and keeps their headings', () => {
    const text = allText(doc);
    expect(text).toContain('Helix Bio grants Northwind Pharma an exclusive, royalty-bearing licence to develop and commercialise HX-201 in worldwide excluding Japan for the treatment of solid tumours.');
    expect(text).not.toContain('{{');
    const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map(blockText);
    expect(headings).toEqual(['Parties', 'Transaction', 'Economic terms', 'Licence', 'Development', 'Change of strategy or control', 'Governing law', 'Partnership success metrics']);
  });

  it('puts the success metrics at 12 months and 3 years in their own section', () => {
    expect(rows(table(doc, 'table:metrics:12 months'))).toEqual([['Phase II enrolment', 'first 40 patients dosed']]);
    expect(rows(table(doc, 'table:metrics:3 years'))).toEqual([['Phase III', 'pivotal trial fully enrolled']]);
  });

  it('never shows our walk-away, discount rates or any valuation to the counterparty', () => {
    const text = allText(doc);
    for (const s of ['$45.0M', '13%', 'walk-away', 'Walk-away', 'discount rate', 'NPV', 'Appendix']) expect(text).not.toContain(s);
    expect(doc.blocks.some((b) => b.kind === 'chart')).toBe(false);
  });
});

describe('buildTermSheet: scenarios and other deal shapes', () => {
  it('prints the numbers of the chosen scenario', () => {
    const doc = build(undefined, { scenarioId: 'ask' });
    expect(doc.scenarioName).toBe('Opening ask');
    expect(rows(table(doc, 'table:payments'))[0]![2]).toBe('$40.0M');
    expect(rows(table(doc, 'table:royalty'))[2]![2]).toBe('14%');
    expect(doc.footer).toContain('Scenario: Opening ask');
  });

  it('states formulas in words where a term has no fixed figure', () => {
    const deal = edited(loadExample('pharma-licence'), (d) => {
      d.terms.push({ id: 'mLate', type: 'payment', label: 'Late bonus', from: 'licensee', to: 'licensor', amount: 'peakSales * 0.01', when: 't == 9' });
    });
    const late = rows(table(build(deal), 'table:payments')).find((r) => r[0] === 'Late bonus');
    expect(late).toEqual(['Late bonus', 'On the event', 'as modelled: Peak annual net sales × 0.01', 'Northwind Pharma', 'Helix Bio', 'The period = 9']);
  });

  it('refuses an unknown scenario, naming the ones that exist', () => {
    const r = buildTermSheet(loadExample('pharma-licence'), { ...base, scenarioId: 'nope' });
    expect(r).toEqual({ ok: false, problems: [{ path: 'scenario', message: 'no scenario "nope" (the deal has: base, ask, fallback)' }] });
  });

  it('describes the SaaS alliance: tiered revenue share, cost share and the strategy-shift exit with its fee', () => {
    const doc = build(loadExample('saas-alliance'), { scenarioId: 'flat' });
    expect(rows(table(doc, 'table:share'))).toEqual([
      ['Tier 1', 'Up to €500k', '65%', '35%'],
      ['Tier 2', 'Above €500k', '65%', '35%'],
    ]);
    expect(table(doc, 'table:share').columns.map((c) => c.header)).toEqual(['Tier', 'Joint revenue per quarter', 'Ledgerly', 'Atlas Cloud']);
    expect(rows(table(doc, 'table:costSharing'))).toEqual([['Integration build', 'Build', '60%', '40%']]);
    expect(rows(table(doc, 'table:termination'))).toEqual([['Exit on change of strategy', 'Change of strategy or exit by a party', 'Q1 2028', '€250k', 'Atlas Cloud', 'Ledgerly']]);
    expect(allText(doc)).toContain('it pays a break fee of €250k');
    // The 2% hazard is our estimate of their behaviour, not a term.
    expect(allText(doc)).not.toContain('2%');
  });

  it('describes the joint venture: stakes, contributions, preferred return and distribution order in words', () => {
    const doc = build(loadExample('jv-equity'), { scenarioId: 'kestrel60' });
    expect(rows(table(doc, 'table:jv'))).toEqual([
      ['Solara Technologies', '40%', '£20.0M', '2027'],
      ['Kestrel Energy', '60%', '£40.0M', '2027'],
    ]);
    const order = doc.blocks.filter((b) => b.kind === 'listItem').map(blockText);
    expect(order).toEqual([
      "return of contributed capital, in proportion to each party's unreturned capital;",
      'the preferred return of 8% a year, in proportion to the amounts owed;',
      'the balance in proportion to equity stakes.',
    ]);
    expect(allText(doc)).toContain('Preferred return: 8% a year, simple interest');
  });

  it('blocks the export on an unknown placeholder and names it with its location', () => {
    const deal = edited(loadExample('pharma-licence'), (d) => {
      d.termSheet!.sections![2]!.text = 'Fee of {{terms.upfrnt.amount}}.';
    });
    const r = buildTermSheet(deal, base);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'termSheet.sections[2].text', message: expect.stringContaining('unknown placeholder "{{terms.upfrnt.amount}}"') }]);
  });

  it('resolves placeholders in success metrics too', () => {
    const deal = edited(loadExample('saas-alliance'), (d) => {
      d.termSheet!.successMetrics![0]!.target = 'pipeline worth twice the exit fee ({{terms.exit.fee.amount|money}})';
      d.termSheet!.successMetrics![1]!.metric = '{{nope}}';
    });
    const r = buildTermSheet(deal, base);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'termSheet.successMetrics[1].metric', message: expect.stringContaining('unknown placeholder "{{nope}}"') }]);
    const fixed = edited(deal, (d) => {
      d.termSheet!.successMetrics![1]!.metric = 'Adoption';
    });
    expect(rows(table(build(fixed), 'table:metrics:12 months'))).toEqual([['Co-sell pipeline', 'pipeline worth twice the exit fee (€250k)']]);
  });

  it('drops control characters and keeps very long texts whole', () => {
    const long = 'word '.repeat(20_000).trim();
    const deal = edited(loadExample('pharma-licence'), (d) => {
      d.title = 'Helix\u0000 Bio\u0007 deal\u000b';
      d.termSheet!.sections!.push({ heading: 'Bell\u0007 and NUL\u0000', text: `Line one\r\nLine two\u0001\n\n${long}` });
    });
    const doc = build(deal);
    expect(doc.title).toBe('Helix Bio deal');
    const text = allText(doc);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(text).toContain('Bell and NUL');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && spansText(b.spans) === long)).toBe(true);
  });
});

describe('buildTermSheet: internal audience', () => {
  const stats = (mean: number) => ({ mean, sd: 31.25, se: 0.1, p5: mean - 41.5, p10: mean - 30, p50: mean - 2, p90: mean + 30, p95: mean + 52.75 });
  const histogram = { edges: [0, 50, 100, 150], counts: [10, 30, 20], curve: { values: CURVE_LEVELS.map((l) => 150 * l), walkAway: { value: 45, below: 0.3 } } };
  const fan = { p10: [], p50: [], p90: [], mean: [] };
  const valuation: ValuationResult = {
    scenario: 'base',
    iterations: 1000,
    seed: 20270301,
    elapsedMs: 1,
    pAllAboveWalkAway: 0.4321,
    parties: {
      licensor: { npv: stats(63.75), pAboveWalkAway: 0.5678, histogram, fan },
      licensee: { npv: stats(120.5), pAboveWalkAway: 0.8765, histogram, fan },
    },
  };

  it('needs a valuation: no appendix is ever made up', () => {
    const r = buildTermSheet(loadExample('pharma-licence'), { ...base, audience: 'internal' });
    expect(r.ok).toBe(false);
  });

  it('adds the valuation appendix: statistics, walk-aways, discount rates, charts and the meaning of ranges', () => {
    const doc = build(undefined, { audience: 'internal', valuation: { result: valuation } });
    expect(doc.marking).toContain('INTERNAL');
    expect(rows(table(doc, 'table:valuation'))[0]).toEqual(['Helix Bio', '13%', '$45.0M', '$63.8M', '$22.3M', '$61.8M', '$116.5M', '56.8%']);
    const text = allText(doc);
    expect(text).toContain('Chance that every party beats its walk-away: 43.2%');
    expect(text).toContain('90% intervals (5th to 95th percentile)');
    expect(doc.blocks.filter((b) => b.kind === 'chart').map((b) => b.key)).toEqual(['appendix:hist:licensor', 'appendix:hist:licensee']);
    expect(rows(table(doc, 'table:assumptions'))).toContainEqual(['Peak annual net sales', 'Lognormal: median 650, 90th percentile 1,400']);
    expect(rows(table(doc, 'table:assumptions'))).toContainEqual(['Phase II success', 'Happens with probability 35%']);
    expect(rows(table(doc, 'table:assumptions'))).toContainEqual(['Launch period', 'One of 5, 6, 7 (weights 0.5, 0.35, 0.15)']);
  });

  it('carries the scenario notes into the internal appendix only', () => {
    const internal = build(undefined, { audience: 'internal', scenarioId: 'ask', valuation: { result: { ...valuation, scenario: 'ask' } } });
    expect(allText(internal)).toContain('Scenario notes: Lead with cash up front.');
    expect(allText(build(undefined, { scenarioId: 'ask' }))).not.toContain('Lead with cash up front.');
  });
});
