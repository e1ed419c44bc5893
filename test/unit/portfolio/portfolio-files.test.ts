/**
 * `.dealbook` files on a real disk: the example opens with every deal; each
 * kind of bad portfolio (a missing deal file, a path outside the folder by
 * text or through a link, mixed currencies or units, a deal that fails
 * validation, a newer version of the portfolio or of a deal, a duplicate
 * entry) gives a message naming the entry (and its file); saving keeps the
 * canonical layout and x- keys, never overwrites what this version cannot
 * read, and takes the deals along into another folder without overwriting a
 * different file there.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPortfolioFile } from '../../../host/portfolio/load-portfolio';
import { savePortfolioFile } from '../../../host/portfolio/save-portfolio';
import { serializeDealbook } from '../../../shared/portfolio/serialize';
import { PORTFOLIO_LIMITS, type Dealbook } from '../../../shared/portfolio/schema';
import { parseDealbookText, validateDealbook } from '../../../shared/portfolio/validate';

const examples = resolve(import.meta.dirname, '..', '..', '..', 'resources', 'examples');
const example = join(examples, 'meridian-partnerships.dealbook');
const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A fresh folder holding a copy of the example portfolio and its deals. */
function folderWithExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealbook-'));
  temps.push(dir);
  copyFileSync(example, join(dir, 'book.dealbook'));
  copyFileSync(join(examples, 'pharma-licence.deal'), join(dir, 'pharma-licence.deal'));
  cpSync(join(examples, 'portfolio'), join(dir, 'portfolio'), { recursive: true });
  return dir;
}

const readBook = (dir: string): Dealbook => JSON.parse(readFileSync(join(dir, 'book.dealbook'), 'utf8')) as Dealbook;
const writeBook = (dir: string, book: unknown) => writeFileSync(join(dir, 'book.dealbook'), JSON.stringify(book, null, 2));

/** Every file below `dir` (links not followed) with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const d of readdirSync(at, { withFileTypes: true })) {
      const p = join(at, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.isFile()) out.set(p, readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** The problems of each entry; opening a bad portfolio writes nothing (every file below the folder is as it was). */
async function entryProblems(dir: string) {
  const before = snapshot(dir);
  const opened = await openPortfolioFile(join(dir, 'book.dealbook'));
  expect(snapshot(dir)).toEqual(before);
  if (!opened.ok) throw new Error(`did not open: ${opened.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return opened.portfolio.entries.flatMap((e) => e.problems.map((p) => ({ place: e.place, ...p })));
}

describe('opening a portfolio', () => {
  it('opens the example with every deal read and nothing wrong', async () => {
    const opened = await openPortfolioFile(example);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.portfolio.book.deals).toHaveLength(5);
    expect(opened.portfolio.entries.map((e) => [e.file, e.deal?.currency, e.problems])).toEqual(opened.portfolio.book.deals.map((d) => [d.file, 'USD', []]));
    expect(new Set(opened.portfolio.book.deals.map((d) => d.stage))).toEqual(new Set(['negotiating', 'live', 'identified', 'exiting']));
  });

  it('names the entry and the file of a missing deal; the other entries still load', async () => {
    const dir = folderWithExample();
    rmSync(join(dir, 'portfolio', 'jv-equity-usd.deal'));
    const problems = await entryProblems(dir);
    expect(problems).toEqual([{ place: 2, path: 'deals[2]', message: 'portfolio/jv-equity-usd.deal: the file does not exist' }]);
  });

  it('refuses deal paths that leave the folder, by text and through links', async () => {
    const dir = folderWithExample();
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    temps.push(outside);
    copyFileSync(join(examples, 'pharma-licence.deal'), join(outside, 'secret.deal'));
    for (const [file, message] of [
      ['../outside/secret.deal', /leads out of the portfolio's folder \(".."\)/],
      ['/etc/passwd.deal', /is an absolute path/],
      ['C:/Users/x.deal', /is an absolute path/],
      ['portfolio\\grid-offtake.deal', /separate folders with "\/"/],
      ['portfolio//grid-offtake.deal', /has an empty part/],
      ['notes.txt', /is not a \.deal file/],
    ] as const) {
      const book = readBook(dir);
      book.deals[1]!.file = file;
      const result = validateDealbook(book);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems).toEqual([{ path: 'deals[1].file', message: expect.stringMatching(message) }]);
    }
    // A link inside the folder to a file outside it, and a linked folder leading out.
    symlinkSync(join(outside, 'secret.deal'), join(dir, 'linked.deal'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    const book = readBook(dir);
    book.deals[1]!.file = 'linked.deal';
    book.deals[2]!.file = 'elsewhere/secret.deal';
    writeBook(dir, book);
    const problems = await entryProblems(dir);
    expect(problems.filter((p) => p.place === 1 || p.place === 2)).toEqual([
      { place: 1, path: 'deals[1]', message: 'linked.deal: "linked.deal" leads out of the portfolio\'s folder through a link; the deal must be in that folder or a subfolder' },
      { place: 2, path: 'deals[2]', message: 'elsewhere/secret.deal: "elsewhere/secret.deal" leads out of the portfolio\'s folder through a link; the deal must be in that folder or a subfolder' },
    ]);
  });

  it('refuses a deal in another currency or unit, naming entry and file, with no conversion', async () => {
    const dir = folderWithExample();
    copyFileSync(join(examples, 'jv-equity.deal'), join(dir, 'portfolio', 'jv-equity-usd.deal')); // the GBP original
    copyFileSync(join(examples, 'saas-alliance.deal'), join(dir, 'portfolio', 'saas-alliance-usd.deal')); // EUR thousand
    const problems = await entryProblems(dir);
    expect(problems).toEqual([
      { place: 2, path: 'deals[2]', message: 'portfolio/jv-equity-usd.deal: the deal is in GBP million, the portfolio in USD million; amounts are never converted: restate the deal in USD million or leave it out' },
      { place: 3, path: 'deals[3]', message: 'portfolio/saas-alliance-usd.deal: the deal is in EUR thousand, the portfolio in USD million; amounts are never converted: restate the deal in USD million or leave it out' },
    ]);
  });

  it('names the entry, the file and the place inside the deal of a deal that fails validation, and of a deal from a newer version', async () => {
    const dir = folderWithExample();
    const path = join(dir, 'portfolio', 'diagnostics-alliance.deal');
    const deal = JSON.parse(readFileSync(path, 'utf8'));
    deal.terms[2].shares.corvid = 1.5;
    writeFileSync(path, JSON.stringify(deal));
    const newer = join(dir, 'portfolio', 'grid-offtake.deal');
    writeFileSync(newer, readFileSync(newer, 'utf8').replace('"version": 1', '"version": 2'));
    const problems = await entryProblems(dir);
    expect(problems.find((p) => p.place === 1)).toEqual({ place: 1, path: 'deals[1]', message: 'portfolio/diagnostics-alliance.deal: terms.kitShare.shares.corvid: must be between 0 and 1' });
    expect(problems.find((p) => p.place === 4)?.message).toMatch(/^portfolio\/grid-offtake\.deal: version: made by a newer version of Dealwright/);
  });

  it('names an unknown party or position of an entry, and warns of a metric the deal does not define', async () => {
    const dir = folderWithExample();
    const book = readBook(dir);
    book.deals[0]!.party = 'licencee';
    book.deals[4]!.position = 'stay';
    book.deals[3]!.metrics![0]!.metric = 'Pipeline';
    writeBook(dir, book);
    const problems = await entryProblems(dir);
    expect(problems).toEqual([
      { place: 0, path: 'deals[0].party', message: 'pharma-licence.deal: the deal has no party "licencee" (its parties: licensor, licensee)' },
      { place: 3, path: 'deals[3].metrics[0]', severity: 'warning', message: expect.stringMatching(/^portfolio\/saas-alliance-usd\.deal: "Pipeline" at 12 months is not one of the deal's success metrics/) },
      { place: 4, path: 'deals[4].position', message: 'portfolio/grid-offtake.deal: the deal has no scenario "stay" (its scenarios: exit, renegotiate)' },
    ]);
  });

  it('opens deals named with "." parts (they stay in the folder), and knows "./x.deal" is "x.deal"', async () => {
    const dir = folderWithExample();
    const book = readBook(dir);
    book.deals[0]!.file = `./${book.deals[0]!.file}`;
    book.deals[1]!.file = book.deals[1]!.file.replace('portfolio/', 'portfolio/./');
    writeBook(dir, book);
    expect(await entryProblems(dir)).toEqual([]);
    book.deals.push({ ...book.deals[0]!, file: 'pharma-licence.deal' });
    expect(validateDealbook(book)).toMatchObject({ ok: false, problems: [{ path: 'deals[5].file', message: expect.stringMatching(/listed twice: deals\[0\]/) }] });
  });

  it('takes every stage and metric status, scores 1 to 5 only, and refuses anything else at its path', () => {
    const base = JSON.parse(readFileSync(example, 'utf8')) as Dealbook;
    const entry = base.deals[1]!;
    const variant = (change: (e: Dealbook['deals'][number]) => void) => {
      const book = structuredClone(base);
      change(book.deals[1]!);
      const r = validateDealbook(book);
      return r.ok ? [] : r.problems.map((p) => p.path);
    };
    for (const stage of ['identified', 'negotiating', 'signed', 'live', 'exiting', 'closed'] as const) expect(variant((e) => (e.stage = stage)), stage).toEqual([]);
    for (const status of ['on track', 'at risk', 'missed', 'met'] as const) expect(variant((e) => (e.metrics![0]!.actuals![0]!.status = status)), status).toEqual([]);
    for (const score of [1, 5]) expect(variant((e) => (e.health![0]!.scores.strategic = score)), String(score)).toEqual([]);
    // Scores are whole: a 1-to-5 rating, not a measurement.
    for (const score of [0, 6, 2.5]) expect(variant((e) => (e.health![0]!.scores.strategic = score)), String(score)).toEqual(['deals[1].health[0].scores.strategic']);
    expect(variant((e) => ((e as { stage: string }).stage = 'won'))).toEqual(['deals[1].stage']);
    expect(variant((e) => ((e.metrics![0]!.actuals![0]! as { status: string }).status = 'late'))).toEqual(['deals[1].metrics[0].actuals[0].status']);
    expect(variant((e) => Object.assign(e.health![0]!.scores, { financial: 3 }))).toEqual(['deals[1].health[0].scores.financial']);
    expect(variant((e) => Object.assign(e, { 'x-crm': { id: 1 } }, { metrics: [{ ...entry.metrics![0]!, 'x-src': 'crm' }] }))).toEqual([]);
  });

  it('refuses a duplicate entry, naming both places', () => {
    const book = JSON.parse(readFileSync(example, 'utf8')) as Dealbook;
    book.deals.push({ ...book.deals[1]!, file: 'Portfolio/Diagnostics-Alliance.deal' });
    const result = validateDealbook(book);
    expect(result).toEqual({ ok: false, problems: [{ path: 'deals[5].file', message: '"Portfolio/Diagnostics-Alliance.deal" is listed twice: deals[1] is the same deal; list each deal once' }] });
  });

  it('refuses a portfolio from a newer version, bad structure with paths, and hostile bytes', async () => {
    const text = readFileSync(example, 'utf8');
    expect(parseDealbookText(text.replace('"version": 1', '"version": 3'))).toMatchObject({ ok: false, problems: [{ path: 'version', message: expect.stringMatching(/made by a newer version of Dealwright \(portfolio version 3/) }] });
    const book = JSON.parse(text);
    book.deals[1].health[0].scores.strategic = 6;
    book.deals[1].health[1].date = '2026-02-30';
    book.deals[1].metrics[0].actuals[0].status = 'fine';
    book.deals[0].stge = 'live';
    book['x-crm'] = { id: 7 };
    const result = validateDealbook(book);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual(
        expect.arrayContaining([
          { path: 'deals[1].health[0].scores.strategic', message: 'must be from 1 to 5' },
          { path: 'deals[1].health[1].date', message: 'is not a day of the calendar' },
          { path: 'deals[1].metrics[0].actuals[0].status', message: expect.stringMatching(/^must be one of "on track", "at risk", "missed", "met"/) },
          { path: 'deals[0].stge', message: expect.stringMatching(/^unknown key "stge" \(did you mean "stage"\?\)/) },
        ]),
      );
      expect(result.problems.some((p) => p.path.startsWith('x-crm'))).toBe(false);
    }
    expect(parseDealbookText('{"format": "dealwright.deal", "version": 1}')).toMatchObject({ ok: false, problems: [{ path: 'format', message: expect.stringMatching(/this is a deal/) }] });
    expect(parseDealbookText('{"format": "dealwright.dealbook", "format": "x"}')).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/twice/) }] });
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    temps.push(dir);
    const cases: [string, Buffer, RegExp][] = [
      ['utf16.dealbook', Buffer.from(`\ufeff${text}`, 'utf16le'), /UTF-16.*\.dealbook file is UTF-8 JSON/],
      ['binary.dealbook', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), /not a \.dealbook file/],
      ['huge.dealbook', Buffer.alloc(PORTFOLIO_LIMITS.maxFileBytes + 1, 0x20), /at most 5 MB/],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(join(dir, name), bytes);
      const opened = await openPortfolioFile(join(dir, name));
      expect(opened).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(message) }] });
    }
  });

  it('takes up to 100 deals and refuses 101', () => {
    const entry = { file: 'a.deal', party: 'us', stage: 'identified' };
    const book = (n: number) => ({ format: 'dealwright.dealbook', version: 1, title: 'Many', currency: 'USD', unit: 'million', deals: Array.from({ length: n }, (_, i) => ({ ...entry, file: `d${i}.deal` })) });
    expect(validateDealbook(book(100)).ok).toBe(true);
    expect(validateDealbook(book(101))).toMatchObject({ ok: false, problems: [{ path: 'deals', message: 'may list at most 100 deals' }] });
  });
});

describe('saving a portfolio', () => {
  it('writes the canonical layout, keeps x- keys, and reads back the same', async () => {
    const dir = folderWithExample();
    const book = readBook(dir) as Dealbook & Record<string, unknown>;
    book['x-crm'] = { account: 'M-1' };
    (book.deals[0] as Record<string, unknown>)['x-note'] = 'kept';
    const path = join(dir, 'book.dealbook');
    const saved = await savePortfolioFile({ path, book, originalPath: path }, true);
    expect(saved).toMatchObject({ ok: true, copied: [] });
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(serializeDealbook(book));
    expect(text.startsWith('{\n  "format": "dealwright.dealbook",\n  "version": 1,\n  "title"')).toBe(true);
    const again = parseDealbookText(text);
    expect(again.ok && again.book).toEqual(book);
    // Saving again changes nothing.
    await savePortfolioFile({ path, book: JSON.parse(text), originalPath: path }, true);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('never overwrites a portfolio from a newer version, or a file that is not a portfolio', async () => {
    const dir = folderWithExample();
    const book = readBook(dir);
    for (const [name, bytes, message] of [
      ['newer.dealbook', readFileSync(example, 'utf8').replace('"version": 1', '"version": 2'), /newer\.dealbook was made by a newer version of Dealwright; it was not overwritten/],
      ['deal.dealbook', readFileSync(join(examples, 'pharma-licence.deal'), 'utf8'), /deal\.dealbook was not overwritten: it is not a portfolio this version of Dealwright can read \(format: must be "dealwright\.dealbook"/],
      ['garbage.dealbook', '{"format": "dealwright.dealbook", "version": 1, trailing', /was not overwritten/],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const saved = await savePortfolioFile({ path, book }, true);
      expect(saved).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(message) }] });
      expect(readFileSync(path, 'utf8')).toBe(bytes);
    }
  });

  it('refuses to save a portfolio with problems, writing nothing', async () => {
    const dir = folderWithExample();
    const book = readBook(dir);
    book.deals[1]!.file = '../../etc/x.deal';
    const path = join(dir, 'other.dealbook');
    expect(await savePortfolioFile({ path, book }, true)).toMatchObject({ ok: false, problems: [{ path: 'deals[1].file' }] });
    expect(existsSync(path)).toBe(false);
  });

  it('takes the deals along into another folder, and never overwrites a different deal already there', async () => {
    const target = mkdtempSync(join(tmpdir(), 'save-as-'));
    temps.push(target);
    const book = JSON.parse(readFileSync(example, 'utf8')) as Dealbook;
    const saved = await savePortfolioFile({ path: join(target, 'mine.dealbook'), book, originalPath: example }, true);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.copied.map((p) => p.slice(target.length + 1)).sort()).toEqual(book.deals.map((d) => d.file).sort());
    expect(saved.entries.every((e) => e.deal !== null && e.problems.length === 0)).toBe(true);
    expect(readFileSync(join(target, 'portfolio', 'grid-offtake.deal'))).toEqual(readFileSync(join(examples, 'portfolio', 'grid-offtake.deal')));
    // Again into a folder where a different grid-offtake.deal sits: refused, nothing written or replaced.
    const busy = mkdtempSync(join(tmpdir(), 'save-as-busy-'));
    temps.push(busy);
    mkdirSync(join(busy, 'portfolio'));
    writeFileSync(join(busy, 'portfolio', 'grid-offtake.deal'), 'mine, not yours');
    const refused = await savePortfolioFile({ path: join(busy, 'mine.dealbook'), book, originalPath: example }, true);
    expect(refused).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^deals\[4\] \(portfolio\/grid-offtake\.deal\): a different grid-offtake\.deal is already in .*; it was not overwritten/) }] });
    expect(readFileSync(join(busy, 'portfolio', 'grid-offtake.deal'), 'utf8')).toBe('mine, not yours');
    expect(existsSync(join(busy, 'mine.dealbook'))).toBe(false);
    expect(existsSync(join(busy, 'pharma-licence.deal'))).toBe(false);
  });
});
