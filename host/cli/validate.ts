/**
 * `dealwright validate FILE` (../shared/spec/cli.md): "FILE: ok" on stdout and
 * exit 0, or one `path: message` line per problem on stderr and exit 1. The
 * same loading path as the app's Open (size limit, encoding, strict JSON,
 * version, migration, every validation rule), so the two never disagree.
 *
 * A valid file's term-sheet placeholders are resolved too: what a
 * counterparty export would refuse (an internal value, an unknown name) is
 * printed as `path: warning: message` on stderr; the file is still valid, so
 * the exit code stays 0.
 */
import { formatProblem } from '../../shared/problems';
import { termSheetWarnings } from '../../shared/termsheet/gate';
import { openDealFile } from '../documents/load';
import { parseCommandArgs, UsageError } from './args';
import type { Command } from './commands';

export const validateCommand: Command = async (argv, ctx) => {
  const { positionals } = parseCommandArgs('validate', argv);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'expects a FILE (dealwright validate FILE)' : 'expects exactly one FILE');
  const file = positionals[0]!;
  const result = await openDealFile(file);
  if (result.ok) {
    ctx.out(`${file}: ok\n`);
    for (const w of termSheetWarnings(result.document.deal)) ctx.err(`${formatProblem({ ...w, message: `warning: ${w.message}` }, file)}\n`);
    return 0;
  }
  for (const p of result.problems) ctx.err(`${formatProblem(p, file)}\n`);
  return 1;
};
