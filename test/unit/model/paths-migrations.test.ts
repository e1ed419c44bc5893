/**
 * Scenario overrides (a new deal, never a mutation; a path that does not exist
 * is an error naming the scenario), the migration registry (step by step; a
 * newer version refused with "made by a newer version of Dealwright") and the
 * strict JSON reader under hostile text.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonText } from '../../../shared/model/json-text';
import { migrate, type Migration } from '../../../shared/model/migrations';
import { parseDealText } from '../../../shared/model/parse';
import { applyScenario, applyScenarioById, getNumberAt, setNumberAt } from '../../../shared/model/paths';
import type { Deal } from '../../../shared/model/schema';

const root = resolve(__dirname, '..', '..', '..');
const text = readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8');
const loaded = parseDealText(text);
if (!loaded.ok) throw new Error('example must load');
const deal: Deal = loaded.deal;

describe('scenario overrides', () => {
  it('apply to a copy: the deal itself is untouched', () => {
    const before = JSON.stringify(deal);
    const applied = applyScenarioById(deal, 'ask');
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(getNumberAt(applied.value.deal, 'terms.upfront.amount')).toEqual({ ok: true, value: 40 });
    expect(getNumberAt(applied.value.deal, 'terms.royalty.tiers.2.rate')).toEqual({ ok: true, value: 0.14 });
    expect(JSON.stringify(deal)).toBe(before);
  });

  it('do not stack: each applies to the file as written', () => {
    const fallback = applyScenarioById(deal, 'fallback');
    expect(fallback.ok && getNumberAt(fallback.value.deal, 'terms.royalty.tiers.2.rate')).toEqual({ ok: true, value: 0.12 });
  });

  it('the first scenario is the default', () => {
    const applied = applyScenarioById(deal);
    expect(applied.ok && applied.value.scenario.id).toBe('base');
  });

  it('a path that does not exist is an error naming the scenario', () => {
    const result = applyScenario(deal, { id: 'bad', name: 'Bad', set: { 'terms.upfrnt.amount': 1 } });
    expect(result).toEqual({ ok: false, problems: [{ path: 'scenarios.bad', message: '"terms.upfrnt.amount": no term "upfrnt" (did you mean "upfront"?)' }] });
    expect(applyScenarioById(deal, 'nope')).toEqual({ ok: false, problems: [{ path: '', message: 'no scenario or round "nope" (the deal has: base, ask, fallback, r1, r2, r3)' }] });
  });

  it('paths reach inputs, parties and array items; prototype segments are refused', () => {
    expect(getNumberAt(deal, 'inputs.peakSales.p50')).toEqual({ ok: true, value: 650 });
    expect(getNumberAt(deal, 'parties.licensor.walkAway')).toEqual({ ok: true, value: 45 });
    expect(getNumberAt(deal, 'terms.royalty.tiers.5.rate').ok).toBe(false);
    expect(getNumberAt(deal, 'terms.__proto__.x')).toEqual({ ok: false, problems: [{ path: '', message: '"terms.__proto__.x": "__proto__" is not allowed in a path' }] });
    expect(setNumberAt(deal, 'terms.licenseeOps.amount', 1)).toEqual({ ok: false, problems: [{ path: '', message: '"terms.licenseeOps.amount" does not hold a number' }] });
  });
});

describe('migrations', () => {
  // A made-up version 0 that called parties "sides": the framework must carry it to version 1.
  const zeroToOne: Migration = (raw) => {
    const { sides, ...rest } = raw;
    return { ...rest, parties: sides };
  };
  const v0 = (() => {
    const { parties, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return { ...rest, version: 0, sides: parties };
  })();

  it('upgrades step by step and says it did', () => {
    const result = migrate(v0, new Map([[0, zeroToOne]]));
    expect(result.ok && result.migrated).toBe(true);
    expect(result.ok && result.fromVersion).toBe(0);
    const reparsed = parseDealText(JSON.stringify(v0), new Map([[0, zeroToOne]]));
    expect(reparsed.ok && reparsed.migrated).toBe(true);
    expect(reparsed.ok && reparsed.deal.parties).toEqual(deal.parties);
  });

  it('does not mutate the input', () => {
    const before = JSON.stringify(v0);
    migrate(v0, new Map([[0, zeroToOne]]));
    expect(JSON.stringify(v0)).toBe(before);
  });

  it('refuses a version with no path to the current one', () => {
    expect(migrate(v0)).toEqual({ ok: false, problems: [{ path: 'version', message: 'version 0 is not a version of the .deal format this app can read' }] });
  });

  it('refuses a newer version with "made by a newer version of Dealwright"', () => {
    const result = parseDealText(text.replace('"version": 1', '"version": 7'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toMatch(/^made by a newer version of Dealwright/);
  });

  it('leaves version 1 alone', () => {
    expect(migrate(JSON.parse(text))).toMatchObject({ ok: true, migrated: false, fromVersion: 1 });
  });
});

describe('the strict JSON reader', () => {
  it('reads what JSON.parse reads', () => {
    const r = readJsonText(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
  });
  it.each([
    ['{"a": 1', 'not valid JSON: unexpected end of the file (it looks truncated) at line 1, column 8'],
    ['{"a": 1}}', 'not valid JSON: unexpected "}" after the end of the JSON value at line 1, column 9'],
    ['{"a": [1, 2,]}', 'not valid JSON: unexpected "]" at line 1, column 13'],
    ["{'a': 1}", 'not valid JSON: expected a key in double quotes, found "\'" at line 1, column 2'],
    ['{"a": "x\ny"}', 'not valid JSON: control character U+000A inside a string at line 1, column 9'],
    ['{"a": 1, "a": 2}', 'key "a" appears twice in the same object'],
    ['{"b": {"__proto__": {}}}', '"__proto__" is not allowed as a key'],
    ['{"constructor": 1}', '"constructor" is not allowed as a key'],
    [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'nested more than 64 levels deep'],
  ])('%j', (input, message) => {
    const r = readJsonText(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.message).toBe(message);
  });
  it('never builds an object with a polluted prototype', () => {
    const r = readJsonText('{"x": {"__proto__": {"polluted": true}}}');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
