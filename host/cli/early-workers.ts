/**
 * Valuation workers started by main.ts before a valuing command loads: the
 * command's module brings the formula parser, the schema library and the
 * engine (most of a cold call), and the workers start up meanwhile on the
 * other cores. As many as the run will use: the pool's size (workersFlag), and
 * no more than the run has blocks when --iterations says. Flags are read leniently here: a bad one is the
 * command's to report, and the pool then has workers to spare, no more.
 */
import { blockCount } from '../../shared/engine/rng';
import { LIMITS } from '../../shared/model/limits';
import { startValuationWorker, type StartedWorker } from '../valuation/worker-threads';
import { findWorkerScript } from '../worker-script';
import { intFlag, workersFlag, type ParsedArgs } from './args';

/** The value of `--name V` or `--name=V` in argv, if any. */
function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    // A flag without its value is a usage error the command reports: '' fails the same checks.
    if (arg === `--${name}`) return argv[i + 1] ?? '';
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function startWorkersEarly(argv: readonly string[]): StartedWorker[] {
  try {
    const flags: ParsedArgs['flags'] = {};
    for (const name of ['workers', 'iterations']) {
      const value = flagValue(argv, name);
      if (value !== undefined) flags[name] = value;
    }
    const iterations = intFlag(flags, 'iterations', 1, LIMITS.maxIterations);
    const workers = workersFlag(flags, iterations);
    const count = iterations === undefined ? workers : Math.min(workers, blockCount(iterations));
    const script = findWorkerScript();
    return Array.from({ length: count }, () => startValuationWorker(script));
  } catch {
    // A bad flag (the command reports it) or a missing worker bundle (the pool reports it).
    return [];
  }
}
