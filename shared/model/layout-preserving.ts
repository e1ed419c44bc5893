/**
 * Saving a deal in the layout of the file it was read from. Legal teams diff
 * versions of a term model line by line; a hand-formatted file (like the
 * shipped examples, with one term per line) should change only where the deal
 * changed. So: wherever a value is unchanged its original text is copied
 * verbatim (number spelling included: `0.10` stays `0.10`); where an object or
 * list keeps its keys or length, only the changed members are rewritten in
 * place; anything else is written in the canonical layout (serialize.ts).
 *
 * The result is checked by reading it back: if it does not say exactly what
 * the deal says, the canonical text is used instead. Layout is a courtesy;
 * content is the contract.
 *
 * Intentionally has no platform imports.
 */
import { readJsonText, type JsonNode } from './json-text';
import { withRecordExtensionsFrom } from './record-extensions';
import { keysInOrder, serializeDeal, serializeValue } from './serialize';

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** The value a template node holds (keys in the template's order). */
function nodeValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.members.map((m) => [m.key, nodeValue(m.value)]));
    case 'array':
      return node.items.map(nodeValue);
    default:
      return node.value;
  }
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return m ? m[0] : '';
}

/** Equal as JSON data, ignoring key order (what a reader of the file gets). */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
    const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameData(ra[k], rb[k]));
  }
  return false;
}

export function serializeDealLike(deal: unknown, template: string | undefined): string {
  if (template === undefined) return serializeDeal(deal);
  const body = template.charCodeAt(0) === 0xfeff ? template.slice(1) : template;
  const json = readJsonText(body);
  if (!json.ok) return serializeDeal(deal);
  // x- entries of id-keyed maps were left out of the working deal: the file keeps them.
  deal = withRecordExtensionsFrom(deal, json.value);

  const emit = (value: unknown, node: JsonNode, keys: (string | number)[]): string => {
    const original = body.slice(node.start, node.end);
    if (sameValue(value, nodeValue(node))) return original;
    const indent = lineIndent(body, node.start);
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && node.kind === 'object') {
      const obj = value as Record<string, unknown>;
      const names = Object.keys(obj).filter((k) => obj[k] !== undefined);
      if (names.length > 0 && names.length === node.members.length && names.every((k, i) => k === node.members[i]!.key)) {
        // Same keys in the same order: rewrite only the members that changed, keep every separator.
        let out = body.slice(node.start, node.members[0]!.value.start);
        node.members.forEach((m, i) => {
          out += emit(obj[m.key], m.value, [...keys, m.key]);
          const next = node.members[i + 1];
          out += body.slice(m.value.end, next ? next.value.start : node.end);
        });
        return out;
      }
      // Keys added, removed or reordered: the format's order (as a new object is written), keeping
      // unchanged members' own text where the key survived.
      const inner = `${indent}  `;
      const byKey = new Map(node.members.map((m) => [m.key, m.value]));
      const lines = keysInOrder(keys, obj, deal).map((k) => {
        const old = byKey.get(k);
        const text = old ? emit(obj[k], old, [...keys, k]) : serializeValue(obj[k], [...keys, k], inner, deal);
        return `${inner}${JSON.stringify(k)}: ${text}`;
      });
      return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`;
    }
    if (Array.isArray(value) && node.kind === 'array') {
      if (value.length > 0 && value.length === node.items.length) {
        let out = body.slice(node.start, node.items[0]!.start);
        node.items.forEach((item, i) => {
          out += emit(value[i], item, [...keys, i]);
          const next = node.items[i + 1];
          out += body.slice(item.end, next ? next.start : node.end);
        });
        return out;
      }
      // Items added or removed: match the survivors by id (terms, parties, scenarios) or by position.
      const idOf = (v: unknown) => (v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : undefined);
      const oldById = new Map<unknown, JsonNode>();
      node.items.forEach((item) => {
        const id = idOf(nodeValue(item));
        if (typeof id === 'string') oldById.set(id, item);
      });
      const inner = `${indent}  `;
      const lines = value.map((v, i) => {
        const id = idOf(v);
        const old = typeof id === 'string' ? oldById.get(id) : node.items[i];
        return `${inner}${old ? emit(v, old, [...keys, i]) : serializeValue(v, [...keys, i], inner, deal)}`;
      });
      return lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n${indent}]`;
    }
    return serializeValue(value, keys, indent, deal);
  };

  const trailing = body.slice(json.node.end);
  const text = body.slice(0, json.node.start) + emit(deal, json.node, []) + (/^\s*$/.test(trailing) && trailing.endsWith('\n') ? trailing : '\n');
  const check = readJsonText(text);
  return check.ok && sameData(check.value, deal) ? text : serializeDeal(deal);
}
