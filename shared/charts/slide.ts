/**
 * A chart made ready for a slide: the app's own option at a presentation size
 * with its title on it, larger type, every axis title kept (with its unit, as
 * the builders name them), labels inside the drawing (grid `containLabel`,
 * room for axis titles and the legend) and no tooltip. The app renders it
 * off screen to PNG (copy to clipboard, save) or to SVG.
 *
 * Intentionally has no platform imports.
 */
import type { EChartsOption } from 'echarts';
import { CHART_FONT, chartColors } from './palette';

export const SLIDE_SIZE = { width: 1280, height: 720 } as const;

type Obj = Record<string, unknown>;
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : v ? [v as Obj] : []);

export function slideOption(option: EChartsOption, title: string): EChartsOption {
  const own = asList(option.title)[0];
  const subtitle = typeof own?.text === 'string' ? own.text : undefined;
  const hasLegend = asList(option.legend).length > 0;
  const grids = asList(option.grid);
  const grid = (grids.length ? grids : [{}]).map((g) => ({
    ...g,
    top: Math.max(Number(g.top ?? 0) || 0, subtitle ? 96 : 76),
    left: Math.max(Number(g.left ?? 0) || 0, 40),
    right: Math.max(Number(g.right ?? 0) || 0, 48),
    bottom: Math.max(Number(g.bottom ?? 0) || 0, hasLegend ? 96 : 64),
    containLabel: true,
  }));
  const axis = (a: unknown) =>
    asList(a).map((x) => ({
      ...x,
      nameTextStyle: { ...(x.nameTextStyle as Obj | undefined), fontSize: 14, color: chartColors.ink },
      axisLabel: { ...(x.axisLabel as Obj | undefined), fontSize: 13 },
      // Axis titles sit clear of the tick labels, which are inside the grid's box.
      ...(x.nameLocation === 'middle' ? { nameGap: Math.max(Number(x.nameGap ?? 0) || 0, 40) } : {}),
    }));
  const { tooltip: _tooltip, ...rest } = option;
  return {
    ...rest,
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT, color: chartColors.ink, fontSize: 14 },
    title: {
      text: title,
      ...(subtitle ? { subtext: subtitle } : {}),
      left: 'center',
      top: 14,
      textStyle: { fontSize: 22, fontWeight: 'bold', color: chartColors.ink },
      subtextStyle: { fontSize: 15, color: chartColors.muted },
    },
    grid,
    xAxis: axis(option.xAxis) as EChartsOption['xAxis'],
    yAxis: axis(option.yAxis) as EChartsOption['yAxis'],
    ...(hasLegend ? { legend: asList(option.legend).map((l) => ({ ...l, bottom: 10, textStyle: { fontSize: 13 } })) as EChartsOption['legend'] } : {}),
  };
}
