/**
 * What each move is worth to each side ("exchange rates"): for every slider,
 * each party's change of mean NPV for one step of the slider up and one step
 * down from the position (a scenario or round), measured on common random
 * numbers against the position itself; the rate between the parties (what
 * each unit we gain costs the other side); the concessions that cost us less
 * than they give the other side; and pairs of moves that raise both parties'
 * value (money moved from a late milestone into the upfront when we discount
 * more heavily than they do, for instance).
 *
 * A pair is found from the measured steps (a few steps of one number one way,
 * a few of another the other way, predicted to raise both sides), then valued
 * as a whole structure on the same draws: only pairs whose measured change is
 * positive for both parties are reported, with their standard errors.
 *
 * Sliders on inputs are measured too (how much an assumption matters), but
 * they are assumptions, not terms anyone can offer: they are never flagged as
 * concessions nor paired.
 *
 * Intentionally has no platform imports.
 */
import { numberKind, numberLabel, type NumberKind } from '../model/number-fields';
import { getNumberAt } from '../model/paths';
import type { Deal, Slider } from '../model/schema';
import { sliderReach, validRange, withNumber } from '../model/what-if-rules';
import type { Worth } from './negotiation';
import type { Pair } from './paired';
import { resolveScenario } from './sensitivity';
import { EngineError } from './simulate';
import type { StructuresEvaluator } from './structures';

export interface TradesRequest {
  deal: Deal;
  /** The position traded from: a scenario or round id (the first scenario by default). */
  scenarioId?: string;
  /** Our party (the deal's `us` by default) and the other side (the other party of a two-party deal by default). */
  party?: string;
  other?: string;
  iterations?: number;
  seed?: number;
}

export interface SliderStep {
  direction: 'up' | 'down';
  to: number;
  /** Each party's change of mean NPV, with the standard error of the paired difference. */
  change: Worth;
}

export interface SliderRate {
  path: string;
  label: string;
  kind: NumberKind;
  /** False for an input's parameter: an assumption, not a term one can offer. */
  negotiable: boolean;
  from: number;
  step: number;
  steps: SliderStep[];
  /** What each unit we gain costs the other side, for a step up: -Δother / Δus (null when our value does not move). */
  rate: number | null;
  /** The step that costs us less than it gives the other side (beyond noise), when there is one. */
  cheapConcession: SliderStep | null;
}

export interface TradeMove {
  path: string;
  label: string;
  from: number;
  to: number;
}

export interface TradePair {
  moves: TradeMove[];
  change: Worth;
}

export interface TradesResult {
  scenario: string;
  iterations: number;
  seed: number;
  party: string;
  other: string;
  rates: SliderRate[];
  /** Pairs of moves measured to raise both parties' mean NPV, largest smaller gain first. */
  pairs: TradePair[];
}

/** How many steps of each number a pair may combine. */
const MAX_PAIR_STEPS = 12;
/** How many pairs are valued and reported at most. */
const MAX_PAIRS = 6;

const tidy = (v: number) => Number(v.toPrecision(12));

/** What an analysis of a position resolves first: us, the other side, and the run's iterations and seed (the deal's by default). */
export function analysisSides(deal: Deal, request: { party?: string; other?: string; iterations?: number; seed?: number }) {
  const party = request.party ?? deal.us;
  const other = otherSide(deal, party, request.other);
  return {
    party,
    other,
    us: deal.parties.findIndex((p) => p.id === party),
    them: deal.parties.findIndex((p) => p.id === other),
    iterations: request.iterations ?? deal.simulation.iterations,
    seed: request.seed ?? deal.simulation.seed,
  };
}

/** The party on the other side of `party`: `other` when given, else the only other party. */
export function otherSide(deal: Deal, party: string, other: string | undefined): string {
  const ids = deal.parties.map((p) => p.id);
  if (!ids.includes(party)) throw new EngineError([{ path: 'party', message: `"${party}" is not a party of this deal (parties: ${ids.join(', ')})` }]);
  if (other !== undefined) {
    if (!ids.includes(other)) throw new EngineError([{ path: 'other', message: `"${other}" is not a party of this deal (parties: ${ids.join(', ')})` }]);
    if (other === party) throw new EngineError([{ path: 'other', message: `the other side cannot be "${party}" itself` }]);
    return other;
  }
  const rest = ids.filter((id) => id !== party);
  if (rest.length !== 1) throw new EngineError([{ path: 'other', message: `the deal has ${ids.length} parties: say which is the other side (${rest.join(', ')})` }]);
  return rest[0]!;
}

/** The slider's value `k` steps from `from`, if the slider reaches it and it keeps the deal valid. */
function stepped(deal: Deal, slider: Slider, from: number, k: number): { value: number; deal: Deal } | null {
  const reach = sliderReach(slider, validRange(deal, slider.path));
  if (!reach) return null;
  const value = tidy(from + k * slider.step);
  if (value < reach.min - 1e-12 || value > reach.max + 1e-12) return null;
  const moved = withNumber(deal, slider.path, value);
  return moved.ok ? { value, deal: moved.value.deal } : null;
}

export async function runTrades(request: TradesRequest, evaluate: StructuresEvaluator, onProgress?: (done: number, total: number) => void): Promise<TradesResult> {
  const { deal, scenario } = resolveScenario(request.deal, request.scenarioId);
  const { party, other, us, them, iterations, seed } = analysisSides(deal, request);
  const worth = (pair: { mean: number[]; se: number[] }): Worth => Object.fromEntries(deal.parties.map((p, i) => [p.id, { mean: pair.mean[i]!, se: pair.se[i]! }]));

  // One structure per step of each slider, each paired with the position itself (structure 0).
  const deals: Deal[] = [deal];
  const pairs: Pair[] = [];
  const plans = (deal.sliders ?? []).flatMap((slider) => {
    const current = getNumberAt(deal, slider.path);
    if (!current.ok) return [];
    const steps = (['up', 'down'] as const).flatMap((direction) => {
      const at = stepped(deal, slider, current.value, direction === 'up' ? 1 : -1);
      if (!at) return [];
      deals.push(at.deal);
      return [{ direction, to: at.value, pair: pairs.push([0, deals.length - 1]) - 1 }];
    });
    return [{ slider, from: current.value, steps }];
  });
  const measured = await evaluate({ deals, pairs, iterations, seed }, onProgress);
  const rates: SliderRate[] = plans.map(({ slider, from, steps }) => {
    const measuredSteps: SliderStep[] = steps.map((s) => ({ direction: s.direction, to: s.to, change: worth(measured.pairs[s.pair]!) }));
    const up = steps.find((s) => s.direction === 'up');
    const upPair = up ? measured.pairs[up.pair]! : undefined;
    const negotiable = !slider.path.startsWith('inputs.');
    const cheap = negotiable
      ? measuredSteps.find((s) => {
          const cost = -s.change[party]!.mean;
          const gain = s.change[other]!.mean;
          // Beyond noise: two standard errors, and never less than the rounding of a difference of two sums.
          const noise = Math.max(2 * Math.hypot(s.change[party]!.se, s.change[other]!.se), 1e-9 * Math.max(cost, gain));
          return cost > 0 && gain > 0 && gain - cost > noise;
        }) ?? null
      : null;
    return {
      path: slider.path,
      label: numberLabel(deal, slider.path),
      kind: numberKind(deal, slider.path),
      negotiable,
      from,
      step: slider.step,
      steps: measuredSteps,
      rate: upPair && upPair.mean[us] !== 0 ? -upPair.mean[them]! / upPair.mean[us]! : null,
      cheapConcession: cheap,
    };
  });
  return { scenario, iterations, seed, party, other, rates, pairs: await valuePairs(deal, rates, evaluate, iterations, seed, party, other, worth) };
}

/** Candidate pairs from the measured steps (linear prediction), then each valued as a whole structure on the same draws. */
async function valuePairs(
  deal: Deal,
  rates: readonly SliderRate[],
  evaluate: StructuresEvaluator,
  iterations: number,
  seed: number,
  party: string,
  other: string,
  worth: (pair: { mean: number[]; se: number[] }) => Worth,
): Promise<TradePair[]> {
  const sliders = new Map((deal.sliders ?? []).map((s) => [s.path, s]));
  const candidates: { moves: TradeMove[]; deal: Deal; predicted: number }[] = [];
  const negotiable = rates.filter((r) => r.negotiable);
  for (let i = 0; i < negotiable.length; i++) {
    for (let j = i + 1; j < negotiable.length; j++) {
      let best: { predicted: number; a: number; b: number } | undefined;
      for (const si of negotiable[i]!.steps) {
        for (const sj of negotiable[j]!.steps) {
          for (let a = 1; a <= MAX_PAIR_STEPS; a++) {
            for (let b = 1; b <= MAX_PAIR_STEPS; b++) {
              const gainUs = a * si.change[party]!.mean + b * sj.change[party]!.mean;
              const gainThem = a * si.change[other]!.mean + b * sj.change[other]!.mean;
              const predicted = Math.min(gainUs, gainThem);
              if (predicted > 0 && (!best || predicted > best.predicted)) best = { predicted, a: si.direction === 'up' ? a : -a, b: sj.direction === 'up' ? b : -b };
            }
          }
        }
      }
      if (!best) continue;
      // The number of steps the slider reaches, and a valid deal with both moved: otherwise the pair is not offered.
      const first = stepped(deal, sliders.get(negotiable[i]!.path)!, negotiable[i]!.from, best.a);
      if (!first) continue;
      const second = stepped(first.deal, sliders.get(negotiable[j]!.path)!, negotiable[j]!.from, best.b);
      if (!second) continue;
      candidates.push({
        moves: [
          { path: negotiable[i]!.path, label: negotiable[i]!.label, from: negotiable[i]!.from, to: first.value },
          { path: negotiable[j]!.path, label: negotiable[j]!.label, from: negotiable[j]!.from, to: second.value },
        ],
        deal: second.deal,
        predicted: best.predicted,
      });
    }
  }
  candidates.sort((x, y) => y.predicted - x.predicted);
  const chosen = candidates.slice(0, MAX_PAIRS);
  if (chosen.length === 0) return [];
  const result = await evaluate({ deals: [deal, ...chosen.map((c) => c.deal)], pairs: chosen.map((_, k) => [0, k + 1] as const), iterations, seed });
  return chosen
    .map((c, k) => ({ moves: c.moves, change: worth(result.pairs[k]!) }))
    .filter((p) => p.change[party]!.mean > 0 && p.change[other]!.mean > 0)
    .sort((x, y) => Math.min(y.change[party]!.mean, y.change[other]!.mean) - Math.min(x.change[party]!.mean, x.change[other]!.mean));
}
