/**
 * The term-sheet content tree: what a term sheet says, independent of Word.
 *
 * The builder (build.ts) turns a deal and a scenario into this tree; the
 * redline (redline.ts) compares two trees and marks insertions and deletions on
 * spans, table rows and cells; the host's docx writer lays the tree out. Every
 * block and table row has a stable `key` so two versions line up in a redline.
 *
 * Intentionally has no platform imports.
 */
import type { HistogramChartInput } from '../charts/histogram';
import type { NegotiationChartInput } from '../charts/negotiation';
import type { TornadoChartInput } from '../charts/tornado';
import type { PortfolioChart } from '../charts/portfolio-charts';

export type Audience = 'counterparty' | 'internal';
export type Change = 'ins' | 'del';

/** A run of text with one formatting; `change` marks a tracked insertion or deletion. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  change?: Change;
}

export type Align = 'left' | 'right';

export interface TableColumn {
  header: string;
  /** Relative width; the writer turns weights into twips for the chosen paper. */
  weight: number;
  /** Numbers are right-aligned so digits line up. */
  align: Align;
  /** The column a negotiator means by "the figure" of a row: the redline summary names only the row. */
  primary?: boolean;
}

export interface TableRow {
  /** Stable across versions (term id, party id, a tier's band). */
  key: string;
  cells: Span[][];
  change?: Change;
  /**
   * A tier of a banded table (royalty or revenue-share tiers): its bounds and
   * what it sets, as printed. A redline matches tiers by their bands, so a
   * tier inserted in the middle is one added row, not a cascade of rate changes.
   */
  band?: { lower: string; upper: string; value: string };
}

export interface TableBlock {
  kind: 'table';
  key: string;
  /** How the redline summary names the table ("Royalties on net sales"). */
  title: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Row labels name the row on their own (a payment, a clause); otherwise the summary prefixes the table's title ("Royalties, Tier 2"). */
  rowsNamed?: boolean;
  /** The whole table is new or gone (its header row is marked too). */
  change?: Change;
  /** With `change`: the table moved rather than appeared or went (a moved section). */
  moved?: boolean;
}

/**
 * A whole block added or removed in a redline (its paragraph mark tracked
 * too, so accepting or rejecting leaves nothing behind); `moved` when the
 * block is the same in both versions but sits elsewhere (Word's moved text).
 */
export interface Tracked {
  change?: Change;
  moved?: boolean;
}

export type ChartSpec =
  | { type: 'histogram'; input: HistogramChartInput }
  | { type: 'tornado'; input: TornadoChartInput }
  | { type: 'negotiation'; input: NegotiationChartInput }
  /** The portfolio brief's charts (internal only). */
  | { type: 'portfolio'; chart: PortfolioChart };

export type ParagraphStyle = 'body' | 'note' | 'caption' | 'legend' | 'signature' | 'signatureLead';

export type Block =
  /** Level-1 headings are numbered (1., 2., ...) unless `unnumbered` (appendices). */
  /** `pageBreakBefore` starts a page (the signature page) without a paragraph of its own that a redline would have to track. */
  | ({ kind: 'heading'; key: string; level: 1 | 2; spans: Span[]; unnumbered?: boolean; pageBreakBefore?: boolean } & Tracked)
  /** `keepNext` holds it on the page of the next paragraph (a signature block's lines). */
  | ({ kind: 'paragraph'; key: string; style: ParagraphStyle; spans: Span[]; keepNext?: boolean } & Tracked)
  /** One item of a numbered list (e.g. the order of distributions); `list` groups items into one list. */
  | ({ kind: 'listItem'; key: string; list: string; spans: Span[] } & Tracked)
  | TableBlock
  | { kind: 'chart'; key: string; chart: ChartSpec; caption: string; widthPx: number; heightPx: number }
  | { kind: 'pageBreak'; key: string };

export interface TermSheetDoc {
  audience: Audience;
  /** The title as printed; in a redline, with its change tracked. */
  title: Span[];
  /** "Term sheet" */
  subtitle: string;
  /** Under the title: "Draft 1 · 3 March 2027 · Subject to contract" (internal: "Internal draft · Scenario: … · date"). */
  draftLine: string;
  /** The written date ("3 March 2027"). */
  date: string;
  /** The page-header marking: confidentiality, and for internal documents a do-not-forward warning. */
  marking: string;
  /** "Non-binding term sheet; subject to contract" */
  legend: string;
  /** Printed in every page footer before the page number: the draft label, or (internal only) the traceability line. */
  footer: string;
  /** The package's document properties (docProps/core.xml); the writer adds the author. Nothing internal in a counterparty document. */
  properties: { title: string; subject: string };
  /** For a redline: the short list of changes printed at the top. */
  changeSummary?: string[];
  blocks: Block[];
}

/** Concatenated text of spans (what a reader sees). */
export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

export const plain = (text: string): Span[] => [{ text }];
