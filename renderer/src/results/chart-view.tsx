/**
 * A thin React wrapper over one ECharts canvas: sets the option built by a
 * pure adapter (shared/charts), resizes with its box, and carries the chart's
 * data table for screen readers, its help entry, and the export menu (copy as
 * an image, PNG or SVG ready for a slide, data as CSV).
 *
 * A chart scrolled out of view keeps its last drawing and draws the newest
 * option when it comes back (or is exported): while a slider moves, only what
 * can be seen is redrawn. Once an option is drawn, the figure's
 * `data-rendered` attribute takes the `renderToken` (the shown result's
 * sequence number), which is how the UI benchmark knows the chart shows the
 * new numbers.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import { exportFileName, tableToCsv, type ChartTable } from '../../../shared/charts/chart-table';
import type { MoneyFormat } from '../../../shared/format/money';
import { echarts } from './echarts-setup';
import { DataTable } from './data-table';
import { copyText, downloadText } from './download';
import { copyChartImage, savePng, saveSvg } from './chart-export';
import { ExportMenu, type ExportMenuItem } from './export-menu';
import { HelpLink } from '../help/help-link';

type ChartInstance = ReturnType<typeof echarts.init>;

/**
 * The tooltip's box goes in the chart's own element, named explicitly: left to itself, ECharts reads the
 * element's computed style on every update (a forced style recalculation per chart, each time a slider
 * moves) to decide where the box can go.
 */
const tooltipHost = (chartElement: HTMLElement) => chartElement;

function withTooltipHost(option: EChartsOption): EChartsOption {
  const tooltip = option.tooltip;
  if (!tooltip || Array.isArray(tooltip)) return option;
  return { ...option, tooltip: { ...tooltip, appendTo: tooltipHost } };
}

/** Option components replaced on every update (the tooltip and aria settings are merged instead). */
const REPLACED = ['series', 'xAxis', 'yAxis', 'grid', 'legend', 'title', 'dataset', 'visualMap', 'dataZoom', 'graphic'];

export interface ChartViewProps {
  title: string;
  option: EChartsOption;
  table: ChartTable;
  money: MoneyFormat;
  height?: number;
  renderToken?: string | number;
  /** Dimmed while the figures are stale. */
  stale?: boolean;
  /** The help entry the chart's title links to. */
  help?: string;
}

export function ChartView({ title, option, table, money, height = 260, renderToken, stale, help }: ChartViewProps) {
  const figureRef = useRef<HTMLElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  /** Whether the chart is on screen; off screen, new options wait (a slider drag redraws only what can be seen). */
  const onScreenRef = useRef(true);
  const pendingRef = useRef<{ option: EChartsOption; renderToken: string | number | undefined } | null>(null);

  const draw = useCallback((next: EChartsOption, token: string | number | undefined) => {
    const chart = chartRef.current;
    if (!chart) return;
    pendingRef.current = null;
    // Merged, not rebuilt: notMerge would tear down and re-create every component on each result, and
    // the tooltip's creation forces a page layout (~7 ms a chart while a slider moves). Everything the
    // adapters lay out is replaced wholesale, so nothing of an older option lingers.
    chart.setOption(withTooltipHost(next), { replaceMerge: REPLACED, lazyUpdate: false });
    // Tagged after every chart of this commit has drawn: an attribute written now would invalidate the
    // page's styles, and the next chart's tooltip reads a computed style (a forced recalculation each).
    if (token !== undefined) {
      const figure = figureRef.current;
      queueMicrotask(() => figure?.setAttribute('data-rendered', String(token)));
    }
  }, []);

  // Layout effects, in this order: the instance exists before the option effect below runs.
  useLayoutEffect(() => {
    const el = canvasRef.current!;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    const visibility =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            onScreenRef.current = entries.some((e) => e.isIntersecting);
            const pending = pendingRef.current;
            if (onScreenRef.current && pending) draw(pending.option, pending.renderToken);
          });
    visibility?.observe(el);
    return () => {
      observer.disconnect();
      visibility?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [draw]);

  // Drawn before the browser paints the new figures beside it; off screen, when it scrolls into view.
  useLayoutEffect(() => {
    if (onScreenRef.current) draw(option, renderToken);
    else pendingRef.current = { option, renderToken };
  }, [option, renderToken, draw]);

  const closeMenu = useCallback(() => setMenu(null), []);
  const items: ExportMenuItem[] = [
    {
      label: 'Copy chart as image',
      run: () =>
        void copyChartImage(option, title).then((ok) => setStatus(ok ? 'Chart copied to the clipboard.' : 'The clipboard refused the image here: save it as PNG instead.')),
    },
    { label: 'Save chart as PNG', run: () => savePng(option, title) },
    { label: 'Save chart as SVG', run: () => saveSvg(option, title) },
    { label: 'Save data as CSV', run: () => downloadText(tableToCsv(table), exportFileName(title, 'csv')) },
    { label: 'Copy data as CSV', run: () => void copyText(tableToCsv(table)) },
  ];

  return (
    <figure
      ref={figureRef}
      className={stale ? 'chart is-stale' : 'chart'}
      aria-label={title}
      onContextMenu={(e) => {
        e.preventDefault();
        setMenu({ x: e.clientX, y: e.clientY });
      }}
    >
      <figcaption className="chart-header">
        <span className="chart-title">
          {title}
          {help && <HelpLink topic={help} />}
        </span>
        <span className="chart-actions">
          <button type="button" className="link-button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
            {showTable ? 'Hide data' : 'Show data'}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Export ${title}`}
            aria-haspopup="menu"
            onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              setMenu({ x: r.left - 150, y: r.bottom + 4 });
            }}
          >
            ⋯
          </button>
        </span>
      </figcaption>
      <div ref={canvasRef} className="chart-canvas" style={{ height }} aria-hidden="true" />
      <DataTable table={table} money={money} className={showTable ? undefined : 'sr-only'} />
      {status && (
        <p className="chart-status small" role="status">
          {status}
        </p>
      )}
      {menu && <ExportMenu x={menu.x} y={menu.y} items={items} onClose={closeMenu} />}
    </figure>
  );
}
