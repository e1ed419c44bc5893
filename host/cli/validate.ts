/**
 * `dealwright validate FILE` (../shared/spec/cli.md): "FILE: ok" on stdout and
 * exit 0 (with a `path: warning: message` line on stderr per warning), or one
 * `path: message` line per problem on stderr and exit 1. The
 * same loading path as the app's Open (size limit, encoding, strict JSON,
 * version, migration, every validation rule), so the two never disagree.
 */
import { formatProblem } from '../../shared/model/problem-paths';
import { placeholderWarnings } from '../../shared/model/validate';
import { openDealFile } from '../documents/load';
import { parseArgs, UsageError } from './args';
import type { Command } from './commands';

export const validateCommand: Command = async (argv, ctx) => {
  const { positionals } = parseArgs(argv, {});
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'expects a FILE (dealwright validate FILE)' : 'expects exactly one FILE');
  const file = positionals[0]!;
  const result = await openDealFile(file);
  if (result.ok) {
    // Warnings (a placeholder that names nothing) do not make the file wrong: exit 0, said on stderr.
    const warnings = placeholderWarnings(result.document.deal);
    ctx.out(`${file}: ok${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}\n`);
    for (const w of warnings) ctx.err(`${formatProblem({ ...w, message: `warning: ${w.message}` }, file)}\n`);
    return 0;
  }
  for (const p of result.problems) ctx.err(`${formatProblem(p, file)}\n`);
  return 1;
};
