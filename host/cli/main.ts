/**
 * The `dealwright` command: headless access to the same validation, engine and
 * exporters as the app (../shared/spec/cli.md). Exit codes: 0 success, 1 the
 * input is wrong, 2 usage error. Errors go to stderr as `path: message` lines,
 * never a stack trace.
 */
import { oneLine } from '../../shared/problems';
import { appVersion, projectRoot } from '../paths';
import { commands, type CommandContext } from './commands';
import { UsageError } from './args';

const HELP = `dealwright — deal valuation and term sheets from .deal files

Usage:
  dealwright validate FILE
  dealwright value FILE [--scenario ID] [--iterations N] [--seed S] [--workers K] [--json]
  dealwright sensitivity FILE [--scenario ID] [--party ID] [--json]
  dealwright solve FILE --vary PATH --party ID --target NPV [--scenario ID]
  dealwright termsheet FILE -o OUT.docx [--scenario ID] [--audience counterparty|internal]
                       [--draft LABEL] [--author NAME] [--amounts symbols|words]
                       [--paper A4|Letter] [--date YYYY-MM-DD] [--iterations N] [--workers K]
  dealwright redline OLD.deal NEW.deal -o OUT.docx [--draft LABEL] [--author NAME]
  dealwright redline FILE --from ID --to ID -o OUT.docx [--draft LABEL] [--author NAME]
                       [--amounts symbols|words] [--paper A4|Letter] [--date YYYY-MM-DD]

Options:
  --help       show this help
  --version    show the version

--draft LABEL is printed on the document instead of any internal name ("Draft 1"
by default); --author NAME is the document's and the tracked changes' author.
validate also prints, as warnings, what a counterparty export would refuse.

Exit status: 0 success, 1 the input is wrong, 2 usage error.
`;

async function main(argv: string[]): Promise<number> {
  const ctx: CommandContext = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    root: projectRoot(import.meta.url),
  };
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    ctx.out(HELP);
    return command === undefined ? 2 : 0;
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
  try {
    const run = await load();
    return await run(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
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
