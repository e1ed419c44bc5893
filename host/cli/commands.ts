/**
 * The CLI's command table: one entry per command of ../shared/spec/cli.md.
 * Each command lives in its own file and returns its exit code.
 */
export interface CommandContext {
  out(text: string): void;
  err(text: string): void;
  /** The project root (resources/, out/ live below it). */
  root: string;
}

export type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

/**
 * Each command is loaded only when it runs: `validate` should not pay for the
 * Word writer, nor `--version` for mathjs (start-up time is most of a CLI call).
 */
export const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate')).validateCommand,
  value: async () => (await import('./value')).valueCommand,
  sensitivity: async () => (await import('./sensitivity')).sensitivityCommand,
  solve: async () => (await import('./solve')).solveCommand,
  termsheet: async () => (await import('./termsheet')).termsheetCommand,
  redline: async () => (await import('./redline')).redlineCommand,
  portfolio: async () => (await import('./portfolio')).portfolioCommand,
};
