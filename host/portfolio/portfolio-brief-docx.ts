/**
 * Writes the portfolio brief (shared/portfolio/brief.ts) to Word with the
 * term sheets' writer (host/docx): the same styles, tables and chart images.
 * The figures are those of a finished valuation the host kept (the ones on
 * screen), never a new draw; the .docx is written atomically.
 */
import type { Problem } from '../../shared/api';
import { buildPortfolioBrief } from '../../shared/portfolio/brief';
import type { PortfolioEntryState } from '../../shared/portfolio/entries';
import type { Dealbook } from '../../shared/portfolio/schema';
import type { PortfolioMemberRequest, PortfolioValuationResult } from '../../shared/portfolio/valuation';
import { sanitizeLine } from '../../shared/termsheet/sanitize';
import { writeFileAtomic } from '../documents/atomic-write';
import { writeFailure } from '../documents/save';
import type { Paper } from '../docx/styles';
import { writeTermSheetDocx } from '../docx/write-docx';

export interface PortfolioBriefRequest {
  book: Dealbook;
  members: PortfolioMemberRequest[];
  result: PortfolioValuationResult;
  /** Why the deals left out of the valuation were left out, per place (as the app showed them). */
  notValued?: { place: number; problems: string[] }[] | undefined;
  outPath: string;
  paper: Paper;
  author?: string | undefined;
  /** "Today" unless given (tests fix it). */
  date?: Date;
}

/** Entries as the brief needs them: each valued deal, and the reasons of those that were not. */
function entriesOf(request: PortfolioBriefRequest): PortfolioEntryState[] {
  return request.book.deals.map((entry, place) => {
    const member = request.members.find((m) => m.place === place);
    const reasons = request.notValued?.find((n) => n.place === place)?.problems ?? [];
    const problems: Problem[] = reasons.map((message) => ({ path: '', message }));
    return { place, file: entry.file, path: null, deal: member?.deal ?? null, stamp: null, problems };
  });
}

export async function writePortfolioBrief(request: PortfolioBriefRequest): Promise<{ ok: true; path: string } | { ok: false; problems: Problem[] }> {
  const date = request.date ?? new Date();
  const doc = buildPortfolioBrief({ book: request.book, entries: entriesOf(request), result: request.result, date });
  try {
    const bytes = await writeTermSheetDocx(doc, { paper: request.paper, author: sanitizeLine(request.author ?? '').trim().slice(0, 255), revisionDate: date.toISOString().replace(/\.\d{3}Z$/, 'Z') });
    await writeFileAtomic(request.outPath, bytes);
  } catch (err) {
    return { ok: false, problems: [writeFailure(err, request.outPath)] };
  }
  return { ok: true, path: request.outPath };
}
