/**
 * bench:ui, from a cold start: for each run a fresh web host process and a
 * fresh browser context (no HTTP cache), timing
 * - host ready: spawn of `node out/web/main.js` to its "listening" line;
 * - welcome: spawn to the welcome screen's example deals on screen;
 * - first figures: the click on the pharma example to the frame in which the
 *   first valuation's figures are drawn (every chart on screen and the party
 *   cards);
 * - first slider preview: right after that, one key press on the upfront
 *   slider to the frame with its preview drawn.
 * Targets: figures within 1 s of the click, the first preview within 100 ms.
 * With `against` (another build's out/web/main.js), its runs alternate with
 * ours and get their own column.
 */
import type { Browser } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, startWebHost } from '../e2e/support/web-host';
import { chromium } from '@playwright/test';
import { INSTALL_CLICK_CLOCK, installInputClock, percentile, RESULT_SEQ, waitForNewResult } from './page-probes';

interface OpenTimes {
  hostReady: number;
  welcome: number;
  firstFigures: number;
  firstPreview: number;
}

const LABELS: Record<keyof OpenTimes, string> = {
  hostReady: 'host ready (spawn to listening)',
  welcome: 'welcome screen (spawn to example deals shown)',
  firstFigures: 'open the pharma example: click to first figures drawn',
  firstPreview: 'then the first slider move: input to preview drawn',
};
const TARGETS: Partial<Record<keyof OpenTimes, number>> = { firstFigures: 1000, firstPreview: 100 };

async function openOnce(browser: Browser, script: string | undefined): Promise<OpenTimes> {
  const t0 = performance.now();
  const host = await startWebHost(script ? { script } : {});
  const hostReady = performance.now() - t0;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    const example = page.getByRole('button', { name: /HX-201 licence/ });
    await example.waitFor();
    const welcome = performance.now() - t0;
    await page.evaluate(INSTALL_CLICK_CLOCK);
    await example.click();
    const firstFigures = await page.evaluate<number>(waitForNewResult(0));
    const slider = page.getByRole('slider', { name: 'Upfront payment' });
    await page.evaluate(installInputClock('slider-terms.upfront.amount'));
    await slider.focus();
    const before = await page.evaluate<number>(RESULT_SEQ);
    await page.keyboard.press('ArrowRight');
    const firstPreview = await page.evaluate<number>(waitForNewResult(before));
    return { hostReady, welcome, firstFigures, firstPreview };
  } finally {
    await context.close();
    await host.stop();
  }
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 0.5);

/** Runs `runs` cold opens (and as many of `against`, alternating) and prints medians. */
export async function measureColdOpen(runs: number, against?: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const ours: OpenTimes[] = [];
  const theirs: OpenTimes[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      ours.push(await openOnce(browser, undefined));
      if (against) theirs.push(await openOnce(browser, against));
    }
  } finally {
    await browser.close();
  }
  console.log(`bench:ui cold open: ${runs} runs, each a fresh web host and browser context; medians (min)`);
  for (const key of Object.keys(LABELS) as (keyof OpenTimes)[]) {
    const cell = (xs: OpenTimes[]) => `${median(xs.map((x) => x[key])).toFixed(0)} ms (${Math.min(...xs.map((x) => x[key])).toFixed(0)})`;
    const target = TARGETS[key];
    const verdict = target === undefined ? '' : `   target < ${target} ms: ${median(ours.map((x) => x[key])) < target ? 'met' : 'NOT met'}`;
    console.log(`  ${LABELS[key].padEnd(56)} ${cell(ours).padStart(16)}${against ? `   against ${cell(theirs)}` : ''}${verdict}`);
  }
  if (against) console.log(`  against = ${against}`);
}
