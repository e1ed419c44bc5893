// The redline tracks every difference between two versions of the terms, whole where a lawyer expects it whole, and summarises only real changes.
import { describe, expect, it } from 'vitest';
import { buildRedline, type RedlineSide } from '../../../shared/termsheet/redline';
import { tokens } from '../../../shared/termsheet/redline-text';
import { spansText, type Block, type Span, type TableBlock, type TermSheetDoc } from '../../../shared/termsheet/content';
import type { Deal } from '../../../shared/model/schema';
import { edited, loadExample } from './load-example';

const options = { appVersion: '9.9.9', date: new Date(Date.UTC(2027, 2, 3)) };
const side = (deal: Deal, scenarioId?: string, fileName = 'deal.deal'): RedlineSide => ({ deal, scenarioId, fileName, contentHash: 'h' });

function redline(oldSide: RedlineSide, newSide: RedlineSide, draft?: string): TermSheetDoc {
  const r = buildRedline(oldSide, newSide, { ...options, draft });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.doc;
}

const table = (doc: TermSheetDoc, key: string) => doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.key === key)!;
const allSpans = (doc: TermSheetDoc): Span[] => doc.blocks.flatMap((b: Block) => ('spans' in b ? b.spans : b.kind === 'table' ? b.rows.flatMap((r) => r.cells.flat()) : []));
const changes = (doc: TermSheetDoc) => allSpans(doc).filter((s) => s.change);
const text = (s: string) => s.replace(/\u00A0/g, ' ');

/** The text a reader gets after Accept All (keep insertions, drop deletions) or Reject All (the reverse), block by block. */
function resolved(doc: TermSheetDoc, how: 'accept' | 'reject'): string[] {
  const drop = how === 'accept' ? 'del' : 'ins';
  const keep = (spans: readonly Span[]) => spans.filter((s) => s.change !== drop).map((s) => s.text).join('');
  return doc.blocks.flatMap((b): string[] => {
    if (b.kind === 'table') {
      if (b.change === drop) return [];
      return b.rows.filter((r) => r.change !== drop).map((r) => r.cells.map(keep).join(' | '));
    }
    if (!('spans' in b) || b.change === drop) return [];
    return [keep(b.spans)];
  });
}
function plainText(doc: TermSheetDoc): string[] {
  return doc.blocks.flatMap((b): string[] => (b.kind === 'table' ? b.rows.map((r) => r.cells.map(spansText).join(' | ')) : 'spans' in b ? [spansText(b.spans)] : []));
}
function plain(deal: Deal, scenarioId?: string): TermSheetDoc {
  // A redline of a version with itself is its plain term sheet (no changes).
  return redline(side(deal, scenarioId), side(deal, scenarioId));
}

describe('buildRedline between two scenarios of one deal', () => {
  const pharma = loadExample('pharma-licence');
  const doc = redline(side(pharma, 'base'), side(pharma, 'ask'), 'Draft 2');

  it('summarises the changed figures at the top, and names neither scenario anywhere', () => {
    expect(doc.changeSummary).toEqual(['Upfront payment: $25.0M → $40.0M', 'Royalties on net sales, above $800.0M: 12% → 14%']);
    expect(doc.draftLine).toBe('Draft 2, with changes tracked against the previous draft · 3 March 2027 · Subject to contract');
    const everything = [doc.draftLine, doc.footer, doc.properties.title, doc.properties.subject, ...plainText(doc), ...doc.changeSummary!].join('\n');
    for (const s of ['Base case', 'Opening ask', 'deal.deal', 'Dealwright', '20270301', 'Lead with cash']) expect(everything).not.toContain(s);
  });

  it('marks the old figure deleted and the new one inserted, cell by cell', () => {
    const upfront = table(doc, 'table:payments').rows.find((r) => r.key === 'upfront')!;
    expect(upfront.cells[1]).toEqual([
      { text: '$25.0M', change: 'del' },
      { text: '$40.0M', change: 'ins' },
    ]);
    expect(upfront.cells[0]).toEqual([{ text: 'Upfront payment' }]);
    expect(changes(doc).map((s) => `${s.change}:${s.text}`)).toEqual(['del:$25.0M', 'ins:$40.0M', 'del:12%', 'ins:14%']);
  });

  it('is built for the counterparty: terms only', () => {
    expect(doc.audience).toBe('counterparty');
    expect(doc.blocks.some((b) => b.kind === 'chart')).toBe(false);
  });

  it('names the party and the column for a change of stakes', () => {
    const jv = loadExample('jv-equity');
    expect(redline(side(jv, 'base'), side(jv, 'kestrel60')).changeSummary).toEqual([
      'Joint venture, Solara Technologies, Equity stake: 50% → 40%',
      'Joint venture, Kestrel Energy, Equity stake: 50% → 60%',
    ]);
  });

  it('reports no changes between identical terms', () => {
    const same = redline(side(pharma, 'base'), side(pharma, 'base'));
    expect(same.changeSummary).toEqual([]);
    expect(changes(same)).toEqual([]);
  });

  it('refuses a draft label that is the name of either scenario', () => {
    const r = buildRedline(side(pharma, 'base'), side(pharma, 'ask'), { ...options, draft: 'Opening ask' });
    expect(r.ok).toBe(false);
  });
});

describe('tiers are matched by their bands', () => {
  const before = loadExample('pharma-licence');
  const withTiers = (tiers: { upTo?: number; rate: number }[]) =>
    edited(before, (d) => {
      const r = d.terms.find((t) => t.id === 'royalty')!;
      if (r.type === 'royalty') r.tiers = tiers;
    });

  it('reads a tier inserted in the middle as one added band, not a cascade of rate cuts', () => {
    const after = withTiers([{ upTo: 300, rate: 0.07 }, { upTo: 500, rate: 0.08 }, { upTo: 800, rate: 0.09 }, { rate: 0.12 }]);
    const doc = redline(side(before, undefined, 'v1.deal'), side(after, undefined, 'v2.deal'));
    expect(doc.changeSummary).toEqual(['Royalties on net sales: band $300.0M to $500.0M added at 8%']);
    const rows = table(doc, 'table:royalty').rows;
    expect(rows.map((r) => r.change ?? '-')).toEqual(['-', 'ins', '-', '-']);
    // The 9% band keeps its rate; only its lower bound follows the new band.
    expect(rows[2]!.cells[1]).toEqual([{ text: '9%' }]);
    expect(text(spansText(rows[2]!.cells[0]!.filter((s) => s.change !== 'del')))).toBe('$500.0M to $800.0M');
  });

  it('reads a moved threshold as one band limit change, and a rate change as one rate change', () => {
    const moved = redline(side(before), side(withTiers([{ upTo: 350, rate: 0.07 }, { upTo: 800, rate: 0.09 }, { rate: 0.12 }])));
    expect(moved.changeSummary).toEqual(['Royalties on net sales: band limit $300.0M → $350.0M']);
    const rate = redline(side(before), side(withTiers([{ upTo: 300, rate: 0.07 }, { upTo: 800, rate: 0.085 }, { rate: 0.12 }])));
    expect(rate.changeSummary).toEqual(['Royalties on net sales, $300.0M to $800.0M: 9% → 8.5%']);
  });

  it('reads a removed top tier as a removed band', () => {
    const doc = redline(side(before), side(withTiers([{ upTo: 300, rate: 0.07 }, { rate: 0.09 }])));
    expect(doc.changeSummary).toEqual(['Royalties on net sales: band above $800.0M removed (was 12%)']);
  });
});

describe('buildRedline between two versions of a file', () => {
  const before = loadExample('pharma-licence');
  const after = edited(before, (d) => {
    d.terms = d.terms.filter((t) => t.id !== 'mFiling');
    d.terms.push({ id: 'mEU', type: 'payment', label: 'EU approval', from: 'licensee', to: 'licensor', amount: 15, at: 6, trigger: 'within 30 days of EU approval' });
    const sections = d.termSheet!.sections!;
    sections.find((s) => s.heading === 'Licence')!.text = sections.find((s) => s.heading === 'Licence')!.text.replace('exclusive', 'non-exclusive');
    d.termSheet!.sections = sections.filter((s) => s.heading !== 'Confidentiality');
    d.termSheet!.sections.push({ heading: 'Audit', text: 'Annual audit rights.' });
    d.termSheet!.successMetrics![0]!.target = 'first 60 patients dosed';
  });
  const doc = redline(side(before, undefined, 'v1.deal'), side(after, undefined, 'v2.deal'));

  it('marks removed and added rows as whole-row changes', () => {
    const payments = table(doc, 'table:payments');
    expect(payments.rows.find((r) => r.key === 'mFiling')!.change).toBe('del');
    expect(payments.rows.find((r) => r.key === 'mEU')!.change).toBe('ins');
    expect(doc.changeSummary).toContain('Removed: Regulatory filing accepted');
    expect(doc.changeSummary).toContain('Added: EU approval');
  });

  it('tracks whole sections whole: heading and paragraphs, paragraph marks included', () => {
    const removed = doc.blocks.filter((b) => b.key.startsWith('section:Confidentiality'));
    expect(removed.map((b) => ('change' in b ? b.change : undefined))).toEqual(['del', 'del']);
    const added = doc.blocks.filter((b) => b.key.startsWith('section:Audit'));
    expect(added.map((b) => ('change' in b ? b.change : undefined))).toEqual(['ins', 'ins']);
    expect(doc.changeSummary).toContain('Removed: section “Confidentiality”');
    expect(doc.changeSummary).toContain('Added: section “Audit”');
    expect(doc.changeSummary).not.toContain('Audit: paragraph added');
  });

  it('marks changed wording token by token, punctuation on its own', () => {
    const licence = doc.blocks.find((b) => b.key === 'section:Licence:p0');
    expect(licence && 'spans' in licence ? licence.spans.filter((s) => s.change) : []).toEqual([
      { text: 'exclusive', change: 'del' },
      { text: 'non-exclusive', change: 'ins' },
    ]);
    expect(doc.changeSummary).toContain('Licence: exclusive → non-exclusive');
    expect(doc.changeSummary).toContain('Success metrics at 12 months, Phase II enrolment: first 40 patients dosed → first 60 patients dosed');
  });

  it('gives exactly the new version on Accept All and the old one on Reject All', () => {
    expect(resolved(doc, 'accept')).toEqual(plainText(plain(after)));
    expect(resolved(doc, 'reject')).toEqual(plainText(plain(before)));
  });

  it('names neither file in the document', () => {
    expect([doc.footer, doc.draftLine, ...plainText(doc)].join('\n')).not.toMatch(/v[12]\.deal/);
  });

  it('reports a problem in either version with the file it is in', () => {
    const broken = edited(after, (d) => {
      d.termSheet!.sections![1]!.text = '{{nope}}';
    });
    const r = buildRedline(side(before, undefined, 'v1.deal'), side(broken, undefined, 'v2.deal'), options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toEqual({ path: 'termSheet.sections[1].text', message: expect.stringMatching(/unknown placeholder "\{\{nope\}\}".*\(v2\.deal\)$/) });
  });
});

describe('moved and reworded sections', () => {
  const before = loadExample('saas-alliance');

  it('shows a section that only changed place as moved, at both places', () => {
    const after = edited(before, (d) => {
      const sections = d.termSheet!.sections!;
      const law = sections.findIndex((s) => s.heading === 'Governing law and disputes');
      const [moved] = sections.splice(law, 1);
      sections.splice(sections.findIndex((s) => s.heading === 'Confidentiality'), 0, moved!);
    });
    const doc = redline(side(before), side(after));
    expect(doc.changeSummary).toEqual(['Moved: section “Governing law and disputes”']);
    const copies = doc.blocks.filter((b) => b.key === 'section:Governing law and disputes');
    expect(copies.map((b) => ('change' in b ? [b.change, b.moved] : []))).toEqual([
      ['ins', true],
      ['del', true],
    ]);
    expect(resolved(doc, 'accept')).toEqual(plainText(plain(after)));
    expect(resolved(doc, 'reject')).toEqual(plainText(plain(before)));
  });

  it('matches a section whose heading was reworded to its old self', () => {
    const after = edited(before, (d) => {
      d.termSheet!.sections!.find((s) => s.heading === 'Governance')!.heading = 'Alliance governance';
    });
    const doc = redline(side(before), side(after));
    expect(doc.changeSummary).toEqual(['Heading: Governance → Alliance governance']);
    expect(resolved(doc, 'accept')).toEqual(plainText(plain(after)));
  });
});

describe('redline tokens', () => {
  it('keeps figures and words whole, and punctuation on its own', () => {
    expect(tokens('Pay $25.0M, 7.125% (or €1,200k) in 2029.')).toEqual(['Pay', ' ', '$25.0M', ',', ' ', '7.125%', ' ', '(', 'or', ' ', '€1,200k', ')', ' ', 'in', ' ', '2029', '.']);
    expect(tokens("party's non-exclusive Q1\u00A02028")).toEqual(["party's", ' ', 'non-exclusive', ' ', 'Q1', '\u00A0', '2028']);
  });
});
