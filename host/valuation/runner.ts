/**
 * The valuation runner interface the rest of the app uses, and the logic every
 * runner shares: plan the run (scenario, limits), compile the deal (where the
 * caller says: in place by default), hand block ranges and the compiled
 * kernel to an executor, merge in block order, summarise; a failed iteration
 * is explained here (fault.ts), where the formula compiler is. Executors differ
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
import { checkIterations, checkSeed, pairedStatsFromOutputs, planValuation, precisionReached, resultFromShards, variantStatsFromOutputs, type JobTemplate } from '../../shared/engine/run-plan';
import { runSweep, type StatsEvaluator, type SweepRequest, type SweepResult } from '../../shared/engine/sweep';
import { groupKernels, type StructuresEvaluator, type StructuresRequest, type StructuresResult } from '../../shared/engine/structures';
import { valueNegotiation, type NegotiationRequest, type NegotiationResult } from '../../shared/engine/negotiation';
import { runTrades, type TradesRequest, type TradesResult } from '../../shared/engine/exchange-rates';
import { runFrontier, type FrontierRequest, type FrontierResult } from '../../shared/engine/frontier';
import { runSensitivity, type MeansEvaluator } from '../../shared/engine/sensitivity';
import { compiledFor } from '../../shared/engine/compile-deal';
import { explainFault, type FaultContext } from '../../shared/engine/fault';
import { kernelSpecOf, type CompiledDeal, type KernelSpec } from '../../shared/engine/kernel';
import type { Deal } from '../../shared/model/schema';
import { EngineError, KernelFault } from '../../shared/engine/simulate';
import type { PortfolioOutput } from '../../shared/portfolio/portfolio-job';
import { planPortfolio, runPortfolio } from '../../shared/portfolio/run-portfolio';
import type { PortfolioValuationRequest, PortfolioValuationResult } from '../../shared/portfolio/valuation';

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
  /** Structures of a deal and the paired differences between them, on common random numbers (structures.ts). */
  structures(request: StructuresRequest, options?: RunOptions): Promise<StructuresResult>;
  /** Every negotiation round valued, with what each move was worth to each party (negotiation.ts). */
  negotiation(request: NegotiationRequest, options?: RunOptions): Promise<NegotiationResult>;
  /** Each slider's worth to each party for one step, cheap concessions and pairs of moves that raise both (exchange-rates.ts). */
  trades(request: TradesRequest, options?: RunOptions): Promise<TradesResult>;
  /** The efficient frontier over up to 4 numbers (frontier.ts); progress counts structures valued of the grid. */
  frontier(request: FrontierRequest, options?: RunOptions): Promise<FrontierResult>;
  /** Every deal of a portfolio in its position, and the total from the summed iterations (shared/portfolio). Progress counts iterations of all deals. */
  portfolio(request: PortfolioValuationRequest, options?: RunOptions): Promise<PortfolioValuationResult>;
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
  /** Gets ready for runs of this kernel (workers started, kernel linked), so timed runs measure the valuation alone. */
  prepare(template: Exclude<JobTemplate, { kind: 'portfolio' }>, iterations: number): Promise<void>;
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

/** Turns engine errors into ValuationError (a kernel fault explained against the job that hit it); everything else passes through. */
export function asValuationError(err: unknown, job?: FaultContext): unknown {
  if (err instanceof KernelFault && job) return new ValuationError(explainFault(err, job).problems);
  if (err instanceof EngineError) return new ValuationError(err.problems);
  return err;
}

/** Compiles a deal for a run (problems as an EngineError). */
export type KernelCompiler = (deal: Deal, conditionOn: string | undefined) => Promise<KernelSpec | CompiledDeal>;

/** In place, cached by the deal's text (compile-deal.ts). */
export const compileInPlace: KernelCompiler = async (deal, conditionOn) => compiledFor(deal, conditionOn);

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

/**
 * Builds value / sensitivity / solve over an executor. `compile` says where deals are compiled: in place by
 * default; a host that serves windows hands large deals to its background thread (valuation-handlers.ts).
 */
export function createRunner(executor: JobExecutor, compile: KernelCompiler = compileInPlace): ValuationRunner {
  const stats =
    (options: RunOptions): StatsEvaluator =>
    async (deal, variants, iterations, seed) => {
      checkIterations(iterations);
      checkSeed(seed);
      const kernel = await compile(deal, undefined);
      try {
        return await executor.execute({ kind: 'means', deal, variants, kernel }, iterations, seed, () => undefined, options.signal, async (outputs) =>
          variantStatsFromOutputs(outputs, variants.length, deal.parties.length, iterations),
        );
      } catch (err) {
        throw asValuationError(err, { deal, kernel, iterations, seed, variants });
      }
    };
  const means =
    (options: RunOptions): MeansEvaluator =>
    async (deal, variants, iterations, seed) =>
      (await stats(options)(deal, variants, iterations, seed)).map((v) => v.mean);

  const structures = async (request: StructuresRequest, options: RunOptions = {}): Promise<StructuresResult> => {
    let ran: FaultContext[] = [];
    try {
      const { deals, iterations, seed } = request;
      const pairs = [...(request.pairs ?? [])];
      checkIterations(iterations);
      checkSeed(seed);
      if (deals.length === 0) return { variants: [], pairs: [] };
      const kernels: (KernelSpec | CompiledDeal)[] = [];
      for (const deal of deals) kernels.push(await compile(deal, undefined));
      ran = deals.map((deal, i) => ({ deal, kernel: kernelSpecOf(kernels[i]!), iterations, seed }));
      const { specs, variants } = groupKernels(kernels);
      const total = iterations * deals.length;
      const template: JobTemplate = { kind: 'paired', deal: deals[0]!, kernel: kernels[0]!, deals, kernels, specs, variants, pairs };
      return await executor.execute(template, iterations, seed, throttledProgress(total, options.onProgress), options.signal, async (outputs) =>
        pairedStatsFromOutputs(outputs, deals.length, pairs.length, deals[0]!.parties.length, iterations),
      );
    } catch (err) {
      // A paired job reports the structure whose kernel failed as its variant: explain it against that structure's deal.
      throw asValuationError(err, err instanceof KernelFault ? ran[err.variant] : undefined);
    }
  };
  /** Structures for the analyses built on them: their own progress is reported by the analysis, cancel passes through. */
  const evaluator =
    (options: RunOptions): StructuresEvaluator =>
    (request, onProgress) =>
      structures(request, { ...(options.signal ? { signal: options.signal } : {}), ...(onProgress ? { onProgress } : {}) });
  const analysis = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw asValuationError(err);
    }
  };

  return {
    async value(request, options = {}) {
      // Kept outside the try: a kernel fault is explained against the run that hit it.
      let ran: FaultContext | undefined;
      try {
        const plan = planValuation(request);
        const progress = throttledProgress(plan.iterations, options.onProgress);
        options.onProgress?.(0, plan.iterations);
        const kernel = await compile(plan.deal, plan.conditionOn);
        ran = { deal: plan.deal, kernel, iterations: plan.iterations, seed: plan.seed, ...(plan.conditionOn === undefined ? {} : { conditionOn: plan.conditionOn }) };
        const template: JobTemplate = {
          kind: 'simulate',
          deal: plan.deal,
          ...(plan.conditionOn === undefined ? {} : { conditionOn: plan.conditionOn }),
          ...(plan.headBlocks > 0 ? { headBlocks: plan.headBlocks } : {}),
          kernel,
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
        throw asValuationError(err, ran);
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
    structures,
    negotiation: (request, options = {}) => analysis(() => valueNegotiation(request, evaluator(options), options.onProgress)),
    trades: (request, options = {}) => analysis(() => runTrades(request, evaluator(options), options.onProgress)),
    frontier: (request, options = {}) => analysis(() => runFrontier(request, evaluator(options), options.onProgress)),
    async portfolio(request, options = {}) {
      try {
        const plan = planPortfolio(request);
        options.onProgress?.(0, plan.members.length * plan.iterations);
        const started = performance.now();
        const result = await runPortfolio(
          plan,
          (template, iterations, finish) => {
            // A run again without a failed deal counts its own iterations from the start.
            const progress = throttledProgress(template.members.length * iterations, options.onProgress);
            return executor.execute(template, iterations, 0, progress, options.signal, (outputs, ask) =>
              finish(
                outputs.map((o): PortfolioOutput => {
                  if (o.kind !== 'portfolio') throw new Error('a portfolio run returned another kind of output');
                  return o;
                }),
                ask,
              ),
            );
          },
          (deal) => compile(deal, undefined),
        );
        return { ...result, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
      } catch (err) {
        throw asValuationError(err);
      }
    },
    close: () => executor.close(),
  };
}
