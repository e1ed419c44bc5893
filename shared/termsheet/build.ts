/**
 * Deal + scenario -> term-sheet content tree. The single entry point the CLI,
 * the app's export and the redline use, so every term sheet is built one way.
 *
 * The body is contract wording in the order lawyers expect
 * (section-slots.ts): parties with their legal details, the published
 * transaction summary, the file's own sections, the economic terms with each
 * term's trigger and contract figures, termination rights, success metrics,
 * and signature blocks. It is built from the deal as the gate lets the other
 * side see it (gate.ts, redactForCounterparty), for both audiences: the
 * internal draft differs only in its cover, its traceability footer, the
 * placeholders it may resolve and its appendix (model timing, valuation).
 *
 * Anything that would make the document disagree with the model or leak
 * what is internal (an unknown scenario, a refused or unknown placeholder, a
 * draft label that is a scenario's name) is returned as problems with paths,
 * and no document is produced.
 *
 * Host-side facts (the content hash, the app version, today's date, the
 * valuation for the internal appendix) are passed in, which keeps this pure
 * and the output deterministic in tests.
 *
 * Intentionally has no platform imports.
 */
import { failureText } from '../problems';
import type { Problem } from '../api';
import type { Deal, Scenario } from '../model/schema';
import { applyScenarioById } from '../model/paths';
import type { SensitivityResult, ValuationResult } from '../engine/results';
import type { MoneyStyle } from '../format/contract-figures';
import { formatLongDate } from '../format/dates';
import type { Audience, Block, Span, TableBlock, TermSheetDoc } from './content';
import { plain } from './content';
import { economicTermBlocks, heading, para, terminationBlocks } from './economic-terms';
import type { FigureContext } from './figure-cells';
import { draftLabelProblem, redactForCounterparty } from './gate';
import { partiesTable, signatureBlocks } from './parties';
import { resolvePlaceholders, type ResolveContext } from './placeholders';
import { sanitizeLine, splitParagraphs } from './sanitize';
import { arrangeSections, isHomeOf, sectionBlocks, slotOfHeading, type SectionParts, type Slot } from './section-slots';
import { valuationAppendixBlocks } from './valuation-appendix';
import { negotiationAppendixBlocks } from './negotiation-appendix';
import type { NegotiationResult } from '../engine/negotiation';
import { partyName } from './wording';

export interface TermSheetOptions {
  audience: Audience;
  /** Scenario id; the deal's first scenario when absent. */
  scenarioId?: string;
  /** The .deal file's name: internal documents only (traceability). */
  fileName: string;
  /** Short content hash of the deal as saved (computed by the host): internal documents only. */
  contentHash: string;
  appVersion: string;
  /** The date printed on the term sheet ("today" in the app; fixed in tests). */
  date: Date;
  /** The draft's label on a counterparty document ("Draft 1" by default); never a scenario's name. */
  draft?: string;
  /** `$25.0M` (default) or `USD 25 million`. */
  moneyStyle?: MoneyStyle;
  /**
   * The valuation of this scenario: required for the internal audience, ignored for the counterparty.
   * `negotiation`, when the deal has rounds: every round valued, for the negotiation-history appendix.
   */
  valuation?: { result: ValuationResult; sensitivity?: SensitivityResult; negotiation?: NegotiationResult };
}

export type TermSheetBuild =
  | { ok: true; doc: TermSheetDoc; deal: Deal; scenario: Scenario }
  | { ok: false; problems: Problem[] };

export const LEGEND = 'Non-binding term sheet, except for the provisions stated to be binding';
export const DEFAULT_DRAFT = 'Draft 1';
export const DRAFT_SEPARATOR = ' · ';

function uniqueKey(seen: Map<string, number>, base: string): string {
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}#${n + 1}`;
}

/** Resolves one text, collecting problems; '' when it cannot be resolved. */
function resolver(ctx: ResolveContext, problems: Problem[]) {
  return (text: string, location: string): string => {
    const r = resolvePlaceholders(text, location, ctx);
    if (!r.ok) {
      problems.push(...r.problems);
      return '';
    }
    return r.text;
  };
}

/** The file's own sections, placeholders resolved, each recognised by its heading's slot. */
function ownSections(deal: Deal, resolve: (text: string, location: string) => string): SectionParts[] {
  const seen = new Map<string, number>();
  return (deal.termSheet?.sections ?? []).map((section, i) => {
    const title = sanitizeLine(resolve(section.heading, `termSheet.sections[${i}].heading`)).trim() || `Section ${i + 1}`;
    const text = resolve(section.text, `termSheet.sections[${i}].text`);
    const key = uniqueKey(seen, `section:${title}`);
    const slot = slotOfHeading(title);
    return {
      slot,
      home: slot !== undefined && isHomeOf(slot, title),
      heading: heading(key, title, 1),
      generated: [],
      text: splitParagraphs(text).map((p, j) => para(`${key}:p${j}`, withLeadIn(p))),
    };
  });
}

/** "Royalty term: royalties are payable…": a short label before a colon at the start of a paragraph reads as a bold lead-in. */
function withLeadIn(paragraph: string): Span[] {
  const m = /^(\p{Lu}[^:.;\n]{1,38}):\s+(\S[\s\S]*)$/u.exec(paragraph);
  return m ? [{ text: `${m[1]}: `, bold: true }, { text: m[2]! }] : plain(paragraph);
}

/** Success metrics grouped by horizon (12 months, then 3 years, then any other horizon as written). */
function successMetricBlocks(deal: Deal, resolve: (text: string, location: string) => string): Block[] {
  const metrics = (deal.termSheet?.successMetrics ?? []).map((m, i) => {
    const [horizon, metric, target] = (['horizon', 'metric', 'target'] as const).map((field) => sanitizeLine(resolve(m[field], `termSheet.successMetrics[${i}].${field}`)).trim());
    return { horizon: horizon || 'Other', metric: metric!, target: target! };
  });
  if (metrics.length === 0) return [];
  const horizons = [...new Set(metrics.map((m) => m.horizon))];
  const rank = (h: string) => (/^12\s*months?$/i.test(h) ? 0 : /^3\s*years?$/i.test(h) ? 1 : 2);
  horizons.sort((a, b) => rank(a) - rank(b));
  const blocks: Block[] = [];
  for (const h of horizons) {
    const seen = new Map<string, number>();
    const table: TableBlock = {
      kind: 'table',
      key: `table:metrics:${h}`,
      title: `Success metrics at ${h}`,
      rowsNamed: false,
      columns: [
        { header: 'Metric', weight: 40, align: 'left' },
        { header: 'Target', weight: 60, align: 'left', primary: true },
      ],
      rows: metrics.filter((m) => m.horizon === h).map((m) => ({ key: uniqueKey(seen, m.metric), cells: [plain(m.metric), plain(m.target)] })),
    };
    blocks.push({ kind: 'heading', key: `heading:metrics:${h}`, level: 2, spans: plain(`At ${h}`) }, table);
  }
  return blocks;
}

/** The draft label as printed: untrusted text made safe, never empty. */
export function draftLabel(draft: string | undefined): string {
  return sanitizeLine(draft ?? '').trim() || DEFAULT_DRAFT;
}

export function buildTermSheet(source: Deal, options: TermSheetOptions): TermSheetBuild {
  const applied = applyScenarioById(source, options.scenarioId);
  if (!applied.ok) return { ok: false, problems: [{ path: 'scenario', message: failureText(applied) }] };
  const { deal, scenario } = applied.value;
  const internal = options.audience === 'internal';
  const problems: Problem[] = [];
  const draft = draftLabel(options.draft);
  if (!internal) {
    const clash = draftLabelProblem(source, draft);
    if (clash) problems.push(clash);
  }
  const moneyStyle = options.moneyStyle ?? 'symbol';
  const printable = redactForCounterparty(deal);
  const resolve = resolver({ deal, printable, audience: options.audience, moneyStyle }, problems);
  // Triggers may hold placeholders too; the tables (and the internal appendix) print them resolved.
  const triggers = new Map(printable.terms.flatMap((t) => (t.trigger === undefined ? [] : [[t.id, resolve(t.trigger, `terms.${t.id}.trigger`)] as const])));
  const withTriggers = <D extends Deal>(d: D): D => ({ ...d, terms: d.terms.map((t) => (triggers.has(t.id) ? { ...t, trigger: triggers.get(t.id)! } : t)) });
  const body = withTriggers(printable);
  const figures: FigureContext = { deal: body, moneyStyle };
  const summary = deal.termSheet?.summary !== undefined ? splitParagraphs(resolve(deal.termSheet.summary, 'termSheet.summary')) : [];
  const metrics = successMetricBlocks(deal, resolve);
  const generated: { slot: Slot; heading: Block; blocks: Block[] }[] = [
    { slot: 'parties', heading: heading('heading:parties', 'Parties', 1), blocks: [partiesTable(body)] },
    { slot: 'transaction', heading: heading('heading:transaction', 'Transaction', 1), blocks: summary.map((p, j) => para(`transaction:p${j}`, p)) },
    { slot: 'economics', heading: heading('heading:economics', 'Economic terms', 1), blocks: economicTermBlocks(figures) },
    { slot: 'termination', heading: heading('heading:term', 'Term and termination', 1), blocks: terminationBlocks(figures) },
    {
      slot: 'metrics',
      heading: heading('heading:successMetrics', 'Partnership success metrics', 1),
      blocks: metrics.length ? [para('intro:successMetrics', 'The parties will review the partnership against these targets.'), ...metrics] : [],
    },
  ];
  const own = ownSections(deal, resolve);
  // A file section of the metrics slot says in its own words how the review works; the generic intro would repeat it.
  if (own.some((s) => s.slot === 'metrics' && s.home)) generated[4]!.blocks = metrics;
  const blocks: Block[] = [...sectionBlocks(arrangeSections(own, generated)), ...signatureBlocks(body)];
  if (internal) {
    if (!options.valuation) {
      problems.push({ path: 'valuation', message: 'the internal term sheet needs a valuation of the scenario for its appendix' });
    } else {
      const trace = { fileName: options.fileName, contentHash: options.contentHash, appVersion: options.appVersion };
      blocks.push(...valuationAppendixBlocks(withTriggers(deal), scenario, options.valuation.result, trace, options.valuation.sensitivity));
      // The rounds as the file states them: each applies to the file as written, not to the scenario exported.
      if (options.valuation.negotiation) blocks.push(...negotiationAppendixBlocks(source, options.valuation.negotiation));
    }
  }
  if (problems.length) return { ok: false, problems };
  const date = formatLongDate(options.date);
  const title = sanitizeLine(deal.title);
  const scenarioName = sanitizeLine(scenario.name);
  const seed = internal && options.valuation ? options.valuation.result.seed : deal.simulation.seed;
  const doc: TermSheetDoc = {
    audience: options.audience,
    title: plain(title),
    subtitle: 'Term sheet',
    draftLine: internal ? ['Internal draft', `Scenario: ${scenarioName}`, date].join(DRAFT_SEPARATOR) : [draft, date, 'Subject to contract'].join(DRAFT_SEPARATOR),
    date,
    marking: internal ? `STRICTLY CONFIDENTIAL: INTERNAL TO ${partyName(deal, deal.us).toUpperCase()}. Do not send to the counterparty.` : 'CONFIDENTIAL',
    legend: LEGEND,
    footer: internal
      ? `${sanitizeLine(options.fileName)} · Scenario: ${scenarioName} · Deal ${options.contentHash} · Seed ${seed} · Dealwright ${options.appVersion}`
      : `${draft} · Confidential · Subject to contract`,
    properties: { title: `${title}: term sheet`, subject: internal ? `Internal draft, scenario ${scenarioName}` : draft },
    blocks,
  };
  return { ok: true, doc, deal, scenario };
}
