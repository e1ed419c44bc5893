// Placeholders in term-sheet text resolve against the scenario being exported, or block the export with a located message.
import { describe, expect, it } from 'vitest';
import { failureText } from '../../../shared/problems';
import { resolvePlaceholders } from '../../../shared/termsheet/placeholders';
import { applyScenarioById } from '../../../shared/model/paths';
import { loadExample } from './load-example';

const pharma = loadExample('pharma-licence');
const saas = loadExample('saas-alliance');
const counterparty = { deal: pharma, audience: 'counterparty' as const };

describe('resolvePlaceholders', () => {
  it('formats numbers by the requested format', () => {
    const r = resolvePlaceholders('Pay {{terms.upfront.amount|money}} then {{terms.royalty.tiers.0.rate|percent}} from {{terms.mPhase3.at|date}}.', 'x', counterparty);
    expect(r).toEqual({ ok: true, text: 'Pay $25.0M then 7% from 2029.' });
  });

  it('picks a format from the field when none is given', () => {
    const r = resolvePlaceholders('{{terms.upfront.amount}} / {{terms.royalty.tiers.2.rate}} / {{terms.mFiling.at}} / {{terms.royalty.tiers.0.upTo|number}}', 'x', counterparty);
    expect(r).toEqual({ ok: true, text: '$25.0M / 12% / 2031 / 300' });
  });

  it('reads names and named placeholders as text', () => {
    const r = resolvePlaceholders('{{parties.licensee.name}} in {{territory}}; {{ field | plain }}', 'x', counterparty);
    expect(r).toEqual({ ok: true, text: 'Northwind Pharma in worldwide excluding Japan; the treatment of solid tumours' });
  });

  it('uses the scenario values, so prose and tables agree', () => {
    const ask = applyScenarioById(pharma, 'ask');
    if (!ask.ok) throw new Error(failureText(ask));
    const r = resolvePlaceholders('{{terms.upfront.amount|money}}', 'x', { deal: ask.value.deal, audience: 'counterparty' });
    expect(r).toEqual({ ok: true, text: '$40.0M' });
  });

  it('prints quarters and money in thousands for a quarterly EUR deal', () => {
    const r = resolvePlaceholders('{{terms.exit.fee.amount|money}} from {{terms.exit.from|period}}', 'x', { deal: saas, audience: 'counterparty' });
    // A date never breaks across lines: "Q1 2028" is joined by a non-breaking space.
    expect(r).toEqual({ ok: true, text: '€250k from Q1\u00A02028' });
  });

  it('names an unknown placeholder and where it is', () => {
    const r = resolvePlaceholders('Pay {{terms.upfrnt.amount}}.', 'termSheet.sections[2].text', counterparty);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe('termSheet.sections[2].text');
    expect(r.problems[0]!.message).toContain('unknown placeholder "{{terms.upfrnt.amount}}"');
    expect(r.problems[0]!.message).toContain('no term "upfrnt"');
  });

  it('rejects an unknown named placeholder, an unknown format and a series formatted as money', () => {
    const bad = resolvePlaceholders('{{territroy}} {{terms.upfront.amount|euros}} {{series.netSales|money}}', 'loc', { deal: pharma, audience: 'internal' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('unknown placeholder "{{territroy}}"'),
      expect.stringContaining('unknown format "euros"'),
      expect.stringContaining('holds text or a formula'),
    ]);
  });

  it('prints a term field holding a formula as the trigger wording, never the formula', () => {
    const deal = { ...pharma, terms: pharma.terms.map((t) => (t.id === 'mApproval' ? { ...t, amount: 'peakSales * 0.1' } : t.id === 'mFiling' ? { ...t, amount: 'peakSales * 0.05', trigger: undefined } : t)) };
    for (const audience of ['counterparty', 'internal'] as const) {
      const r = resolvePlaceholders('{{terms.mApproval.amount}} / {{terms.mFiling.amount|plain}}', 'loc', { deal, audience });
      expect(r, audience).toEqual({ ok: true, text: 'within 30 days of the first marketing approval in the United States or the European Union / [to be agreed]' });
    }
  });

  it('keeps our walk-away, discount rates, assumptions and own cash flows out of a counterparty document', () => {
    for (const path of ['parties.licensor.walkAway', 'parties.licensee.discountRate', 'inputs.peakSales.p50', 'simulation.seed', 'terms.licenseeOps.amount', 'scenarios.1.notes', 'sliders.0.max']) {
      const r = resolvePlaceholders(`{{${path}}}`, 'loc', counterparty);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.problems[0]!.message).toContain('cannot appear in a document for the other side');
    }
    const internal = resolvePlaceholders('{{parties.licensor.walkAway}} at {{parties.licensor.discountRate}}', 'loc', { deal: pharma, audience: 'internal' });
    expect(internal).toEqual({ ok: true, text: '$45.0M at 13%' });
  });

  it('leaves text without placeholders alone', () => {
    expect(resolvePlaceholders('No {braces} here {{', 'x', counterparty)).toEqual({ ok: true, text: 'No {braces} here {{' });
  });
});
