/**
 * Charts for documents: the app's own ECharts options (shared/charts) rendered
 * server-side to SVG, then rasterised to PNG with resvg for Word's ImageRun.
 *
 * resvg draws no text without font files, so the system's Liberation/DejaVu
 * fonts are loaded explicitly; when none are found the chart still renders
 * (bars and lines).
 *
 * ECharts and resvg are loaded on first use: only internal documents have
 * charts, and the CLI should not pay for them on every start.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EChartsOption } from 'echarts';

export interface ChartImage {
  png: Buffer;
  /** Size in CSS pixels of the drawing (the PNG is `scale` times larger for print sharpness). */
  width: number;
  height: number;
}

const FONT_DIRS = ['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/liberation', '/usr/share/fonts/dejavu', '/Library/Fonts', 'C:\\Windows\\Fonts'];
const FONT_FAMILY = 'Liberation Sans, Arial, DejaVu Sans, sans-serif';

let fontFiles: string[] | undefined;

/** TrueType files resvg can use; found once per process. */
export function chartFontFiles(): string[] {
  if (fontFiles) return fontFiles;
  fontFiles = [];
  for (const dir of FONT_DIRS) {
    if (!existsSync(dir)) continue;
    try {
      for (const name of readdirSync(dir)) {
        if (/^(LiberationSans|DejaVuSans|Arial)[-A-Za-z]*\.ttf$/i.test(name)) fontFiles.push(join(dir, name));
      }
    } catch {
      // An unreadable font folder only costs the chart its text.
    }
  }
  return fontFiles;
}

/** The option as an SVG string, rendered with ECharts' server-side SVG renderer. */
export async function renderChartSvg(option: EChartsOption, width: number, height: number): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ textStyle: { fontFamily: FONT_FAMILY }, backgroundColor: '#ffffff', ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The option as a PNG at `scale` times its CSS size (2 gives ~190 dpi at print width). */
export async function renderChartPng(option: EChartsOption, width: number, height: number, scale = 2): Promise<ChartImage> {
  const svg = await renderChartSvg(option, width, height);
  const { Resvg } = await import('@resvg/resvg-js');
  const files = chartFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: files.length === 0, fontFiles: files, defaultFontFamily: files.length ? 'Liberation Sans' : 'sans-serif', sansSerifFamily: 'Liberation Sans' },
  });
  return { png: resvg.render().asPng(), width, height };
}
