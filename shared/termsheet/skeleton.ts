/**
 * Standard term-sheet skeletons: the editable default sections of a licence,
 * an alliance or a joint venture (kept in resources/termsheet/*.json, read by
 * the host), in the order lawyers expect, and how they are added to a deal
 * (the new-deal wizard, the "Add standard sections" command).
 *
 * A skeleton names parties by role (`{{party:licensor}}`, `{{party:licensee}}`,
 * `{{party:first}}` for us, `{{party:second}}` for the other side); adding it
 * turns them into the deal's own placeholders (`{{parties.helix.name}}`), so
 * every section stays ordinary editable text. Sections whose slot the deal
 * already covers are left out (the deal's own wording wins); the others go
 * where the lawyers' order puts them among the deal's sections. Free
 * placeholders (`{{territory}}`) and success metrics the deal lacks are added
 * as open points in square brackets.
 *
 * Intentionally has no platform imports.
 */
import { termKind } from '../terms/registry';
import type { LicenceRoles } from '../terms/kind';
import * as z from 'zod';
import type { Deal, TermSheet } from '../model/schema';
import { effectiveRanks, insertionIndex, SLOTS, slotOfHeading, slotRank } from './section-slots';

export const skeletonSchema = z.strictObject({
  kind: z.enum(['licence', 'alliance', 'jointVenture']),
  placeholders: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string()),
  sections: z.array(z.strictObject({ slot: z.enum(SLOTS), heading: z.string().min(1), text: z.string() })).min(1),
  successMetrics: z.array(z.strictObject({ horizon: z.string(), metric: z.string(), target: z.string() })).optional(),
});
export type Skeleton = z.infer<typeof skeletonSchema>;

export const ROLES = ['licensor', 'licensee', 'first', 'second'] as const;
const ROLE_TOKEN = /\{\{\s*party:([a-z]+)\s*\}\}/g;

/** The party id each role names in this deal: the licensor receives the royalty (or the payments), "first" is us. */
export function roleParties(deal: Deal): Record<(typeof ROLES)[number], string> {
  const other = (id: string) => deal.parties.find((p) => p.id !== id)?.id ?? id;
  // The first term of the best-ranked kind that names a licensor (each kind says, shared/terms).
  let best: LicenceRoles | undefined;
  for (const t of deal.terms) {
    const roles = termKind(t).licenceRoles?.(t);
    if (roles && (!best || roles.rank < best.rank)) best = roles;
  }
  const licensor = best?.licensor ?? deal.us;
  const licensee = best?.licensee ?? other(licensor);
  return { licensor, licensee, first: deal.us, second: other(deal.us) };
}

/** A skeleton text with its role tokens turned into the deal's party placeholders. */
export function withRoles(text: string, roles: Record<string, string>): string {
  return text.replace(ROLE_TOKEN, (whole, role: string) => (roles[role] ? `{{parties.${roles[role]}.name}}` : whole));
}

/** The deal with the skeleton's sections its term sheet lacks, placed in the lawyers' order. */
export function addStandardSections(deal: Deal, skeleton: Skeleton): Deal {
  const roles = roleParties(deal);
  const sheet: TermSheet = deal.termSheet ?? {};
  const sections = [...(sheet.sections ?? [])];
  const covered = new Set(sections.map((s) => slotOfHeading(s.heading)));
  for (const std of skeleton.sections) {
    if (covered.has(std.slot)) continue;
    covered.add(std.slot);
    const index = insertionIndex(effectiveRanks(sections.map((s) => slotOfHeading(s.heading))), slotRank(std.slot), true);
    sections.splice(index, 0, { heading: withRoles(std.heading, roles), text: withRoles(std.text, roles) });
  }
  // The deal's own placeholders keep their order and values; the skeleton's missing ones follow.
  const placeholders = { ...(sheet.placeholders ?? {}) };
  for (const [name, value] of Object.entries(skeleton.placeholders)) if (!Object.prototype.hasOwnProperty.call(placeholders, name)) placeholders[name] = value;
  const next: TermSheet = {
    ...sheet,
    sections,
    ...(Object.keys(placeholders).length ? { placeholders } : {}),
    ...(!sheet.successMetrics?.length && skeleton.successMetrics?.length ? { successMetrics: skeleton.successMetrics.map((m) => ({ ...m })) } : {}),
  };
  return { ...deal, termSheet: next };
}
