/**
 * Test helpers: load the example deals, run the compiled kernel on one block
 * with raw flows recorded, and read back an iteration's draws for the
 * reference interpreter.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDeal, type CompiledDeal } from '../../../shared/engine/compile-deal';
import { drawBlock, type BlockDraws } from '../../../shared/engine/simulate';
import { dealSchema, type Deal } from '../../../shared/model/schema';

export const EXAMPLES = ['pharma-licence', 'saas-alliance', 'jv-equity'] as const;

export function exampleDeal(name: string): Deal {
  return dealSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/examples', `${name}.deal`), 'utf8')));
}

export function compileOk(deal: Deal, options: Parameters<typeof compileDeal>[1] = {}): CompiledDeal {
  const r = compileDeal(deal, options);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.compiled;
}

export interface BlockRun {
  compiled: CompiledDeal;
  draws: BlockDraws;
  /** [iteration][party][period] */
  flows: Float64Array;
  npv: Float64Array[];
  fault: number;
}

export function runBlock(deal: Deal, seed: number, n: number, block = 0): BlockRun {
  const compiled = compileOk(deal);
  const draws = drawBlock(compiled, seed, block, n);
  const P = compiled.periods;
  const nP = compiled.partyIds.length;
  const out = {
    npv: compiled.partyIds.map(() => new Float64Array(n)),
    sums: compiled.partyIds.map(() => new Float64Array(P)),
    flows: new Float64Array(n * nP * P),
    flowRows: n,
    cond: null,
    fault: [-1, -1, -1, 0],
  };
  const fault = compiled.kernel(draws.cols, draws.hz, n, out);
  return { compiled, draws, flows: out.flows, npv: out.npv, fault };
}

/** One iteration's draws: inputs drawn once, hazard seeds, and each input drawn every period as its per-period draws. */
export function iterationInputs(run: BlockRun, k: number): { inputs: Record<string, number>; hazardSeeds: number[]; perPeriod: Record<string, number[]> } {
  const inputs: Record<string, number> = {};
  const perPeriod: Record<string, number[]> = {};
  const P = run.compiled.periods;
  run.compiled.inputIds.forEach((id, i) => {
    if (run.compiled.perPeriod[i]) perPeriod[id] = Array.from(run.draws.cols[i]!.subarray(k * P, (k + 1) * P));
    else inputs[id] = run.draws.cols[i]![k]!;
  });
  const H = run.compiled.hazards;
  return { inputs, hazardSeeds: Array.from(run.draws.hz.subarray(k * H, (k + 1) * H)), perPeriod };
}

export function iterationFlows(run: BlockRun, k: number): number[][] {
  const P = run.compiled.periods;
  const nP = run.compiled.partyIds.length;
  return run.compiled.partyIds.map((_, p) => Array.from(run.flows.subarray((k * nP + p) * P, (k * nP + p + 1) * P)));
}

/** The largest absolute difference, scaled by max(1, |reference|). */
export function maxRelativeDifference(a: number[][], b: number[][]): number {
  let worst = 0;
  a.forEach((row, p) =>
    row.forEach((v, t) => {
      const r = b[p]![t]!;
      const d = Math.abs(v - r) / Math.max(1, Math.abs(r));
      if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
    }),
  );
  return worst;
}

/** The built valuation worker bundle for pool tests: built first when missing (npm test builds it before the tests). */
export function builtWorkerScript(): string {
  const root = join(import.meta.dirname, '..', '..', '..');
  const script = join(root, 'out', 'workers', 'valuation-worker.js');
  if (!existsSync(script)) {
    console.log('building the worker bundle (out/workers/valuation-worker.js) for the pool tests');
    const r = spawnSync(process.execPath, ['build.config.mjs'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }
  return script;
}
