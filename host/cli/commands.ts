/**
 * The CLI's command table: one entry per command of ../shared/spec/cli.md.
 * Each command lives in its own file and returns its exit code, and is built
 * into its own CommonJS bundle (out/cli/commands/NAME.cjs, see
 * build.config.mjs) that is loaded with V8's code cache (../code-cache.ts).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCacheDir, requireWithCodeCache } from '../code-cache';
import type { StartedWorker } from '../valuation/worker-threads';
import type * as frontier from './frontier';
import type * as portfolio from './portfolio';
import type * as redline from './redline';
import type * as rounds from './rounds';
import type * as sensitivity from './sensitivity';
import type * as solve from './solve';
import type * as termsheet from './termsheet';
import type * as trades from './trades';
import type * as validate from './validate';
import type * as value from './value';

export interface CommandContext {
  out(text: string): void;
  err(text: string): void;
  /** The project root (resources/, out/ live below it). */
  root: string;
  /** Valuation workers main.ts started while the command loaded, for its pool to take over. */
  started?: StartedWorker[];
}

export type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

/** out/cli/, where main.js runs from (this module is bundled into it). */
const cliDir = dirname(fileURLToPath(import.meta.url));

/** The exports of a command's bundle (typed from its source module). */
function bundle<T>(name: string): T {
  return requireWithCodeCache(join(cliDir, 'commands', `${name}.cjs`), codeCacheDir(dirname(cliDir))) as T;
}

/**
 * Each command is loaded only when it runs: `validate` should not pay for the
 * Word writer, nor `--version` for mathjs (start-up time is most of a CLI call).
 */
export const commands: Record<string, () => Promise<Command>> = {
  validate: async () => bundle<typeof validate>('validate').validateCommand,
  value: async () => bundle<typeof value>('value').valueCommand,
  sensitivity: async () => bundle<typeof sensitivity>('sensitivity').sensitivityCommand,
  solve: async () => bundle<typeof solve>('solve').solveCommand,
  termsheet: async () => bundle<typeof termsheet>('termsheet').termsheetCommand,
  redline: async () => bundle<typeof redline>('redline').redlineCommand,
  portfolio: async () => bundle<typeof portfolio>('portfolio').portfolioCommand,
  // The negotiation (issue 13).
  rounds: async () => bundle<typeof rounds>('rounds').roundsCommand,
  frontier: async () => bundle<typeof frontier>('frontier').frontierCommand,
  trades: async () => bundle<typeof trades>('trades').tradesCommand,
};

/** Commands that value on the worker pool: main.ts starts their workers before loading them. */
export const VALUING_COMMANDS: ReadonlySet<string> = new Set(['value', 'sensitivity', 'solve', 'portfolio', 'rounds', 'frontier', 'trades']);
