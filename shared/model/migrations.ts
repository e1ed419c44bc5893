/**
 * Upgrading `.deal` files written by older versions, one version at a time.
 * Version 1 is the first format, so the registry is empty; the machinery is
 * here (and tested with a made-up version 0) so that the day version 2 comes,
 * adding it is one function, and files from every earlier version still open.
 *
 * A file whose `version` is newer than this app's is refused, never guessed at
 * and never written over (the host checks the file on disk before saving).
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import { CURRENT_VERSION } from './schema';

/** Turns the raw JSON of version `from` into the raw JSON of version `from + 1`. Must not mutate its input. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** Keyed by the version a step upgrades from. */
export type MigrationRegistry = ReadonlyMap<number, Migration>;

export const MIGRATIONS: MigrationRegistry = new Map();

export type MigrationResult =
  | { ok: true; raw: unknown; migrated: boolean; fromVersion: number }
  | { ok: false; problems: Problem[] };

export const NEWER_VERSION_MESSAGE = 'made by a newer version of Dealwright';

/** What `version` a raw document claims, if it claims a whole number. */
export function claimedVersion(raw: unknown): number | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const v = (raw as Record<string, unknown>).version;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/**
 * Brings raw JSON up to `target` (the current version by default). Documents
 * without a whole-number version are passed through for the schema to explain.
 */
export function migrate(raw: unknown, registry: MigrationRegistry = MIGRATIONS, target: number = CURRENT_VERSION): MigrationResult {
  const version = claimedVersion(raw);
  if (version === undefined) return { ok: true, raw, migrated: false, fromVersion: target };
  if (version > target) {
    return {
      ok: false,
      problems: [{ path: 'version', message: `${NEWER_VERSION_MESSAGE} (file version ${version}; this one reads up to version ${target}): update Dealwright to open it` }],
    };
  }
  let doc = raw as Record<string, unknown>;
  for (let v = version; v < target; v++) {
    const step = registry.get(v);
    if (!step) {
      return { ok: false, problems: [{ path: 'version', message: `version ${version} is not a version of the .deal format this app can read` }] };
    }
    doc = { ...step(doc), version: v + 1 };
  }
  return { ok: true, raw: doc, migrated: version < target, fromVersion: version };
}
