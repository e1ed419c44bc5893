/**
 * The CLI's command table: one entry per command of ../shared/spec/cli.md.
 * Each command lives in its own file and returns its exit code.
 */
import { validateCommand } from './validate';
import { termsheetCommand } from './termsheet';
import { redlineCommand } from './redline';
import { valueCommand } from './value';
import { sensitivityCommand } from './sensitivity';
import { solveCommand } from './solve';

export interface CommandContext {
  out(text: string): void;
  err(text: string): void;
  /** The project root (resources/, out/ live below it). */
  root: string;
}

export type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

export const commands: Record<string, Command> = {
  validate: validateCommand,
  termsheet: termsheetCommand,
  redline: redlineCommand,
  value: valueCommand,
  sensitivity: sensitivityCommand,
  solve: solveCommand,
};
