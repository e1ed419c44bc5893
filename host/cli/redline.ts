/**
 * `dealwright redline OLD.deal NEW.deal -o OUT.docx` and
 * `dealwright redline FILE --from ID --to ID -o OUT.docx`: the new terms with
 * Word tracked changes from the old ones. With two files, --from and --to
 * optionally pick the scenario of each. `--draft LABEL` labels the new draft,
 * `--author NAME` is the revisions' author (our party's name by default, never
 * the tool's); `--amounts words` writes "USD 25 million".
 */
import { basename } from 'node:path';
import { findPosition, unknownPositionMessage } from '../../shared/model/rounds';
import type { Deal } from '../../shared/model/schema';
import { openDealFile } from '../documents/load';
import { exportRedline } from '../docx/export-term-sheet';
import { appVersion } from '../paths';
import { parseCommandArgs, UsageError } from './args';
import type { Command } from './commands';
import { amountsFlag, dateFlag, lockedOutput, outFlag, paperFlag, printProblems, textFlag } from './termsheet';

export const redlineCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseCommandArgs('redline', argv);
  const from = typeof flags.from === 'string' ? flags.from : undefined;
  const to = typeof flags.to === 'string' ? flags.to : undefined;
  if (positionals.length === 1 && (from === undefined || to === undefined)) throw new UsageError('with one FILE, give both --from ID and --to ID');
  if (positionals.length !== 1 && positionals.length !== 2) throw new UsageError('expects OLD.deal NEW.deal, or FILE --from ID --to ID');
  const out = outFlag(flags);
  const paper = paperFlag(flags);
  const date = dateFlag(flags);
  const draft = textFlag(flags, 'draft');
  const author = textFlag(flags, 'author');
  const moneyStyle = amountsFlag(flags);
  const oldFile = positionals[0]!;
  const newFile = positionals[1] ?? oldFile;
  const oldDoc = await openDealFile(oldFile);
  if (!oldDoc.ok) return printProblems(ctx, oldFile, oldDoc.problems.map((p) => ({ ...p, path: p.path ? `${oldFile}: ${p.path}` : '' })));
  const newDoc = newFile === oldFile ? oldDoc : await openDealFile(newFile);
  if (!newDoc.ok) return printProblems(ctx, newFile, newDoc.problems.map((p) => ({ ...p, path: p.path ? `${newFile}: ${p.path}` : '' })));
  // An unknown --from or --to is named as the option it came from (and its file, when there are two).
  const unknown = (flag: '--from' | '--to', deal: Deal, id: string | undefined, file: string) =>
    id === undefined || findPosition(deal, id) ? [] : [{ path: flag, message: `${positionals.length === 2 ? `${file}: ` : ''}${unknownPositionMessage(deal, id)}` }];
  const positions = [...unknown('--from', oldDoc.document.deal, from, oldFile), ...unknown('--to', newDoc.document.deal, to, newFile)];
  if (positions.length) return printProblems(ctx, newFile, positions);
  const locked = await lockedOutput(out);
  if (locked.length) return printProblems(ctx, newFile, locked);
  const result = await exportRedline(
    {
      old: { deal: oldDoc.document.deal, fileName: basename(oldFile), scenarioId: from },
      new: { deal: newDoc.document.deal, fileName: basename(newFile), scenarioId: to },
      paper,
      outPath: out,
      date,
      protectedPaths: [oldFile, newFile],
      draft,
      author,
      moneyStyle,
    },
    appVersion(ctx.root),
  );
  if (!result.ok) return printProblems(ctx, newFile, result.problems);
  ctx.out(`${out}: redline written\n`);
  return 0;
};
