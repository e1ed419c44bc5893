/**
 * `npm run bench`, portfolios: the example portfolio at 100,000 iterations per
 * deal on 2 warm workers (every deal's samples summed iteration by iteration),
 * beside the same deals valued one after another by `dealwright value` as
 * whole processes (start-up, reading, compiling and valuing each; what a
 * script looping over the files pays), as a ratio; then a 15-deal portfolio
 * at 100,000 per deal, against its target of 5 s.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PortfolioMemberRequest } from '../../shared/portfolio/valuation';
import { openPortfolioFile } from '../portfolio/load-portfolio';
import { createWorkerPoolRunner } from '../valuation/worker-pool';

const ITERATIONS = 100_000;
const FIFTEEN_TARGET_MS = 5_000;

const best = (times: number[]) => Math.min(...times);

export async function portfolioBench(root: string): Promise<void> {
  const path = join(root, 'resources', 'examples', 'meridian-partnerships.dealbook');
  const opened = await openPortfolioFile(path);
  if (!opened.ok) throw new Error(`the example portfolio does not open: ${opened.problems[0]?.message}`);
  const { book, entries } = opened.portfolio;
  const members: PortfolioMemberRequest[] = entries.map((e) => ({ deal: e.deal!, party: book.deals[e.place]!.party, position: book.deals[e.place]!.position, place: e.place }));
  console.log(`\nPortfolios: ${book.title}, ${members.length} deals at ${ITERATIONS.toLocaleString('en-US')} iterations each (best of 3):`);

  const runner = createWorkerPoolRunner({ workers: 2 });
  const wall: number[] = [];
  const fifteen: number[] = [];
  let seeds: number[] = [];
  try {
    await runner.portfolio({ members, iterations: 20_000 }); // start workers, compile, warm the JIT
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const result = await runner.portfolio({ members, iterations: ITERATIONS });
      wall.push(performance.now() - t0);
      seeds = result.members.map((m) => (m.ok ? m.seed : NaN));
    }
    // Fifteen deals: the five three times over (each its own stream: its place in the list).
    const many = Array.from({ length: 15 }, (_, place) => ({ ...members[place % members.length]!, place }));
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await runner.portfolio({ members: many, iterations: ITERATIONS });
      fifteen.push(performance.now() - t0);
    }
  } finally {
    await runner.close();
  }

  // The same deals, the same streams, one `dealwright value` process after another.
  const cli = join(root, 'out', 'cli', 'main.js');
  const processes: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    members.forEach((m, k) => {
      const args = [cli, 'value', join(path, '..', book.deals[m.place]!.file), '--iterations', String(ITERATIONS), '--seed', String(seeds[k]), '--workers', '2', '--json'];
      if (m.position) args.push('--scenario', m.position);
      const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`dealwright value failed: ${r.stderr}`);
    });
    processes.push(performance.now() - t0);
  }
  const portfolioMs = best(wall);
  const processMs = best(processes);
  console.log(`  portfolio on 2 warm workers, request to result:        ${portfolioMs.toFixed(0)} ms`);
  console.log(`  the same deals by \`dealwright value\`, one by one:      ${processMs.toFixed(0)} ms (${members.length} processes, 2 workers each)`);
  console.log(`  ratio: the portfolio is ${(processMs / portfolioMs).toFixed(2)}x as fast`);
  const fifteenMs = best(fifteen);
  console.log(`  15 deals at ${ITERATIONS.toLocaleString('en-US')} per deal on 2 warm workers: ${fifteenMs.toFixed(0)} ms (target < ${FIFTEEN_TARGET_MS} ms: ${fifteenMs < FIFTEEN_TARGET_MS ? 'met' : 'NOT met'})`);
  console.log(`  15 deals by \`dealwright portfolio\` as one cold process (read, validate, compile, value): ${fifteenByProcess(path, book, ITERATIONS).toFixed(0)} ms`);
}

/** A 15-deal portfolio on disk (the example's five deals, each three times under its own name), valued by one CLI process. */
function fifteenByProcess(examplePath: string, book: { deals: { file: string; party: string; position?: string | undefined; stage: string }[] } & Record<string, unknown>, iterations: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'dealwright-bench-portfolio-'));
  try {
    const deals = Array.from({ length: 15 }, (_, i) => {
      const entry = book.deals[i % book.deals.length]!;
      copyFileSync(join(examplePath, '..', entry.file), join(dir, `deal-${i}.deal`));
      return { ...entry, file: `deal-${i}.deal` };
    });
    writeFileSync(join(dir, 'fifteen.dealbook'), JSON.stringify({ ...book, deals }));
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(projectCli(examplePath), 'main.js'), 'portfolio', join(dir, 'fifteen.dealbook'), '--iterations', String(iterations), '--json'], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`dealwright portfolio failed: ${r.stderr}`);
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** out/cli of the checkout the example lives in. */
function projectCli(examplePath: string): string {
  return join(examplePath, '..', '..', '..', 'out', 'cli');
}
