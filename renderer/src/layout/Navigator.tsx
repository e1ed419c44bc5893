/** The left navigator: the document's sections, with a count of problems in each, and the problems list below. */
import { sectionOfPath } from '../problems/problem-paths';
import { useCounterpartyWarnings, useDealProblems } from '../fields/field-hooks';
import { useAppStore } from '../store/app-store';
import { SECTIONS, SECTION_LABELS } from '../store/ui-slice';
import { ProblemsList } from './ProblemsList';

export function Navigator() {
  const section = useAppStore((s) => s.section);
  const showSection = useAppStore((s) => s.showSection);
  const problems = useDealProblems();
  const warnings = useCounterpartyWarnings();
  return (
    <nav className="navigator" aria-label="Deal sections">
      <ul>
        {SECTIONS.map((id, i) => {
          const count = problems.filter((p) => sectionOfPath(p.path) === id).length;
          return (
            <li key={id}>
              <button type="button" aria-current={section === id ? 'page' : undefined} onClick={() => showSection(id)} title={`Alt+${i + 1}`}>
                <span>{SECTION_LABELS[id]}</span>
                {count > 0 && (
                  <span className="badge" aria-label={`${count} problem${count === 1 ? '' : 's'}`}>
                    {count}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <ProblemsList problems={problems} warnings={warnings} />
    </nav>
  );
}
