/**
 * The internal term sheet's valuation appendix: where the document comes
 * from (file, scenario, content hash, seed, tool version), per-party NPV
 * statistics (mean, P10, P50, P90 and the 90% range P5–P95, each named as
 * such), the chance of beating each walk-away, how the model times each term,
 * the model assumptions, the NPV histograms and the tornado (as chart specs
 * the host renders with the app's own chart builders). Only ever added for
 * the internal audience.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, Input, Scenario } from '../model/schema';
import type { SensitivityResult, ValuationResult } from '../engine/results';
import { formatMoneyEstimate } from '../format/money';
import { NBSP } from '../format/contract-figures';
import { formatNumber, formatPercent } from '../format/percent';
import type { Block, TableBlock } from './content';
import { plain } from './content';
import { sanitizeLine } from './sanitize';
import { modelTimingBlocks } from './model-timing';
import { partyName } from './wording';

/** Where an internal document comes from: printed in its appendix and footer, never in a counterparty document. */
export interface Traceability {
  fileName: string;
  contentHash: string;
  appVersion: string;
}

const right = (header: string, weight: number) => ({ header, weight, align: 'right' as const });

/** An input's distribution in words, with its parameters as written in the file. */
function describeInput(input: Input): string {
  const n = (v: number | undefined) => (v === undefined ? '?' : formatNumber(v, 4));
  switch (input.dist) {
    case 'fixed':
      return `Fixed at ${n(input.value)}`;
    case 'uniform':
      return `Uniform from ${n(input.min)} to ${n(input.max)}`;
    case 'triangular':
      return `Triangular: low ${n(input.min)}, most likely ${n(input.mode)}, high ${n(input.max)}`;
    case 'pert':
      return `PERT: low ${n(input.min)}, most likely ${n(input.mode)}, high ${n(input.max)}`;
    case 'normal': {
      const core = input.mean !== undefined ? `Normal: mean ${n(input.mean)}, sd ${n(input.sd)}` : `Normal: 90% between ${n(input.low)} and ${n(input.high)}`;
      const cut =
        input.min !== undefined && input.max !== undefined
          ? `, kept between ${n(input.min)} and ${n(input.max)}`
          : input.min !== undefined
            ? `, at least ${n(input.min)}`
            : input.max !== undefined
              ? `, at most ${n(input.max)}`
              : '';
      return core + cut;
    }
    case 'lognormal':
      return input.p50 !== undefined ? `Lognormal: median ${n(input.p50)}, 90th percentile ${n(input.p90)}` : `Lognormal: 90% between ${n(input.low)} and ${n(input.high)}`;
    case 'beta':
      return `Beta(${n(input.alpha)}, ${n(input.beta)}), mean ${formatPercent(input.alpha / (input.alpha + input.beta), 1)}`;
    case 'chance':
      return `Happens with probability ${formatPercent(input.p)}`;
    case 'discrete':
      return `One of ${input.values.map((v) => n(v)).join(', ')}${input.weights ? ` (weights ${input.weights.map((w) => n(w)).join(', ')})` : ' (equally likely)'}`;
  }
}

function assumptionsTable(deal: Deal): TableBlock {
  return {
    kind: 'table',
    key: 'table:assumptions',
    title: 'Model assumptions',
    rowsNamed: true,
    columns: [
      { header: 'Assumption', weight: 40, align: 'left' },
      { header: 'Distribution drawn in each iteration', weight: 60, align: 'left' },
    ],
    rows: Object.entries(deal.inputs).map(([id, input]) => ({
      key: id,
      cells: [plain(sanitizeLine(input.label ?? id)), plain(describeInput(input))],
    })),
  };
}

export function valuationAppendixBlocks(deal: Deal, scenario: Scenario, result: ValuationResult, trace: Traceability, sensitivity?: SensitivityResult): Block[] {
  const moneyFmt = { currency: deal.currency, unit: deal.unit };
  // Non-breaking inside a figure ("CHF 300k"): a figure never wraps.
  const m = (v: number) => formatMoneyEstimate(v, moneyFmt).replace(/ /g, NBSP);
  const others = deal.parties.filter((p) => p.id !== deal.us).map((p) => partyName(deal, p.id));
  const valued = deal.parties.filter((p) => result.parties[p.id]);
  const stats: TableBlock = {
    kind: 'table',
    key: 'table:valuation',
    title: 'Valuation',
    columns: [
      { header: 'Party', weight: 28, align: 'left' },
      right('Discount rate', 14),
      right('Walk-away', 16),
      right('Mean NPV', 16),
      right('P(NPV ≥ walk-away)', 26),
    ],
    rows: valued.map((p) => {
      const v = result.parties[p.id]!;
      return {
        key: p.id,
        cells: [plain(partyName(deal, p.id)), plain(formatPercent(p.discountRate)), plain(m(p.walkAway)), plain(m(v.npv.mean)), plain(formatPercent(v.pAboveWalkAway, 1))],
      };
    }),
  };
  const percentiles: TableBlock = {
    kind: 'table',
    key: 'table:percentiles',
    title: 'NPV percentiles',
    columns: [{ header: 'Party', weight: 24, align: 'left' }, right('P10', 15), right('P50 (median)', 16), right('P90', 15), right('90% range (P5 to P95)', 30)],
    rows: valued.map((p) => {
      const v = result.parties[p.id]!;
      return { key: p.id, cells: [plain(partyName(deal, p.id)), plain(m(v.npv.p10)), plain(m(v.npv.p50)), plain(m(v.npv.p90)), plain(`${m(v.npv.p5)} to ${m(v.npv.p95)}`)] };
    }),
  };
  const blocks: Block[] = [
    { kind: 'pageBreak', key: 'appendix:break' },
    { kind: 'heading', key: 'appendix:heading', level: 1, unnumbered: true, spans: plain('Appendix: valuation (internal)') },
    {
      kind: 'paragraph',
      key: 'appendix:warning',
      style: 'legend',
      spans: plain(`Internal to ${partyName(deal, deal.us)}. This appendix states our valuation, discount rates and walk-away figures; remove it before anything is shared with ${others.join(' or ') || 'the other side'}.`),
    },
    {
      kind: 'paragraph',
      key: 'appendix:basis',
      style: 'body',
      spans: plain(
        `Scenario "${sanitizeLine(scenario.name)}", valued by Monte Carlo simulation with ${formatNumber(result.iterations, 0)} iterations (seed ${result.seed}). ` +
          `Each party's net present value (NPV) discounts its own cash flows at its own annual discount rate. Amounts in ${deal.currency} ${deal.unit === 'one' ? '' : deal.unit}.`.replace(/ \./, '.'),
      ),
    },
    {
      kind: 'paragraph',
      key: 'appendix:trace',
      style: 'note',
      spans: plain(`Made from ${sanitizeLine(trace.fileName)} (deal ${trace.contentHash}), scenario "${sanitizeLine(scenario.name)}", seed ${result.seed}, by Dealwright ${trace.appVersion}.`),
    },
    stats,
    percentiles,
    {
      kind: 'paragraph',
      key: 'appendix:all',
      style: 'body',
      spans: [{ text: 'Chance that every party beats its walk-away: ', bold: true }, { text: formatPercent(result.pAllAboveWalkAway, 1) }],
    },
    { kind: 'heading', key: 'appendix:ranges', level: 2, spans: plain('How to read the ranges') },
    {
      kind: 'paragraph',
      key: 'appendix:ranges:p0',
      style: 'body',
      spans: plain(
        'P10, P50 and P90 are the 10th, 50th (median) and 90th percentiles of the simulated NPVs: in 80% of simulated outcomes the NPV lies between P10 and P90. ' +
          'The 90% range runs from P5 to P95, the 5th to the 95th percentile. These express the uncertainty in the model inputs; they are not confidence intervals for the mean.',
      ),
    },
    {
      kind: 'paragraph',
      key: 'appendix:ranges:p1',
      style: 'body',
      spans: plain(
        'Input ranges stated as low and high values are 90% intervals (5th to 95th percentile). P(NPV ≥ walk-away) is the share of simulated outcomes in which the party is at least as well off as with its best alternative to this deal.',
      ),
    },
    ...modelTimingBlocks(deal),
    { kind: 'heading', key: 'appendix:assumptions', level: 2, spans: plain('Model assumptions') },
    assumptionsTable(deal),
  ];
  if (scenario.notes?.trim()) {
    blocks.splice(5, 0, { kind: 'paragraph', key: 'appendix:notes', style: 'body', spans: [{ text: 'Scenario notes: ', bold: true }, { text: sanitizeLine(scenario.notes) }] });
  }
  for (const p of deal.parties) {
    const v = result.parties[p.id];
    if (!v || v.histogram.counts.length === 0) continue;
    const name = partyName(deal, p.id);
    blocks.push(
      { kind: 'heading', key: `appendix:hist:${p.id}:heading`, level: 2, spans: plain(`NPV distribution: ${name}`) },
      {
        kind: 'chart',
        key: `appendix:hist:${p.id}`,
        chart: { type: 'histogram', input: { histogram: v.histogram, money: moneyFmt, walkAway: p.walkAway, mean: v.npv.mean } },
        caption: `Bars: probability of each NPV range. Line: cumulative probability (S-curve). Red line: walk-away of ${m(p.walkAway)}; dashed line: mean of ${m(v.npv.mean)}.`,
        widthPx: 640,
        heightPx: 300,
      },
    );
  }
  if (sensitivity && sensitivity.rows.length) {
    blocks.push(
      { kind: 'heading', key: 'appendix:tornado:heading', level: 2, spans: plain(`What moves the value: ${partyName(deal, sensitivity.party)}`) },
      {
        kind: 'chart',
        key: 'appendix:tornado',
        chart: { type: 'tornado', input: { sensitivity, money: moneyFmt } },
        caption: `Mean NPV with each continuous input at its 10th and 90th percentile and each chance or discrete input at each of its outcomes, the others as drawn; widest swing first. Base mean ${m(sensitivity.baseMean)}.`,
        widthPx: 640,
        heightPx: Math.min(420, 120 + 34 * Math.min(10, sensitivity.rows.length)),
      },
    );
  }
  return blocks;
}
