// The portfolio brief as Word and LibreOffice read it: valid WordprocessingML, the
// portfolio total from the run it was given (its figures printed as on screen), the
// table with every deal (and why one was not valued), the success metrics with their
// latest actuals, the health checks, five charts as images, and a few pages with no
// blank one at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoneyEstimate } from '../../shared/format/money';
import type { PortfolioValuationResult } from '../../shared/portfolio/valuation';
import { openPortfolioFile } from '../../host/portfolio/load-portfolio';
import { writePortfolioBrief } from '../../host/portfolio/portfolio-brief-docx';
import { createInProcessRunner } from '../../host/valuation/in-process';
import { convertToPdf, pdfPages, readBack, readerText, schemaErrors, toolsMissing, unzipParts } from './docx-tools';

const example = resolve(import.meta.dirname, '..', '..', 'resources', 'examples', 'meridian-partnerships.dealbook');
const dir = mkdtempSync(join(tmpdir(), 'dw-brief-'));
const missing = toolsMissing();
if (missing) console.log(`portfolio brief document checks skipped: ${missing}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out = '';
let result: PortfolioValuationResult;

beforeAll(async () => {
  const opened = await openPortfolioFile(example);
  if (!opened.ok) throw new Error('the example portfolio did not open');
  const { book, entries } = opened.portfolio;
  // Deal 4 is left out as the app leaves out a deal it cannot value; the brief says why.
  const members = entries.filter((e) => e.place !== 3).map((e) => ({ deal: e.deal!, party: book.deals[e.place]!.party, position: book.deals[e.place]!.position, place: e.place }));
  result = await createInProcessRunner().portfolio({ members, iterations: 8192 });
  out = join(dir, 'brief.docx');
  const written = await writePortfolioBrief({
    book,
    members,
    result,
    notValued: [{ place: 3, problems: ['deals[3]: portfolio/saas-alliance-usd.deal: the deal is in EUR thousand, the portfolio in USD million'] }],
    outPath: out,
    paper: 'A4',
    author: 'Ann Lee',
    date: new Date(Date.UTC(2026, 11, 1)),
  });
  expect(written).toEqual({ ok: true, path: out });
}, 120_000);

describe.skipIf(missing !== undefined)('the portfolio brief', () => {
  it('is valid WordprocessingML with five charts', async () => {
    expect(await schemaErrors(out, dir)).toBe('');
    const parts = await unzipParts(out);
    expect(Object.keys(parts).filter((n) => /^word\/media\/.*\.png$/.test(n))).toHaveLength(5);
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Ann Lee</dc:creator>');
  });

  it('prints the total, every deal, why one was not valued, the metrics and the health checks', () => {
    const doc = readBack(out);
    const text = readerText(doc);
    const money = { currency: 'USD', unit: 'million' as const };
    expect(text).toContain('Meridian Holdings: strategic partnerships');
    expect(text).toContain('Portfolio brief');
    expect(text).toContain('STRICTLY CONFIDENTIAL: INTERNAL');
    expect(text).toContain(`our NPV is ${formatMoneyEstimate(result.total!.npv.mean, money)} on average`);
    expect(text).toContain(`(${formatMoneyEstimate(result.total!.walkAway, money)}) is `);
    const deals = doc.tables.find((t) => t[0]?.[0] === 'Deal' && t[0]?.includes('Share of risk'))!;
    expect(deals.slice(1).map((r) => r[0])).toEqual([
      'Helix Bio / Northwind Pharma: HX-201 licence',
      'Helix Bio / Corvid Diagnostics: companion diagnostic alliance',
      'Solara / Kestrel Energy: storage joint venture',
      'portfolio/saas-alliance-usd.deal',
      'Solara / Brightline Utilities: grid services offtake',
    ]);
    expect(deals[4]![4]).toBe('not valued');
    expect(text).toContain('Deals that could not be valued');
    expect(text).toContain('the deal is in EUR thousand, the portfolio in USD million');
    const metrics = doc.tables.find((t) => t[0]?.includes('Latest actual'))!;
    expect(metrics).toContainEqual(['Helix Bio / Corvid Diagnostics: companion diagnostic alliance', 'Assay analytical validation', '12 months', '2026-12', 'reproducibility runs delayed by a reagent lot (2026-11-15)', 'at risk']);
    const health = doc.tables.find((t) => t[0]?.includes('Governance'))!;
    expect(health).toContainEqual(['Solara / Brightline Utilities: grid services offtake', '2026-09-30', '2', '2', '1', '2', '1.8']);
  });

  it('lays out on a few A4 pages, none of them blank', () => {
    convertToPdf([out], dir);
    const pages = pdfPages(join(dir, 'brief.pdf'));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(6);
    for (let p = 1; p <= pages; p++) {
      const text = spawnSync('pdftotext', ['-f', String(p), '-l', String(p), join(dir, 'brief.pdf'), '-'], { encoding: 'utf8' }).stdout;
      // Every page has more than its running header and footer.
      expect(text.replace(/STRICTLY CONFIDENTIAL[^\n]*|Meridian Holdings: strategic partnerships · portfolio brief[^\n]*|Page \d+ of \d+/g, '').trim().length).toBeGreaterThan(20);
    }
  }, 180_000);
});
