/**
 * The `dealwright` command: headless access to the same validation, engine and
 * exporters as the app (../shared/spec/cli.md). Exit codes: 0 success, 1 the
 * input is wrong, 2 usage error. Errors go to stderr as `path: message` lines,
 * never a stack trace.
 */
import { saveCodeCaches } from '../code-cache';
import { oneLine } from '../../shared/problems';
import { appVersion, projectRoot } from '../paths';
import { commands, VALUING_COMMANDS, type CommandContext } from './commands';
import { helpText, isUsageError } from './args';
import { startWorkersEarly } from './early-workers';


async function main(argv: string[]): Promise<number> {
  const ctx: CommandContext = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    root: projectRoot(import.meta.url),
  };
  const [command, ...rest] = argv;
  const asksForHelp = (arg: string) => arg === '--help' || arg === '-h';
  if (command === undefined) {
    // No command is a usage error: the help goes where errors go, so stdout stays empty for scripts.
    ctx.err(helpText());
    return 2;
  }
  if (asksForHelp(command) || command === 'help') {
    ctx.out(helpText());
    return 0;
  }
  if (command === '--version' || command === '-v') {
    ctx.out(`${appVersion(ctx.root)}\n`);
    return 0;
  }
  const load = Object.prototype.hasOwnProperty.call(commands, command) ? commands[command] : undefined;
  if (!load) {
    ctx.err(`dealwright: unknown command "${oneLine(command)}" (see dealwright --help)\n`);
    return 2;
  }
  // `dealwright value --help` asks for the help, not for an option called --help (arguments after `--` are files).
  const beforeFiles = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeFiles.some(asksForHelp)) {
    ctx.out(helpText());
    return 0;
  }
  try {
    if (VALUING_COMMANDS.has(command)) ctx.started = startWorkersEarly(rest);
    const run = await load();
    const code = await run(rest, ctx);
    saveCodeCaches();
    return code;
  } catch (err) {
    if (isUsageError(err)) {
      ctx.err(`dealwright ${command}: ${oneLine(err.message)}\n`);
      return 2;
    }
    ctx.err(`dealwright ${command}: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
