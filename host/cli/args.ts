/**
 * A small, strict argument parser for the CLI: known flags only, values where
 * a flag takes one, positionals counted. Anything else is a UsageError (exit 2).
 */
import { availableParallelism } from 'node:os';
import { blockCount } from '../../shared/engine/rng';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** By name, not class: each command runs from its own bundle with its own copy of the class (commands.ts). */
export function isUsageError(err: unknown): err is UsageError {
  return err instanceof Error && err.name === 'UsageError';
}

export interface FlagSpec {
  /** flag name without dashes -> whether it takes a value */
  [flag: string]: 'value' | 'boolean';
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], spec: FlagSpec, aliases: Record<string, string> = {}): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      let name = arg.replace(/^--?/, '');
      let inline: string | undefined;
      const eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      name = aliases[name] ?? name;
      const kind = spec[name];
      if (!kind) throw new UsageError(`unknown option ${arg}`);
      if (kind === 'boolean') {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        flags[name] = true;
      } else {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        flags[name] = value;
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, flags };
}

export function intFlag(flags: ParsedArgs['flags'], name: string, min: number, max: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${String(raw)}"`);
  }
  return n;
}

export function numberFlag(flags: ParsedArgs['flags'], name: string): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) {
    throw new UsageError(`--${name} must be a number, got "${String(raw)}"`);
  }
  return n;
}

export const MAX_WORKERS = 64;

/**
 * Blocks (4,096 iterations each) per worker of a CLI call. Its workers start cold: a fresh worker
 * spends its first block warming up V8's compilers, so spreading a small run over more of them
 * costs more CPU than it saves time (measured on 2 cores, nearly idle: `value` at 10,000 iterations
 * takes 160 ms wall and 220 ms of CPU on one worker, 190 ms and 270 ms on two; at 1,000,000, two
 * workers win, 370 ms to 420 ms). A warm pool (the app's) is another matter: it keeps one worker per core.
 */
const BLOCKS_PER_COLD_WORKER = 8;

/**
 * `--workers K` (1 to 64). By default one per core, and for a run of known size no more than one per
 * 8 blocks (10,000 iterations: one worker; 1,000,000: one per core). Numbers are the same either way.
 */
export function workersFlag(flags: ParsedArgs['flags'], iterations?: number): number {
  const explicit = intFlag(flags, 'workers', 1, MAX_WORKERS);
  if (explicit !== undefined) return explicit;
  const cores = availableParallelism();
  return iterations === undefined ? cores : Math.max(1, Math.min(cores, Math.ceil(blockCount(iterations) / BLOCKS_PER_COLD_WORKER)));
}
