/**
 * `dealwright termsheet FILE -o OUT.docx [--scenario ID] [--audience counterparty|internal]
 *  [--draft LABEL] [--author NAME]` (plus `--paper A4|Letter`, `--amounts symbols|words`,
 * `--date YYYY-MM-DD` for reproducible documents, and `--iterations N` / `--workers K`
 * for the internal appendix's valuation). `--draft` is the label printed instead of
 * any internal name ("Draft 1" by default); `--author` the document's author.
 * Problems print as `path: message` lines with exit 1; usage errors exit 2.
 */
import { formatProblem } from '../../shared/problems';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { openDealFile } from '../documents/load';
import { exportTermSheet } from '../docx/export-term-sheet';
import type { Paper } from '../docx/styles';
import type { MoneyStyle } from '../../shared/format/contract-figures';
import { appVersion } from '../paths';
import { intFlag, parseCommandArgs, UsageError, type ParsedArgs } from './args';
import { LIMITS } from '../../shared/model/schema';
import type { ExportResult, TermSheetExportRequest } from '../docx/export-term-sheet';
import type { ValuationRunner } from '../valuation/runner';
import type { Command, CommandContext } from './commands';
import { withRunner, workersFlag } from './valuation-common';

export function outFlag(flags: ParsedArgs['flags']): string {
  const out = flags.out;
  if (typeof out !== 'string') throw new UsageError('needs -o OUT.docx');
  if (!/\.docx$/i.test(out)) throw new UsageError(`-o must name a .docx file, got "${out}"`);
  return out;
}

export function paperFlag(flags: ParsedArgs['flags']): Paper {
  const paper = flags.paper ?? 'A4';
  if (paper !== 'A4' && paper !== 'Letter') throw new UsageError(`--paper must be A4 or Letter, got "${String(paper)}"`);
  return paper;
}

export function dateFlag(flags: ParsedArgs['flags']): Date | undefined {
  const raw = flags.date;
  if (raw === undefined) return undefined;
  const m = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null;
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.getUTCDate() !== Number(m![3])) throw new UsageError(`--date must be a date such as 2027-03-03, got "${String(raw)}"`);
  return date;
}

/** `--draft LABEL` and `--author NAME`: free text, but not empty and not absurdly long. */
export function textFlag(flags: ParsedArgs['flags'], name: 'draft' | 'author'): string | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !raw.trim()) throw new UsageError(`--${name} needs a ${name === 'draft' ? 'label such as "Draft 2"' : 'name'}`);
  if (raw.length > 200) throw new UsageError(`--${name} is longer than 200 characters`);
  return raw;
}

/** `--amounts symbols|words`: "$25.0M" (default) or "USD 25 million". */
export function amountsFlag(flags: ParsedArgs['flags']): MoneyStyle | undefined {
  const raw = flags.amounts;
  if (raw === undefined) return undefined;
  if (raw === 'symbols') return 'symbol';
  if (raw === 'words') return 'words';
  throw new UsageError(`--amounts must be symbols or words, got "${String(raw)}"`);
}

/**
 * An existing file at -o that this user may not read and write is left alone (exit 1): the export
 * replaces its target by renaming a new file over it, which the folder's permission allows even when
 * the file's own would not, and a file someone locked is not the CLI's to replace.
 */
export async function lockedOutput(out: string): Promise<{ path: string; message: string }[]> {
  const existing = await stat(out).catch(() => null);
  if (!existing || existing.isDirectory()) return []; // absent, or a folder the export reports itself
  try {
    await access(out, constants.R_OK | constants.W_OK);
    return [];
  } catch {
    return [{ path: '-o', message: `cannot write "${out}": permission denied (the existing file is not readable and writable by you); it was not changed` }];
  }
}

/** The exporters name their output `outPath` (the API's argument); on the command line it is `-o`. */
export function printProblems(ctx: CommandContext, fallback: string, problems: readonly { path: string; message: string }[]): number {
  for (const p of problems) ctx.err(`${formatProblem(p.path === 'outPath' ? { ...p, path: '-o' } : p, fallback)}\n`);
  return 1;
}

/** Runs the export on a fresh worker pool, closed afterwards. */
async function withRunnerResult(workers: number, ctx: CommandContext, work: (runner: ValuationRunner) => Promise<ExportResult>): Promise<ExportResult> {
  let result: ExportResult = { ok: false, problems: [{ path: 'valuation', message: 'the valuation did not run' }] };
  const code = await withRunner(workers, ctx, async (runner) => {
    result = await work(runner);
    return 0;
  });
  return code === 0 ? result : { ok: false, problems: [] };
}

export const termsheetCommand: Command = async (argv, ctx) => {
  const { positionals, flags } = parseCommandArgs('termsheet', argv);
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
  const file = positionals[0]!;
  const out = outFlag(flags);
  const audience = flags.audience ?? 'counterparty';
  if (audience !== 'counterparty' && audience !== 'internal') throw new UsageError(`--audience must be counterparty or internal, got "${String(audience)}"`);
  const paper = paperFlag(flags);
  const date = dateFlag(flags);
  const iterations = intFlag(flags, 'iterations', 1, LIMITS.maxIterations);
  const workers = workersFlag(flags);
  const draft = textFlag(flags, 'draft');
  const author = textFlag(flags, 'author');
  const moneyStyle = amountsFlag(flags);
  const opened = await openDealFile(file);
  if (!opened.ok) return printProblems(ctx, file, opened.problems);
  const locked = await lockedOutput(out);
  if (locked.length) return printProblems(ctx, file, locked);
  const request: TermSheetExportRequest = {
    deal: opened.document.deal,
    fileName: basename(file),
    scenarioId: typeof flags.scenario === 'string' ? flags.scenario : undefined,
    audience,
    paper,
    outPath: out,
    date,
    iterations,
    protectedPaths: [file],
    draft,
    author,
    moneyStyle,
  };
  // Only the internal appendix needs the engine; a counterparty export starts no workers.
  const result =
    audience === 'internal'
      ? await withRunnerResult(workers, ctx, (runner) => exportTermSheet(request, appVersion(ctx.root), runner))
      : await exportTermSheet(request, appVersion(ctx.root));
  if (!result.ok) return printProblems(ctx, file, result.problems);
  ctx.out(`${out}: term sheet written (${audience})\n`);
  return 0;
};
