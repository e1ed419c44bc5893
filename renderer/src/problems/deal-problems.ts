/**
 * The problems of the deal being edited, computed from the deal value itself
 * (memoised per deal object, so every field asking costs nothing). Each
 * problem's path is normalised to the id form editors use, so a field can
 * outline itself and the problems list can link to it.
 */
import type { Problem } from '../../../shared/api';
import { dealSchema, type Deal, type NumberOrFormula } from '../../../shared/model/schema';
import { getNumberAt } from '../../../shared/model/paths';
import { normalizeProblemPath } from './problem-paths';
import { formulaProblems } from './formula-problems';

const cache = new WeakMap<Deal, Problem[]>();

function zodPath(path: readonly PropertyKey[]): string {
  return path.map((k) => String(k)).join('.');
}

function referenceProblems(deal: Deal): Problem[] {
  const out: Problem[] = [];
  const parties = new Set(deal.parties.map((p) => p.id));
  const partyRef = (path: string, id: string) => {
    if (!parties.has(id)) out.push({ path, message: id ? `"${id}" is not a party of this deal.` : 'Choose a party.' });
  };
  const sharesSum = (path: string, shares: Record<string, NumberOrFormula>) => {
    for (const k of Object.keys(shares)) partyRef(`${path}.${k}`, k);
    const values = Object.values(shares);
    if (!values.every((v): v is number => typeof v === 'number')) return;
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) out.push({ path, message: `Shares add up to ${Number((sum * 100).toPrecision(6))}%, not 100%.` });
  };
  partyRef('us', deal.us);
  const seen = new Set<string>();
  const ids: [string, string][] = [
    ...deal.parties.map((p, i): [string, string] => [p.id, `parties.${i}.id`]),
    ...Object.keys(deal.inputs).map((k): [string, string] => [k, `inputs.${k}`]),
    ...Object.keys(deal.series).map((k): [string, string] => [k, `series.${k}`]),
    ...deal.terms.map((t, i): [string, string] => [t.id, `terms.${i}.id`]),
  ];
  for (const [id, path] of ids) {
    if (seen.has(id)) out.push({ path, message: `The id "${id}" is used twice; ids are shared by parties, inputs, series and terms.` });
    seen.add(id);
  }
  for (const t of deal.terms) {
    const p = `terms.${t.id}`;
    if ('from' in t && typeof t.from === 'string' && t.type !== 'termination') partyRef(`${p}.from`, t.from);
    if ('to' in t && typeof t.to === 'string') partyRef(`${p}.to`, t.to);
    if (t.type === 'cashflow') partyRef(`${p}.party`, t.party);
    if (t.type === 'termination' && t.fee) {
      partyRef(`${p}.fee.from`, t.fee.from);
      partyRef(`${p}.fee.to`, t.fee.to);
    }
    if (t.type === 'termination' && t.when === undefined && t.hazard === undefined) out.push({ path: `${p}.when`, message: 'A termination needs a condition (when) or a hazard.' });
    if (t.type === 'payment' && t.at === undefined && t.when === undefined) out.push({ path: `${p}.at`, message: 'A payment needs a period (at), a condition (when), or both.' });
    if (t.type === 'revenueShare') {
      if (!t.shares && !t.tiers) out.push({ path: `${p}.shares`, message: 'A revenue share needs shares or tiers.' });
      if (t.shares) sharesSum(`${p}.shares`, t.shares);
      t.tiers?.forEach((tier, i) => sharesSum(`${p}.tiers.${i}.shares`, tier.shares));
    }
    if (t.type === 'costShare') sharesSum(`${p}.shares`, t.shares);
    if (t.type === 'equity') {
      sharesSum(`${p}.stakes`, t.stakes);
      t.contributions?.forEach((c, i) => partyRef(`${p}.contributions.${i}.party`, c.party));
    }
  }
  deal.scenarios.forEach((s, i) => {
    for (const path of Object.keys(s.set)) {
      const r = getNumberAt(deal, path);
      if (!r.ok) out.push({ path: `scenarios.${i}.set`, message: `Scenario "${s.name}": ${r.message}.` });
    }
  });
  deal.sliders?.forEach((s, i) => {
    const r = getNumberAt(deal, s.path);
    if (!r.ok) out.push({ path: `sliders.${i}.path`, message: `Slider: ${r.message}.` });
    if (s.min >= s.max) out.push({ path: `sliders.${i}.max`, message: 'The slider maximum must be above its minimum.' });
  });
  return out;
}

export function dealProblems(deal: Deal): Problem[] {
  const hit = cache.get(deal);
  if (hit) return hit;
  const structural = dealSchema.safeParse(deal);
  const raw: Problem[] = structural.success
    ? [...referenceProblems(deal), ...formulaProblems(deal)]
    : structural.error.issues.map((i) => ({ path: zodPath(i.path), message: i.message }));
  const problems = raw.map((p) => ({ ...p, path: normalizeProblemPath(deal, p.path) }));
  cache.set(deal, problems);
  return problems;
}
