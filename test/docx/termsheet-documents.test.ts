// Generated term sheets as a lawyer receives them: valid WordprocessingML, the
// scenario's numbers and clauses readable by another program, tracked changes in
// a redline, nothing of our valuation in a counterparty package, robust to
// hostile text, and convertible to PDF pages by LibreOffice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRedline, exportTermSheet, type ExportResult } from '../../host/docx/export-term-sheet';
import type { Paper } from '../../host/docx/styles';
import { createInProcessRunner } from '../../host/valuation/in-process';
import { formatMoney, formatMoneyEstimate } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import type { Deal } from '../../shared/model/schema';
import { EXAMPLES, edited, loadExample, type ExampleName } from '../unit/termsheet/load-example';
import { convertToPdf, pdfPages, readBack, readerText, schemaErrors, toolsMissing, unzipParts } from './docx-tools';

const dir = mkdtempSync(join(tmpdir(), 'dw-termsheets-'));
const date = new Date(Date.UTC(2027, 2, 3));
const PAPER: Record<ExampleName, Paper> = { 'pharma-licence': 'A4', 'saas-alliance': 'Letter', 'jv-equity': 'A4' };
const LONG = `${'Confidential information includes all data exchanged. '.repeat(1900)}END`;
const files: Record<string, string> = {};

function expectOk(r: ExportResult): string {
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.path;
}

/** A deal whose walk-aways and discount rates are numbers that cannot occur by chance in the terms. */
function withDistinctiveSecrets(deal: Deal): Deal {
  return edited(deal, (d) => {
    d.parties.forEach((p, i) => {
      p.walkAway = 41.37 + i * 7.11;
      p.discountRate = 0.1337 + i * 0.0211;
    });
  });
}

const hostile = edited(loadExample('pharma-licence'), (d) => {
  d.title = `Helix\u0000 Bio \u0007deal \u001b[31m${'very long title '.repeat(20)}`;
  d.parties[0]!.name = 'Helix\u000b Bio\uFFFF';
  d.terms[0]!.label = 'Upfront\u0008 payment \uD800';
  d.termSheet!.placeholders!.territory = 'the EU\u0000 and <Switzerland> & "Norway"';
  d.termSheet!.sections!.push({ heading: 'Boilerplate\u0001', text: `Tab\there, CR\r\nnext line.\n\n${LONG}` });
});

// The real engine, in process; few iterations keep the suite quick (the appendix states the count used).
const runner = createInProcessRunner();
afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  const missing = toolsMissing();
  if (missing) throw new Error(`document tests need ${missing}`);
  for (const name of EXAMPLES) {
    files[`${name}-internal`] = expectOk(
      await exportTermSheet(
        { deal: loadExample(name), fileName: `${name}.deal`, audience: 'internal', paper: PAPER[name], outPath: join(dir, `${name}-internal.docx`), date, iterations: 4000 },
        '0.1.0',
        runner,
      ),
    );
    files[`${name}`] = expectOk(
      await exportTermSheet({ deal: loadExample(name), fileName: `${name}.deal`, audience: 'counterparty', paper: PAPER[name], outPath: join(dir, `${name}.docx`), date }, '0.1.0'),
    );
    files[`${name}-secrets`] = expectOk(
      await exportTermSheet(
        { deal: withDistinctiveSecrets(loadExample(name)), fileName: `${name}.deal`, audience: 'counterparty', paper: 'A4', outPath: join(dir, `${name}-secrets.docx`), date },
        '0.1.0',
      ),
    );
  }
  const pharma = loadExample('pharma-licence');
  files.redline = expectOk(
    await exportRedline(
      { old: { deal: pharma, fileName: 'pharma-licence.deal', scenarioId: 'base' }, new: { deal: pharma, fileName: 'pharma-licence.deal', scenarioId: 'ask' }, paper: 'A4', outPath: join(dir, 'redline.docx'), date, author: 'Ann Lee', draft: 'Draft 2' },
      '0.1.0',
    ),
  );
  files.redlineDefaultAuthor = expectOk(
    await exportRedline({ old: { deal: pharma, fileName: 'pharma-licence.deal', scenarioId: 'base' }, new: { deal: pharma, fileName: 'pharma-licence.deal', scenarioId: 'fallback' }, paper: 'A4', outPath: join(dir, 'redline-default-author.docx'), date }, '0.1.0'),
  );
  files.rounds = expectOk(
    await exportRedline({ old: { deal: pharma, fileName: 'pharma-licence.deal', scenarioId: 'r1' }, new: { deal: pharma, fileName: 'pharma-licence.deal', scenarioId: 'r2' }, paper: 'A4', outPath: join(dir, 'rounds.docx'), date, draft: 'Draft 3' }, '0.1.0'),
  );
  files.hostile = expectOk(await exportTermSheet({ deal: hostile, fileName: 'hostile\u0007.deal', audience: 'counterparty', paper: 'A4', outPath: join(dir, 'hostile.docx'), date }, '0.1.0'));
}, 120_000);

describe('every generated document', () => {
  it('validates against the WordprocessingML 2010 schema', async () => {
    for (const [name, path] of Object.entries(files)) expect(await schemaErrors(path, dir), name).toBe('');
  });

  it('defines its styles once: headings, the house table style (used by every table) and numbering', async () => {
    const parts = await unzipParts(files['pharma-licence']!);
    expect(await schemaErrors(files['pharma-licence']!, dir, 'word/styles.xml')).toBe('');
    const styles = parts['word/styles.xml']!;
    expect(styles.match(/w:styleId="DwTable"/g)).toHaveLength(1);
    for (const id of ['Heading1', 'Heading2', 'Title']) expect(styles).toContain(`w:styleId="${id}"`);
    const xml = parts['word/document.xml']!;
    expect(xml.match(/<w:tblStyle w:val="DwTable"\/>/g)?.length).toBe(xml.match(/<w:tbl>/g)?.length);
    expect(parts['word/numbering.xml']).toContain('w:abstractNum');
  });

  it('sets the chosen paper size and fixed table columns in twips that fill the text width', async () => {
    const letter = (await unzipParts(files['saas-alliance']!))['word/document.xml']!;
    const a4 = (await unzipParts(files['pharma-licence']!))['word/document.xml']!;
    expect(letter).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(a4).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    for (const [xml, text] of [[a4, 11906 - 2 * 1418], [letter, 12240 - 2 * 1440]] as const) {
      const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].reduce((s, g) => s + Number(g[1]), 0));
      expect(grids.length).toBeGreaterThan(3);
      for (const total of grids) expect(total).toBe(text);
      expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    }
  });
});

describe('read back with python-docx', () => {
  it('pharma licence: title block, parties, payments with triggers, royalty bands, clauses, metrics, signatures, marking and footer', () => {
    const doc = readBack(files['pharma-licence']!);
    const text = readerText(doc);
    expect(doc.body).toContain('Helix Bio / Northwind Pharma: HX-201 licence');
    expect(doc.body).toContain('Draft 1 · 3 March 2027 · Subject to contract');
    expect(doc.body).toContain('Non-binding term sheet, except for the provisions stated to be binding');
    expect(doc.headers.join(' ')).toContain('CONFIDENTIAL');
    expect(doc.tables).toContainEqual(expect.arrayContaining([['Upfront payment', '$25.0M', 'Within 10 business days of signing the definitive agreement', 'Northwind Pharma', 'Helix Bio']]));
    expect(doc.tables).toContainEqual([
      ['Net Sales in a calendar year', 'Royalty rate'],
      ['Up to $300.0M', '7%'],
      ['$300.0M to $800.0M', '9%'],
      ['Above $800.0M', '12%'],
    ]);
    for (const s of ['$30.0M', '$20.0M', '$60.0M', '$75.0M', 'first calendar year in which Net Sales exceed $500.0M', 'worldwide excluding Japan', 'first 40 patients dosed', 'pivotal trial fully enrolled', 'For and on behalf of Northwind Pharma AG', 'Name: Dr Maya Chen']) {
      expect(text).toContain(s);
    }
    // The footer names the draft, never the file, the scenario, the seed or the tool.
    expect(doc.footers.join(' ')).toContain('Draft 1 · Confidential · Subject to contract');
    expect(text).not.toMatch(/pharma-licence\.deal|Base case|20270301|Dealwright/);
    expect(doc.styles).toEqual(expect.arrayContaining(['Title', 'Heading 1', 'Heading 2']));
  });

  it('SaaS alliance: tiered revenue share in EUR thousand, quarters, exit fee', () => {
    const doc = readBack(files['saas-alliance']!);
    expect(doc.tables).toContainEqual([
      ['Net Revenue in a calendar quarter', 'Ledgerly', 'Atlas Cloud'],
      ['Up to €500k', '70%', '30%'],
      ['Above €500k', '60%', '40%'],
    ]);
    expect(readerText(doc)).toContain('it pays a break fee of €250k');
    expect(doc.tables.flat()).toContainEqual([
      'Exit on change of strategy',
      "On 90 days' written notice by either party after Atlas Cloud withdraws the integration or launches a competing product",
      'Q1\u00A02028',
      '€250k',
      'Atlas Cloud',
      'Ledgerly',
    ]);
  });

  it('joint venture: stakes, contributions and the preferred return', () => {
    const doc = readBack(files['jv-equity']!);
    expect(doc.tables).toContainEqual([
      ['Party', 'Equity stake', 'Capital contribution', 'Contributed'],
      ['Solara Technologies', '50%', '£20.0M', 'At closing'],
      ['Kestrel Energy', '50%', '£40.0M', 'At closing'],
    ]);
    expect(readerText(doc)).toContain('the preferred return of 8% a year, in proportion to the amounts owed;');
  });
});

describe('counterparty package', () => {
  it('contains none of our walk-aways, discount rates or valuation in any part, however formatted', async () => {
    for (const name of EXAMPLES) {
      const deal = withDistinctiveSecrets(loadExample(name));
      const parts = await unzipParts(files[`${name}-secrets`]!);
      const everything = Object.values(parts).join('\n');
      // Positive control: the search does find the terms' own figures in this encoding.
      expect(everything).toContain('Non-binding term sheet, except for the provisions stated to be binding');
      for (const p of deal.parties) {
        const money = { currency: deal.currency, unit: deal.unit };
        const forms = [formatMoney(p.walkAway, money), formatMoney(p.walkAway, { ...money, decimals: 1 }), String(p.walkAway), formatPercent(p.discountRate), formatPercent(p.discountRate, 1), String(p.discountRate), (p.discountRate * 100).toFixed(2)];
        for (const form of forms) expect(everything, `${name}: ${form}`).not.toContain(form);
      }
      for (const word of ['walk-away', 'Walk-away', 'walkAway', 'discount rate', 'NPV', 'Appendix', 'INTERNAL']) expect(everything, `${name}: ${word}`).not.toContain(word);
      expect(Object.keys(parts).some((n) => n.startsWith('word/media/')), `${name}: no charts`).toBe(false);
    }
  });
});

describe('internal term sheet', () => {
  it('adds the valuation appendix: walk-aways, discount rates, statistics, P(beat walk-away), charts and the meaning of ranges', async () => {
    for (const name of EXAMPLES) {
      const deal = loadExample(name);
      const doc = readBack(files[`${name}-internal`]!);
      const text = readerText(doc);
      expect(doc.headers.join(' '), name).toContain('INTERNAL');
      // Traceability lives in the internal draft only.
      expect(doc.footers.join(' '), name).toMatch(new RegExp(`${name}\\.deal · Scenario: Base case · Deal [0-9a-f]{12} · Seed ${deal.simulation.seed} · Dealwright 0\\.1\\.0`));
      expect(text, name).toContain('Appendix: valuation (internal)');
      expect(text, name).toContain('with 4,000 iterations');
      expect(text, name).toContain('90% intervals (5th to 95th percentile)');
      expect(text, name).toMatch(/Chance that every party beats its walk-away: \d+(\.\d)?%/);
      const stats = doc.tables.find((t) => t[0]?.[0] === 'Party' && t[0]?.includes('P(NPV ≥ walk-away)'));
      expect(stats, name).toBeDefined();
      for (const p of deal.parties) {
        const row = stats!.find((r) => r[0] === p.name)!;
        expect(row[1], `${name} ${p.id}`).toBe(formatPercent(p.discountRate));
        expect(row[2], `${name} ${p.id}`).toBe(formatMoney(p.walkAway, { currency: deal.currency, unit: deal.unit, decimals: deal.unit === 'million' ? 1 : 0 }));
        expect(row[4], `${name} ${p.id}`).toMatch(/^\d+(\.\d)?%$/);
      }
      // One histogram per party and the tornado, rendered as PNG images, and the negotiation chart when the deal has rounds.
      const media = Object.keys(await unzipParts(files[`${name}-internal`]!)).filter((n) => /^word\/media\/.+\.png$/.test(n));
      expect(media.length, name).toBe(deal.parties.length + 1 + (deal.negotiation?.rounds.length ? 1 : 0));
    }
  });
});

describe('negotiation rounds in documents', () => {
  it('the internal term sheet gets the negotiation history: every round, its values, its moves and their worth, and the chart', async () => {
    const deal = loadExample('pharma-licence');
    const doc = readBack(files['pharma-licence-internal']!);
    const text = readerText(doc);
    expect(text).toContain('Appendix: negotiation history (internal)');
    const history = doc.tables.find((t) => t[0]?.[0] === 'Date' && t[0]?.[1] === 'Offer')!;
    expect(history.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['2027-03-03', 'Our opening offer (Helix Bio)', 'Countered'],
      ['2027-03-17', 'Northwind counter (Northwind Pharma)', 'Countered'],
      ['2027-04-02', 'Our revised offer (Helix Bio)', 'Open'],
    ]);
    // The figures are the rounds' own valuations with the appendix's iterations (the same seed for every round).
    const r2 = await runner.value({ deal, scenarioId: 'r2', iterations: 4000 });
    expect(history[2]![3]).toBe(formatMoneyEstimate(r2.parties.licensor!.npv.mean, { currency: 'USD', unit: 'million' }).replace(/ /g, '\u00a0'));
    expect(history[2]![4]).toBe(formatPercent(r2.parties.licensor!.pAboveWalkAway, 1));
    const moves = doc.tables.find((t) => t[0]?.[0] === 'Number' && t[0]?.[3] === 'Worth to Helix Bio' && t.some((row) => row[0] === 'Upfront payment' && row[1] === '$40.0M'))!;
    expect(moves.find((row) => row[0] === 'Upfront payment')).toEqual(['Upfront payment', '$40.0M', '$15.0M', '−$25.0M\u00a0(exact)', '+$25.0M\u00a0(exact)']);
    expect(text).toContain('Notes: Sent after the 3 March call.');
  });

  it('a redline between two rounds tracks the moves and names no round', () => {
    const doc = readBack(files.rounds!);
    expect(doc.body).toContain('Upfront payment: $40.0M → $15.0M');
    expect(doc.body).toContain('First approval (US or EU): $60.0M → $80.0M');
    const text = readerText(doc);
    for (const internal of ['Our opening offer', 'Northwind counter', 'Sent after the 3 March call', 'Countered', 'r1', 'r2']) expect(text).not.toMatch(new RegExp(`\\b${internal}\\b`));
  });
});

describe('redline', () => {
  it('carries tracked insertions and deletions by the user, dated, and a summary at the top', () => {
    const doc = readBack(files.redline!);
    expect(doc.insertions.length).toBeGreaterThan(0);
    expect(doc.deletions.length).toBeGreaterThan(0);
    for (const c of [...doc.insertions, ...doc.deletions]) {
      expect(c.author).toBe('Ann Lee');
      expect(c.date).toBe('2027-03-03T00:00:00Z');
    }
    // Without a name from the settings or --author, the revisions are our party's, never the tool's.
    const unnamed = readBack(files.redlineDefaultAuthor!);
    expect(unnamed.insertions.map((c) => c.author)).toEqual(unnamed.insertions.map(() => 'Helix Bio'));
    expect(doc.deletions.map((d) => d.text)).toEqual(expect.arrayContaining(['$25.0M', '12%']));
    expect(doc.insertions.map((d) => d.text)).toEqual(expect.arrayContaining(['$40.0M', '14%']));
    expect(doc.body).toContain('Summary of changes');
    expect(doc.body).toContain('Upfront payment: $25.0M → $40.0M');
    expect(doc.body).toContain('Royalties on net sales, above $800.0M: 12% → 14%');
    expect(doc.body).toContain('Draft 2, with changes tracked against the previous draft · 3 March 2027 · Subject to contract');
  });
});

describe('hostile text from a file', () => {
  it('drops control characters and keeps a very long clause whole', () => {
    const doc = readBack(files.hostile!);
    const text = readerText(doc);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFF]/);
    expect(text).toContain('the EU and <Switzerland> & "Norway"');
    expect(doc.body).toContain(LONG);
    expect(LONG.length).toBeGreaterThan(100_000);
    expect(doc.tables.flat()).toContainEqual(expect.arrayContaining(['Upfront payment', '$25.0M']));
  });
});

describe('LibreOffice', () => {
  it('converts every document to a PDF with pages', () => {
    const paths = Object.values(files);
    convertToPdf(paths, dir);
    for (const p of paths) {
      const pdf = p.replace(/\.docx$/, '.pdf');
      expect(pdfPages(pdf), pdf).toBeGreaterThan(0);
    }
    // The 100k-character clause runs over many pages; the plain term sheets fit in a few, plus their signature page.
    expect(pdfPages(files.hostile!.replace(/\.docx$/, '.pdf'))).toBeGreaterThan(10);
    expect(pdfPages(files['pharma-licence']!.replace(/\.docx$/, '.pdf'))).toBeLessThanOrEqual(5);
  }, 180_000);
});
