// The term-sheet content built from a deal: contract wording in the lawyers' order, every figure the scenario's, nothing internal.
import { describe, expect, it } from 'vitest';
import { buildTermSheet, type TermSheetOptions } from '../../../shared/termsheet/build';
import { spansText, type Block, type TableBlock, type TermSheetDoc } from '../../../shared/termsheet/content';
import { CURVE_LEVELS, type ValuationResult } from '../../../shared/engine/results';
import { edited, loadExample } from './load-example';
import { modelTimingBlocks } from '../../../shared/termsheet/model-timing';

const base: TermSheetOptions = { audience: 'counterparty', fileName: 'deal.deal', contentHash: 'abc123def456', appVersion: '9.9.9', date: new Date(Date.UTC(2027, 2, 3)) };

function build(deal = loadExample('pharma-licence'), options: Partial<TermSheetOptions> = {}): TermSheetDoc {
  const r = buildTermSheet(deal, { ...base, ...options });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.doc;
}

/** Cell text as a reader sees it (non-breaking spaces inside figures read as spaces). */
const text = (s: string) => s.replace(/\u00A0/g, ' ');
const table = (doc: TermSheetDoc, key: string): TableBlock => {
  const t = doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.key === key);
  if (!t) throw new Error(`no table ${key}`);
  return t;
};
const rows = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => text(spansText(c))));
const blockText = (b: Block): string =>
  b.kind === 'table' ? [b.columns.map((c) => c.header).join(' '), ...rows(b).map((r) => r.join(' | '))].join('\n') : 'spans' in b ? text(spansText(b.spans)) : b.kind === 'chart' ? b.caption : '';
const allText = (doc: TermSheetDoc) => [spansText(doc.title), doc.subtitle, doc.draftLine, doc.marking, doc.legend, doc.footer, doc.properties.title, doc.properties.subject, ...doc.blocks.map(blockText)].join('\n');
const headings = (doc: TermSheetDoc) => doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map(blockText);

describe('buildTermSheet: pharma licence for the counterparty', () => {
  const doc = build();

  it('has the title block a lawyer expects, and nothing about where it came from', () => {
    expect(spansText(doc.title)).toBe('Helix Bio / Northwind Pharma: HX-201 licence');
    expect(doc.draftLine).toBe('Draft 1 · 3 March 2027 · Subject to contract');
    expect(doc.legend).toBe('Non-binding term sheet, except for the provisions stated to be binding');
    expect(doc.marking).toBe('CONFIDENTIAL');
    expect(doc.footer).toBe('Draft 1 · Confidential · Subject to contract');
    expect(doc.properties).toEqual({ title: 'Helix Bio / Northwind Pharma: HX-201 licence: term sheet', subject: 'Draft 1' });
    for (const s of ['deal.deal', 'abc123def456', '9.9.9', '20270301', 'Dealwright', 'Base case', 'Scenario']) expect(allText(doc)).not.toContain(s);
  });

  it('prints the draft label it is given, and refuses a label that is a scenario name', () => {
    expect(build(undefined, { draft: 'Draft 3 (revised)' }).draftLine).toBe('Draft 3 (revised) · 3 March 2027 · Subject to contract');
    const r = buildTermSheet(loadExample('pharma-licence'), { ...base, scenarioId: 'fallback', draft: ' fallback ' });
    expect(r).toEqual({ ok: false, problems: [{ path: 'draft', message: expect.stringContaining('is the name of a scenario') }] });
  });

  it('lists the parties with legal entity, address and role, and a signature block for each signatory', () => {
    expect(rows(table(doc, 'table:parties'))).toEqual([
      ['Helix Bio', 'Helix Bio, Inc., a Delaware corporation', '100 Binney Street, Cambridge, MA 02142, United States', 'Licensor'],
      ['Northwind Pharma', 'Northwind Pharma AG, a Swiss stock corporation', 'Aeschenvorstadt 36, 4051 Basel, Switzerland', 'Licensee'],
    ]);
    const signatures = doc.blocks.filter((b) => b.key.startsWith('signature:licensee')).map(blockText);
    expect(signatures).toEqual(['For and on behalf of Northwind Pharma AG', 'Signature: ______________________________', 'Name: Lars Brandt', 'Title: Head of Business Development', 'Date: ______________________________']);
    const bare = build(edited(loadExample('pharma-licence'), (d) => d.parties.forEach((p) => ['legalName', 'jurisdiction', 'address', 'signatory'].forEach((k) => delete (p as Record<string, unknown>)[k]))));
    expect(rows(table(bare, 'table:parties'))[0]).toEqual(['Helix Bio', '[to be confirmed]', '[to be confirmed]', 'Licensor']);
    expect(bare.blocks.filter((b) => b.key === 'signature:licensor:2').map(blockText)).toEqual(['Name: [●]']);
  });

  it('tabulates payments with their contract triggers, never the model years or conditions', () => {
    const payments = rows(table(doc, 'table:payments'));
    expect(payments[0]).toEqual(['Upfront payment', '$25.0M', 'Within 10 business days of signing the definitive agreement', 'Northwind Pharma', 'Helix Bio']);
    expect(payments[1]).toEqual(['First patient dosed in Phase III', '$30.0M', 'Within 30 days of the first patient being dosed in the first Phase III trial', 'Northwind Pharma', 'Helix Bio']);
    for (const s of ['2029', '2031', 'Phase II success', 'Approval, given Phase III', 'as modelled']) expect(allText(doc)).not.toContain(s);
  });

  it('states the sales milestone threshold and the royalty bands as contract figures; the trigger resolves its own placeholder', () => {
    expect(rows(table(doc, 'table:salesMilestones'))[0]!.slice(1, 4)).toEqual(['$500.0M', '$75.0M', 'Within 60 days after the end of the first calendar year in which Net Sales exceed $500.0M']);
    expect(rows(table(doc, 'table:royalty'))).toEqual([
      ['Up to $300.0M', '7%'],
      ['$300.0M to $800.0M', '9%'],
      ['Above $800.0M', '12%'],
    ]);
    expect(table(doc, 'table:royalty').columns.map((c) => c.header)).toEqual(['Net Sales in a calendar year', 'Royalty rate']);
  });

  it('puts the sections in the order lawyers expect, the transaction from the summary, never the description', () => {
    expect(headings(doc)).toEqual([
      'Parties',
      'Transaction',
      'Definitions',
      'Licence',
      'Development',
      'Economic terms',
      'Intellectual property and joint developments',
      'Governance',
      'Exclusivity and no-shop',
      'Confidentiality',
      'Change of strategy or control',
      'Success metrics',
      'Governing law',
      'Binding provisions',
      'Signatures',
    ]);
    const all = allText(doc);
    expect(all).toContain('Helix Bio grants Northwind Pharma an exclusive licence to develop and commercialise HX-201, a Phase II oncology compound, in worldwide excluding Japan');
    expect(all).not.toContain('Exclusive licence of a Phase II oncology asset with development milestones');
    expect(all).not.toContain('{{');
  });

  it('holds the economic tables in the economics section, and the metric tables after the section text that introduces them', () => {
    const keys = doc.blocks.map((b) => b.key);
    const at = (k: string) => keys.indexOf(k);
    expect(at('section:Economic terms')).toBeLessThan(at('table:payments'));
    expect(at('table:royalty')).toBeLessThan(at('section:Economic terms:p0'));
    expect(at('section:Success metrics:p0')).toBeLessThan(at('table:metrics:12 months'));
    expect(at('table:metrics:3 years')).toBeLessThan(at('section:Governing law'));
    // A file section owns the metrics: no generic intro of its own.
    expect(keys).not.toContain('intro:successMetrics');
  });

  it('makes a short label before a colon a bold lead-in', () => {
    const mechanics = doc.blocks.find((b) => b.key === 'section:Economic terms:p1');
    expect(mechanics && 'spans' in mechanics ? mechanics.spans.slice(0, 1) : []).toEqual([{ text: 'Royalty term: ', bold: true }]);
  });

  it('never shows our walk-away, discount rates, model or any valuation to the counterparty', () => {
    const all = allText(doc);
    for (const s of ['$45.0M', '13%', 'walk-away', 'Walk-away', 'discount rate', 'NPV', 'Appendix', 'Licensee margin', 'net sales ×', 'launch']) expect(all).not.toContain(s);
    expect(doc.blocks.some((b) => b.kind === 'chart')).toBe(false);
  });
});

describe('buildTermSheet: scenarios, figures and other deal shapes', () => {
  it('prints the numbers of the chosen scenario, but never its name', () => {
    const doc = build(undefined, { scenarioId: 'ask' });
    expect(rows(table(doc, 'table:payments'))[0]![1]).toBe('$40.0M');
    expect(rows(table(doc, 'table:royalty'))[2]![1]).toBe('14%');
    expect(allText(doc)).not.toContain('Opening ask');
    expect(allText(doc)).not.toContain('Lead with cash up front');
  });

  it('prints every digit of a contract figure, in one style per column', () => {
    const deal = edited(loadExample('pharma-licence'), (d) => {
      d.unit = 'one';
      const royalty = d.terms.find((t) => t.id === 'royalty')!;
      if (royalty.type === 'royalty') royalty.tiers = [{ upTo: 300_000_000, rate: 0.07125 }, { upTo: 9_876_543_210.99, rate: 0.0012345 }, { rate: 0.12 }];
      const upfront = d.terms.find((t) => t.id === 'upfront')!;
      if (upfront.type === 'payment') upfront.amount = 9_876_543_210.99;
    });
    const doc = build(deal);
    expect(rows(table(doc, 'table:royalty'))).toEqual([
      ['Up to $300,000,000.00', '7.12500%'],
      ['$300,000,000.00 to $9,876,543,210.99', '0.12345%'],
      ['Above $9,876,543,210.99', '12.00000%'],
    ]);
    expect(rows(table(doc, 'table:payments')).map((r) => r[1])).toEqual(['$9,876,543,210.99', '$30.00', '$20.00', '$60.00']);
  });

  it('writes "USD 25 million" when asked, with non-breaking spaces inside each figure', () => {
    const doc = build(undefined, { moneyStyle: 'words' });
    const cells = table(doc, 'table:payments').rows.map((r) => spansText(r.cells[1]!));
    expect(cells).toEqual(['USD\u00A025\u00A0million', 'USD\u00A030\u00A0million', 'USD\u00A020\u00A0million', 'USD\u00A060\u00A0million']);
    expect(rows(table(doc, 'table:royalty'))[1]![0]).toBe('USD 300 million to USD 800 million');
  });

  it('prints a term field holding a formula as the trigger wording, and a default trigger from the type', () => {
    const deal = edited(loadExample('pharma-licence'), (d) => {
      d.terms.push({ id: 'mLate', type: 'payment', label: 'Late bonus', from: 'licensee', to: 'licensor', amount: 'peakSales * 0.01', when: 't == 9' });
      d.terms.push({ id: 'mSigned', type: 'payment', label: 'Signing fee', from: 'licensee', to: 'licensor', amount: 1, at: 0 });
      d.terms.push({ id: 'mEU', type: 'payment', label: 'EU approval', from: 'licensee', to: 'licensor', amount: 5, at: 4, when: 'approved' });
      d.terms.push({ id: 'mNoLabel', type: 'payment', from: 'licensee', to: 'licensor', amount: 5, when: 'approved' });
    });
    const payments = rows(table(build(deal), 'table:payments'));
    expect(payments.find((r) => r[0] === 'Late bonus')).toEqual(['Late bonus', '[to be agreed]', 'Within 30 days of late bonus', 'Northwind Pharma', 'Helix Bio']);
    expect(payments.find((r) => r[0] === 'Signing fee')!.slice(1, 3)).toEqual(['$1.0M', 'On signing']);
    expect(payments.find((r) => r[0] === 'EU approval')![2]).toBe('Within 30 days of EU approval');
    expect(payments.find((r) => r[0] === 'mNoLabel')![2]).toBe('Within 30 days of achievement');
  });

  it('refuses an unknown scenario, naming the ones that exist', () => {
    const r = buildTermSheet(loadExample('pharma-licence'), { ...base, scenarioId: 'nope' });
    expect(r).toEqual({ ok: false, problems: [{ path: 'scenario', message: 'no scenario or round "nope" (the deal has: base, ask, fallback, r1, r2, r3)' }] });
  });

  it('describes the SaaS alliance: banded revenue share, cost share and the strategy-shift exit with its fee, not our 2% estimate', () => {
    const doc = build(loadExample('saas-alliance'), { scenarioId: 'flat' });
    expect(rows(table(doc, 'table:share'))).toEqual([
      ['Up to €500k', '65%', '35%'],
      ['Above €500k', '65%', '35%'],
    ]);
    expect(table(doc, 'table:share').columns.map((c) => c.header)).toEqual(['Net Revenue in a calendar quarter', 'Ledgerly', 'Atlas Cloud']);
    expect(rows(table(doc, 'table:costSharing'))).toEqual([['Integration build', '60%', '40%']]);
    expect(rows(table(doc, 'table:termination'))).toEqual([
      ['Exit on change of strategy', "On 90 days' written notice by either party after Atlas Cloud withdraws the integration or launches a competing product", 'Q1 2028', '€250k', 'Atlas Cloud', 'Ledgerly'],
    ]);
    const all = allText(doc);
    expect(all).toContain('it pays a break fee of €250k');
    expect(all).not.toContain('2%');
    expect(all).not.toContain('Build');
    expect(all).not.toContain('Joint revenue');
  });

  it('turns a table of many parties so that no name is squeezed', () => {
    const deal = edited(loadExample('saas-alliance'), (d) => {
      const names = ['Solara Technologies', 'Kestrel Energy Holdings', 'Northwind Pharmaceuticals', 'Helix Biotechnologies', 'Ledgerly Analytics', 'Atlas Cloud Services', 'Meridian Infrastructure', 'Borealis Engineering'];
      d.parties = names.map((name, i) => ({ id: `p${i}`, name, discountRate: 0.1, walkAway: 0 }));
      d.us = 'p0';
      d.terms = d.terms.filter((t) => t.type !== 'cashflow' && t.type !== 'termination').map((t) => {
        if (t.type === 'revenueShare') return { ...t, tiers: [{ upTo: 500, shares: Object.fromEntries(names.map((_n, i) => [`p${i}`, 0.125])) }, { shares: Object.fromEntries(names.map((_n, i) => [`p${i}`, 0.125])) }] };
        if (t.type === 'costShare') return { ...t, shares: Object.fromEntries(names.map((_n, i) => [`p${i}`, 0.125])) };
        return t;
      });
      d.scenarios = [{ id: 'base', name: 'Base', set: {} }];
      d.sliders = [];
      d.termSheet!.summary = 'Eight partners.';
      d.termSheet!.sections = d.termSheet!.sections!.map((s) => ({ ...s, text: s.text.replace(/\{\{parties\.[a-z]+\.name\}\}/g, 'a partner').replace(/\{\{terms\.exit\.fee\.amount\|money\}\}/g, 'a fee') }));
    });
    const doc = build(deal);
    const share = table(doc, 'table:share:byParty');
    expect(share.columns.map((c) => c.header)).toEqual(['Party', 'Share of Net Revenue up to €500k', 'Share of Net Revenue above €500k']);
    expect(rows(share)).toHaveLength(8);
    expect(rows(table(doc, 'table:costSharing:byParty'))[7]).toEqual(['Borealis Engineering', '12.5%']);
  });

  it('describes the joint venture: stakes, contributions at closing, preferred return and distribution order in words', () => {
    const doc = build(loadExample('jv-equity'), { scenarioId: 'kestrel60' });
    expect(rows(table(doc, 'table:jv'))).toEqual([
      ['Solara Technologies', '40%', '£20.0M', 'At closing'],
      ['Kestrel Energy', '60%', '£40.0M', 'At closing'],
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

  it('resolves placeholders in success metrics, the summary and triggers too, with their paths', () => {
    const deal = edited(loadExample('saas-alliance'), (d) => {
      d.termSheet!.successMetrics![0]!.target = 'pipeline worth twice the exit fee ({{terms.exit.fee.amount|money}})';
      d.termSheet!.successMetrics![1]!.metric = '{{nope}}';
      d.termSheet!.summary = '{{inputs.churn.alpha}}';
      d.terms.find((t) => t.id === 'exit')!.trigger = 'after {{scenarios.1.name}}';
    });
    const r = buildTermSheet(deal, base);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path).sort()).toEqual(['termSheet.successMetrics[1].metric', 'termSheet.summary', 'terms.exit.trigger']);
    }
    const fixed = edited(deal, (d) => {
      d.termSheet!.successMetrics![1]!.metric = 'Adoption';
      d.termSheet!.summary = 'An alliance.';
      d.terms.find((t) => t.id === 'exit')!.trigger = 'on notice, the fee being {{terms.exit.fee.amount}}';
    });
    const doc = build(fixed);
    expect(rows(table(doc, 'table:metrics:12 months'))).toEqual([['Co-sell pipeline', 'pipeline worth twice the exit fee (€250k)']]);
    expect(rows(table(doc, 'table:termination'))[0]![1]).toBe('On notice, the fee being €250k');
  });

  it('drops control and invisible bidi characters, marks nothing else, and keeps very long texts whole', () => {
    const long = 'word '.repeat(20_000).trim();
    const deal = edited(loadExample('pharma-licence'), (d) => {
      d.title = 'Helix\u0000 Bio\u0007 deal\u000b';
      d.parties[1]!.name = 'North\u202Ewind\u202C Pharma\u200B\u2066';
      d.termSheet!.sections!.push({ heading: 'Bell\u0007 and NUL\u0000', text: `Line one\r\nLine two\u0001\n\n${long}` });
    });
    const doc = build(deal);
    expect(spansText(doc.title)).toBe('Helix Bio deal');
    const all = allText(doc);
    // eslint-disable-next-line no-control-regex
    expect(all).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(all).toContain('Northwind Pharma pays Helix Bio a royalty');
    expect(all).toContain('Bell and NUL');
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

  it('keeps the traceability (file, scenario, seed, version) in the internal draft, and the body the same as the counterparty draft', () => {
    const internal = build(undefined, { audience: 'internal', valuation: { result: valuation } });
    expect(internal.footer).toBe('deal.deal · Scenario: Base case · Deal abc123def456 · Seed 20270301 · Dealwright 9.9.9');
    expect(internal.draftLine).toBe('Internal draft · Scenario: Base case · 3 March 2027');
    const counterparty = build();
    const bodyOf = (d: TermSheetDoc) => d.blocks.slice(0, d.blocks.findIndex((b) => b.key === 'appendix:break') >= 0 ? d.blocks.findIndex((b) => b.key === 'appendix:break') : d.blocks.length).map(blockText);
    expect(bodyOf(internal)).toEqual(bodyOf(counterparty));
  });

  it('adds the valuation appendix: walk-aways, discount rates, P10/P50/P90 and the 90% range named as such, model timing, charts', () => {
    const doc = build(undefined, { audience: 'internal', valuation: { result: valuation } });
    expect(doc.marking).toContain('INTERNAL');
    expect(rows(table(doc, 'table:valuation'))[0]).toEqual(['Helix Bio', '13%', '$45.0M', '$63.8M', '56.8%']);
    expect(table(doc, 'table:percentiles').columns.map((c) => c.header)).toEqual(['Party', 'P10', 'P50 (median)', 'P90', '90% range (P5 to P95)']);
    expect(rows(table(doc, 'table:percentiles'))[0]).toEqual(['Helix Bio', '$33.8M', '$61.8M', '$93.8M', '$22.3M to $116.5M']);
    const all = allText(doc);
    expect(all).toContain('Chance that every party beats its walk-away: 43.2%');
    expect(all).toContain('The 90% range runs from P5 to P95');
    expect(rows(table(doc, 'table:modelTiming'))).toContainEqual(['Upfront payment', 'Within 10 business days of signing the definitive agreement', 'Period 0 (2027)', 'None']);
    expect(rows(table(doc, 'table:modelTiming'))).toContainEqual([
      'Annual Net Sales milestone',
      'Within 60 days after the end of the first calendar year in which Net Sales exceed $500.0M',
      'The first year net sales ≥ 500',
      'None',
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'chart').map((b) => b.key)).toEqual(['appendix:hist:licensor', 'appendix:hist:licensee']);
    expect(rows(table(doc, 'table:assumptions'))).toContainEqual(['Peak annual net sales', 'Lognormal: median 650, 90th percentile 1,400']);
  });

  it('states a termination hazard only in the appendix', () => {
    const saasValuation: ValuationResult = { ...valuation, parties: { ledgerly: valuation.parties.licensor!, atlas: valuation.parties.licensee! } };
    const doc = build(loadExample('saas-alliance'), { audience: 'internal', valuation: { result: saasValuation } });
    const appendixAt = doc.blocks.findIndex((b) => b.key === 'appendix:break');
    expect(doc.blocks.slice(0, appendixAt).map(blockText).join('\n')).not.toContain('2%');
    expect(rows(table(doc, 'table:modelTiming')).find((r) => r[0] === 'Exit on change of strategy')![2]).toBe('2% chance per quarter, from period 4 (Q1 2028)');
  });

  it('carries the scenario notes into the internal appendix only', () => {
    const internal = build(undefined, { audience: 'internal', scenarioId: 'ask', valuation: { result: { ...valuation, scenario: 'ask' } } });
    expect(allText(internal)).toContain('Scenario notes: Lead with cash up front.');
    expect(allText(build(undefined, { scenarioId: 'ask' }))).not.toContain('Lead with cash up front.');
  });
});

describe('buildTermSheet: the terms real deals are written in', () => {
  // A quarterly licence from April 2027: calendar-year tiers, a step-down, a cap, dates, a cumulative sales milestone.
  const quarterly = edited(loadExample('pharma-licence'), (d) => {
    d.timeline = { start: '2027-04', periods: 40, step: 'quarter' };
    d.inputs.shock = { label: 'Demand shock', dist: 'normal', mean: 1, sd: 0.1, per: 'period' };
    const royalty = d.terms.find((t) => t.id === 'royalty') as Extract<(typeof d.terms)[number], { type: 'royalty' }>;
    royalty.basis = 'calendarYear';
    royalty.until = '2035-06';
    royalty.cap = 900;
    royalty.adjustments = [royalty.adjustments![0]!, { when: 't >= 30', factor: 0.8 }];
    const sales = d.terms.find((t) => t.id === 'sales500') as Extract<(typeof d.terms)[number], { type: 'salesMilestone' }>;
    sales.basis = 'cumulative';
    sales.trigger = undefined;
    const upfront = d.terms.find((t) => t.id === 'upfront') as Extract<(typeof d.terms)[number], { type: 'payment' }>;
    upfront.at = '2027-Q3';
    upfront.trigger = undefined;
  });
  const doc = build(quarterly);
  const body = allText(doc);

  it('prints the bands on calendar-year sales, the step-downs by their labels, the cap and the royalty term as dates', () => {
    expect(table(doc, 'table:royalty').columns.map((c) => c.header)).toEqual(['Net Sales in a calendar year', 'Royalty rate']);
    expect(body).toContain('bands are measured on Net Sales in the calendar year to date and restart each calendar year');
    expect(body).toContain('Generic entry: royalties for any calendar quarter in which generic entry applies are payable at 50% of the amounts otherwise due.');
    expect(body).toContain('Adjustment 2: royalties for any calendar quarter in which adjustment 2 applies are payable at 80% of the amounts otherwise due.');
    expect(body).toContain('Where more than one reduction applies to the same calendar quarter, they are applied one after the other (the percentages multiply).');
    expect(body).toContain('Royalty cap: total royalties payable under this agreement shall not exceed $900.0M;');
    expect(body).toContain('Royalty term: royalties are payable on Net Sales up to and including June 2035.');
  });

  it('words a date as a date and a cumulative sales milestone as such', () => {
    expect(rows(table(doc, 'table:payments'))[0]).toEqual(['Upfront payment', '$25.0M', 'In Q3 2027', 'Northwind Pharma', 'Helix Bio']);
    expect(table(doc, 'table:salesMilestones').columns[1]!.header).toBe('Cumulative Net Sales');
    expect(rows(table(doc, 'table:salesMilestones'))[0]![3]).toBe('Within 60 days after the end of the calendar quarter in which cumulative Net Sales first exceed $500.0M');
  });

  it('never prints the model behind them: conditions, the entry period, the per-period input', () => {
    for (const internal of ['genericEntry', 't >= ', 'First generic entry', 'Demand shock', 'shock', 'calendarYear']) expect(body).not.toContain(internal);
  });

  it('states them in the internal appendix as the model times them', () => {
    const timing = modelTimingBlocks(quarterly).find((b): b is TableBlock => b.kind === 'table')!;
    expect(rows(timing).find((r) => r[0] === 'Royalties on net sales')![2]).toBe(
      'Every quarter on calendar-year-to-date net sales, up to June 2035 (period 33), × 0.5 while the period ≥ First generic entry (period), × 0.8 while the period ≥ 30, capped at 900 in total',
    );
    expect(rows(timing).find((r) => r[0] === 'Upfront payment')![2]).toBe('Q3 2027 (period 1)');
  });
});
