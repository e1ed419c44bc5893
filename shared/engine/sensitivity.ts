/**
 * Tornado rows: for each uncertain input, a party's mean NPV with that input
 * held at its 10th and at its 90th percentile while every other input is as
 * drawn, sorted by swing. All variants run on the same draws (common random
 * numbers), so the differences between rows are the inputs', not noise.
 *
 * The evaluation itself is injected (`MeansEvaluator`): runners decide where it
 * runs (in process or on workers).
 *
 * Intentionally has no platform imports.
 */
import { applyScenarioById } from '../model/paths';
import type { Deal } from '../model/schema';
import { inputQuantile } from './distributions';
import type { SensitivityRequest, SensitivityResult, TornadoRow } from './results';
import { EngineError, type MeansVariant } from './simulate';

/** Mean NPV per variant per party, on common random numbers: result[variant][party]. */
export type MeansEvaluator = (deal: Deal, variants: MeansVariant[], iterations: number, seed: number) => Promise<number[][]>;

export function resolveScenario(deal: Deal, scenarioId: string | undefined): { deal: Deal; scenario: string } {
  const applied = applyScenarioById(deal, scenarioId);
  if (!applied.ok) throw new EngineError([{ path: 'scenario', message: applied.message }]);
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
  const bounds = uncertain.map(([id, input]) => {
    const low = inputQuantile(input, 0.1);
    const high = inputQuantile(input, 0.9);
    variants.push({ input: id, value: low }, { input: id, value: high });
    return { id, label: input.label ?? id, low, high };
  });
  const iterations = request.iterations ?? deal.simulation.iterations;
  const seed = request.seed ?? deal.simulation.seed;
  const result = await means(deal, variants, iterations, seed);
  const rows: TornadoRow[] = bounds.map((b, i) => {
    const lowNpv = result[1 + 2 * i]![p]!;
    const highNpv = result[2 + 2 * i]![p]!;
    return { input: b.id, label: b.label, lowInput: b.low, highInput: b.high, lowNpv, highNpv, swing: Math.abs(highNpv - lowNpv) };
  });
  rows.sort((a, b) => b.swing - a.swing || a.input.localeCompare(b.input));
  return { scenario, party, baseMean: result[0]![p]!, rows };
}
