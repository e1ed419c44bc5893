/**
 * Deal + scenario -> term-sheet content tree. The single entry point the CLI,
 * the app's export and the redline use, so every term sheet is built one way.
 *
 * The figures come from the deal with the scenario applied; placeholder text
 * is resolved against the same deal. Anything that would make the document
 * disagree with the model (an unknown scenario, placeholder or format) is
 * returned as problems and no document is produced.
 *
 * Host-side facts (the content hash, the app version, today's date, the
 * valuation for the internal appendix) are passed in, which keeps this pure
 * and the output deterministic in tests.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import type { Deal, Scenario } from '../model/schema';
import { applyScenarioById } from '../model/paths';
import type { SensitivityResult, ValuationResult } from '../engine/results';
import { formatLongDate, formatTimelineSpan } from '../format/dates';
import { formatMoney, moneyUnitCaption } from '../format/money';
import type { Audience, Block, TableBlock, TermSheetDoc } from './content';
import { plain } from './content';
import { economicTermBlocks, partyRole } from './economic-terms';
import { resolvePlaceholders } from './placeholders';
import { sanitizeLine, splitParagraphs } from './sanitize';
import { valuationAppendixBlocks } from './valuation-appendix';
import { partyName } from './wording';

export interface TermSheetOptions {
  audience: Audience;
  /** Scenario id; the deal's first scenario when absent. */
  scenarioId?: string;
  /** The .deal file's name, printed in the footer. */
  fileName: string;
  /** Short content hash of the deal as saved (computed by the host). */
  contentHash: string;
  appVersion: string;
  /** The date printed on the term sheet ("today" in the app; fixed in tests). */
  date: Date;
  /** The valuation of this scenario: required for the internal audience, ignored for the counterparty. */
  valuation?: { result: ValuationResult; sensitivity?: SensitivityResult };
}

export type TermSheetBuild =
  | { ok: true; doc: TermSheetDoc; deal: Deal; scenario: Scenario }
  | { ok: false; problems: Problem[] };

export const LEGEND = 'Non-binding term sheet; subject to contract';

function uniqueKey(seen: Map<string, number>, base: string): string {
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}#${n + 1}`;
}

/** The file's own term-sheet sections, placeholders resolved; problems name each text's location. */
function textSections(deal: Deal, audience: Audience, problems: Problem[]): Block[] {
  const blocks: Block[] = [];
  const seen = new Map<string, number>();
  (deal.termSheet?.sections ?? []).forEach((section, i) => {
    const heading = resolvePlaceholders(section.heading, `termSheet.sections[${i}].heading`, { deal, audience });
    const text = resolvePlaceholders(section.text, `termSheet.sections[${i}].text`, { deal, audience });
    if (!heading.ok) problems.push(...heading.problems);
    if (!text.ok) problems.push(...text.problems);
    if (!heading.ok || !text.ok) return;
    const title = sanitizeLine(heading.text).trim() || `Section ${i + 1}`;
    const key = uniqueKey(seen, `section:${title}`);
    blocks.push({ kind: 'heading', key, level: 1, spans: plain(title) });
    splitParagraphs(text.text).forEach((p, j) => blocks.push({ kind: 'paragraph', key: `${key}:p${j}`, style: 'body', spans: plain(p) }));
  });
  return blocks;
}

/** Success metrics grouped by horizon (12 months, then 3 years, then any other horizon as written); their text may hold placeholders too. */
function successMetricBlocks(deal: Deal, audience: Audience, problems: Problem[]): Block[] {
  const metrics: { horizon: string; metric: string; target: string }[] = [];
  (deal.termSheet?.successMetrics ?? []).forEach((m, i) => {
    const resolved = (['horizon', 'metric', 'target'] as const).map((field) => {
      const r = resolvePlaceholders(m[field], `termSheet.successMetrics[${i}].${field}`, { deal, audience });
      if (!r.ok) problems.push(...r.problems);
      return r.ok ? sanitizeLine(r.text).trim() : '';
    });
    metrics.push({ horizon: resolved[0] || 'Other', metric: resolved[1]!, target: resolved[2]! });
  });
  if (metrics.length === 0) return [];
  const horizons = [...new Set(metrics.map((m) => m.horizon))];
  const rank = (h: string) => (/^12\s*months?$/i.test(h) ? 0 : /^3\s*years?$/i.test(h) ? 1 : 2);
  horizons.sort((a, b) => rank(a) - rank(b));
  const blocks: Block[] = [
    { kind: 'heading', key: 'heading:successMetrics', level: 1, spans: plain('Partnership success metrics') },
    { kind: 'paragraph', key: 'intro:successMetrics', style: 'body', spans: plain('The parties will review the partnership against these targets.') },
  ];
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

function partiesTable(deal: Deal): TableBlock {
  return {
    kind: 'table',
    key: 'table:parties',
    rowsNamed: true,
    title: 'Parties',
    columns: [
      { header: 'Party', weight: 55, align: 'left' },
      { header: 'Role', weight: 45, align: 'left' },
    ],
    rows: deal.parties.map((p) => ({ key: p.id, cells: [plain(partyName(deal, p.id)), plain(partyRole(deal, p.id))] })),
  };
}

export function buildTermSheet(source: Deal, options: TermSheetOptions): TermSheetBuild {
  const applied = applyScenarioById(source, options.scenarioId);
  if (!applied.ok) return { ok: false, problems: [{ path: 'scenario', message: applied.message }] };
  const { deal, scenario } = applied.value;
  const problems: Problem[] = [];
  const example = formatMoney(25, { currency: deal.currency, unit: deal.unit });
  const blocks: Block[] = [
    { kind: 'heading', key: 'heading:parties', level: 1, spans: plain('Parties') },
    partiesTable(deal),
  ];
  if (deal.description?.trim()) {
    blocks.push({ kind: 'heading', key: 'heading:overview', level: 1, spans: plain('Transaction') });
    splitParagraphs(deal.description).forEach((p, j) => blocks.push({ kind: 'paragraph', key: `overview:p${j}`, style: 'body', spans: plain(p) }));
  }
  blocks.push(
    { kind: 'heading', key: 'heading:economics', level: 1, spans: plain('Economic terms') },
    {
      kind: 'paragraph',
      key: 'conventions',
      style: 'note',
      spans: plain(
        `Amounts are in ${moneyUnitCaption(deal)} (e.g. ${example} is 25 ${moneyUnitCaption(deal)}); rates are percentages; ` +
          `dates are ${deal.timeline.step === 'year' ? 'calendar years' : `calendar ${deal.timeline.step}s`} of the term ${formatTimelineSpan(deal.timeline)}.`,
      ),
    },
    ...economicTermBlocks(deal, options.audience),
  );
  blocks.push(...textSections(deal, options.audience, problems));
  blocks.push(...successMetricBlocks(deal, options.audience, problems));
  if (options.audience === 'internal') {
    if (!options.valuation) {
      problems.push({ path: 'valuation', message: 'the internal term sheet needs a valuation of the scenario for its appendix' });
    } else {
      blocks.push(...valuationAppendixBlocks(deal, scenario, options.valuation.result, options.valuation.sensitivity));
    }
  }
  if (problems.length) return { ok: false, problems };
  const seed = options.audience === 'internal' && options.valuation ? options.valuation.result.seed : deal.simulation.seed;
  const scenarioName = sanitizeLine(scenario.name);
  const us = partyName(deal, deal.us);
  const doc: TermSheetDoc = {
    audience: options.audience,
    title: sanitizeLine(deal.title),
    subtitle: 'Term sheet',
    scenarioName,
    date: formatLongDate(options.date),
    marking:
      options.audience === 'internal'
        ? `STRICTLY CONFIDENTIAL: INTERNAL TO ${us.toUpperCase()}. Do not send to the counterparty.`
        : 'CONFIDENTIAL',
    legend: LEGEND,
    footer: `${sanitizeLine(options.fileName)} · Scenario: ${scenarioName} · Deal ${options.contentHash} · Seed ${seed} · Dealwright ${options.appVersion}`,
    blocks,
  };
  return { ok: true, doc, deal, scenario };
}
