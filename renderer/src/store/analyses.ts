/**
 * The analyses run on demand beside the live valuation: the scenario
 * comparison, the ZOPA sweep of one number, the tornado per party and goal
 * seek. They share the engine with the live slider path, so the comparison's
 * runs wait until no live run is in flight (and run again if a slider move
 * pre-empts them), and the sweep values a few positions per call between live
 * runs.
 *
 * The ZOPA sweep values the number across its slider's range, at the deal's
 * full iteration count on common random numbers (the same seed everywhere),
 * with the current value among the positions (so it passes through the cards'
 * figures); where a party's mean still clears its walk-away at an end of the
 * range and the number may go further, it steps beyond the range to find
 * where it stops doing so. Every position follows the what-if rules.
 */
import type { Deal } from '../../../shared/model/schema';
import type { SensitivityResult, SolveResult, ValuationRequest, ValuationResult } from '../../../shared/engine/results';
import type { SweepPoint } from '../../../shared/charts/zopa';
import { sliderReach, validRange, withNumber } from '../../../shared/model/what-if-rules';
import { positionsOf } from '../../../shared/model/rounds';
import type { SweepPosition } from '../../../shared/engine/sweep';
import { dealWithChanges, valueAt, whatIfPosition, type WhatIfs } from '../results/what-if';
import { describeError, type RunHandle, type RunOutcome } from '../results/valuation-runs';
import type { AnalysisPort } from '../results/analysis-port';

export type Pending<T> = { status: 'idle' } | { status: 'running'; note?: string } | { status: 'done'; value: T } | { status: 'error'; message: string };

export interface ComparisonEntry {
  scenarioId: string;
  scenarioName: string;
  result: ValuationResult;
}

export interface SweepView {
  path: string;
  iterations: number;
  /** The slider's own range (points beyond it come from the search past its ends). */
  range: [number, number];
  points: SweepPoint[];
}

export interface AnalysesState {
  comparison: Pending<{ iterations: number; seed: number; entries: ComparisonEntry[] }>;
  sweep: Pending<SweepView>;
  sensitivity: Record<string, Pending<SensitivityResult>>;
  goalSeek: Pending<SolveResult>;
}

export const initialAnalyses: AnalysesState = {
  comparison: { status: 'idle' },
  sweep: { status: 'idle' },
  sensitivity: {},
  goalSeek: { status: 'idle' },
};

export interface AnalysesActions {
  /** Values the scenarios given (all by default), same seed and iterations. */
  runComparison: (scenarioIds?: readonly string[]) => void;
  cancelComparison: () => void;
  runSweep: (path: string) => void;
  runSensitivity: (party: string) => void;
  solveGoal: (request: { path: string; party: string; target: number }) => void;
  clearGoalSeek: () => void;
}

/** What the analyses need from the slice around them. */
export interface AnalysesContext {
  port: () => AnalysisPort;
  deal: () => Deal | null;
  scenarioId: (deal: Deal) => string;
  whatIfs: () => WhatIfs;
  /** The iterations of a full run (the user's choice or the deal's). */
  iterations: (deal: Deal) => number;
  get: () => AnalysesState;
  patch: (p: Partial<AnalysesState>) => void;
  /** Waits until no live run is in flight. */
  liveIdle: () => Promise<void>;
  /** Whether a live run is in flight now. */
  liveBusy: () => boolean;
  startRun: (request: ValuationRequest) => RunHandle;
}

/** Sweep positions per call: short enough that a slider move waits at most for a few of them. */
const SWEEP_BATCH = 3;
export const SWEEP_POINTS = 11;
/** At most this many steps past each end of the slider's range when the zone reaches it. */
const SWEEP_EXTENSIONS = 4;

export function createAnalyses(ctx: AnalysesContext): { actions: AnalysesActions; dispose: () => void } {
  let backgroundLane: Promise<void> = Promise.resolve();
  let comparisonHandle: RunHandle | null = null;
  let comparisonToken = 0;
  let sweepToken = 0;

  /** One background job at a time (the comparison and a sweep would otherwise pre-empt each other). */
  async function inLane<T>(work: () => Promise<T>): Promise<T> {
    const previous = backgroundLane;
    let release: () => void = () => {};
    backgroundLane = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** A comparison run: waits for the live run to finish, and runs again if a live run pre-empted it. */
  async function backgroundRun(req: ValuationRequest, wanted: () => boolean, onHandle: (h: RunHandle) => void): Promise<RunOutcome> {
    for (;;) {
      while (ctx.liveBusy()) await ctx.liveIdle();
      if (!wanted()) return { status: 'cancelled' };
      const handle = ctx.startRun(req);
      onHandle(handle);
      const outcome = await handle.outcome;
      if (outcome.status !== 'cancelled' || !wanted()) return outcome;
    }
  }

  const actions: AnalysesActions = {
    runComparison: (scenarioIds) => {
      const d = ctx.deal();
      if (!d) return;
      const token = ++comparisonToken;
      comparisonHandle?.cancel();
      const iterations = ctx.iterations(d);
      const seed = d.simulation.seed;
      // Scenarios and rounds alike (a round is a position with a scenario's rules), in the order asked for.
      const chosen = scenarioIds ? positionsOf(d).filter((s) => scenarioIds.includes(s.id)).map((s) => ({ ...s, name: s.kind === 'round' ? `Round: ${s.name}` : s.name })) : d.scenarios;
      const scenarios = chosen.length > 0 ? chosen : d.scenarios.length > 0 ? d.scenarios : [{ id: 'base', name: 'Base case', set: {} }];
      const wanted = () => token === comparisonToken;
      void inLane(async () => {
        const entries: ComparisonEntry[] = [];
        for (const [i, s] of scenarios.entries()) {
          ctx.patch({ comparison: { status: 'running', note: `Valuing ${s.name} (${i + 1} of ${scenarios.length})` } });
          // Scenarios as written in the document: the sliders' what-ifs are not part of the comparison.
          const outcome = await backgroundRun({ deal: d, scenarioId: s.id, iterations, seed }, wanted, (h) => (comparisonHandle = h));
          if (!wanted()) return;
          if (outcome.status !== 'done') {
            ctx.patch({ comparison: outcome.status === 'failed' ? { status: 'error', message: `${s.name}: ${outcome.message}` } : { status: 'idle' } });
            return;
          }
          entries.push({ scenarioId: s.id, scenarioName: s.name, result: outcome.result });
        }
        comparisonHandle = null;
        ctx.patch({ comparison: { status: 'done', value: { iterations, seed, entries } } });
      });
    },
    cancelComparison: () => {
      comparisonToken++;
      comparisonHandle?.cancel();
      comparisonHandle = null;
      ctx.patch({ comparison: { status: 'idle' } });
    },
    runSweep: (path) => {
      const d = ctx.deal();
      if (!d) return;
      const token = ++sweepToken;
      const wanted = () => token === sweepToken;
      const slider = (d.sliders ?? []).find((s) => s.path === path);
      const scenarioId = ctx.scenarioId(d);
      const { [path]: _own, ...others } = ctx.whatIfs();
      const context = whatIfPosition(d, scenarioId, others).deal;
      if (!slider || !context) return;
      const valid = validRange(context, path);
      const reach = sliderReach(slider, valid);
      if (!reach) {
        ctx.patch({ sweep: { status: 'error', message: 'No value of this number in its slider range keeps the deal valid.' } });
        return;
      }
      const current = whatIfPosition(d, scenarioId, ctx.whatIfs());
      const iterations = ctx.iterations(d);
      const seed = d.simulation.seed;
      const changesAt = (value: number): Record<string, number> | null => {
        const moved = withNumber(context, path, value);
        return moved.ok ? { ...whatIfPosition(d, scenarioId, others).changes, ...moved.value.changes } : null;
      };
      const points: SweepPoint[] = [];
      const valueAll = async (values: number[]): Promise<boolean> => {
        const todo = values.filter((v) => !points.some((p) => p.value === v)).map((v) => ({ v, set: changesAt(v) })).filter((x): x is { v: number; set: Record<string, number> } => x.set !== null);
        for (let i = 0; i < todo.length; i += SWEEP_BATCH) {
          const batch = todo.slice(i, i + SWEEP_BATCH);
          while (ctx.liveBusy()) await ctx.liveIdle();
          if (!wanted()) return false;
          ctx.patch({ sweep: { status: 'running', note: `${points.length} of ${Math.max(points.length + todo.length - i, SWEEP_POINTS)}` } });
          let result;
          try {
            result = await ctx.port().runSweep({ deal: d, scenarioId, positions: batch.map((b) => b.set), iterations, seed });
          } catch (err) {
            if (wanted()) ctx.patch({ sweep: { status: 'error', message: describeError(err) } });
            return false;
          }
          if (!wanted()) return false;
          result.positions.forEach((pos: SweepPosition, k) => points.push({ value: batch[k]!.v, parties: pos.parties, pAllAboveWalkAway: pos.pAllAboveWalkAway }));
        }
        return true;
      };
      const currentValue = valueAt(current, path) ?? reach.min;
      const grid = Array.from({ length: SWEEP_POINTS }, (_, i) => tidy(reach.min + ((reach.max - reach.min) * i) / (SWEEP_POINTS - 1)));
      void inLane(async () => {
        if (!(await valueAll([...new Set([...grid, currentValue])]))) return;
        // Past the ends: while every party still clears its walk-away at an end, step outward (as far as the number stays valid).
        const parties = d.parties;
        const clears = (pt: SweepPoint) => parties.every((p) => (pt.parties[p.id]?.mean ?? -Infinity) >= p.walkAway);
        const width = reach.max - reach.min || Math.abs(reach.max) || 1;
        for (const dir of [1, -1] as const) {
          for (let k = 0; k < SWEEP_EXTENSIONS; k++) {
            const sortedPts = [...points].sort((a, b) => a.value - b.value);
            const end = dir > 0 ? sortedPts.at(-1)! : sortedPts[0]!;
            if (!clears(end)) break;
            let next = tidy(end.value + dir * width * 2 ** k * 0.5);
            const bound = dir > 0 ? valid.max : valid.min;
            if (bound && (dir > 0 ? next >= bound.value : next <= bound.value)) next = bound.inclusive ? bound.value : tidy(bound.value - dir * Math.max(1e-9, Math.abs(bound.value) * 1e-6));
            if (next === end.value || (bound && !(dir > 0 ? next <= bound.value : next >= bound.value))) break;
            if (!(await valueAll([next]))) return;
          }
        }
        if (wanted()) ctx.patch({ sweep: { status: 'done', value: { path, iterations, range: [reach.min, reach.max], points: [...points].sort((a, b) => a.value - b.value) } } });
      });
    },
    runSensitivity: (party) => {
      const d = ctx.deal();
      if (!d) return;
      const scenarioId = ctx.scenarioId(d);
      const deal = dealWithChanges(d, scenarioId, whatIfPosition(d, scenarioId, ctx.whatIfs()).changes);
      ctx.patch({ sensitivity: { ...ctx.get().sensitivity, [party]: { status: 'running' } } });
      ctx
        .port()
        .runSensitivity({ deal, scenarioId, party, seed: d.simulation.seed })
        .then(
          (value) => ctx.patch({ sensitivity: { ...ctx.get().sensitivity, [party]: { status: 'done', value } } }),
          (err: unknown) => ctx.patch({ sensitivity: { ...ctx.get().sensitivity, [party]: { status: 'error', message: describeError(err) } } }),
        );
    },
    solveGoal: ({ path, party, target }) => {
      const d = ctx.deal();
      if (!d) return;
      const scenarioId = ctx.scenarioId(d);
      const deal = dealWithChanges(d, scenarioId, whatIfPosition(d, scenarioId, ctx.whatIfs()).changes);
      ctx.patch({ goalSeek: { status: 'running' } });
      ctx
        .port()
        .solve({ deal, scenarioId, path, party, target, seed: d.simulation.seed })
        .then(
          (value) => ctx.patch({ goalSeek: { status: 'done', value } }),
          (err: unknown) => ctx.patch({ goalSeek: { status: 'error', message: describeError(err) } }),
        );
    },
    clearGoalSeek: () => ctx.patch({ goalSeek: { status: 'idle' } }),
  };

  return {
    actions,
    dispose: () => {
      comparisonToken++;
      comparisonHandle?.cancel();
      comparisonHandle = null;
      sweepToken++;
    },
  };
}

function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

