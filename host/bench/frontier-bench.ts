/**
 * The frontier figure of `npm run bench`: the efficient frontier over two
 * numbers of the pharma licence (the upfront and the first royalty tier's
 * rate), 100,000 iterations per structure on 2 workers, found by refinement
 * (shared/engine/frontier.ts) beside the brute force (every point of the same
 * grid valued), as time and as the share of grid points each valued, with a
 * check that both found the same frontier.
 */
import type { Deal } from '../../shared/model/schema';
import type { FrontierResult } from '../../shared/engine/frontier';
import { createWorkerPoolRunner } from '../valuation/worker-pool';

const PATHS = ['terms.upfront.amount', 'terms.royalty.tiers.0.rate'];
const ITERATIONS = 100_000;
const WORKERS = 2;

/** `pointsPerNumber` thins the grid; by default it is the sliders' own steps (what the app and the CLI use). */
export async function frontierBench(deal: Deal, pointsPerNumber?: number): Promise<void> {
  const runner = createWorkerPoolRunner({ workers: WORKERS });
  try {
    await runner.value({ deal, iterations: 20_000 }); // start the workers, warm the JIT
    const run = async (method: 'refine' | 'grid') => {
      const t0 = performance.now();
      const result = await runner.frontier({ deal, paths: PATHS, ...(pointsPerNumber ? { points: pointsPerNumber } : {}), iterations: ITERATIONS, method });
      return { result, seconds: (performance.now() - t0) / 1000 };
    };
    const refined = await run('refine');
    const grid = await run('grid');
    const r = refined.result;
    const sets = (f: FrontierResult) => JSON.stringify(f.points.map((p) => p.set));
    const share = (f: FrontierResult) => `${f.valued.toLocaleString('en-US')} of ${f.gridPoints.toLocaleString('en-US')} grid points valued (${Math.round((100 * f.valued) / f.gridPoints)}%)`;
    console.log(`\nEfficient frontier, ${r.axes.map((a) => `${a.label} (${a.values.length} values)`).join(' x ')} = ${r.gridPoints.toLocaleString('en-US')} structures, ${ITERATIONS.toLocaleString('en-US')} iterations each, ${WORKERS} workers:`);
    console.log(`  refinement        ${refined.seconds.toFixed(1).padStart(6)} s   ${share(r)}${r.fullGridBecause ? ` (${r.fullGridBecause})` : ''}`);
    console.log(`  brute-force grid  ${grid.seconds.toFixed(1).padStart(6)} s   ${share(grid.result)}`);
    console.log(`  ${r.points.length} structures on the frontier; ${sets(r) === sets(grid.result) ? 'the same frontier both ways' : 'THE FRONTIERS DIFFER'}; refinement took ${((100 * refined.seconds) / grid.seconds).toFixed(0)}% of the grid's time`);
  } finally {
    await runner.close();
  }
}
