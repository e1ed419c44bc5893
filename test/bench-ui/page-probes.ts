/**
 * In-page probes of bench:ui, kept as plain JavaScript text (this folder is
 * type-checked for Node, without the DOM; and page.waitForFunction's string
 * form needs eval, which the page's CSP forbids, so they run through
 * page.evaluate). Times are taken inside the page, from the event's own
 * timestamp to the animation frame after the figures are drawn.
 */

/** Records the timestamp of the next input event on a slider (the start of a slider measurement). */
export const installInputClock = (sliderId: string) =>
  `document.getElementById(${JSON.stringify(sliderId)}).addEventListener('input', (e) => { window.__benchStart = e.timeStamp; })`;

/** Records the timestamp of every click (the start of an open-a-deal measurement). */
export const INSTALL_CLICK_CLOCK = `document.addEventListener('click', (e) => { window.__benchStart = e.timeStamp; }, true)`;

/** The number of the result on screen (0 before the first). */
export const RESULT_SEQ = `Number(document.querySelector('.analysis-pane')?.getAttribute('data-result-seq') ?? 0)`;

export const FULL_RUN_SHOWN = `(() => {
  const el = document.querySelector('[aria-label="Results source"]');
  return el?.getAttribute('data-kind') === 'full' && el.getAttribute('data-stale') === 'fresh';
})()`;

/**
 * Resolves with the milliseconds from window.__benchStart to the animation frame after every
 * chart on screen has drawn a result newer than `prev` (ECharts paints in its own frame callback,
 * queued before ours) and the results pane shows it. Charts scrolled out of view draw when they
 * come back into view, so only those on screen are waited for (at least one must be).
 */
export const waitForNewResult = (prev: number) => `new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no new result within 60 s')), 60000);
  const check = () => {
    const seq = ${RESULT_SEQ};
    if (seq <= ${prev}) return false;
    const onScreen = [...document.querySelectorAll('.tab-panel figure.chart')].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    });
    return onScreen.length > 0 && onScreen.every((c) => c.getAttribute('data-rendered') === String(seq));
  };
  const finish = () => requestAnimationFrame(() => { clearTimeout(timer); resolve(performance.now() - (window.__benchStart ?? performance.now())); });
  if (check()) return finish();
  const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); finish(); } });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-result-seq', 'data-rendered'] });
})`;

export function percentile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}
