/**
 * A strict JSON reader for untrusted `.deal` text. Unlike JSON.parse it keeps
 * where every value sits in the text (so saving can keep a file's own layout),
 * and it refuses, with a line and column a person can find, what JSON.parse
 * would let through silently or crash on later:
 *   - prototype keys (`__proto__`, `constructor`, `prototype`), never merged;
 *   - a key written twice in one object (a reader of the file would see the first,
 *     the app the last);
 *   - absurd nesting (checked as it reads, so 10,000 open brackets cost nothing).
 *
 * Intentionally has no platform imports.
 */
import { failed, type Result } from '../problems';

export type JsonNode =
  | { kind: 'object'; start: number; end: number; members: JsonMember[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'literal'; start: number; end: number; value: boolean | null };

export interface JsonMember {
  key: string;
  value: JsonNode;
}

export type JsonReadResult = Result<{ node: JsonNode; value: unknown }>;

/** Keys that could reach an object's prototype if merged anywhere downstream. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A deal is about 6 levels deep; `x-` extensions get generous room on top. */
export const MAX_JSON_DEPTH = 64;

class JsonTextError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly jsonPath = '',
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Line and column (1-based) of a character offset, for messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Names a character in a message. Only JSON's own punctuation is quoted: a
 * message about a file is never a way to read what the file holds (a letter
 * or digit of someone's private file, opened by mistake or on purpose).
 */
function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  if ('{}[],:"\'`'.includes(ch)) return `"${ch}"`;
  return 'character';
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Reads `text` as one JSON value. Never throws for bad input. */
export function readJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonReadResult {
  let pos = 0;

  const skipWs = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };

  const fail = (message: string, at = pos, jsonPath = ''): never => {
    throw new JsonTextError(message, at, jsonPath);
  };

  const unexpected = (): never => {
    if (pos >= text.length) return fail('unexpected end of the file (it looks truncated)');
    return fail(`unexpected ${describeChar(text[pos]!)}`);
  };

  const readString = (): { value: string; start: number; end: number } => {
    const start = pos;
    pos++; // opening quote
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        // The slice is now a well-formed JSON string literal apart from escapes, which JSON.parse checks.
        try {
          return { value: JSON.parse(text.slice(start, pos)) as string, start, end: pos };
        } catch {
          return fail('invalid escape sequence in a string', start);
        }
      }
      if (c === 92) pos += 2;
      else if (c < 0x20) fail(`${describeChar(text[pos]!)} inside a string`);
      else pos++;
    }
    return fail('unexpected end of the file inside a string (it looks truncated)');
  };

  const readValue = (depth: number, pathIn: string): [JsonNode, unknown] => {
    let path = pathIn;
    skipWs();
    if (pos >= text.length) unexpected();
    const ch = text[pos]!;
    const start = pos;
    if (ch === '{' || ch === '[') {
      // Only the first few steps of the path: the rest is the same bracket again and again.
      if (depth >= maxDepth) fail(`nested more than ${maxDepth} levels deep`, pos, path.replace(/^((?:[^.[]+|\[\d+\]){1,3}).*$/, '$1') || '(top)');
    }
    if (ch === '{') {
      pos++;
      const members: JsonMember[] = [];
      const value: Record<string, unknown> = {};
      const seen = new Set<string>();
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return [{ kind: 'object', start, end: pos, members }, value];
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"') {
          if (pos >= text.length) unexpected();
          fail(`expected a key in double quotes, found ${describeChar(text[pos]!)}`);
        }
        const keyStart = pos;
        const key = readString().value;
        const here = childPath(path, key);
        if (FORBIDDEN_KEYS.has(key)) fail(`"${key}" is not allowed as a key`, keyStart, here);
        if (seen.has(key)) fail(`key "${key}" appears twice in the same object`, keyStart, here);
        seen.add(key);
        skipWs();
        if (text[pos] !== ':') unexpected();
        pos++;
        const [node, v] = readValue(depth + 1, here);
        members.push({ key, value: node });
        value[key] = v;
        // Items of terms, parties and scenarios are named by their id in later messages, as everywhere else.
        if (key === 'id' && typeof v === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(v) && /^(terms|parties|scenarios)\[\d+\]$/.test(path)) {
          path = path.replace(/\[\d+\]$/, `.${v}`);
        }
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return [{ kind: 'object', start, end: pos, members }, value];
        }
        unexpected();
      }
    }
    if (ch === '[') {
      pos++;
      const items: JsonNode[] = [];
      const value: unknown[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return [{ kind: 'array', start, end: pos, items }, value];
      }
      for (;;) {
        const [node, v] = readValue(depth + 1, childPath(path, items.length));
        items.push(node);
        value.push(v);
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return [{ kind: 'array', start, end: pos, items }, value];
        }
        unexpected();
      }
    }
    if (ch === '"') {
      const s = readString();
      return [{ kind: 'string', ...s }, s.value];
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      if (!m) return unexpected();
      pos += m[0].length;
      const n = Number(m[0]);
      return [{ kind: 'number', start, end: pos, value: n }, n];
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return [{ kind: 'literal', start, end: pos, value: v }, v];
      }
    }
    return unexpected();
  };

  try {
    const [node, value] = readValue(0, '');
    skipWs();
    if (pos < text.length) fail(`unexpected ${describeChar(text[pos]!)} after the end of the JSON value`);
    return { ok: true, node, value };
  } catch (err) {
    if (err instanceof JsonTextError) {
      const { line, column } = lineColumn(text, err.at);
      const structural = err.jsonPath !== '';
      return failed(err.jsonPath, structural ? err.message : `not valid JSON: ${err.message} at line ${line}, column ${column}`);
    }
    // Only a stack overflow could get here (the depth limit should prevent it): still an answer, not a crash.
    return failed('', 'the file could not be read as JSON');
  }
}
