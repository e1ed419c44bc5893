/**
 * Valuing the open portfolio: which deals go in (each entry's deal as read,
 * or as edited when a deal was brought back from its row with changes), a
 * key saying what was valued so that showing the portfolio again values it
 * again only when a deal changed (on disk: its file's stamp; in the app: its
 * edits), the run on the host's worker pool with progress and Cancel, and
 * the result events. A deal that cannot be valued shows its problem in its
 * row; the others are valued without it.
 */
import { ApiError } from '../../../shared/api';
import type { PortfolioMemberRequest } from '../../../shared/portfolio/valuation';
import { blocking } from '../../../shared/portfolio/entries';
import { mainApi } from '../api/main-api';
import { useAppStore } from '../store/app-store';

const store = () => useAppStore.getState();

/** The deals to value, in list order, and a key that changes exactly when what would be valued changes. */
export function portfolioMembers(): { members: PortfolioMemberRequest[]; key: string } {
  const { portfolio, parked } = store();
  if (!portfolio) return { members: [], key: '' };
  const members: PortfolioMemberRequest[] = [];
  const keys: string[] = [];
  portfolio.book.deals.forEach((entry, place) => {
    const state = portfolio.entries.find((e) => e.place === place);
    const edited = parked[place]?.document.deal;
    const deal = edited ?? state?.deal ?? null;
    const where = `${place}:${entry.file}:${entry.party}:${entry.position ?? ''}`;
    if (!deal || (!edited && blocking(state?.problems ?? []).length > 0)) {
      keys.push(`${where}:none`);
      return;
    }
    keys.push(`${where}:${edited ? `edit:${JSON.stringify(edited)}` : `file:${state?.stamp ?? ''}`}`);
    members.push({ deal, party: entry.party, position: entry.position, place });
  });
  return { members, key: keys.join('\n') };
}

let subscribed = false;

/** Progress and results arrive as events for the run in flight; those of older runs are ignored. */
function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  const api = mainApi();
  api.subscribe('portfolio:progress', ({ runId, done, total }) => {
    if (store().portfolioValuation.runId === runId) store().setPortfolioValuation({ done, total });
  });
  api.subscribe('portfolio:result', (event) => {
    const state = store().portfolioValuation;
    if (state.runId !== event.runId) return;
    if ('result' in event) store().setPortfolioValuation({ status: 'done', result: event.result, resultKey: state.runningKey, resultRunId: event.runId, runningKey: null, runId: null, error: null });
    else if (event.error.code === 'cancelled') store().setPortfolioValuation({ status: state.result ? 'done' : 'idle', runningKey: null, runId: null });
    else store().setPortfolioValuation({ status: 'failed', runningKey: null, runId: null, error: event.error.message });
  });
}

/** Values the portfolio unless the figures on screen (or the run in flight) are already of exactly these deals; `force` values anyway. */
export async function valuePortfolio(force = false): Promise<void> {
  const { members, key } = portfolioMembers();
  const current = store().portfolioValuation;
  if (!force && (current.runningKey === key || (current.runningKey === null && current.resultKey === key && current.status === 'done'))) return;
  subscribe();
  if (current.runId) void mainApi().cancelPortfolioValuation(current.runId).catch(() => undefined);
  if (members.length === 0) {
    store().setPortfolioValuation({ status: 'idle', runId: null, result: null, resultKey: key, resultRunId: null, runningKey: null, done: 0, total: 0, error: null });
    return;
  }
  store().setPortfolioValuation({ status: 'running', runId: null, runningKey: key, done: 0, total: 0, error: null });
  try {
    const { runId } = await mainApi().startPortfolioValuation({ members });
    // A newer start may have happened while this one was on its way.
    if (store().portfolioValuation.runningKey === key && store().portfolioValuation.runId === null) store().setPortfolioValuation({ runId });
    else void mainApi().cancelPortfolioValuation(runId);
  } catch (err) {
    const detail = err instanceof ApiError && err.problems.length ? `: ${err.problems.map((p) => `${p.path} ${p.message}`).join('; ')}` : '';
    store().setPortfolioValuation({ status: 'failed', runningKey: null, error: `${err instanceof Error ? err.message : String(err)}${detail}` });
  }
}

export function cancelPortfolioValuation(): void {
  const { runId } = store().portfolioValuation;
  if (runId) void mainApi().cancelPortfolioValuation(runId);
}

/**
 * Shown again (back from a deal, or after a save): the deal files are read again where the portfolio has a
 * folder, so a deal changed on disk gets a new stamp, and the portfolio is valued again if anything changed.
 */
export async function refreshPortfolio(): Promise<void> {
  const { portfolio } = store();
  if (!portfolio) return;
  const anchor = portfolio.path ?? portfolio.originalPath;
  if (anchor) {
    try {
      const entries = await mainApi().reloadPortfolioDeals(anchor, portfolio.book);
      if (store().portfolio === portfolio || store().portfolio?.book === portfolio.book) store().setPortfolio({ entries });
    } catch (err) {
      store().notify({ tone: 'error', text: `The deals could not be read again: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  await valuePortfolio();
}

/** After the deal opened from row `openedFrom` was closed (saved, or its changes given up): the row shows its file again. */
export function returnedFromDeal(): void {
  const { openedFrom, setParked, setOpenedFrom } = store();
  if (openedFrom === null) return;
  setParked(openedFrom, null);
  setOpenedFrom(null);
  void refreshPortfolio();
}
