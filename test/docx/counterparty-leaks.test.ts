// Documents for the other side carry nothing internal, in any part of the package:
// every placeholder path of a deal whose internal fields are all marked is either
// refused (naming the text's location and the placeholder) or printed without a
// marker; counterparty term sheets and redlines of every scenario are searched raw,
// every XML part, document properties and styles included.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRedline, exportTermSheet, type ExportResult } from '../../host/docx/export-term-sheet';
import { createInProcessRunner } from '../../host/valuation/in-process';
import { buildTermSheet } from '../../shared/termsheet/build';
import { spansText, type TermSheetDoc } from '../../shared/termsheet/content';
import type { Deal } from '../../shared/model/schema';
import { edited } from '../unit/termsheet/load-example';
import { CORPUS_FILE_NAME, corpusDeal, everyPath, markers, ROUNDS_SUPPORTED, withRounds } from './leak-corpus';
import { unzipParts } from './docx-tools';

const dir = mkdtempSync(join(tmpdir(), 'dw-leaks-'));
const date = new Date(Date.UTC(2027, 2, 3));
const deal = corpusDeal();
const runner = createInProcessRunner();
afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

function docText(doc: TermSheetDoc): string {
  const blocks = doc.blocks.map((b) => (b.kind === 'table' ? [b.title, ...b.columns.map((c) => c.header), ...b.rows.flatMap((r) => r.cells.map(spansText))].join('\n') : 'spans' in b ? spansText(b.spans) : ''));
  return [spansText(doc.title), doc.subtitle, doc.draftLine, doc.marking, doc.legend, doc.footer, doc.properties.title, doc.properties.subject, ...(doc.changeSummary ?? []), ...blocks].join('\n');
}

/** The markers found in a text (internal texts case-insensitively, numbers as written). */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return markers().filter((m) => lower.includes(m.text.toLowerCase())).map((m) => `${m.name} (${m.text})`);
}

async function packageLeaks(path: string): Promise<string[]> {
  const parts = await unzipParts(path);
  return Object.entries(parts).flatMap(([name, content]) => leaks(content).map((l) => `${name}: ${l}`));
}

function expectWritten(r: ExportResult): string {
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.path;
}

const withText = (d: Deal, text: string) =>
  edited(d, (x) => {
    x.termSheet!.sections![0]!.text = text;
  });

describe('the placeholder allowlist, over every path of a fully marked deal', () => {
  const candidates = [...everyPath(deal), 'description', 'title', 'currency', 'territory', 'us', 'x-zqxTop'];
  const allowed: string[] = [];
  const refused: string[] = [];

  beforeAll(() => {
    for (const path of candidates) {
      const r = buildTermSheet(withText(deal, `See {{${path}}}.`), { audience: 'counterparty', fileName: CORPUS_FILE_NAME, contentHash: 'zqxhash', appVersion: '0.1.0', date });
      if (r.ok) {
        allowed.push(path);
        expect(leaks(docText(r.doc)), path).toEqual([]);
      } else {
        refused.push(path);
        expect(r.problems.length, path).toBeGreaterThan(0);
        for (const p of r.problems) {
          expect(p.path, path).toBe('termSheet.sections[0].text');
          expect(p.message, path).toContain(`{{${path}}}`);
        }
      }
    }
  });

  it('tried every path (positive control: the corpus fills every kind of field)', () => {
    expect(candidates.length).toBeGreaterThan(150);
    expect(allowed.length + refused.length).toBe(candidates.length);
  });

  it('lets through what the spec lists: names and legal details, labels, triggers, contract figures, dates, start, currency, own placeholders', () => {
    expect(allowed).toEqual(
      expect.arrayContaining([
        'parties.alpha.name',
        'parties.alpha.legalName',
        'parties.alpha.jurisdiction',
        'parties.alpha.address',
        'parties.alpha.signatory.name',
        'parties.alpha.signatory.title',
        'terms.upfront.label',
        'terms.milestone.trigger',
        'terms.upfront.amount',
        'terms.upfront.at',
        'terms.formulaPay.amount',
        'terms.sales.threshold',
        'terms.royalty.tiers.0.upTo',
        'terms.royalty.tiers.1.upTo',
        'terms.royalty.tiers.2.rate',
        'terms.royalty.until',
        'terms.share.tiers.0.shares.alpha',
        'terms.flatShare.shares.gamma',
        'terms.cost.shares.beta',
        'terms.jv.stakes.alpha',
        'terms.jv.contributions.1.amount',
        'terms.jv.contributions.1.at',
        'terms.jv.preferredReturn.rate',
        'terms.exit.from',
        'terms.exit.fee.amount',
        'timeline.start',
        'currency',
        'territory',
      ]),
    );
  });

  it('refuses everything else: model, valuation, scenarios, sliders, own cash flows, notes, extensions', () => {
    expect(refused).toEqual(
      expect.arrayContaining([
        'description',
        'title',
        'parties.alpha.walkAway',
        'parties.beta.discountRate',
        'parties.alpha.x-zqxParty',
        'inputs.zqxInPeak.p50',
        'inputs.zqxInPeak.label',
        'series.zqxSeriesSales',
        'correlations.0.rank',
        'terms.upfront.note',
        'terms.upfront.x-zqxTerm',
        'terms.milestone.when',
        'terms.royalty.base',
        'terms.jv.venture',
        'terms.ops.amount',
        'terms.ops.label',
        'terms.exit.hazard',
        'terms.stop.when',
        'terms.exit.fee.from',
        'scenarios.1.name',
        'scenarios.1.notes',
        'scenarios.1.set.terms.upfront.amount',
        'sliders.0.max',
        'sliders.0.label',
        'simulation.seed',
        'timeline.periods',
        'x-zqxTop',
      ]),
    );
    // Nothing the allowlist names is refused, nothing internal is allowed.
    expect(allowed.filter((p) => /walkAway|discountRate|hazard|seed|note|x-|inputs|series|scenarios|sliders|simulation|\.when$|\.base$|ops\./.test(p))).toEqual([]);
  });
});

describe('counterparty packages of the fully marked deal', () => {
  const allowedText = 'Parties: {{parties.alpha.legalName}} ({{parties.alpha.jurisdiction}}), signed by {{parties.beta.signatory.name}}. Fees {{terms.upfront.amount}}, {{terms.formulaPay.amount}}, {{terms.royalty.tiers.1.upTo}}, {{terms.royalty.tiers.2.rate}}, from {{terms.exit.from}} until {{terms.royalty.until}}, start {{timeline.start}}, in {{currency}} and {{territory}}; {{terms.milestone.trigger}}.';
  const files: Record<string, string> = {};

  beforeAll(async () => {
    const d = withText(deal, allowedText);
    for (const scenarioId of ['zqxScenBase', 'zqxScenAsk', 'zqxScenFallback']) {
      files[scenarioId] = expectWritten(
        await exportTermSheet({ deal: d, fileName: CORPUS_FILE_NAME, scenarioId, audience: 'counterparty', paper: 'A4', outPath: join(dir, `cp-${scenarioId}.docx`), date, author: 'Ann Lee' }, '0.1.0'),
      );
    }
    files.words = expectWritten(await exportTermSheet({ deal: d, fileName: CORPUS_FILE_NAME, audience: 'counterparty', paper: 'Letter', outPath: join(dir, 'cp-words.docx'), date, moneyStyle: 'words', draft: 'Draft 4' }, '0.1.0'));
    files.redlineScenarios = expectWritten(
      await exportRedline({ old: { deal: d, fileName: CORPUS_FILE_NAME, scenarioId: 'zqxScenAsk' }, new: { deal: d, fileName: CORPUS_FILE_NAME, scenarioId: 'zqxScenFallback' }, paper: 'A4', outPath: join(dir, 'rl-scenarios.docx'), date, draft: 'Draft 2' }, '0.1.0'),
    );
    const changed = edited(d, (x) => {
      x.description = 'zqx description of the new version';
      x.termSheet!.sections!.push({ heading: 'Audit', text: 'Annual audit of {{terms.cost.shares.alpha}}.' });
      x.termSheet!.sections!.splice(1, 1);
      const royalty = x.terms.find((t) => t.id === 'royalty')!;
      if (royalty.type === 'royalty') royalty.tiers.splice(1, 0, { upTo: 55, rate: 0.052 });
    });
    files.redlineFiles = expectWritten(
      await exportRedline({ old: { deal: d, fileName: CORPUS_FILE_NAME }, new: { deal: changed, fileName: 'zqx-newer.deal' }, paper: 'A4', outPath: join(dir, 'rl-files.docx'), date, author: 'Ann Lee' }, '0.1.0'),
    );
    // Positive control: the internal draft of the same deal does carry internal facts, and the search finds them.
    files.internal = expectWritten(
      await exportTermSheet({ deal: d, fileName: CORPUS_FILE_NAME, scenarioId: 'zqxScenAsk', audience: 'internal', paper: 'A4', outPath: join(dir, 'internal.docx'), date, iterations: 500 }, '0.1.0', runner),
    );
  }, 120_000);

  it('contains no marker in any part, raw (document, headers, footers, properties, styles, settings, numbering)', async () => {
    for (const [name, path] of Object.entries(files)) {
      if (name === 'internal') continue;
      const parts = await unzipParts(path);
      expect(Object.keys(parts), name).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'docProps/core.xml', 'docProps/app.xml', 'word/settings.xml', 'word/footer1.xml', 'word/header1.xml']));
      expect(await packageLeaks(path), name).toEqual([]);
      const everything = Object.values(parts).join('\n');
      // The tool's name nowhere: not in properties, style names, authors or text.
      expect(everything, name).not.toMatch(/dealwright/i);
    }
  });

  it('says what it should: the allowed values, the draft label, the user as author', async () => {
    const parts = await unzipParts(files.zqxScenAsk!);
    const body = parts['word/document.xml']!;
    for (const s of ['Alpha Bio, Inc.', 'Delaware corporation', 'Ben Roe', '$15.0M', '[to be agreed]', 'the European Union', 'within 30 days of the first Phase III dosing']) expect(body).toContain(s);
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Ann Lee</dc:creator>');
    expect((await unzipParts(files.words!))['word/document.xml']).toContain('Draft 4 · 3 March 2027 · Subject to contract');
  });

  it('positive control: the internal draft of the same deal is found to carry internal facts', async () => {
    const found = await packageLeaks(files.internal!);
    expect(found.some((f) => f.includes('internal text'))).toBe(true);
    expect(found.some((f) => f.includes('seed'))).toBe(true);
    expect(found.some((f) => f.includes('file name'))).toBe(true);
  });

  it('refuses, writing nothing, when a text names an internal value; the redline too', async () => {
    const bad = withText(deal, 'Our floor is {{parties.alpha.walkAway}}.');
    const out = join(dir, 'refused.docx');
    const r = await exportTermSheet({ deal: bad, fileName: CORPUS_FILE_NAME, audience: 'counterparty', paper: 'A4', outPath: out, date }, '0.1.0');
    expect(r).toEqual({ ok: false, problems: [{ path: 'termSheet.sections[0].text', message: expect.stringContaining('{{parties.alpha.walkAway}}') }] });
    const red = await exportRedline({ old: { deal, fileName: CORPUS_FILE_NAME }, new: { deal: bad, fileName: CORPUS_FILE_NAME, scenarioId: 'zqxScenAsk' }, paper: 'A4', outPath: out, date }, '0.1.0');
    expect(red.ok).toBe(false);
    if (!red.ok) expect(red.problems[0]!.path).toBe('termSheet.sections[0].text');
    expect(existsSync(out)).toBe(false);
  });
});

describe('negotiation rounds in the corpus', () => {
  it('keep round names and notes out of counterparty documents and redlines between rounds', async () => {
    expect(ROUNDS_SUPPORTED).toBe(true);
    const d = withRounds(deal);
    const out = expectWritten(await exportRedline({ old: { deal: d, fileName: CORPUS_FILE_NAME, scenarioId: 'zqxRound1' }, new: { deal: d, fileName: CORPUS_FILE_NAME, scenarioId: 'zqxRound2' }, paper: 'A4', outPath: join(dir, 'rounds.docx'), date }, '0.1.0'));
    expect(await packageLeaks(out)).toEqual([]);
  });
});
