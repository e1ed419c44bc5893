/**
 * Slide-ready exports of a chart (shared/charts/slide.ts): drawn off screen at
 * presentation size with its title and axis titles, then copied to the
 * clipboard as an image, or saved as PNG or SVG. Nothing here touches the
 * chart on screen.
 */
import type { EChartsOption } from 'echarts';
import { exportFileName } from '../../../shared/charts/chart-table';
import { SLIDE_SIZE, slideOption } from '../../../shared/charts/slide';
import { echarts } from './echarts-setup';
import { downloadDataUrl, downloadText } from './download';

/** The chart as a PNG data URL (twice the slide size in pixels, for sharp slides). */
export function slidePng(option: EChartsOption, title: string): string {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${SLIDE_SIZE.width}px;height:${SLIDE_SIZE.height}px;`;
  document.body.appendChild(host);
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width: SLIDE_SIZE.width, height: SLIDE_SIZE.height, devicePixelRatio: 2 });
  try {
    chart.setOption(slideOption(option, title));
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    host.remove();
  }
}

/** The chart as an SVG document. */
export function slideSvg(option: EChartsOption, title: string): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: SLIDE_SIZE.width, height: SLIDE_SIZE.height });
  try {
    chart.setOption(slideOption(option, title));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function savePng(option: EChartsOption, title: string): void {
  downloadDataUrl(slidePng(option, title), exportFileName(title, 'png'));
}

export function saveSvg(option: EChartsOption, title: string): void {
  downloadText(slideSvg(option, title), exportFileName(title, 'svg'), 'image/svg+xml;charset=utf-8', false);
}

/** Copies the chart to the clipboard as a PNG image; false where the clipboard refuses images. */
export async function copyChartImage(option: EChartsOption, title: string): Promise<boolean> {
  try {
    const blob = await (await fetch(slidePng(option, title))).blob();
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return true;
  } catch {
    return false;
  }
}
