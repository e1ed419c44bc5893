/**
 * `npm run bench`: first the cold-start table (cold-start.ts: whole processes
 * of the CLI beside Squiggle and the baseline); then the engine on
 * resources/examples/pharma-licence.deal at 10k, 100k and 1M iterations with 1
 * and 2 workers (statistics included, warm pools, best of several runs), side
 * by side with a hand-written plain-JS loop of the same deal, as iterations per
 * second and ratio; then the slider path (10k iterations, warm) as a latency;
 * then reading and validating large files (20,000 chained series, a 5 MB
 * file) as time, beside plain JSON.parse of the same text (the floor any
 * reader pays); then portfolios (portfolio-bench.ts); then the efficient
 * frontier by refinement beside the brute-force grid (frontier-bench.ts).
 *
 * Options (npm run bench -- ...): --cold-only, --warm-only, --cold-runs N
 * (default 7), --against OTHER/out/cli/main.js (a second CLI build timed in the
 * same cold-start rounds), --frontier-points N (points per number of the
 * frontier's grid; the sliders' own steps by default; 0 skips the frontier).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseDealText } from '../../shared/model/parse';
import { dealSchema } from '../../shared/model/schema';
import { projectRoot } from '../paths';
import { createWorkerPoolRunner } from '../valuation/worker-pool';
import { baselinePharma } from './baseline-pharma';
import { printColdStartTable } from './cold-start';
import { chainedSeriesDeal, fiveMegabyteDeal } from './large-deals';
import { frontierBench } from './frontier-bench';
import { portfolioBench } from './portfolio-bench';

const root = projectRoot(import.meta.url);
const deal = dealSchema.parse(JSON.parse(readFileSync(join(root, 'resources', 'examples', 'pharma-licence.deal'), 'utf8')));
const SIZES = [10_000, 100_000, 1_000_000];
const repeats = (n: number) => (n >= 1_000_000 ? 6 : n >= 100_000 ? 10 : 20);

function best(times: number[]): number {
  return Math.min(...times);
}
function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const rate = (n: number, ms: number) => (n / ms) * 1000;
const fmtRate = (r: number) => `${(r / 1e6).toFixed(2)}M it/s`;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--warm-only')) {
    const against = flag('--against');
    printColdStartTable(root, { runs: Number(flag('--cold-runs') ?? 7), ...(against ? { against } : {}) });
  }
  if (process.argv.includes('--cold-only')) return;
  console.log(`Dealwright bench: ${deal.title}; ${deal.timeline.periods} periods; ${availableParallelism()} cores; Node ${process.version}`);
  console.log('(best of several warm runs; engine times include statistics; load on the machine shows up as noise)\n');
  const baseline = new Map<number, number>();
  for (const n of SIZES) {
    baselinePharma(deal, Math.min(n, 20_000), 1); // warm the JIT
    const times: number[] = [];
    for (let i = 0; i < repeats(n); i++) {
      const t0 = performance.now();
      baselinePharma(deal, n, i + 1);
      times.push(performance.now() - t0);
    }
    baseline.set(n, best(times));
  }
  const rows: string[][] = [['iterations', 'baseline loop', 'engine 1 worker', 'ratio', 'engine 2 workers', 'ratio']];
  const engine = new Map<string, number>();
  for (const workers of [1, 2]) {
    const runner = createWorkerPoolRunner({ workers });
    try {
      await runner.value({ deal, iterations: 20_000 }); // start workers, compile, warm the JIT
      for (const n of SIZES) {
        const times: number[] = [];
        for (let i = 0; i < repeats(n); i++) {
          const r = await runner.value({ deal, iterations: n, seed: i + 1 });
          times.push(r.elapsedMs);
        }
        engine.set(`${workers}:${n}`, best(times));
      }
      if (workers === 2) {
        const slider: number[] = [];
        for (let i = 0; i < 30; i++) {
          const t0 = performance.now();
          await runner.value({ deal, iterations: 10_000, seed: 100 + i });
          slider.push(performance.now() - t0);
        }
        console.log(`slider path, 10k iterations, 2 warm workers, request to result: median ${median(slider).toFixed(1)} ms, best ${best(slider).toFixed(1)} ms\n`);
      }
    } finally {
      await runner.close();
    }
  }
  for (const n of SIZES) {
    const b = rate(n, baseline.get(n)!);
    const e1 = rate(n, engine.get(`1:${n}`)!);
    const e2 = rate(n, engine.get(`2:${n}`)!);
    rows.push([n.toLocaleString('en-US'), fmtRate(b), fmtRate(e1), `${(e1 / b).toFixed(2)}x`, fmtRate(e2), `${(e2 / b).toFixed(2)}x`]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c]!)).join('   '));
  console.log('\nTargets (2-core machine): 2 workers at 1M >= 1.5x the baseline (>= ~3.5M it/s); 10k in < 20 ms warm.');
  validationBench();
  await portfolioBench(root);
  const frontierPoints = flag('--frontier-points');
  if (frontierPoints !== '0') await frontierBench(deal, frontierPoints === undefined ? undefined : Number(frontierPoints));
}

/** Reading and validating large files (what Open, Save and the live problems list do), best of 3, beside JSON.parse. */
function validationBench(): void {
  console.log('\nReading and validating large files (strict JSON, schema, every rule and formula), best of 3:');
  const files = [
    { name: '20,000 chained series', text: JSON.stringify(chainedSeriesDeal(deal, 20_000), null, 2) },
    { name: '5 MB file', text: fiveMegabyteDeal(deal).text },
  ];
  for (const { name, text } of files) {
    const parse: number[] = [];
    const validate: number[] = [];
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now();
      JSON.parse(text);
      parse.push(performance.now() - t0);
      t0 = performance.now();
      const result = parseDealText(text);
      validate.push(performance.now() - t0);
      if (!result.ok) throw new Error(`bench file "${name}" does not validate: ${result.problems[0]?.message}`);
    }
    const kb = Buffer.byteLength(text) / 1024;
    const size = kb >= 1024 ? `${(kb / 1024).toFixed(2)} MB` : `${kb.toFixed(0)} KB`;
    console.log(`  ${name} (${size}): validate ${best(validate).toFixed(0)} ms; JSON.parse alone ${best(parse).toFixed(0)} ms (${(best(validate) / best(parse)).toFixed(1)}x)`);
  }
  console.log('Target: each within seconds (20,000 chained series took over 90 s before validation was made linear).');
}

await main();
