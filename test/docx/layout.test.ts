// Layout and text hygiene as the other side's counsel sees it in LibreOffice: no blank
// trailing page wherever the last table ends, no party name broken inside a word with
// eight parties, right-to-left paragraphs marked, invisible bidi controls gone, headers
// and footers valid WordprocessingML.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRedline, exportTermSheet, type ExportResult } from '../../host/docx/export-term-sheet';
import { writeTermSheetDocx } from '../../host/docx/write-docx';
import { writeFileAtomic } from '../../host/documents/atomic-write';
import type { Block, TermSheetDoc } from '../../shared/termsheet/content';
import { plain } from '../../shared/termsheet/content';
import type { Deal } from '../../shared/model/schema';
import { edited, loadExample } from '../unit/termsheet/load-example';
import { convertToPdf, pdfPages, schemaErrors, unzipParts } from './docx-tools';

const dir = mkdtempSync(join(tmpdir(), 'dw-layout-'));
const date = new Date(Date.UTC(2027, 2, 3));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ok(r: ExportResult): string {
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.path;
}

function pdfText(pdf: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return spawnSync('pdftotext', [...args, '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
}

/** A document whose last block is a table, after `filler` paragraphs: some `filler` puts the table's end at the foot of a page. */
function endsWithTable(filler: number): TermSheetDoc {
  const blocks: Block[] = [{ kind: 'heading', key: 'h', level: 1, spans: plain('Terms') }];
  for (let i = 0; i < filler; i++) blocks.push({ kind: 'paragraph', key: `p${i}`, style: 'body', spans: plain(`Clause ${i + 1}. The parties agree on this clause.`) });
  blocks.push({
    kind: 'table',
    key: 't',
    title: 'Schedule',
    columns: [
      { header: 'Item', weight: 50, align: 'left' },
      { header: 'Amount', weight: 50, align: 'right' },
    ],
    rows: Array.from({ length: 8 }, (_v, i) => ({ key: `r${i}`, cells: [plain(`Item ${i + 1}`), plain(`$${i + 1}.0M`)] })),
  });
  return { audience: 'counterparty', title: plain('Layout check'), subtitle: 'Term sheet', draftLine: 'Draft 1', date: '3 March 2027', marking: 'CONFIDENTIAL', legend: 'Non-binding', footer: 'Draft 1', properties: { title: 'Layout check', subject: 'Draft 1' }, blocks };
}

const PARTY_NAMES = ['Solara Technologies', 'Kestrel Hydrogenation', 'Northwind Pharmaceuticals', 'Helix Biotechnologies', 'Quorvex Instrumentation', 'Zephyr Infrastructures', 'Meridian Semiconductors', 'Borealis Geothermal'];

function eightParties(): Deal {
  return edited(loadExample('saas-alliance'), (d) => {
    d.parties = PARTY_NAMES.map((name, i) => ({ id: `p${i}`, name, legalName: `${name} Holdings Limited`, discountRate: 0.1, walkAway: 0 }));
    d.us = 'p0';
    const even = (v: number) => Object.fromEntries(PARTY_NAMES.map((_n, i) => [`p${i}`, v]));
    d.terms = d.terms
      .filter((t) => t.type !== 'cashflow')
      .map((t) => {
        if (t.type === 'revenueShare') return { ...t, tiers: [{ upTo: 500, shares: even(0.125) }, { upTo: 900, shares: even(0.125) }, { shares: even(0.125) }] };
        if (t.type === 'costShare') return { ...t, shares: even(0.125) };
        if (t.type === 'termination') return { ...t, fee: { from: 'p1', to: 'p0', amount: 250 } };
        return t;
      });
    d.scenarios = [{ id: 'base', name: 'Base case', set: {} }];
    d.sliders = [];
    d.termSheet!.summary = 'Eight partners share the revenue of an alliance.';
    d.termSheet!.sections = d.termSheet!.sections!.map((s) => ({ ...s, text: s.text.replace(/\{\{parties\.[a-z]+\.name\}\}/g, 'each partner') }));
  });
}

const FILLERS = Array.from({ length: 24 }, (_v, i) => 12 + i);
const files: Record<string, string> = {};

beforeAll(async () => {
  for (const n of FILLERS) {
    const path = join(dir, `ends-with-table-${n}.docx`);
    await writeFileAtomic(path, await writeTermSheetDocx(endsWithTable(n), { paper: 'A4', revisionDate: '2027-03-03T00:00:00Z' }));
    files[`table-${n}`] = path;
  }
  files.eight = ok(await exportTermSheet({ deal: eightParties(), fileName: 'eight.deal', audience: 'counterparty', paper: 'A4', outPath: join(dir, 'eight.docx'), date }, '0.1.0'));
  const rtl = edited(loadExample('pharma-licence'), (d) => {
    d.parties[1]!.name = 'شركة الشمال للأدوية';
    d.terms.find((t) => t.id === 'upfront')!.label = 'Upfront\u202E payment\u202C\u2066';
    d.termSheet!.sections!.push({ heading: 'סודיות', text: 'כל המידע שהוחלף בין הצדדים הוא סודי.\n\nThe English version prevails.' });
  });
  files.rtl = ok(await exportTermSheet({ deal: rtl, fileName: 'rtl.deal', audience: 'counterparty', paper: 'A4', outPath: join(dir, 'rtl.docx'), date }, '0.1.0'));
  const pharma = loadExample('pharma-licence');
  files.redline = ok(await exportRedline({ old: { deal: pharma, fileName: 'a.deal', scenarioId: 'base' }, new: { deal: rtl, fileName: 'b.deal', scenarioId: 'ask' }, paper: 'Letter', outPath: join(dir, 'redline.docx'), date }, '0.1.0'));
  convertToPdf(Object.values(files), dir);
}, 180_000);

describe('pages', () => {
  it('never ends on a blank page, wherever the last table ends', () => {
    const counts = new Set<number>();
    for (const n of FILLERS) {
      const pdf = files[`table-${n}`]!.replace(/\.docx$/, '.pdf');
      const pages = pdfPages(pdf);
      counts.add(pages);
      const last = pdfText(pdf, pages).replace(/Draft 1|CONFIDENTIAL|Page \d+ of \d+|\s/g, '');
      expect(last, `${n} clauses: page ${pages} is blank`).not.toBe('');
    }
    // Positive control: the fillers do move the table across a page boundary.
    expect(counts.size).toBeGreaterThan(1);
  });
});

describe('eight parties', () => {
  it('prints every party name whole: tables turn to one row per party rather than squeeze names into columns', () => {
    const text = pdfText(files.eight!.replace(/\.docx$/, '.pdf'));
    const words = new Set(text.split(/\s+/).filter(Boolean));
    for (const name of PARTY_NAMES) {
      for (const word of name.split(' ').filter((w) => w.length >= 8)) {
        const fragments = [...words].filter((t) => t !== word && t.length >= 4 && (word.startsWith(t) || word.endsWith(t)));
        expect(fragments, `${word} broken`).toEqual([]);
        expect(words.has(word), word).toBe(true);
      }
    }
  });
});

describe('right-to-left text and invisible controls', () => {
  it('marks right-to-left paragraphs and cells as such, and drops bidi overrides from every part', async () => {
    const parts = await unzipParts(files.rtl!);
    const xml = parts['word/document.xml']!;
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
    const rtl = paragraphs.filter((p) => /[\u0590-\u08FF]/.test(p));
    expect(rtl.length).toBeGreaterThan(3);
    let marked = 0;
    for (const p of rtl) {
      // The paragraph's visible text; its first letter decides its direction.
      const visible = [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      const rightToLeft = /[\u0590-\u08FF]/.test(/[A-Za-z\u0590-\u08FF]/.exec(visible)?.[0] ?? '');
      expect(p.includes('<w:bidi/>'), visible).toBe(rightToLeft);
      if (rightToLeft) marked++;
    }
    expect(marked).toBeGreaterThan(2);
    expect(paragraphs.find((p) => p.includes('The English version prevails.'))).not.toContain('<w:bidi/>');
    for (const [name, content] of Object.entries(parts)) expect(content, name).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
    expect(xml).toContain('Upfront payment');
  });

  it('keeps document, headers and footers valid WordprocessingML', async () => {
    for (const path of [files.rtl!, files.redline!, files.eight!]) {
      for (const part of ['word/document.xml', 'word/header1.xml', 'word/footer1.xml']) expect(await schemaErrors(path, dir, part), `${path} ${part}`).toBe('');
    }
  });
});
