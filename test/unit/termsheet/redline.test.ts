// The redline marks every difference between two versions of the terms and summarises them at the top.
import { describe, expect, it } from 'vitest';
import { buildRedline, type RedlineSide } from '../../../shared/termsheet/redline';
import type { Block, TableBlock, TermSheetDoc } from '../../../shared/termsheet/content';
import type { Deal } from '../../../shared/model/schema';
import { edited, loadExample } from './load-example';

const options = { appVersion: '9.9.9', date: new Date(Date.UTC(2027, 2, 3)) };
const side = (deal: Deal, scenarioId?: string, fileName = 'deal.deal'): RedlineSide => ({ deal, scenarioId, fileName, contentHash: 'h' });

function redline(oldSide: RedlineSide, newSide: RedlineSide): TermSheetDoc {
  const r = buildRedline(oldSide, newSide, options);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.doc;
}

const table = (doc: TermSheetDoc, key: string) => doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.key === key)!;
const changes = (doc: TermSheetDoc) =>
  doc.blocks.flatMap((b: Block) => ('spans' in b ? b.spans : b.kind === 'table' ? b.rows.flatMap((r) => r.cells.flat()) : [])).filter((s) => s.change);

describe('buildRedline between two scenarios of one deal', () => {
  const pharma = loadExample('pharma-licence');
  const doc = redline(side(pharma, 'base'), side(pharma, 'ask'));

  it('summarises the changed figures at the top', () => {
    expect(doc.changeSummary).toEqual(['Upfront payment: $25.0M → $40.0M', 'Royalties on net sales, Tier 3: 12% → 14%']);
    expect(doc.scenarioName).toBe('Base case → Opening ask');
  });

  it('marks the old figure deleted and the new one inserted, cell by cell', () => {
    const upfront = table(doc, 'table:payments').rows.find((r) => r.key === 'upfront')!;
    expect(upfront.cells[2]).toEqual([
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
});

describe('buildRedline between two versions of a file', () => {
  const before = loadExample('pharma-licence');
  const after = edited(before, (d) => {
    d.terms = d.terms.filter((t) => t.id !== 'mFiling');
    d.terms.push({ id: 'mEU', type: 'payment', label: 'EU approval', from: 'licensee', to: 'licensor', amount: 15, at: 6 });
    d.termSheet!.sections![0]!.text = d.termSheet!.sections![0]!.text.replace('exclusive', 'non-exclusive');
    d.termSheet!.sections!.push({ heading: 'Audit', text: 'Annual audit rights.' });
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

  it('marks changed wording word by word and new sections as insertions', () => {
    const licence = doc.blocks.find((b) => b.key === 'section:Licence:p0');
    expect(licence && 'spans' in licence ? licence.spans.filter((s) => s.change) : []).toEqual([
      { text: 'exclusive,', change: 'del' },
      { text: 'non-exclusive,', change: 'ins' },
    ]);
    expect(doc.changeSummary).toContain('Licence: exclusive, → non-exclusive,');
    expect(doc.changeSummary).toContain('Added: Audit');
    // The new section's heading line covers its text.
    expect(doc.changeSummary).not.toContain('Audit: wording added');
    const audit = doc.blocks.find((b) => b.key === 'section:Audit:p0');
    expect(audit && 'spans' in audit ? audit.spans : []).toEqual([{ text: 'Annual audit rights.', change: 'ins' }]);
    expect(doc.changeSummary).toContain('Success metrics at 12 months, Phase II enrolment: first 40 patients dosed → first 60 patients dosed');
  });

  it('names both versions in the footer', () => {
    expect(doc.footer).toContain('Redline of v1.deal (Base case, deal h) → v2.deal (Base case, deal h)');
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
