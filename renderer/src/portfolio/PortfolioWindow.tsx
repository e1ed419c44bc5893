/**
 * The portfolio view: its title bar (undo and redo, add a deal, save, the
 * exports, close), the portfolio total from the summed iterations with the
 * valuation's progress and Cancel, the table of deals, the selected deal's
 * metrics and health, and the charts.
 */
import '../results/results.css';
import './portfolio.css';
import { useMemo } from 'react';
import { formatMoneyEstimate, moneyUnitCaption, type MoneyFormat } from '../../../shared/format/money';
import { formatPercent } from '../../../shared/format/percent';
import { portfolioRows } from '../../../shared/portfolio/table';
import { commandTitle, runCommand } from '../commands/app-commands';
import { TextField } from '../fields/TextField';
import { NoticeBar } from '../layout/NoticeBar';
import { UndoRedoButtons } from '../layout/UndoRedoButtons';
import { ErrorBoundary } from '../layout/ErrorBoundary';
import { formatIterations } from '../results/results-format';
import { useAppStore } from '../store/app-store';
import { DealDetails } from './DealDetails';
import { PortfolioCharts } from './PortfolioCharts';
import { PortfolioTable } from './PortfolioTable';
import { portfolioEdits } from './portfolio-edits';
import { selectPortfolioDirty } from './portfolio-slice';
import { cancelPortfolioValuation } from './portfolio-valuation';

function PortfolioTitleBar() {
  const portfolio = useAppStore((s) => s.portfolio);
  const dirty = useAppStore(selectPortfolioDirty);
  const undoLabel = useAppStore((s) => s.portfolioPast.at(-1)?.label ?? null);
  const redoLabel = useAppStore((s) => s.portfolioFuture.at(-1)?.label ?? null);
  const editPortfolio = useAppStore((s) => s.editPortfolio);
  if (!portfolio) return null;
  return (
    <header className="title-bar">
      <div className="title-block">
        <span className="term-type">Portfolio</span>
        <h1 id="portfolio-title" className="visually-hidden">
          {portfolio.book.title}
        </h1>
        <TextField label="Portfolio title" hideLabel className="title-field" value={portfolio.book.title} onCommit={(title) => editPortfolio(portfolioEdits.setTitle, { title })} />
        <span className="file-name">
          {portfolio.fileName}
          {dirty && (
            <span className="dirty-marker" title="Unsaved changes" aria-label="Unsaved changes">
              ●
            </span>
          )}
        </span>
      </div>
      <div className="title-actions" role="toolbar" aria-label="Portfolio">
        <UndoRedoButtons undoLabel={undoLabel} redoLabel={redoLabel} />
        <span className="divider" aria-hidden="true" />
        <button type="button" onClick={() => runCommand('portfolio.addDeal')} disabled={!portfolio.path} title={portfolio.path ? 'Add a deal from the portfolio’s folder' : 'Save the portfolio first: its deals are named relative to its folder'}>
          Add deal…
        </button>
        <button type="button" className="primary" onClick={() => runCommand('file.save')} title={commandTitle('file.save')}>
          Save
        </button>
        <button type="button" onClick={() => runCommand('file.saveAs')} title={commandTitle('file.saveAs')}>
          Save As…
        </button>
        <button type="button" onClick={() => runCommand('portfolio.exportBrief')} title="The internal portfolio brief in Word">
          Export brief…
        </button>
        <button type="button" onClick={() => runCommand('portfolio.exportCsv')} title="The table of deals as a CSV file">
          Export CSV
        </button>
        <button type="button" onClick={() => runCommand('file.close')} title={commandTitle('file.close')}>
          Close
        </button>
      </div>
    </header>
  );
}

function TotalPanel({ money }: { money: MoneyFormat }) {
  const valuation = useAppStore((s) => s.portfolioValuation);
  const result = valuation.result;
  const total = result?.total ?? null;
  const running = valuation.status === 'running';
  return (
    <section className={`portfolio-total${running ? ' is-stale' : ''}`} aria-label="Portfolio total" aria-busy={running}>
      <div className="total-figures">
        <div className="total-figure">
          <span className="field-label">Mean of our NPV, all deals</span>
          <strong data-testid="portfolio-mean">{total ? formatMoneyEstimate(total.npv.mean, money) : '—'}</strong>
        </div>
        <div className="total-figure">
          <span className="field-label">P10 to P90</span>
          <strong>{total ? `${formatMoneyEstimate(total.npv.p10, money)} to ${formatMoneyEstimate(total.npv.p90, money)}` : '—'}</strong>
        </div>
        <div className="total-figure">
          <span className="field-label">Chance the total reaches the sum of our walk-aways{total ? ` (${formatMoneyEstimate(total.walkAway, money)})` : ''}</span>
          <strong>{total ? formatPercent(total.pAboveWalkAways, 1) : '—'}</strong>
        </div>
      </div>
      <p className="muted small">
        {total && result
          ? `${total.deals} deal${total.deals === 1 ? '' : 's'} summed iteration by iteration, ${formatIterations(result.iterations)} iterations each, every deal drawn independently; ${moneyUnitCaption(money)}. Share of risk: each deal's contribution to the variance of the total, cov(deal, total) / var(total).`
          : valuation.status === 'failed'
            ? ''
            : 'Valuing…'}
      </p>
      {valuation.status === 'failed' && (
        <p className="error" role="alert">
          The portfolio could not be valued: {valuation.error}
        </p>
      )}
      <div className="run-controls">
        {running ? (
          <span className="run-progress" role="group" aria-label="Portfolio valuation progress">
            <progress max={valuation.total || 1} value={valuation.done} aria-label="Valuing the portfolio" aria-valuetext={`${formatIterations(valuation.done)} of ${formatIterations(valuation.total)} iterations`} />
            <span className="muted small">
              {formatIterations(valuation.done)} / {formatIterations(valuation.total)}
            </span>
            <button type="button" onClick={cancelPortfolioValuation}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => runCommand('portfolio.value')}>
            Value again
          </button>
        )}
      </div>
    </section>
  );
}

function RiskShares({ money }: { money: MoneyFormat }) {
  const portfolio = useAppStore((s) => s.portfolio);
  const result = useAppStore((s) => s.portfolioValuation.result);
  if (!portfolio || !result?.total) return null;
  const shares = result.members.flatMap((m) => (m.ok ? [{ place: m.place, share: m.riskShare, sd: m.npv.sd }] : []));
  return (
    <section className="risk-shares" aria-label="Share of the portfolio's risk">
      <h3>Share of the portfolio's risk</h3>
      <ul>
        {shares.map((s) => (
          <li key={s.place}>
            <span className="share-label">{portfolio.entries.find((e) => e.place === s.place)?.deal?.title ?? portfolio.book.deals[s.place]?.file}</span>
            <span className="share-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(100, s.share * 100))}%` }} />
            </span>
            <span className="num">{formatPercent(s.share, 1)}</span>
            <span className="muted small">sd {formatMoneyEstimate(s.sd, money)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PortfolioWindow() {
  const portfolio = useAppStore((s) => s.portfolio);
  const result = useAppStore((s) => s.portfolioValuation.result);
  const status = useAppStore((s) => s.portfolioValuation.status);
  const parked = useAppStore((s) => s.parked);
  const selected = useAppStore((s) => s.selectedPlace);
  const rows = useMemo(() => (portfolio ? portfolioRows(portfolio.book, portfolio.entries, result) : []), [portfolio, result]);
  const edited = useMemo(() => new Set(Object.keys(parked).map(Number)), [parked]);
  if (!portfolio) return null;
  const money: MoneyFormat = { currency: portfolio.book.currency, unit: portfolio.book.unit };
  const stale = status === 'running';
  return (
    <div className="portfolio-window">
      <PortfolioTitleBar />
      <NoticeBar />
      <main className="portfolio-body" aria-labelledby="portfolio-title">
        <ErrorBoundary what="The portfolio total">
          <TotalPanel money={money} />
        </ErrorBoundary>
        {portfolio.book.deals.length === 0 ? (
          <p className="empty">No deals yet: Add deal… takes .deal files from this portfolio's folder or its subfolders.</p>
        ) : (
          <ErrorBoundary what="The table of deals">
            <PortfolioTable rows={rows} money={money} stale={stale} edited={edited} />
          </ErrorBoundary>
        )}
        <div className="portfolio-lower">
          <div>
            <RiskShares money={money} />
            {selected !== null && (
              <ErrorBoundary key={selected} what="The deal's tracking">
                <DealDetails place={selected} />
              </ErrorBoundary>
            )}
            {selected === null && portfolio.book.deals.length > 0 && <p className="muted">Select a row to record actuals against its metrics and its health checks.</p>}
          </div>
          <ErrorBoundary what="The portfolio charts">
            <PortfolioCharts portfolio={portfolio} result={result} money={money} stale={stale} />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
