/**
 * Tornado rows: for each uncertain input, a party's mean NPV with that input
 * held at its 10th and at its 90th percentile while every other input is as
 * drawn, sorted by swing. A chance or discrete input is held at each of its
 * outcomes instead (approval fails / succeeds): its 10th and 90th percentiles
 * are often the same outcome, which would hide a pass/fail risk. All variants
 * run on the same draws (common random numbers), so the differences between
 * rows are the inputs', not noise.
 *
 * The evaluation itself is injected (`MeansEvaluator`): runners decide where it
 * runs (in process or on workers).
 *
 * Intentionally has no platform imports.
 */
import { failureText } from '../problems';
import { applyScenarioById } from '../model/paths';
import type { Deal, Input } from '../model/schema';
import { inputQuantile } from './distributions';
import type { SensitivityRequest, SensitivityResult, TornadoOutcome, TornadoRow } from './results';
import { EngineError, type MeansVariant } from './simulate';

/** Mean NPV per variant per party, on common random numbers: result[variant][party]. */
export type MeansEvaluator = (deal: Deal, variants: MeansVariant[], iterations: number, seed: number) => Promise<number[][]>;

export function resolveScenario(deal: Deal, scenarioId: string | undefined): { deal: Deal; scenario: string } {
  const applied = applyScenarioById(deal, scenarioId);
  if (!applied.ok) throw new EngineError([{ path: 'scenario', message: failureText(applied) }]);
  return { deal: applied.value.deal, scenario: applied.value.scenario.id };
}

export async function runSensitivity(request: SensitivityRequest, means: MeansEvaluator): Promise<SensitivityResult> {
  const { deal, scenario } = resolveScenario(request.deal, request.scenarioId);
  const party = request.party ?? deal.us;
  // Party order is the deal's (as in every compiled kernel); compiling happens where the means run.
  const partyIds = deal.parties.map((q) => q.id);
  const p = partyIds.indexOf(party);
  if (p < 0) throw new EngineError([{ path: 'party', message: `"${party}" is not a party of this deal (parties: ${partyIds.join(', ')})` }]);
  const uncertain = Object.entries(deal.inputs).filter(([, input]) => input.dist !== 'fixed');
  const variants: MeansVariant[] = [null];
  const plans = uncertain.map(([id, input]) => {
    const outcomes = outcomesOf(input);
    const first = variants.length;
    if (outcomes) for (const o of outcomes) variants.push({ input: id, value: o.value });
    else variants.push({ input: id, value: inputQuantile(input, 0.1) }, { input: id, value: inputQuantile(input, 0.9) });
    return { id, label: input.label ?? id, first, outcomes };
  });
  const iterations = request.iterations ?? deal.simulation.iterations;
  const seed = request.seed ?? deal.simulation.seed;
  const result = await means(deal, variants, iterations, seed);
  const npvOf = (variant: number) => result[variant]![p]!;
  const rows: TornadoRow[] = plans.map((plan) => {
    if (plan.outcomes) {
      const outcomes: TornadoOutcome[] = plan.outcomes.map((o, k) => ({ ...o, npv: npvOf(plan.first + k) }));
      const low = outcomes.reduce((a, b) => (b.npv < a.npv ? b : a));
      const high = outcomes.reduce((a, b) => (b.npv > a.npv ? b : a));
      return { input: plan.id, label: plan.label, lowInput: low.value, highInput: high.value, lowNpv: low.npv, highNpv: high.npv, swing: high.npv - low.npv, outcomes };
    }
    const low = (variants[plan.first] as { value: number }).value;
    const high = (variants[plan.first + 1] as { value: number }).value;
    const lowNpv = npvOf(plan.first);
    const highNpv = npvOf(plan.first + 1);
    return { input: plan.id, label: plan.label, lowInput: low, highInput: high, lowNpv, highNpv, swing: Math.abs(highNpv - lowNpv) };
  });
  rows.sort((a, b) => b.swing - a.swing || a.input.localeCompare(b.input));
  return { scenario, party, baseMean: result[0]![p]!, rows };
}

/** The outcomes of a chance or discrete input with their probabilities (those that can happen), or null for a continuous input. */
export function outcomesOf(input: Input): Omit<TornadoOutcome, 'npv'>[] | null {
  if (input.dist === 'chance') {
    return [
      { label: 'fails', value: 0, probability: 1 - input.p },
      { label: 'succeeds', value: 1, probability: input.p },
    ].filter((o) => o.probability > 0);
  }
  if (input.dist === 'discrete') {
    const weights = input.weights ?? input.values.map(() => 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const byValue = new Map<number, number>();
    input.values.forEach((v, i) => byValue.set(v, (byValue.get(v) ?? 0) + (weights[i] ?? 0) / total));
    return [...byValue]
      .filter(([, prob]) => prob > 0)
      .sort((a, b) => a[0] - b[0])
      .map(([value, probability]) => ({ label: `${Number(value.toPrecision(10))}`, value, probability }));
  }
  return null;
}
