/**
 * The cold-start table of `npm run bench`: whole processes, a fresh `node` for
 * every run, timed from spawn to exit. The `dealwright` command (as a user runs
 * it, through its bin script) for --version, validate and value at 1k, 10k and
 * 1M iterations of the pharma example, beside Squiggle valuing the same model
 * at 10k samples (pharma-licence.squiggle) and the hand-written baseline at 1M
 * (baseline-process.ts). Runs are interleaved round by round, so a busy moment
 * on a shared machine slows every row alike; medians of N runs, with the load
 * average printed beside them.
 *
 * `--against CLI` adds a column for another build of the CLI (its out/cli/main.js,
 * e.g. from a checkout of an older commit) timed in the same rounds, valuing
 * the example of its own checkout.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';

export interface ColdStartOptions {
  /** Runs per row (at least 5). */
  runs: number;
  /** Another CLI entry (a built out/cli/main.js) to time in the same rounds. */
  against?: string;
}

interface Row {
  label: string;
  /** Arguments after `node`; `cli` rows run the dealwright CLI (and the `against` one). */
  args: string[];
  cli: boolean;
  target?: { seconds: number; text: string };
}

function timeProcess(args: string[], cwd: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  return ms;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Prints the table; returns the medians by row label (ms). */
export function printColdStartTable(root: string, options: ColdStartOptions): Map<string, number> {
  const runs = Math.max(5, options.runs);
  const bin = join(root, 'host', 'cli', 'dealwright.mjs');
  const deal = join(root, 'resources', 'examples', 'pharma-licence.deal');
  const againstDeal = options.against ? join(dirname(options.against), '..', '..', 'resources', 'examples', 'pharma-licence.deal') : deal;
  const rows: Row[] = [
    { label: 'dealwright --version', args: ['--version'], cli: true },
    { label: 'dealwright validate', args: ['validate', deal], cli: true, target: { seconds: 0.3, text: '< 0.3 s' } },
    { label: 'dealwright value, 1,000 iterations', args: ['value', deal, '--iterations', '1000'], cli: true },
    { label: 'dealwright value, 10,000 iterations', args: ['value', deal, '--iterations', '10000'], cli: true, target: { seconds: 0.5, text: '< 0.5 s, >= 3x faster than Squiggle' } },
    { label: 'dealwright value, 1,000,000 iterations', args: ['value', deal, '--iterations', '1000000'], cli: true, target: { seconds: 1, text: '< 1.0 s' } },
    { label: 'Squiggle 0.10, same model, 10,000 samples', args: [join(root, 'out', 'bench', 'squiggle-pharma.js'), '10000'], cli: false },
    { label: 'hand-written baseline, 1,000,000 iterations', args: [join(root, 'out', 'bench', 'baseline-process.js'), '1000000'], cli: false },
  ];
  console.log(`Cold start: whole processes (a fresh node per run, spawn to exit), median of ${runs} interleaved runs; ${availableParallelism()} cores; Node ${process.version}`);
  console.log(`load average before: ${loads()}`);
  const times = new Map<string, number[]>();
  const add = (key: string, ms: number) => times.set(key, [...(times.get(key) ?? []), ms]);
  for (let round = 0; round < runs; round++) {
    for (const row of rows) {
      add(row.label, timeProcess(row.cli ? [bin, ...row.args] : row.args, root));
      // The other build values its own copy of the example (an older build may not read today's).
      if (row.cli && options.against) add(`against:${row.label}`, timeProcess([options.against, ...row.args.map((a) => (a === deal ? againstDeal : a))], root));
    }
  }
  const medians = new Map([...times].map(([k, v]) => [k, median(v)]));
  const squiggle = medians.get(rows[5]!.label)!;
  const header = ['command', 'median', 'min', 'max', ...(options.against ? ['against'] : []), 'target'];
  const table: string[][] = [header];
  for (const row of rows) {
    const t = times.get(row.label)!;
    const m = medians.get(row.label)!;
    let target = '';
    if (row.target) {
      const within = m / 1000 < row.target.seconds;
      const squiggleOk = !row.target.text.includes('Squiggle') || squiggle / m >= 3;
      target = `${row.target.text}: ${within && squiggleOk ? 'met' : 'NOT met'}`;
      if (row.target.text.includes('Squiggle')) target += ` (${(squiggle / m).toFixed(1)}x)`;
    }
    const against = options.against ? [row.cli ? seconds(medians.get(`against:${row.label}`)!) : ''] : [];
    table.push([row.label, seconds(m), seconds(Math.min(...t)), seconds(Math.max(...t)), ...against, target]);
  }
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  for (const r of table) console.log(r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ').trimEnd());
  console.log(`load average after: ${loads()}${options.against ? `; against = ${options.against}` : ''}\n`);
  return medians;
}
