/* eslint-disable @typescript-eslint/no-explicit-any -- the case builds shuffled JSON */
/**
 * Writing `.deal` files: the shipped examples survive open-and-save byte for
 * byte, an edit changes only its own line, the canonical layout is stable
 * (2 spaces, fixed key order, newline at the end), and for any valid deal,
 * reading back what was written gives the same deal.
 */
import fc from 'fast-check';
import { failureText } from '../../../shared/problems';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDealLike } from '../../../shared/model/layout-preserving';
import { parseDealText } from '../../../shared/model/parse';
import { setNumberAt } from '../../../shared/model/paths';
import { serializeDeal } from '../../../shared/model/serialize';
import { validateDeal } from '../../../shared/model/validate';
import { dealArb } from './deal-arbitrary';

const root = resolve(__dirname, '..', '..', '..');
const examplesDir = join(root, 'resources', 'examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.deal'));

function load(text: string) {
  const result = parseDealText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.deal;
}

describe('the shipped examples', () => {
  it.each(examples)('%s validates and round-trips byte for byte', (name) => {
    const text = readFileSync(join(examplesDir, name), 'utf8');
    const deal = load(text);
    expect(serializeDealLike(deal, text)).toBe(text);
  });

  it.each(examples)('%s: the canonical text reads back as the same deal', (name) => {
    const deal = load(readFileSync(join(examplesDir, name), 'utf8'));
    expect(load(serializeDeal(deal))).toEqual(deal);
  });

  it('an edit changes only the edited line and keeps the number spelling elsewhere', () => {
    const text = readFileSync(join(examplesDir, 'saas-alliance.deal'), 'utf8');
    const edited = setNumberAt(load(text), 'terms.exit.fee.amount', 300);
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    const out = serializeDealLike(edited.value, text);
    const before = text.split('\n');
    const after = out.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.map((line, i) => (line === before[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed.length).toBe(1);
    expect(after[changed[0]!]).toContain('"amount": 300');
    expect(out).toContain('"discountRate": 0.10');
  });

  it('adding a term keeps every other term as it was written', () => {
    const text = readFileSync(join(examplesDir, 'pharma-licence.deal'), 'utf8');
    const deal = load(text);
    const more = { ...deal, terms: [...deal.terms, { id: 'extra', type: 'payment' as const, from: 'licensee', to: 'licensor', amount: 5, at: 3 }] };
    const out = serializeDealLike(more, text);
    expect(load(out)).toEqual(more);
    for (const line of text.split('\n').filter((l) => l.includes('"type": "payment"'))) expect(out).toContain(line.replace(/,$/, ''));
  });
});

describe('x- keys inside maps keyed by ids', () => {
  const text = readFileSync(join(examplesDir, 'saas-alliance.deal'), 'utf8')
    .replace('"inputs": {', '"inputs": { "x-source": { "report": "Q3 survey" },')
    .replace('"shares": { "ledgerly": 0.6, "atlas": 0.4 }', '"shares": { "ledgerly": 0.6, "atlas": 0.4, "x-agreed": "2026-11-03" }');

  it('are left out of the deal the app works on (no input called "x-source")', () => {
    const deal = load(text);
    expect(Object.keys(deal.inputs)).not.toContain('x-source');
    const integration = deal.terms.find((t) => t.id === 'integration');
    expect(integration?.type === 'costShare' && Object.keys(integration.shares)).toEqual(['ledgerly', 'atlas']);
  });

  it('are written back when the file is saved, even after an edit', () => {
    const deal = load(text);
    expect(serializeDealLike(deal, text)).toBe(text);
    const edited = setNumberAt(deal, 'terms.exit.fee.amount', 300);
    if (!edited.ok) throw new Error(failureText(edited));
    const out = serializeDealLike(edited.value, text);
    expect(out).toContain('"x-source": { "report": "Q3 survey" }');
    expect(out).toContain('"x-agreed": "2026-11-03"');
  });
});

describe('canonical layout', () => {
  const deal = load(readFileSync(join(examplesDir, 'pharma-licence.deal'), 'utf8'));
  const text = serializeDeal(deal);

  it('is pretty JSON with 2 spaces and a newline at the end', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "dealwright.deal",');
    expect(text).toContain('\n    {\n      "id": "licensor",');
  });

  it('puts keys in the format\'s order whatever order they came in', () => {
    const reversed = Object.fromEntries(Object.entries(deal).reverse());
    expect(serializeDeal(reversed)).toBe(text);
    const keys = [...text.matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
    expect(keys).toEqual(['format', 'version', 'title', 'description', 'currency', 'unit', 'us', 'timeline', 'parties', 'inputs', 'correlations', 'series', 'terms', 'scenarios', 'negotiation', 'sliders', 'simulation', 'termSheet']);
  });

  it('is the same text every time', () => {
    expect(serializeDeal(load(text))).toBe(text);
  });

  it('orders the term-sheet additions too: legal details after the name, trigger after the label, the summary first', () => {
    const shuffled = JSON.parse(JSON.stringify(deal)) as Record<string, any>;
    shuffled.parties[0] = { walkAway: 45, signatory: { title: 'CEO', name: 'Dr Maya Chen' }, address: 'x', discountRate: 0.13, jurisdiction: 'j', name: 'Helix Bio', legalName: 'l', id: 'licensor' };
    shuffled.terms[0] = { at: 0, amount: 25, to: 'licensor', from: 'licensee', trigger: 'on signing', label: 'Upfront payment', type: 'payment', id: 'upfront' };
    shuffled.termSheet = { placeholders: shuffled.termSheet.placeholders, sections: shuffled.termSheet.sections, summary: 'S' };
    const out = serializeDeal(shuffled);
    expect(out).toContain('"id": "licensor",\n      "name": "Helix Bio",\n      "legalName": "l",\n      "jurisdiction": "j",\n      "address": "x",\n      "signatory": {\n        "name": "Dr Maya Chen",\n        "title": "CEO"\n      },\n      "discountRate": 0.13');
    expect(out).toContain('"label": "Upfront payment",\n      "trigger": "on signing",\n      "from": "licensee"');
    expect(out).toMatch(/"termSheet": \{\n {4}"summary": "S",\n {4}"sections"/);
  });

  it('keeps -0 and x- keys', () => {
    const withExt = { ...deal, 'x-crm': { id: 7, tags: ['a'] }, parties: deal.parties.map((p, i) => (i === 0 ? { ...p, walkAway: -0 } : p)) };
    const back = load(serializeDeal(withExt));
    expect(back).toEqual(withExt);
    expect(Object.is(back.parties[0]!.walkAway, -0)).toBe(true);
  });
});

describe('properties over generated valid deals', () => {
  it('every generated deal is valid (the generator is honest)', () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        const result = validateDeal(deal);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('parse(serialize(deal)) equals deal, and serializing again gives the same bytes', () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        const text = serializeDeal(deal);
        const back = load(text);
        expect(back).toEqual(deal);
        expect(serializeDeal(back)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('saving in the layout of another deal still writes exactly the deal', () => {
    fc.assert(
      fc.property(dealArb, dealArb, (deal, template) => {
        expect(load(serializeDealLike(deal, serializeDeal(template)))).toEqual(deal);
      }),
      { numRuns: 60 },
    );
  });
});
