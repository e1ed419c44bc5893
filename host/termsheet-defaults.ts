/**
 * The standard term-sheet skeletons shipped under resources/termsheet (one
 * JSON file per kind of deal, editable by a legal team without a new build),
 * read and checked like any other file: a broken skeleton is an error naming
 * the file and the path, never a half-inserted term sheet.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StandardSectionsKind } from '../shared/api';
import { formatProblem } from '../shared/problems';
import { skeletonSchema, type Skeleton } from '../shared/termsheet/skeleton';

export const SKELETON_FILES: Record<StandardSectionsKind, string> = {
  licence: 'licence.json',
  alliance: 'alliance.json',
  jointVenture: 'joint-venture.json',
};

export async function loadSkeleton(resourcesDir: string, kind: StandardSectionsKind): Promise<Skeleton> {
  const file = join(resourcesDir, 'termsheet', SKELETON_FILES[kind]);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`the standard sections in ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = skeletonSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => formatProblem({ path: i.path.join('.'), message: i.message }));
    throw new Error(`the standard sections in ${file} are not valid: ${lines.join('; ')}`);
  }
  if (parsed.data.kind !== kind) throw new Error(`${file} holds the "${parsed.data.kind}" sections, not "${kind}"`);
  return parsed.data;
}
