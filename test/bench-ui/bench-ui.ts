/**
 * `npm run bench:ui`: how fast the workbench answers a slider. Playwright
 * drives Debian's Chromium against the web host (the real renderer, host and
 * engine); over 50 keyboard moves of the pharma example's upfront slider it
 * measures, inside the page, the time from the slider's input event to the
 * frame in which every chart on screen has drawn the new preview result
 * (10,000 iterations) and the party cards show it. (Charts scrolled out of
 * view draw the newest result when they come back into view.) Prints p50 and p95 (target: p95
 * under 100 ms on a 2-core machine).
 *
 * Options: --moves N (default 50), --screenshot PATH (saves the page after the run).
 */
import { cpus } from 'node:os';
import { openApp } from '../e2e/support/web-host';

// In-page code is kept as plain JavaScript text: this file is type-checked for Node, without the DOM.

/** Records the timestamp of the slider's input event (the start of the measured interval). */
const INSTALL_INPUT_CLOCK = `document.getElementById('slider-terms.upfront.amount').addEventListener('input', (e) => { window.__benchInput = e.timeStamp; })`;

const FULL_RUN_SHOWN = `(() => {
  const el = document.querySelector('[aria-label="Results source"]');
  return el?.getAttribute('data-kind') === 'full' && el.getAttribute('data-stale') === 'fresh';
})()`;

/**
 * Resolves with the milliseconds from the input event to the animation frame after every
 * chart in the open tab has drawn the new result (ECharts paints in its own frame callback,
 * queued before ours) and the results pane shows it.
 */
const WAIT_FOR_NEW_RESULT = `(prev) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no new result within 60 s')), 60000);
  const check = () => {
    const seq = Number(document.querySelector('.analysis-pane')?.getAttribute('data-result-seq') ?? 0);
    if (seq <= prev) return false;
    // Charts scrolled out of view draw when they come back into view, so only those on screen are waited for
    // (at least one must be: the check cannot pass with nothing to look at).
    const onScreen = [...document.querySelectorAll('.tab-panel figure.chart')].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    });
    return onScreen.length > 0 && onScreen.every((c) => c.getAttribute('data-rendered') === String(seq));
  };
  const finish = () => requestAnimationFrame(() => { clearTimeout(timer); resolve(performance.now() - (window.__benchInput ?? performance.now())); });
  if (check()) return finish();
  const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); finish(); } });
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-result-seq', 'data-rendered'] });
})`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function percentile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

async function main(): Promise<void> {
  const moves = Number(arg('--moves') ?? 50);
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByRole('button', { name: /HX-201 licence/ }).click();
    const source = page.getByLabel('Results source');
    await source.waitFor();
    // Polled with evaluate: waitForFunction's string form needs eval, which the page's CSP forbids.
    const deadline = Date.now() + 120_000;
    while (!(await page.evaluate<boolean>(FULL_RUN_SHOWN))) {
      if (Date.now() > deadline) throw new Error('the first full run did not finish within 120 s');
      await page.waitForTimeout(100);
    }

    const slider = page.getByRole('slider', { name: 'Upfront payment' });
    await page.evaluate(INSTALL_INPUT_CLOCK);
    await slider.focus();

    const latencies: number[] = [];
    for (let i = 0; i < moves; i++) {
      const before = await page.evaluate<number>(`Number(document.querySelector('.analysis-pane')?.getAttribute('data-result-seq') ?? 0)`);
      // Up 25 steps then back down, staying inside the slider's range.
      await page.keyboard.press(i < moves / 2 ? 'ArrowRight' : 'ArrowLeft');
      const ms = await page.evaluate<number>(`(${WAIT_FOR_NEW_RESULT})(${before})`);
      latencies.push(ms);
    }
    const screenshot = arg('--screenshot');
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

    const sorted = [...latencies].sort((a, b) => a - b);
    const p50 = percentile(sorted, 0.5);
    const p95 = percentile(sorted, 0.95);
    console.log(`bench:ui  pharma-licence upfront slider, ${moves} moves, preview at 10,000 iterations, ${cpus().length} CPUs`);
    console.log(`input event -> charts drawn with the new numbers: p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   min ${sorted[0]!.toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`);
    console.log(`target p95 < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'}`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
