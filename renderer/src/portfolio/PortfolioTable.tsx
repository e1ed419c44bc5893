/**
 * The table of deals: one row per deal with its stage and owner editable in
 * place, our party, our mean NPV and chance of reaching our walk-away in the
 * deal's position, its share of the portfolio's risk, the next metric due
 * with its status and the latest health score. Headers sort (again reverses);
 * a deal's title opens it; a row's problem shows in the row.
 */
import { formatLongDate } from '../../../shared/format/dates';
import { formatMoneyEstimate, type MoneyFormat } from '../../../shared/format/money';
import { formatPercent } from '../../../shared/format/percent';
import { STAGES, STAGE_LABELS } from '../../../shared/portfolio/schema';
import { healthScore, type PortfolioRow } from '../../../shared/portfolio/table';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { useAppStore } from '../store/app-store';
import { portfolioEdits } from './portfolio-edits';
import { openRow } from './portfolio-actions';
import type { SortColumn } from './portfolio-slice';
import { sortRows } from './sort-rows';

const COLUMNS: { column: SortColumn; label: string; numeric?: boolean }[] = [
  { column: 'title', label: 'Deal' },
  { column: 'counterparty', label: 'Counterparty' },
  { column: 'stage', label: 'Stage' },
  { column: 'owner', label: 'Owner' },
  { column: 'role', label: 'Our party' },
  { column: 'mean', label: 'Our mean NPV', numeric: true },
  { column: 'pAboveWalkAway', label: 'P(≥ walk-away)', numeric: true },
  { column: 'next', label: 'Next metric due' },
  { column: 'health', label: 'Health', numeric: true },
];

const monthText = (due: string) => {
  const [y, m] = due.split('-');
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
};

export function PortfolioTable({ rows, money, stale, edited }: { rows: PortfolioRow[]; money: MoneyFormat; stale: boolean; edited: ReadonlySet<number> }) {
  const sort = useAppStore((s) => s.sort);
  const sortBy = useAppStore((s) => s.sortBy);
  const selected = useAppStore((s) => s.selectedPlace);
  const selectPlace = useAppStore((s) => s.selectPlace);
  const editPortfolio = useAppStore((s) => s.editPortfolio);
  const sorted = sortRows(rows, sort);
  return (
    <div className="portfolio-table-wrap">
      <table className={`grid-table portfolio-table${stale ? ' is-stale' : ''}`} aria-label="Deals">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort?.column === c.column;
              return (
                <th key={c.column} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort-button" onClick={() => sortBy(c.column)}>
                    {c.label}
                    <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.place} className={r.place === selected ? 'is-selected' : undefined} onClick={() => selectPlace(r.place)} onFocus={() => selectPlace(r.place)} data-place={r.place}>
              <th scope="row">
                {r.hasDeal || edited.has(r.place) ? (
                  <button
                    type="button"
                    className="link-button deal-link"
                    title={`Open ${r.file}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      openRow(r.place);
                    }}
                  >
                    {r.title}
                  </button>
                ) : (
                  <span className="deal-link">{r.file}</span>
                )}
                {edited.has(r.place) && (
                  <span className="edited-badge" title="Brought back with changes its file does not have: valued as edited">
                    edited
                  </span>
                )}
                {r.hasDeal && <span className="path">{r.file}</span>}
                {r.problems.map((p, i) => (
                  <span key={i} className="row-problem" role="note">
                    {p}
                  </span>
                ))}
              </th>
              <td>{r.counterparty}</td>
              <td onClick={(e) => e.stopPropagation()}>
                <SelectField
                  label={`Stage of ${r.title}`}
                  hideLabel
                  value={r.stage}
                  options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
                  onCommit={(stage) => editPortfolio(portfolioEdits.setStage, { place: r.place, stage })}
                />
              </td>
              <td onClick={(e) => e.stopPropagation()}>
                <TextField label={`Owner of ${r.title}`} hideLabel value={r.owner} onCommit={(owner) => editPortfolio(portfolioEdits.setOwner, { place: r.place, owner })} />
              </td>
              <td>{r.role}</td>
              <td className="num">{r.mean === null ? '' : formatMoneyEstimate(r.mean, money)}</td>
              <td className="num">{r.pAboveWalkAway === null ? '' : formatPercent(r.pAboveWalkAway, 1)}</td>
              <td>
                {r.nextMetric ? (
                  <>
                    {r.nextMetric.metric} <span className="muted">({r.nextMetric.horizon})</span>
                    <span className="path">
                      due {monthText(r.nextMetric.due!.slice(0, 7))} · <span className={`status status-${(r.nextStatus ?? '').replace(' ', '-')}`}>{r.nextStatus}</span>
                    </span>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="num">
                {r.health ? (
                  <>
                    {healthScore(r.health).toFixed(1)}
                    <span className="path" title={formatLongDate(new Date(`${r.health.date}T00:00:00Z`))}>
                      {r.health.date}
                    </span>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
