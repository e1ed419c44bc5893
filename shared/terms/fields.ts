/**
 * The fields of a kind of term, declared once: each builder gives the zod
 * schema of the field and a description of it (what kind of value it holds,
 * when a formula in it is evaluated, whether it is a contract figure, its
 * label in the editor and in the deal's own words). A term module lists its
 * fields with these builders; its schema, its key order for saving, and
 * everything that walks a term's fields (validation, compilation, renaming,
 * labels, the counterparty gate, the editor) come from that one list.
 *
 * Intentionally has no platform imports.
 */
import * as z from 'zod';
import type { NumberOrFormula } from '../model/schema-primitives';
import type { Deal } from '../model/schema';
import { amountSchema, finiteSchema, fractionOrFormula, numberOrFormula, periodSchema } from '../model/schema-primitives';
import { isContractDate } from '../format/dates';

/**
 * What a number field holds: money paid (`amount`, never negative), signed money (`money`: a base, a
 * venture's or a party's own flow), a tier ceiling (`ceiling`), a fraction (`rate`, `share`, `probability`,
 * `factor`), a period or date (`period`), a condition (`condition`: true or false, 1 or 0).
 */
export type ValueIs = 'amount' | 'money' | 'ceiling' | 'rate' | 'share' | 'probability' | 'factor' | 'period' | 'condition';
/** When a formula in the field is evaluated (../shared/spec/deal-format.md, "Formulas in term fields"). */
export type FieldScope = 'period' | 'iteration';

/** What a label in the deal's own words may use: where the field sits. */
export interface LabelContext {
  /** The index of the list item the field is in. */
  index: number;
  /** The list item the field is in. */
  item: Readonly<Record<string, unknown>>;
  /** The name of the party a share or stake belongs to. */
  party: string;
  /** A party's name from its id. */
  partyName(id: unknown): string;
}

/** A field's words after the term's name ("tier 1 rate" in "Royalties on net sales, tier 1 rate"); '' for the term itself. */
export type Words = string | ((c: LabelContext) => string);

interface SpecBase {
  /** The editor's label. */
  label: string;
  optional: boolean;
}

export interface ValueSpec extends SpecBase {
  kind: 'value';
  is: ValueIs;
  scope: FieldScope;
  /** A figure of the contract: a counterparty document may print it (gate.ts). */
  contract: boolean;
  words: Words;
  /** The range the schema enforces on a plain number (what-if rules keep sliders inside it). */
  bounds: 'fraction' | 'nonNegative' | 'ceiling' | 'none';
}
export interface PartySpec extends SpecBase {
  kind: 'party';
}
export interface TextSpec extends SpecBase {
  kind: 'text';
}
export interface ChoiceSpec extends SpecBase {
  kind: 'choice';
  options: readonly { value: string; label: string }[];
  /** What an absent field means. */
  default: string;
}
/** A map from party id to a fraction (shares, stakes). */
export interface SharesSpec extends SpecBase {
  kind: 'shares';
  value: ValueSpec;
}
export interface ListSpec extends SpecBase {
  kind: 'list';
  item: FieldMap;
}
export interface ObjectSpec extends SpecBase {
  kind: 'object';
  fields: FieldMap;
}
export type FieldSpec = ValueSpec | PartySpec | TextSpec | ChoiceSpec | SharesSpec | ListSpec | ObjectSpec;
/** Fields by key, in the order they are saved. */
export type FieldMap = Readonly<Record<string, FieldSpec>>;

/** A field: its schema and its description. */
export interface Field<Z extends z.ZodType = z.ZodType> {
  zod: Z;
  spec: FieldSpec;
}

type ValueOptions = { words?: Words; contract?: boolean; scope?: FieldScope };

function valueField<Z extends z.ZodType>(zod: Z, is: ValueIs, label: string, bounds: ValueSpec['bounds'], o: ValueOptions = {}): Field<Z> {
  const scope = o.scope ?? (is === 'period' ? 'iteration' : 'period');
  return { zod, spec: { kind: 'value', is, label, optional: false, scope, contract: o.contract ?? false, words: o.words ?? label.toLowerCase(), bounds } };
}

/** Money paid from one party to another: not negative (the direction comes from "from" and "to"). */
export const amount = (label: string, o?: ValueOptions) => valueField(amountSchema, 'amount', label, 'nonNegative', o);
/** Signed money: a base, a venture's net cash flow, a party's own flow. */
export const money = (label: string, o?: ValueOptions) => valueField(numberOrFormula, 'money', label, 'none', o);
/** The upper bound of a tier. */
export const ceiling = (label: string, o?: ValueOptions) => valueField(numberOrFormula, 'ceiling', label, 'ceiling', o);
/** A fraction from 0 to 1: a rate, a share, a probability per period, a factor. */
export const fraction = (is: 'rate' | 'share' | 'probability' | 'factor', label: string, o?: ValueOptions) => valueField(fractionOrFormula, is, label, 'fraction', o);
/** A rate of any size (a preferred return). */
export const rate = (label: string, o?: ValueOptions) => valueField(numberOrFormula, 'rate', label, 'none', o);
/** A period index, a calendar date ("2029", "2029-06", "2029-Q3") or a formula; evaluated once per iteration. */
export const period = (label: string, o?: ValueOptions) => valueField(periodSchema, 'period', label, 'none', o);
/** A condition: true (non-zero) or false. */
export const condition = (label: string, o?: ValueOptions) => valueField(numberOrFormula, 'condition', label, 'none', o);

export const party = (label: string): Field<z.ZodString> => ({ zod: z.string(), spec: { kind: 'party', label, optional: false } });
export const text = (label: string): Field<z.ZodString> => ({ zod: z.string(), spec: { kind: 'text', label, optional: false } });

export function choice<const V extends readonly [string, ...string[]]>(label: string, options: { [K in keyof V]: { value: V[K]; label: string } }, fallback: V[number]): Field<z.ZodEnum<{ [K in V[number]]: K }>> {
  const values = options.map((o) => o.value) as unknown as V;
  return { zod: z.enum(values) as unknown as z.ZodEnum<{ [K in V[number]]: K }>, spec: { kind: 'choice', label, optional: false, options, default: fallback } };
}

export function shares(label: string, value: Field<typeof fractionOrFormula>): Field<z.ZodRecord<z.ZodString, typeof fractionOrFormula>> {
  return { zod: z.record(z.string(), value.zod), spec: { kind: 'shares', label, optional: false, value: value.spec as ValueSpec } };
}

type ShapeOf<F extends Record<string, Field>> = { [K in keyof F]: F[K]['zod'] };

function specsOf(fields: Record<string, Field>): FieldMap {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.spec]));
}
function zodsOf<F extends Record<string, Field>>(fields: F): ShapeOf<F> {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.zod])) as ShapeOf<F>;
}

/** A list of objects (tiers, contributions, adjustments); `min` items at least. */
export function list<F extends Record<string, Field>>(label: string, item: F, min = 0, minMessage = ''): Field<z.ZodArray<z.ZodObject<ShapeOf<F>, z.core.$strict>>> {
  const element = z.strictObject(zodsOf(item));
  return { zod: (min > 0 ? z.array(element).min(min, minMessage) : z.array(element)) as z.ZodArray<typeof element>, spec: { kind: 'list', label, optional: false, item: specsOf(item) } };
}

/** An object of fields (a fee, a preferred return). */
export function object<F extends Record<string, Field>>(label: string, fields: F): Field<z.ZodObject<ShapeOf<F>, z.core.$strict>> {
  return { zod: z.strictObject(zodsOf(fields)), spec: { kind: 'object', label, optional: false, fields: specsOf(fields) } };
}

/** The same field, optional. */
export function optional<Z extends z.ZodType>(f: Field<Z>): Field<z.ZodOptional<Z>> {
  return { zod: f.zod.optional(), spec: { ...f.spec, optional: true } };
}

/** `trigger` is the contract wording of when a term is due ("within 30 days of first commercial sale"). */
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and use only letters, digits and _');
export const TERM_COMMON = { id, label: z.string().optional(), trigger: z.string().optional(), note: z.string().optional() };
/** Where the common keys go when a term is saved: identity first, the internal note last. */
export const COMMON_KEYS_FIRST = ['id', 'type', 'label', 'trigger'] as const;
export const COMMON_KEYS_LAST = ['note'] as const;

/** The schema and field list of one kind of term. */
export function termShape<T extends string, F extends Record<string, Field>>(type: T, fields: F) {
  const schema = z.strictObject({ type: z.literal(type), ...TERM_COMMON, ...zodsOf(fields) });
  return { schema, fields: specsOf(fields) };
}

export { finiteSchema };

// ---- Walking a term's fields ----

/** One field that holds a value (a number or formula, a party id, a text, a choice) and where it sits. */
export interface Leaf {
  /** Keys below the term: ['tiers', 1, 'rate'], ['shares', 'licensor']. */
  keys: (string | number)[];
  spec: ValueSpec | PartySpec | TextSpec | ChoiceSpec;
  value: unknown;
  /** The list item it is in, and its index (for labels). */
  item?: Readonly<Record<string, unknown>>;
  index?: number;
  /** The share key it is under (a party id). */
  shareKey?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every present leaf of `value` described by `fields`, in field order (list items in order, share keys as written). */
export function leaves(fields: FieldMap, value: unknown, keys: (string | number)[] = [], at: Pick<Leaf, 'item' | 'index'> = {}): Leaf[] {
  const out: Leaf[] = [];
  if (!isRecord(value)) return out;
  for (const [key, spec] of Object.entries(fields)) {
    const v = value[key];
    if (v === undefined) continue;
    const here = [...keys, key];
    switch (spec.kind) {
      case 'value':
      case 'party':
      case 'text':
      case 'choice':
        out.push({ keys: here, spec, value: v, ...at });
        break;
      case 'shares':
        if (isRecord(v)) for (const [k, x] of Object.entries(v)) out.push({ keys: [...here, k], spec: spec.value, value: x, shareKey: k, ...at });
        break;
      case 'list':
        if (Array.isArray(v)) v.forEach((item, i) => out.push(...leaves(spec.item, item, [...here, i], { item: isRecord(item) ? item : {}, index: i })));
        break;
      case 'object':
        out.push(...leaves(spec.fields, v, here, at));
        break;
    }
  }
  return out;
}

/** The description of the field at `keys` below a term (list indices and share keys included), if any. */
export function specAt(fields: FieldMap, keys: readonly (string | number)[]): FieldSpec | undefined {
  let map: FieldMap | undefined = fields;
  let spec: FieldSpec | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (spec?.kind === 'list') {
      if (typeof key !== 'number' && !/^\d+$/.test(key)) return undefined;
      map = spec.item;
      spec = undefined;
      continue;
    }
    if (spec?.kind === 'shares') {
      spec = spec.value;
      map = undefined;
      continue;
    }
    if (!map || typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(map, key)) return undefined;
    spec = map[key];
    map = spec?.kind === 'object' ? spec.fields : undefined;
  }
  return spec;
}

/**
 * Patterns of the leaves below a term whose description passes `test`, `*` standing for a list index
 * or a party id: `tiers.*.rate`, `shares.*`.
 */
export function leafPatterns(fields: FieldMap, test: (spec: FieldSpec) => boolean, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [key, spec] of Object.entries(fields)) {
    const here = [...prefix, key];
    if (spec.kind === 'list') out.push(...leafPatterns(spec.item, test, [...here, '*']));
    else if (spec.kind === 'object') out.push(...leafPatterns(spec.fields, test, here));
    else if (spec.kind === 'shares') {
      if (test(spec.value)) out.push([...here, '*']);
    } else if (test(spec)) out.push(here);
  }
  return out;
}

/** The saved key order of the object at `keys` below a term, or undefined where keys keep their own order (share maps). */
export function keyOrderAt(fields: FieldMap, keys: readonly (string | number)[]): readonly string[] | undefined {
  if (keys.length === 0) return Object.keys(fields);
  const spec = specAt(fields, keys);
  if (spec?.kind === 'object') return Object.keys(spec.fields);
  // A list item: keys end with an index.
  const parent = specAt(fields, keys.slice(0, -1));
  if (parent?.kind === 'list' && typeof keys.at(-1) === 'number') return Object.keys(parent.item);
  return undefined;
}

/** Every key a kind of term may hold anywhere below it (for "did you mean"). */
export function allKeys(fields: FieldMap): string[] {
  const out: string[] = [];
  for (const [key, spec] of Object.entries(fields)) {
    out.push(key);
    if (spec.kind === 'list') out.push(...allKeys(spec.item));
    if (spec.kind === 'object') out.push(...allKeys(spec.fields));
  }
  return out;
}

/** Whether a leaf's value is a formula to check and compile (a date in a period field is not). */
export function isFormulaLeaf(leaf: Leaf): leaf is Leaf & { spec: ValueSpec; value: string } {
  return leaf.spec.kind === 'value' && typeof leaf.value === 'string' && !(leaf.spec.is === 'period' && isContractDate(leaf.value));
}

/**
 * A copy of `value` with every leaf passed through `map` (party ids, formulas), share keys through
 * `key`; anything the description does not know (x- keys) is kept as it is, in place.
 */
export function mapLeaves(fields: FieldMap, value: unknown, map: (spec: Leaf['spec'], v: unknown) => unknown, key: (k: string) => string): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const spec = Object.prototype.hasOwnProperty.call(fields, k) ? fields[k] : undefined;
    if (!spec || v === undefined) {
      out[k] = v;
      continue;
    }
    switch (spec.kind) {
      case 'shares':
        out[k] = isRecord(v) ? Object.fromEntries(Object.entries(v).map(([p, x]) => [key(p), map(spec.value, x)])) : v;
        break;
      case 'list':
        out[k] = Array.isArray(v) ? v.map((item) => mapLeaves(spec.item, item, map, key)) : v;
        break;
      case 'object':
        out[k] = mapLeaves(spec.fields, v, map, key);
        break;
      default:
        out[k] = map(spec, v);
    }
  }
  return out;
}

export type { NumberOrFormula };

// ---- What a new term starts from (templates) ----

/** The deal's own party: the payee of a new term. */
export const payee = (deal: Pick<Deal, 'us' | 'parties'>): string => deal.us || deal.parties[0]?.id || '';
/** The first other party: the payer of a new term. */
export const payer = (deal: Pick<Deal, 'us' | 'parties'>): string => deal.parties.find((p) => p.id !== payee(deal))?.id ?? payee(deal);
/** The first series of the deal (or 0), the base a new term starts from. */
export const firstSeries = (deal: Pick<Deal, 'series'>): string => Object.keys(deal.series)[0] ?? '0';
/** Equal shares for every party, to four decimals. */
export function evenShares(deal: Pick<Deal, 'parties'>): Record<string, number> {
  const n = deal.parties.length;
  return Object.fromEntries(deal.parties.map((p) => [p.id, n ? Number((1 / n).toFixed(4)) : 0]));
}
