/**
 * Where each part of a term sheet goes, in the order partnership lawyers
 * expect: parties, transaction, definitions, grant or scope, diligence,
 * economics, IP, governance, exclusivity, confidentiality, term and
 * termination, success metrics, law and disputes, binding provisions, then
 * the signature blocks.
 *
 * The file's own sections keep the order the negotiator gave them; each is
 * recognised by its heading ("Royalty term" is economics, "Governing law" is
 * law). The generated parts (the parties table, the economic tables, the
 * termination rights, the success-metric tables) go into the file's section
 * that is the home of their slot ("Economic terms", "Term and termination",
 * "Success metrics"; a section on audit rights belongs to the economics but is
 * no home for the payment tables), else into a section of their own placed
 * after the last section that comes earlier in the lawyers' order.
 *
 * The standard skeletons in resources/termsheet declare each section's slot;
 * a test checks every skeleton heading is recognised as that slot here.
 *
 * Intentionally has no platform imports.
 */
import type { Block } from './content';

export const SLOTS = [
  'parties',
  'transaction',
  'definitions',
  'grant',
  'diligence',
  'economics',
  'ip',
  'governance',
  'exclusivity',
  'confidentiality',
  'termination',
  'metrics',
  'law',
  'binding',
] as const;
export type Slot = (typeof SLOTS)[number];

/** Recognisers, most specific first ("Governing law" is law, "Exclusive licence" a grant, "Term and termination" not a definition). */
const RECOGNISERS: readonly [Slot, RegExp][] = [
  ['binding', /\bbinding\b/i],
  ['confidentiality', /confidential/i],
  ['law', /\b(law|disputes?|arbitration|jurisdiction)\b/i],
  ['metrics', /\b(success|metrics?|kpis?|milestones? review|review points?)\b/i],
  ['definitions', /\bdefinitions?\b|\bdefined terms\b/i],
  ['transaction', /^(the\s+)?(transaction|overview|summary)\b/i],
  ['parties', /^(the\s+)?parties\b/i],
  ['ip', /intellectual property|\bip\b|\bpatents?\b|joint developments?|improvements|know-how/i],
  ['governance', /governance|steering committee|\bcommittee\b|\bboard\b/i],
  ['exclusivity', /no-?shop|exclusivity|non-?compet|non-?solicit/i],
  ['termination', /\bterminat|\bterm\b|change of (control|strategy)|\bexit\b|deadlock/i],
  ['economics', /econom|financial|consideration|payments?\b|royalt|milestone payments|\bfees?\b|\baudit\b|\breports?\b|capital|distribution/i],
  ['diligence', /diligence|development|commerciali[sz]ation|business plan|contributions?|commitments?|go-to-market/i],
  ['grant', /licen[cs]e|\bgrant\b|\bscope\b|\bfield\b|territor|\bpurpose\b/i],
];

/** Headings that can hold their slot's generated tables (a section of the economics slot such as "Audit" cannot). */
const HOMES: Partial<Record<Slot, RegExp>> = {
  parties: /parties/i,
  transaction: /./,
  economics: /econom|financial|consideration|payment terms|payments/i,
  termination: /terminat|\bterm\b|\bexit\b/i,
  metrics: /success|metrics?|kpis?/i,
};

/** The slot a heading names, or undefined for a section of its own kind (it then follows the one before it). */
export function slotOfHeading(heading: string): Slot | undefined {
  return RECOGNISERS.find(([, re]) => re.test(heading))?.[0];
}

export const slotRank = (slot: Slot): number => SLOTS.indexOf(slot);

/**
 * Each section's place in the lawyers' order: its slot's rank, or, for a
 * section of its own kind, the rank of the section before it (it belongs
 * with that one); -1 before any recognised section.
 */
export function effectiveRanks(slots: readonly (Slot | undefined)[]): number[] {
  let last = -1;
  return slots.map((slot) => (last = slot !== undefined ? slotRank(slot) : last));
}

/** Where a section of rank `rank` goes among sections of these effective ranks: after the last that comes earlier (or as early), else before the first that comes later. */
export function insertionIndex(ranks: readonly number[], rank: number, orEqual: boolean): number {
  let earlier = -1;
  ranks.forEach((r, i) => {
    if (r >= 0 && (orEqual ? r <= rank : r < rank)) earlier = i;
  });
  if (earlier >= 0) return earlier + 1;
  const later = ranks.findIndex((r) => r > rank);
  return later >= 0 ? later : ranks.length;
}

/** Whether a section of this heading takes its slot's generated tables. */
export function isHomeOf(slot: Slot, heading: string): boolean {
  return slotOfHeading(heading) === slot && (HOMES[slot]?.test(heading) ?? false);
}

/** One section of the document: its heading block, then its content. */
export interface SectionParts {
  slot: Slot | undefined;
  /** Whether generated tables of the slot may go into this section. */
  home: boolean;
  heading: Block;
  /** Generated content (tables) shown first, then the file's own text. */
  generated: Block[];
  text: Block[];
}

/**
 * The sections in reading order: the file's own in their order, and each
 * generated part merged into the first section of its slot, or placed as its
 * own section before the first later slot. `own` are the file's sections;
 * `generated` the parts to place, each with the section to create when no
 * file section takes it.
 */
export function arrangeSections(own: readonly SectionParts[], generated: readonly { slot: Slot; blocks: Block[]; heading: Block }[]): SectionParts[] {
  const out = own.map((s) => ({ ...s, generated: [...s.generated], text: [...s.text] }));
  for (const part of generated) {
    if (part.blocks.length === 0) continue;
    const home = out.find((s) => s.slot === part.slot && s.home);
    if (home) {
      home.generated.push(...part.blocks);
      continue;
    }
    const rank = slotRank(part.slot);
    const section: SectionParts = { slot: part.slot, heading: part.heading, home: true, generated: [...part.blocks], text: [] };
    // The parties and the transaction open a term sheet, whatever the file's first sections are.
    if (rank <= slotRank('transaction')) {
      const after = out.findIndex((s) => s.slot === undefined || slotRank(s.slot) > rank);
      out.splice(after < 0 ? out.length : after, 0, section);
      continue;
    }
    // After the last section that comes earlier in the lawyers' order; else before the first that comes later.
    out.splice(insertionIndex(effectiveRanks(out.map((s) => s.slot)), rank, false), 0, section);
  }
  return out;
}

/** Slots whose own text introduces the tables ("the targets below", "the fee stated below"); elsewhere the tables come first. */
const TEXT_FIRST: ReadonlySet<Slot> = new Set(['termination', 'metrics']);

export function sectionBlocks(sections: readonly SectionParts[]): Block[] {
  return sections.flatMap((s) => (s.slot && TEXT_FIRST.has(s.slot) ? [s.heading, ...s.text, ...s.generated] : [s.heading, ...s.generated, ...s.text]));
}
