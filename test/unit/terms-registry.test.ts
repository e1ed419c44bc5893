/**
 * The registry of kinds of term (shared/terms) holds together: each kind's
 * schema and field list name the same keys, its editor lays out only fields
 * it has, its template is a valid term in every example, and the name of a
 * kind appears in its own module and the registry, not scattered through the
 * code (the spec, data files and tests aside).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allKeys, type FieldMap } from '../../shared/terms/fields';
import type { EditorItem } from '../../shared/terms/kind';
import { TERM_KINDS, TERM_TYPES, termKind } from '../../shared/terms/registry';
import { validateDeal } from '../../shared/model/validate';
import { exampleDeal, EXAMPLES } from './engine/engine-harness';

const root = join(import.meta.dirname, '..', '..');

/** The keys of a zod object schema's shape. */
function shapeKeys(schema: unknown): string[] {
  return Object.keys((schema as { shape: Record<string, unknown> }).shape);
}

describe('each kind of term', () => {
  for (const type of TERM_TYPES) {
    const kind = TERM_KINDS[type] as unknown as (typeof TERM_KINDS)['royalty'];
    it(`${type}: its schema and its field list name the same keys; its editor lays out fields it has`, () => {
      expect(kind.type).toBe(type);
      expect(shapeKeys(kind.schema).sort()).toEqual(['type', 'id', 'label', 'trigger', 'note', ...Object.keys(kind.fields)].sort());
      const known = new Set(allKeys(kind.fields));
      const visit = (items: readonly EditorItem<never>[], fields: FieldMap) => {
        for (const item of items) {
          if (item.kind === 'field' || item.kind === 'shares' || item.kind === 'table' || item.kind === 'toggle') expect(known.has(item.key), `${type} editor: ${item.key}`).toBe(true);
          if (item.kind === 'toggle') {
            const spec = fields[item.key];
            expect(spec?.kind).toBe('object');
            if (spec?.kind === 'object') visit(item.items, spec.fields);
          }
          if (item.kind === 'when') visit(item.items as readonly EditorItem<never>[], fields);
        }
      };
      visit(kind.editor as readonly EditorItem<never>[], kind.fields);
      // Every field is somewhere in the editor.
      const laidOut = JSON.stringify(kind.editor, (_k, v: unknown) => (typeof v === 'function' ? undefined : v));
      for (const key of Object.keys(kind.fields)) expect(laidOut, `${type}.${key} in the editor`).toContain(`"${key}"`);
    });

    it(`${type}: its template is a valid term of every example`, () => {
      for (const name of EXAMPLES) {
        const deal = exampleDeal(name);
        const term = kind.template(deal, 'fresh');
        expect(termKind(term)).toBe(kind);
        const result = validateDeal({ ...deal, terms: [...deal.terms, term] });
        // A new royalty or sales milestone on a deal without a series names "0": still valid.
        expect(result.ok ? [] : result.problems, `${type} in ${name}`).toEqual([]);
      }
    });
  }
});

describe("a kind's name", () => {
  /** Source files of the app (not tests, data or the spec). */
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mjs)$/.test(entry)) sources.push(relative(root, path));
    }
  };
  for (const dir of ['shared', 'host', 'renderer', 'electron']) walk(join(root, dir));

  /**
   * Where a kind's name may appear besides its module and the registry: "termination" is also the name
   * of the term sheet's "Term and termination" section (its slot, as the standard sections' data
   * files name it); the benchmark generates a large deal of own cash flows, and its hand-written
   * baseline finds the pharma example's term whose id is "royalty".
   */
  const ALSO: Record<string, readonly string[]> = {
    termination: ['shared/termsheet/section-slots.ts', 'shared/termsheet/build.ts', 'shared/termsheet/economic-terms.ts', 'shared/terms/kind.ts'],
    cashflow: ['host/bench/large-deals.ts'],
    royalty: ['host/bench/baseline-pharma.ts'],
  };
  const MODULE_FILE: Record<string, string> = { salesMilestone: 'sales-milestone', revenueShare: 'revenue-share', costShare: 'cost-share' };

  for (const type of TERM_TYPES) {
    it(`"${type}" is written only in its module and the registry`, () => {
      const quoted = new RegExp(`['"\`]${type}['"\`]`);
      const found = sources.filter((file) => quoted.test(readFileSync(join(root, file), 'utf8')));
      const allowed = new Set([`shared/terms/${MODULE_FILE[type] ?? type}.ts`, 'shared/terms/registry.ts', ...(ALSO[type] ?? [])]);
      expect(found.filter((f) => !allowed.has(f))).toEqual([]);
    });
  }
});
