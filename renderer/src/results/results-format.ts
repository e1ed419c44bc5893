/**
 * How valuation figures read on screen: each party's card (mean NPV with its
 * standard error, P10/P50/P90, the chance of beating the walk-away) and the
 * line that says which run the figures come from. Pure, so the wording is
 * specified by component tests rather than by screenshots.
 */
import type { ValuationResult } from '../../../shared/engine/results';
import type { Party } from '../../../shared/model/schema';
import { formatMoney, type MoneyFormat } from '../../../shared/format/money';
import { formatNumber, formatPercent } from '../../../shared/format/percent';
import type { PreviewBasis, RunKind, ShownValuation } from '../store/valuation-slice';

export interface PartyFigures {
  partyId: string;
  name: string;
  isUs: boolean;
  mean: string;
  /** "± $0.4M": the standard error of the mean (Monte Carlo noise, not spread). */
  se: string;
  p10: string;
  p50: string;
  p90: string;
  walkAway: string;
  pAboveWalkAway: string;
  /** Where the mean sits against the walk-away (the one colour rule: green at or above, red below). */
  meanVsWalkAway: 'above' | 'below';
}

export function moneyFormatOf(deal: { currency: string; unit: MoneyFormat['unit'] }): MoneyFormat {
  return { currency: deal.currency, unit: deal.unit };
}

/**
 * Monte Carlo figures at a fixed precision (one decimal in millions): an estimate
 * with a standard error of $0.3M has no business showing thousands.
 */
export function formatStatMoney(amount: number, money: MoneyFormat): string {
  const decimals = money.unit === 'million' || money.unit === 'billion' ? 1 : 0;
  return formatMoney(amount, { ...money, decimals });
}

/** Probabilities to one decimal, never "100.0%" or "0.0%" for something merely very likely or unlikely. */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  if (p > 0.999 && p < 1) return '>99.9%';
  if (p < 0.001 && p > 0) return '<0.1%';
  return formatPercent(p, 1);
}

/** Standard errors get one more decimal than the mean so a small SE does not read "± $0.0M". */
export function formatStandardError(se: number, money: MoneyFormat): string {
  const base = money.unit === 'million' || money.unit === 'billion' ? 1 : 0;
  // Two significant digits for small errors (0.41, 0.09, 0.004), one decimal more than the mean otherwise.
  const wanted = se > 0 && Number.isFinite(se) ? -Math.floor(Math.log10(se)) : base + 1;
  const decimals = Math.min(base + 3, Math.max(base + 1, wanted + (se < 10 ** -base ? 0 : 1)));
  return `± ${formatMoney(se, { ...money, decimals })}`;
}

/** Party cards in display order: ours first, then the others in file order. */
export function partyFigures(result: ValuationResult, parties: Party[], usId: string, money: MoneyFormat): PartyFigures[] {
  const ordered = [...parties].sort((a, b) => Number(b.id === usId) - Number(a.id === usId));
  return ordered.flatMap((party) => {
    const v = result.parties[party.id];
    if (!v) return [];
    return [
      {
        partyId: party.id,
        name: party.name,
        isUs: party.id === usId,
        mean: formatStatMoney(v.npv.mean, money),
        se: formatStandardError(v.npv.se, money),
        p10: formatStatMoney(v.npv.p10, money),
        p50: formatStatMoney(v.npv.p50, money),
        p90: formatStatMoney(v.npv.p90, money),
        walkAway: formatMoney(party.walkAway, money),
        pAboveWalkAway: formatProbability(v.pAboveWalkAway),
        meanVsWalkAway: v.npv.mean >= party.walkAway ? 'above' : 'below',
      },
    ];
  });
}

export function formatIterations(n: number): string {
  return formatNumber(n, 0);
}

const KIND_WORDS: Record<RunKind, string> = { preview: 'Preview', full: 'Full run' };

/** What a preview's figures are, in words (see valuation-slice.ts). */
export function previewBasisWords(basis: PreviewBasis | undefined, iterations: number): string {
  switch (basis) {
    case 'relative':
      return `last full run moved by a ${formatIterations(iterations)}-iteration run on the same draws`;
    case 'exact':
      return 'the full run\'s own figures';
    default:
      return `a ${formatIterations(iterations)}-iteration run alone`;
  }
}

/**
 * "Full run · 100,000 iterations · seed 20270301", or for a preview what its figures are made of, with
 * why the figures are stale when they are.
 */
export function runProvenance(shown: Pick<ShownValuation, 'kind' | 'result' | 'stale' | 'basis'>, scenarioName: string, whatIfCount: number, previewIterations = 0): string {
  const r = shown.result;
  const parts =
    shown.kind === 'preview'
      ? [`${KIND_WORDS.preview}: ${previewBasisWords(shown.basis, previewIterations || r.iterations)}`, `seed ${r.seed}`, scenarioName]
      : [KIND_WORDS[shown.kind], `${formatIterations(r.iterations)} iterations`, `seed ${r.seed}`, scenarioName];
  if (whatIfCount > 0) parts.push(`${whatIfCount} slider what-if${whatIfCount === 1 ? '' : 's'}`);
  if (r.stoppedAtPrecision) parts.push('stopped at the precision target');
  const text = parts.join(' · ');
  switch (shown.stale) {
    case null:
      return text;
    case 'changed':
      return `${text} · updating…`;
    case 'cancelled':
      return `${text} · stale: the newer run was cancelled`;
    case 'failed':
      return `${text} · stale: the newer run failed`;
    case 'blocked':
      return `${text} · stale: the deal has problems`;
  }
}

/** The precision reached: the 95% half-width of our mean relative to the mean ("mean known to ±0.8%"). */
export function relativePrecision(mean: number, se: number, z = 1.959963984540054): string {
  if (!Number.isFinite(mean) || mean === 0) return 'n/a';
  return `±${formatPercent(Math.abs((z * se) / mean), 2)}`;
}
