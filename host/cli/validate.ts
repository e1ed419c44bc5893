/** `dealwright validate FILE`: "FILE: ok", or one `path: message` line per problem (exit 1). */
import { openDealFile } from '../documents/load';
import { parseArgs, UsageError } from './args';
import type { Command } from './commands';

export const validateCommand: Command = async (argv, ctx) => {
  const { positionals } = parseArgs(argv, {});
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
  const file = positionals[0]!;
  const result = await openDealFile(file);
  if (result.ok) {
    ctx.out(`${file}: ok\n`);
    return 0;
  }
  for (const p of result.problems) ctx.err(`${p.path || file}: ${p.message}\n`);
  return 1;
};
