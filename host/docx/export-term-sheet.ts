/**
 * The term-sheet export service used by the app (MainApi.exportTermSheet) and
 * the CLI (`dealwright termsheet`, `dealwright redline`): hash the deal, value
 * it when the internal appendix needs it (and its rounds for the
 * negotiation-history appendix), build the content tree, write the .docx
 * atomically. Problems come back as values with a path and a message.
 */
import type { Result } from '../../shared/problems';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Problem } from '../../shared/api';
import type { Deal } from '../../shared/model/schema';
import type { MoneyStyle } from '../../shared/format/contract-figures';
import { sanitizeLine } from '../../shared/termsheet/sanitize';
import { partyName } from '../../shared/termsheet/wording';
import { serializeDeal } from '../../shared/model/serialize';
import { roundsOf } from '../../shared/model/rounds';
import { ValuationError, type ValuationRunner } from '../valuation/runner';
import { buildTermSheet } from '../../shared/termsheet/build';
import type { Audience } from '../../shared/termsheet/content';
import { buildRedline, type RedlineSide } from '../../shared/termsheet/redline';
import { writeFileAtomic } from '../documents/atomic-write';
import type { Paper } from './styles';
import { writeTermSheetDocx } from './write-docx';

/** The engine as the export needs it: the host's valuation runner (worker pool in the app and CLI). */
export type ValuationPort = Pick<ValuationRunner, 'value' | 'sensitivity' | 'negotiation'>;

export type ExportResult = Result<{ path: string }>;

export interface TermSheetExportRequest {
  deal: Deal;
  fileName: string;
  scenarioId?: string;
  audience: Audience;
  paper: Paper;
  outPath: string;
  /** "Today" unless given (tests fix it). */
  date?: Date;
  /** Paths the export must never overwrite (the .deal files it was made from). */
  protectedPaths?: string[];
  /** Iterations for the internal appendix's valuation; the deal's own setting by default. */
  iterations?: number;
  /** The draft's label ("Draft 1" by default), printed instead of any internal name. */
  draft?: string;
  /** The user's name: the document's author (and the revisions' in a redline); our party's name when not given. */
  author?: string;
  /** `$25.0M` (default) or `USD 25 million`. */
  moneyStyle?: MoneyStyle;
}

/** The author a document names: the user's name when known, else our party's (never the tool's). */
export function documentAuthor(deal: Deal, author: string | undefined): string {
  return sanitizeLine(author ?? '').trim().slice(0, 255) || partyName(deal, deal.us);
}

const isoDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A short, stable fingerprint of the deal's content: the first 12 hex digits of
 * SHA-256 of the deal serialized as it is saved (stable key order), so the
 * footer of a document identifies the exact version of the file it came from.
 */
export function dealContentHash(deal: Deal): string {
  return createHash('sha256').update(serializeDeal(deal)).digest('hex').slice(0, 12);
}

function refuseOverwrite(outPath: string, protectedPaths: readonly string[] = []): Problem[] {
  const out = resolve(outPath);
  if (!/\.docx$/i.test(out)) return [{ path: 'outPath', message: `"${outPath}" must end in .docx` }];
  if (protectedPaths.some((p) => resolve(p) === out)) return [{ path: 'outPath', message: `refusing to overwrite the input file "${outPath}"` }];
  return [];
}

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
};

/** Writes atomically (a crash never leaves half a document); a failure is a problem, not an exception. */
async function writeDocx(outPath: string, bytes: Uint8Array): Promise<ExportResult> {
  try {
    await writeFileAtomic(outPath, bytes);
    return { ok: true, path: resolve(outPath) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return { ok: false, problems: [{ path: 'outPath', message: `cannot write "${outPath}": ${WRITE_ERRORS[code] ?? (err instanceof Error ? err.message : String(err))}` }] };
  }
}

async function valuationFor(req: TermSheetExportRequest, valuation: ValuationPort | undefined) {
  if (req.audience !== 'internal') return { ok: true as const, value: undefined };
  if (!valuation) {
    return { ok: false as const, problems: [{ path: 'audience', message: 'the internal term sheet needs the valuation engine, which this caller did not provide' }] };
  }
  try {
    const result = await valuation.value({ deal: req.deal, scenarioId: req.scenarioId, iterations: req.iterations });
    const sensitivity = await valuation.sensitivity({ deal: req.deal, scenarioId: req.scenarioId, party: req.deal.us, iterations: req.iterations });
    // The negotiation-history appendix, when the deal has rounds: each valued as the file states it.
    const negotiation = roundsOf(req.deal).length > 0 ? await valuation.negotiation({ deal: req.deal, ...(req.iterations === undefined ? {} : { iterations: req.iterations }) }) : undefined;
    return { ok: true as const, value: { result, sensitivity, ...(negotiation ? { negotiation } : {}) } };
  } catch (err) {
    if (err instanceof ValuationError) return { ok: false as const, problems: err.problems };
    return { ok: false as const, problems: [{ path: 'valuation', message: `the valuation failed: ${err instanceof Error ? err.message : String(err)}` }] };
  }
}

export async function exportTermSheet(req: TermSheetExportRequest, appVersion: string, valuation?: ValuationPort): Promise<ExportResult> {
  const refused = refuseOverwrite(req.outPath, req.protectedPaths);
  if (refused.length) return { ok: false, problems: refused };
  const valued = await valuationFor(req, valuation);
  if (!valued.ok) return valued;
  const date = req.date ?? new Date();
  const built = buildTermSheet(req.deal, {
    audience: req.audience,
    scenarioId: req.scenarioId,
    fileName: req.fileName,
    contentHash: dealContentHash(req.deal),
    appVersion,
    date,
    draft: req.draft,
    moneyStyle: req.moneyStyle,
    valuation: valued.value,
  });
  if (!built.ok) return built;
  const bytes = await writeTermSheetDocx(built.doc, { paper: req.paper, revisionDate: isoDate(date), author: documentAuthor(req.deal, req.author) });
  return writeDocx(req.outPath, bytes);
}

export interface RedlineExportRequest {
  old: Omit<RedlineSide, 'contentHash'>;
  new: Omit<RedlineSide, 'contentHash'>;
  paper: Paper;
  outPath: string;
  date?: Date;
  protectedPaths?: string[];
  /** The new draft's label ("Draft 2"). */
  draft?: string;
  /** The revisions' author: the user's name; our party's name when not given. */
  author?: string;
  moneyStyle?: MoneyStyle;
}

export async function exportRedline(req: RedlineExportRequest, appVersion: string): Promise<ExportResult> {
  const refused = refuseOverwrite(req.outPath, req.protectedPaths);
  if (refused.length) return { ok: false, problems: refused };
  const date = req.date ?? new Date();
  const built = buildRedline(
    { ...req.old, contentHash: dealContentHash(req.old.deal) },
    { ...req.new, contentHash: dealContentHash(req.new.deal) },
    { appVersion, date, draft: req.draft, moneyStyle: req.moneyStyle },
  );
  if (!built.ok) return built;
  const bytes = await writeTermSheetDocx(built.doc, { paper: req.paper, revisionDate: isoDate(date), author: documentAuthor(req.new.deal, req.author) });
  return writeDocx(req.outPath, bytes);
}
