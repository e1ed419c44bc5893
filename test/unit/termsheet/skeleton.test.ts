// The standard term-sheet skeletons in resources/termsheet: valid, in the lawyers' order, recognised by the
// builder, and added to a deal as ordinary editable sections that resolve for the other side.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSkeleton, SKELETON_FILES } from '../../../host/termsheet-defaults';
import { repoRoot } from '../../cli/run-cli';
import { buildTermSheet } from '../../../shared/termsheet/build';
import { termSheetWarnings } from '../../../shared/termsheet/gate';
import { slotOfHeading, slotRank, SLOTS } from '../../../shared/termsheet/section-slots';
import { addStandardSections, roleParties } from '../../../shared/termsheet/skeleton';
import { validateDeal } from '../../../shared/model/validate';
import type { Deal } from '../../../shared/model/schema';
import type { StandardSectionsKind } from '../../../shared/api';
import { edited, loadExample } from './load-example';

const resources = join(repoRoot, 'resources');
const KINDS = Object.keys(SKELETON_FILES) as StandardSectionsKind[];
const scratch = mkdtempSync(join(tmpdir(), 'dw-skeleton-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bare = (deal: Deal): Deal => edited(deal, (d) => delete d.termSheet);

describe('the skeleton files', () => {
  it.each(KINDS)('%s: every slot from definitions to binding provisions, in order, each heading recognised as its slot', async (kind) => {
    const skeleton = await loadSkeleton(resources, kind);
    const slots = skeleton.sections.map((s) => s.slot);
    expect(slots).toEqual(SLOTS.filter((s) => s !== 'parties' && s !== 'transaction'));
    for (const s of skeleton.sections) expect(slotOfHeading(s.heading), s.heading).toBe(s.slot);
    expect(skeleton.successMetrics?.map((m) => m.horizon)).toEqual(['12 months', '3 years']);
  });

  it('refuses a broken skeleton file with its path, rather than inserting half of it', async () => {
    mkdirSync(join(scratch, 'termsheet'));
    writeFileSync(join(scratch, 'termsheet', 'licence.json'), JSON.stringify({ kind: 'licence', placeholders: {}, sections: [{ slot: 'grant', heading: 3, text: 'x' }] }));
    await expect(loadSkeleton(scratch, 'licence')).rejects.toThrow(/licence\.json are not valid: sections\.0\.heading/);
    await expect(loadSkeleton(scratch, 'alliance')).rejects.toThrow(/cannot be read/);
  });
});

describe('addStandardSections', () => {
  const cases: [StandardSectionsKind, Deal][] = [
    ['licence', bare(loadExample('pharma-licence'))],
    ['alliance', bare(loadExample('saas-alliance'))],
    ['jointVenture', bare(loadExample('jv-equity'))],
  ];

  it.each(cases)('%s: a deal without a term sheet gets every standard section, parties by their placeholders, and exports cleanly', async (kind, deal) => {
    const next = addStandardSections(deal, await loadSkeleton(resources, kind));
    const sections = next.termSheet!.sections!;
    expect(sections.map((s) => slotRank(slotOfHeading(s.heading)!))).toEqual([...sections.keys()].map((i) => i + 2));
    const text = JSON.stringify(next.termSheet);
    expect(text).not.toContain('{{party:');
    expect(text).toContain(`{{parties.${deal.us}.name}}`);
    expect(validateDeal(next).ok).toBe(true);
    expect(termSheetWarnings(next)).toEqual([]);
    const built = buildTermSheet(next, { audience: 'counterparty', fileName: 'x.deal', contentHash: 'h', appVersion: '1', date: new Date(Date.UTC(2027, 0, 1)) });
    expect(built.ok).toBe(true);
  });

  it('keeps the deal\'s own sections and wording, adds only the missing slots in their places, and is idempotent', async () => {
    const skeleton = await loadSkeleton(resources, 'licence');
    const deal = edited(loadExample('pharma-licence'), (d) => {
      d.termSheet!.sections = d.termSheet!.sections!.filter((s) => ['Licence', 'Development', 'Change of strategy or control', 'Governing law'].includes(s.heading));
      d.termSheet!.placeholders = { territory: 'worldwide excluding Japan', field: 'the treatment of solid tumours' };
    });
    const once = addStandardSections(deal, skeleton);
    expect(once.termSheet!.sections!.map((s) => s.heading)).toEqual([
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
    ]);
    expect(once.termSheet!.sections!.find((s) => s.heading === 'Licence')).toEqual(deal.termSheet!.sections![0]);
    expect(Object.keys(once.termSheet!.placeholders!)).toEqual(['territory', 'field', 'product', 'governingLaw', 'arbitrationSeat']);
    expect(once.termSheet!.placeholders!.territory).toBe('worldwide excluding Japan');
    expect(once.termSheet!.successMetrics).toEqual(deal.termSheet!.successMetrics);
    expect(addStandardSections(once, skeleton)).toEqual(once);
  });

  it('names the licensor as the party the royalty goes to', () => {
    const deal = edited(loadExample('pharma-licence'), (d) => {
      d.us = 'licensee';
    });
    expect(roleParties(deal)).toEqual({ licensor: 'licensor', licensee: 'licensee', first: 'licensee', second: 'licensor' });
  });
});
