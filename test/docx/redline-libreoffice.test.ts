// Redlines a lawyer can accept: LibreOffice itself (headless, through Python-UNO)
// runs Accept All and Reject All on the redline, and every paragraph and table cell
// of the result, in order, must be the plain term sheet of the new version (accept)
// or of the old one (reject): numbering labels included, no empty heading left,
// no tracked change left.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRedline, exportTermSheet, type ExportResult } from '../../host/docx/export-term-sheet';
import type { Deal } from '../../shared/model/schema';
import { edited, loadExample } from '../unit/termsheet/load-example';
import { toolsMissing } from './docx-tools';

const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'dw-lo-redline-'));
const date = new Date(Date.UTC(2027, 2, 3));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Item {
  kind: 'p' | 'cell';
  style: string;
  label: string;
  text: string;
}
interface Opened {
  file: string;
  mode: string;
  redlinesLeft: number;
  items: Item[];
}

function ok(r: ExportResult): string {
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.path;
}

/** The title, then the body from the first numbered section on (the cover line and a redline's summary differ by design). */
function body(items: readonly Item[]): string[] {
  const start = items.findIndex((i) => i.style === 'Heading 1');
  return [items.find((i) => i.style === 'Title')!, ...items.slice(start)].map((i) => `${i.kind}|${i.label}|${i.text}`);
}

const pharma = loadExample('pharma-licence');
/** The acceptance case of the issue: a tier inserted in the middle, a clause deleted, one added, one edited, an amount changed; plus a moved and a renamed section and a replaced payment. */
const pharmaV2 = edited(pharma, (d) => {
  d.title = `${d.title} and option`;
  const royalty = d.terms.find((t) => t.id === 'royalty')!;
  if (royalty.type === 'royalty') royalty.tiers.splice(1, 0, { upTo: 500, rate: 0.08 });
  const upfront = d.terms.find((t) => t.id === 'upfront')!;
  if (upfront.type === 'payment') upfront.amount = 32.5;
  d.terms = d.terms.filter((t) => t.id !== 'mFiling');
  d.terms.splice(2, 0, { id: 'mEU', type: 'payment', label: 'EU approval', trigger: 'within 30 days of approval by the European Commission', from: 'licensee', to: 'licensor', amount: 15, at: 6 });
  const sections = d.termSheet!.sections!;
  const exclusivity = sections.find((s) => s.heading === 'Exclusivity and no-shop')!;
  exclusivity.text = exclusivity.text.replace('[60] days', '90 days').replace('solicit, negotiate', 'solicit, encourage, negotiate');
  sections.find((s) => s.heading === 'Governance')!.heading = 'Governance and decisions';
  d.termSheet!.sections = sections.filter((s) => s.heading !== 'Confidentiality');
  const law = d.termSheet!.sections.findIndex((s) => s.heading === 'Governing law');
  const [moved] = d.termSheet!.sections.splice(law, 1);
  d.termSheet!.sections.splice(d.termSheet!.sections.findIndex((s) => s.heading === 'Intellectual property and joint developments'), 0, moved!);
  d.termSheet!.sections.push({ heading: 'Publications', text: 'Neither party publishes results about the Licensed Product without the other’s review.\n\nReview takes at most 30 days.' });
});

interface Case {
  name: string;
  old: { deal: Deal; scenarioId?: string };
  new: { deal: Deal; scenarioId?: string };
}
const CASES: Case[] = [
  { name: 'pharma-versions', old: { deal: pharma }, new: { deal: pharmaV2 } },
  { name: 'pharma-scenarios', old: { deal: pharma, scenarioId: 'ask' }, new: { deal: pharma, scenarioId: 'fallback' } },
  { name: 'saas-scenarios', old: { deal: loadExample('saas-alliance'), scenarioId: 'base' }, new: { deal: loadExample('saas-alliance'), scenarioId: 'flat' } },
  { name: 'jv-scenarios', old: { deal: loadExample('jv-equity'), scenarioId: 'base' }, new: { deal: loadExample('jv-equity'), scenarioId: 'kestrel60' } },
];

const opened = new Map<string, Opened>();

beforeAll(async () => {
  const missing = toolsMissing();
  if (missing) throw new Error(`the LibreOffice redline test needs ${missing}`);
  const specs: string[] = [];
  for (const c of CASES) {
    const plain = async (side: Case['old'], which: string) =>
      ok(await exportTermSheet({ deal: side.deal, scenarioId: side.scenarioId, fileName: `${c.name}.deal`, audience: 'counterparty', paper: 'A4', outPath: join(dir, `${c.name}-${which}.docx`), date }, '0.1.0'));
    const oldPath = await plain(c.old, 'old');
    const newPath = await plain(c.new, 'new');
    const red = ok(
      await exportRedline(
        { old: { ...c.old, fileName: `${c.name}.deal` }, new: { ...c.new, fileName: `${c.name}-2.deal` }, paper: 'A4', outPath: join(dir, `${c.name}-redline.docx`), date, author: 'Ann Lee' },
        '0.1.0',
      ),
    );
    specs.push(`plain:${oldPath}`, `plain:${newPath}`, `accept:${red}`, `reject:${red}`, `plain:${red}`);
  }
  // One LibreOffice process for every file: it starts slowly.
  const r = spawnSync(PYTHON, [join(import.meta.dirname, 'lo-revisions.py'), ...specs], { encoding: 'utf8', timeout: 170_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`LibreOffice (Python-UNO) failed: ${r.stderr || r.error?.message}`);
  const results = JSON.parse(r.stdout) as Opened[];
  for (const o of results) opened.set(`${o.mode}:${o.file}`, o);
}, 180_000);

describe('Accept All and Reject All in LibreOffice', () => {
  for (const c of CASES) {
    const get = (mode: string, which: string) => opened.get(`${mode}:${join(dir, `${c.name}-${which}.docx`)}`)!;

    it(`${c.name}: Accept All gives every paragraph and cell of the new version, in order`, () => {
      const accepted = get('accept', 'redline');
      expect(accepted.redlinesLeft).toBe(0);
      expect(body(accepted.items)).toEqual(body(get('plain', 'new').items));
    });

    it(`${c.name}: Reject All gives every paragraph and cell of the old version, in order`, () => {
      const rejected = get('reject', 'redline');
      expect(rejected.redlinesLeft).toBe(0);
      expect(body(rejected.items)).toEqual(body(get('plain', 'old').items));
    });
  }

  it('the redline itself carries tracked changes, and neither result leaves an empty numbered heading', () => {
    const red = opened.get(`plain:${join(dir, 'pharma-versions-redline.docx')}`)!;
    expect(red.redlinesLeft).toBeGreaterThan(10);
    for (const mode of ['accept', 'reject']) {
      const items = opened.get(`${mode}:${join(dir, 'pharma-versions-redline.docx')}`)!.items;
      expect(items.filter((i) => i.style.startsWith('Heading') && i.text.trim() === ''), mode).toEqual([]);
    }
    // Positive control: the two versions really differ where the issue says.
    const oldBody = body(opened.get(`plain:${join(dir, 'pharma-versions-old.docx')}`)!.items).join('\n');
    const newBody = body(opened.get(`plain:${join(dir, 'pharma-versions-new.docx')}`)!.items).join('\n');
    expect(oldBody).toContain('Confidentiality');
    expect(newBody).not.toContain('Confidentiality');
    expect(newBody).toContain('$300.0M to $500.0M');
    expect(newBody).toContain('Publications');
    expect(newBody).toContain('HX-201 licence and option');
  });
});
