/**
 * Every problem of the deal, each a link that opens its section and focuses
 * the field. A problem on a number is named by the number's label ("Royalties
 * on net sales, tier 2 rate"), its path kept as the link's tooltip. Below
 * them, what a term sheet or redline for the other side would refuse
 * (warnings: the deal is valid, only that export would stop).
 */
import type { Problem } from '../../../shared/api';
import { getNumberAt } from '../../../shared/model/paths';
import { numberLabel } from '../../../shared/model/number-fields';
import { sectionOfPath } from '../problems/problem-paths';
import { useAppStore } from '../store/app-store';

function ProblemLinks({ problems }: { problems: Problem[] }) {
  const showSection = useAppStore((s) => s.showSection);
  const requestFocus = useAppStore((s) => s.requestFocus);
  const deal = useAppStore((s) => s.document?.deal ?? null);
  const where = (path: string) => (deal && path && getNumberAt(deal, path).ok ? numberLabel(deal, path) : path || '(deal)');
  return (
    <ul>
      {problems.slice(0, 50).map((p, i) => (
        <li key={`${p.path}-${i}`}>
          <a
            href={`#${p.path}`}
            title={p.path || undefined}
            onClick={(e) => {
              e.preventDefault();
              showSection(sectionOfPath(p.path));
              // Wait for the section to render before asking its field for focus.
              setTimeout(() => requestFocus(p.path), 0);
            }}
          >
            <code>{where(p.path)}</code> {p.message}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ProblemsList({ problems, warnings = [] }: { problems: Problem[]; warnings?: Problem[] }) {
  const forOtherSide =
    warnings.length > 0 ? (
      <section className="problems-list warnings-list" aria-label="Warnings for the other side">
        <h2>
          {warnings.length} warning{warnings.length === 1 ? '' : 's'} for the other side
        </h2>
        <p className="hint">A term sheet or redline for the counterparty would refuse these.</p>
        <ProblemLinks problems={warnings} />
      </section>
    ) : null;
  if (!problems.length) {
    return (
      <>
        <p className="problems-ok" aria-live="polite">
          No problems
        </p>
        {forOtherSide}
      </>
    );
  }
  return (
    <>
      <section className="problems-list" aria-label="Problems">
        <h2>
          {problems.length} problem{problems.length === 1 ? '' : 's'}
        </h2>
        <ProblemLinks problems={problems} />
      </section>
      {forOtherSide}
    </>
  );
}
