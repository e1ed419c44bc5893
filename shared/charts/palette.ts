/**
 * Colours and type for every Dealwright chart, so the app, the screenshots and
 * the Word appendix look like one product: our side in a strong blue, the
 * counterparty in a muted slate, "both satisfied" in green, walk-aways in red.
 *
 * Intentionally has no platform imports.
 */
import { formatMoney, type MoneyFormat } from '../format/money';

export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const chartColors = {
  us: '#1f5fbf',
  usSoft: 'rgba(31, 95, 191, 0.18)',
  them: '#8a6d3b',
  themSoft: 'rgba(138, 109, 59, 0.18)',
  both: '#2e7d32',
  bothSoft: 'rgba(46, 125, 50, 0.12)',
  walkAway: '#b42318',
  ink: '#1c2430',
  muted: '#5b6676',
  grid: '#e7ebf1',
} as const;

/** Further parties (joint ventures may have three or more) cycle through these after ours. */
const OTHER_PARTY_COLORS = ['#8a6d3b', '#6b4c9a', '#00838f', '#ad5a00'];

/** A party's line colour: ours is always the strong blue, others in a stable order. */
export function partyColor(index: number, isUs: boolean): string {
  if (isUs) return chartColors.us;
  return OTHER_PARTY_COLORS[index % OTHER_PARTY_COLORS.length]!;
}

/** The same colour with transparency, for bands and areas. */
export function softColor(hex: string, alpha = 0.18): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Settings shared by every option: calm text, no animation (a slider must not wait for a tween). */
export const baseOption = {
  animation: false,
  textStyle: { fontFamily: CHART_FONT, color: chartColors.ink, fontSize: 12 },
  aria: { enabled: true },
} as const;

/** Axis labels in the deal's money format (`$25M`), whole units past 100 so ticks stay short. */
export function moneyAxisLabel(money: MoneyFormat) {
  return {
    color: chartColors.muted,
    hideOverlap: true,
    formatter: (v: number) => formatMoney(v, { ...money, decimals: Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : undefined }),
  };
}

/** Probability axis labels as whole percentages. */
export const percentAxisLabel = { color: '#5b6676', formatter: (v: number) => `${Math.round(v * 100)}%` };

/** Rates (royalties, shares) keep their decimals: 7.5% is not 8%. */
export const rateAxisLabel = { color: '#5b6676', formatter: (v: number) => `${Number((v * 100).toPrecision(6))}%` };

/**
 * Axis lines at the plot's edge, never at zero: with negative NPVs ECharts would otherwise draw the other
 * axis through the middle of the plot, its labels over the bars.
 */
export const edgeAxisLine = { onZero: false, lineStyle: { color: '#b8c1cf' } } as const;

export const axisStyle = {
  axisLine: edgeAxisLine,
  axisTick: { lineStyle: { color: '#b8c1cf' } },
  axisLabel: { color: chartColors.muted },
  splitLine: { lineStyle: { color: chartColors.grid } },
  nameTextStyle: { color: chartColors.muted },
} as const;

/** A party's line in any chart: ours heavier, every party in its own colour (markers too). */
export function partyLine(p: { color: string; isUs: boolean }) {
  return { lineStyle: { width: p.isUs ? 2.5 : 1.5, color: p.color }, itemStyle: { color: p.color } };
}
