/**
 * What a kind of term is: the one shape every term module (shared/terms/<kind>.ts)
 * fills in, and that validation, compilation, renaming, saving, the term-sheet
 * writer and the editor read through the registry (registry.ts).
 *
 * A kind states its fields once (fields.ts: schema, value kinds, when formulas
 * are evaluated, contract figures, labels, key order), then what only it
 * knows: its own rules, its kernel code, its wording, its template and its
 * editor layout.
 *
 * Intentionally has no platform imports.
 */
import type * as z from 'zod';
import type { Problem } from '../problems';
import type { Deal } from '../model/schema';
import type { CodegenContext, TermCode } from '../engine/term-codegen';
import type { Block } from '../termsheet/content';
import type { FigureContext } from '../termsheet/figure-cells';
import type { FieldMap } from './fields';

/** The common part of every term. */
export interface TermBase {
  id: string;
  type: string;
  label?: string | undefined;
  trigger?: string | undefined;
  note?: string | undefined;
}

export interface CheckContext {
  deal: Deal;
  /** The term's problem path: `terms.royalty` or `terms[3]`. */
  base: string;
  /** The rules every kind shares, from its fields: parties exist, a party does not pay itself, shares sum to 1. */
  fieldProblems(): Problem[];
}

/** How the standard term-sheet sections read a deal: which party is the licensor. */
export interface LicenceRoles {
  /** Lower ranks win: a royalty's payee is the licensor before a payment's. */
  rank: number;
  licensor: string;
  licensee?: string;
}

/** One part of a term's editor card, laid out in this order (renderer/src/terms/TermEditor.tsx draws them). */
export type EditorItem<T> =
  /** A field of the term by key: a number or formula, a party, a choice, a text; its label is the field's. */
  | { kind: 'field'; key: string; label?: string }
  /** A party -> fraction map, one percent field per party. */
  | { kind: 'shares'; key: string; label?: string }
  /**
   * A list of objects as a table: one row per item, `columns` of its fields (`cell` names each field
   * of row i for screen readers), an add button and a remove button per row. `tiered`: the last row's
   * `upTo` reads "and above", adding a row gives the former last row a ceiling, removing one takes the
   * new last row's away.
   */
  | {
      kind: 'table';
      key: string;
      label: string;
      add: string;
      columns: readonly { key: string; header: string; cell: (i: number) => string }[];
      remove: (i: number) => string;
      newItem: (term: T, deal: Deal) => Record<string, unknown>;
      tiered?: boolean;
      /** At least this many rows stay. */
      min?: number;
      /** Drawn as a list of rows (share tiers, each with its own shares) rather than a table. */
      rows?: 'list';
    }
  /** One of several ways the term can be written, as radio buttons; each `pick` returns the fields it sets (undefined removes one). */
  | { kind: 'mode'; legend: string; options: readonly { label: string; is: (term: T) => boolean; pick: (term: T, deal: Deal) => Partial<Record<string, unknown>> }[] }
  /** An optional object (a fee, a preferred return): a checkbox adds it with `make`, unchecking removes it; `items` edit its fields. */
  | { kind: 'toggle'; key: string; legend: string; label: string; make: (deal: Deal) => Record<string, unknown>; items: readonly EditorItem<never>[] }
  /** Items shown only while `test` holds. */
  | { kind: 'when'; test: (term: T) => boolean; items: readonly EditorItem<T>[] };

export interface TermKind<T extends TermBase, S extends z.ZodType<T> = z.ZodType<T>> {
  type: T['type'];
  /** Its name in the editor ("Sales milestone") and what it is for. */
  title: string;
  hint: string;
  schema: S;
  fields: FieldMap;
  /**
   * A party's own economics (its margin, its costs), not a term between the parties: it has no
   * trigger, stays out of the term sheet's economics and out of every document for the other side.
   */
  ownFlow?: true;
  /** Where the kernel's check of the term's flows goes: with the terminations, every period regardless of them, or while the deal is active. */
  phase: 'active' | 'termination' | 'always';
  /**
   * The first period in which its probability fields decide (validation checks a probability that
   * reads nothing drawn in every period from there), or undefined when that is not known before valuing.
   */
  decidesFrom?: (term: T, knownPeriod: (value: T[keyof T] | undefined) => number | undefined) => number | undefined;
  /**
   * How one of its numbers (`field`, the path below the term) moves each party's mean NPV, where the
   * generic rule does not hold (amounts, rates, factors and shares linear; ceilings and thresholds
   * monotone). The efficient frontier refines only where it knows the shape (engine/frontier.ts).
   */
  numberShape?: (field: readonly string[]) => 'linear' | 'monotone' | 'unknown';
  /** Rules beyond the shared ones; `c.fieldProblems()` gives those, in the order this kind wants them. */
  check?: (term: T, c: CheckContext) => Problem[];
  /** Adds the term's kernel code; returns false (with problems in ctx) when it cannot. */
  emit(term: T, n: number, ctx: CodegenContext, code: TermCode): boolean;
  /** A new term of this kind, valid (or nearly) in this deal the moment it is added. */
  template(deal: Deal, id: string): T;
  /** When it is due, in contract words, when the term has no trigger of its own. */
  defaultTrigger(deal: Deal, term: T): string;
  /** How the model times it, for the internal draft's appendix. */
  modelTiming(deal: Deal, term: T): string;
  /** Its place in the term sheet: the blocks for all terms of this kind, in file order. */
  termSheet?: { slot: 'economics' | 'termination'; blocks(ctx: FigureContext, terms: T[]): Block[] };
  /** A party's role in the parties table ("Licensor"); lower ranks win. */
  role?(term: T, partyId: string): { rank: number; role: string } | undefined;
  /** What kind of deal it makes (standard sections); lower ranks win. */
  dealKind?: { kind: 'licence' | 'alliance' | 'jointVenture'; rank: number };
  licenceRoles?(term: T): LicenceRoles;
  editor: readonly EditorItem<T>[];
}
