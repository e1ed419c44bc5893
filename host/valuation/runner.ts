/**
 * The valuation runner interface the rest of the app uses, and the logic every
 * runner shares: plan the run (scenario, limits, compile errors), hand block
 * ranges to an executor, merge in block order, summarise. Executors differ
 * only in where kernels run: this thread (tests, tools) or a pool of worker
 * threads (the app and the CLI: the main process never runs a kernel). The
 * samples stay where they were computed; statistics are merged from the
 * answers of those shards.
 */
import { formatProblems } from '../../shared/problems';
import type { Problem } from '../../shared/api';
import type { JobOutput } from '../../shared/engine/jobs';
import type { ShardSummary, StatAnswer, StatQuery } from '../../shared/engine/shard';
import type {
  SensitivityRequest,
  SensitivityResult,
  SolveRequest,
  SolveResult,
  ValuationRequest,
  ValuationResult,
} from '../../shared/engine/results';
import { runSolve } from '../../shared/engine/goal-seek';
import { checkIterations, checkSeed, planValuation, precisionReached, resultFromShards, variantStatsFromOutputs, type JobTemplate } from '../../shared/engine/run-plan';
import { runSweep, type StatsEvaluator, type SweepRequest, type SweepResult } from '../../shared/engine/sweep';
import { runSensitivity, type MeansEvaluator } from '../../shared/engine/sensitivity';
import { EngineError } from '../../shared/engine/simulate';

export interface RunOptions {
  /** Called at least every 100 ms while the run is in progress. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects the run promptly with a CancelledError. */
  signal?: AbortSignal;
}

export interface ValuationRunner {
  value(request: ValuationRequest, options?: RunOptions): Promise<ValuationResult>;
  sensitivity(request: SensitivityRequest, options?: RunOptions): Promise<SensitivityResult>;
  solve(request: SolveRequest, options?: RunOptions): Promise<SolveResult>;
  /** Mean statistics at several positions of a deal, on common random numbers (the ZOPA sweep). */
  sweep(request: SweepRequest, options?: RunOptions): Promise<SweepResult>;
  /** Releases workers; the runner cannot be used afterwards. */
  close(): Promise<void>;
}

/** A run stopped by its caller. */
export class CancelledError extends Error {
  constructor() {
    super('the valuation was cancelled');
    this.name = 'CancelledError';
  }
}

/** A run that cannot proceed: the deal or request is wrong (problems with paths), or a limit was hit. */
export class ValuationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems).join('\n'));
    this.name = 'ValuationError';
  }
}

/** Asks the shard behind output `index` (a simulation's) statistic queries. */
export type ShardAsk = (index: number, queries: StatQuery[]) => Promise<StatAnswer[]>;

/** Where kernels run: executes a job over all blocks of a run, then lets `finish` read the outputs and query their shards. */
export interface JobExecutor {
  /** Gets ready for runs of this deal (workers started, kernel compiled), so timed runs measure the valuation alone. */
  prepare(template: JobTemplate, iterations: number): Promise<void>;
  /**
   * Runs the job over all blocks; `finish` gets the outputs in block order and may query the shards they
   * came from until it settles, after which the shards are released.
   */
  execute<T>(
    template: JobTemplate,
    iterations: number,
    seed: number,
    progress: (done: number) => void,
    signal: AbortSignal | undefined,
    finish: (outputs: JobOutput[], ask: ShardAsk) => Promise<T>,
    /** When given, the run goes in stages (runStages) and stops after the first whose summaries make this true. */
    stopEarly?: (summaries: ShardSummary[]) => boolean,
  ): Promise<T>;
  close(): Promise<void>;
}

/** The shard summaries among a run's outputs. */
export function summariesOf(outputs: readonly JobOutput[]): ShardSummary[] {
  return outputs.flatMap((o) => (o.kind === 'simulate' ? [o.summary] : []));
}

/** Turns engine errors into ValuationError; everything else passes through. */
export function asValuationError(err: unknown): unknown {
  if (err instanceof EngineError) return new ValuationError(err.problems);
  return err;
}

const PROGRESS_INTERVAL_MS = 50;

function throttledProgress(total: number, onProgress: RunOptions['onProgress']): (done: number) => void {
  let done = 0;
  let last = 0;
  return (n: number) => {
    done += n;
    const now = Date.now();
    if (onProgress && (now - last >= PROGRESS_INTERVAL_MS || done >= total)) {
      last = now;
      onProgress(Math.min(done, total), total);
    }
  };
}

/** Builds value / sensitivity / solve over an executor. */
export function createRunner(executor: JobExecutor): ValuationRunner {
  const stats =
    (options: RunOptions): StatsEvaluator =>
    async (deal, variants, iterations, seed) => {
      checkIterations(iterations);
      checkSeed(seed);
      return executor.execute({ kind: 'means', deal, variants }, iterations, seed, () => undefined, options.signal, async (outputs) =>
        variantStatsFromOutputs(outputs, variants.length, deal.parties.length, iterations),
      );
    };
  const means =
    (options: RunOptions): MeansEvaluator =>
    async (deal, variants, iterations, seed) =>
      (await stats(options)(deal, variants, iterations, seed)).map((v) => v.mean);

  return {
    async value(request, options = {}) {
      try {
        const plan = planValuation(request);
        const progress = throttledProgress(plan.iterations, options.onProgress);
        options.onProgress?.(0, plan.iterations);
        const template: JobTemplate = {
          kind: 'simulate',
          deal: plan.deal,
          ...(plan.conditionOn === undefined ? {} : { conditionOn: plan.conditionOn }),
          ...(plan.headBlocks > 0 ? { headBlocks: plan.headBlocks } : {}),
        };
        await executor.prepare(template, plan.iterations);
        const started = performance.now();
        const precision = request.precision;
        const result = await executor.execute(
          template,
          plan.iterations,
          plan.seed,
          progress,
          options.signal,
          (outputs, ask) =>
            resultFromShards(
              plan,
              outputs.map((output, i) => {
                if (output.kind !== 'simulate') throw new Error('a simulation returned a means output');
                return { summary: output.summary, ask: (queries: StatQuery[]) => ask(i, queries) };
              }),
              0,
            ),
          precision ? (summaries) => precisionReached(plan, summaries, precision) : undefined,
        );
        if (result.iterations < plan.iterations) result.stoppedAtPrecision = true;
        // elapsedMs covers the valuation alone (kernels and statistics), after parsing and compiling.
        result.elapsedMs = Math.round((performance.now() - started) * 10) / 10;
        return result;
      } catch (err) {
        throw asValuationError(err);
      }
    },
    async sensitivity(request, options = {}) {
      try {
        return await runSensitivity(request, means(options));
      } catch (err) {
        throw asValuationError(err);
      }
    },
    async solve(request, options = {}) {
      try {
        return await runSolve(request, means(options));
      } catch (err) {
        throw asValuationError(err);
      }
    },
    async sweep(request, options = {}) {
      try {
        return await runSweep(request, stats(options));
      } catch (err) {
        throw asValuationError(err);
      }
    },
    close: () => executor.close(),
  };
}
