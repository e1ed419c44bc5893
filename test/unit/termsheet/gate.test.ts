// The one gate for documents that leave the company: what it refuses, what it keeps out by construction, what it warns about.
import { describe, expect, it } from 'vitest';
import { counterpartyPlaceholder, draftLabelProblem, internalTexts, redactForCounterparty, termSheetWarnings } from '../../../shared/termsheet/gate';
import { edited, loadExample } from './load-example';

const pharma = loadExample('pharma-licence');
const saas = loadExample('saas-alliance');

describe('counterpartyPlaceholder', () => {
  it('says why a path is refused, in a negotiator\'s words', () => {
    const reason = (path: string, deal = pharma) => {
      const v = counterpartyPlaceholder(deal, path);
      return v.ok ? 'ok' : v.reason;
    };
    expect(reason('parties.licensor.walkAway')).toBe("discloses a party's walk-away");
    expect(reason('parties.licensee.discountRate')).toBe("discloses a party's discount rate");
    expect(reason('terms.exit.hazard', saas)).toBe("is our model's probability of the event");
    expect(reason('terms.mPhase3.when')).toBe('is a condition of our model');
    expect(reason('terms.royalty.base')).toBe('is a formula of our model');
    expect(reason('terms.licenseeOps.amount')).toBe("is a party's own cash flow in our model, not a term between the parties");
    expect(reason('scenarios.1.name')).toBe('names a scenario, which is internal');
    expect(reason('sliders.0.max')).toBe('discloses the range we negotiate within (a slider)');
    expect(reason('description')).toContain('termSheet.summary is the published one');
    expect(reason('terms.upfront.x-crm')).toBe('names an "x-" extension key, which is internal');
    expect(reason('terms.royalty.tiers.1.upTo')).toBe('ok');
    expect(reason('parties.licensee.signatory.title')).toBe('ok');
    expect(reason('timeline.start')).toBe('ok');
    expect(reason('timeline.periods')).toBe("is the model's horizon, not a contract date");
  });
});

describe('redactForCounterparty', () => {
  it('keeps the terms and text, and takes out everything internal', () => {
    const deal = edited(saas, (d) => {
      (d as Record<string, unknown>)['x-crm'] = 'secret';
      d.terms.find((t) => t.id === 'exit')!.note = 'they will leave';
    });
    const r = redactForCounterparty(deal);
    expect(r.description).toBeUndefined();
    expect((r as Record<string, unknown>)['x-crm']).toBeUndefined();
    expect(r.terms.map((t) => t.id)).toEqual(['share', 'integration', 'exit']);
    expect(r.terms.find((t) => t.id === 'exit')).toMatchObject({ hazard: 0, fee: { amount: 250 } });
    expect(r.terms.find((t) => t.id === 'exit')!.note).toBeUndefined();
    expect(r.parties.map((p) => [p.name, p.walkAway, p.discountRate])).toEqual([
      ['Ledgerly', 0, 0],
      ['Atlas Cloud', 0, 0],
    ]);
    expect(r.inputs).toEqual({});
    expect(r.series).toEqual({});
    expect(r.scenarios.map((s) => s.name)).toEqual(['Scenario', 'Scenario']);
    expect(r.sliders).toBeUndefined();
    expect(r.simulation.seed).toBe(0);
    expect(r.termSheet).toEqual(deal.termSheet);
  });
});

describe('internalTexts', () => {
  it('lists the internal strings of a deal with their paths', () => {
    const texts = internalTexts(pharma);
    expect(texts).toEqual(
      expect.arrayContaining([
        { path: 'description', text: pharma.description },
        { path: 'inputs.pPhase3.label', text: 'Phase III success, given Phase II' },
        { path: 'series.netSales', text: 'netSales' },
        { path: 'scenarios.ask.notes', text: 'Lead with cash up front.' },
        { path: 'terms.licenseeOps.label', text: 'Licensee margin less development' },
        { path: 'terms.mApproval.when', text: 'approved and t >= launchYear' },
      ]),
    );
    expect(texts.some((t) => t.text === 'Upfront payment')).toBe(false);
  });
});

describe('termSheetWarnings (validate, the Problems list)', () => {
  it('is empty for the shipped examples', () => {
    for (const deal of [pharma, saas, loadExample('jv-equity')]) expect(termSheetWarnings(deal)).toEqual([]);
  });

  it('warns, with the path of the text, about every placeholder a counterparty export would refuse', () => {
    const deal = edited(pharma, (d) => {
      d.termSheet!.sections![0]!.heading = 'Definitions ({{simulation.seed}})';
      d.terms[0]!.trigger = 'on signing, {{terms.mPhase3.when}}';
    });
    expect(termSheetWarnings(deal)).toEqual([
      { path: 'termSheet.sections[0].heading', message: expect.stringContaining('"{{simulation.seed}}" discloses our valuation settings'), severity: 'warning' },
      { path: 'terms.upfront.trigger', message: expect.stringContaining('"{{terms.mPhase3.when}}" is a condition of our model'), severity: 'warning' },
    ]);
  });
});

describe('draftLabelProblem', () => {
  it('refuses a scenario name as the draft label, whatever its case and spacing', () => {
    expect(draftLabelProblem(pharma, '  OPENING ASK ')).toEqual({ path: 'draft', message: expect.stringContaining('is the name of a scenario') });
    expect(draftLabelProblem(pharma, 'Draft 2')).toBeUndefined();
  });
});
