/**
 * The left navigator: the document's sections, with a count of problems in
 * each, and the problems list below: the deal's own, then any slider what-if
 * that could not be applied (the what-if rules keep sliders valid, so this
 * stays empty unless a rule is missing; the sidebar is where it would show).
 */
import { sectionOfPath } from '../problems/problem-paths';
import { useCounterpartyWarnings, useDealProblems } from '../fields/field-hooks';
import { useAppStore } from '../store/app-store';
import { resolveScenarioId, whatIfPosition } from '../results/what-if';
import { SECTIONS, SECTION_LABELS } from '../store/ui-slice';
import { ProblemsList } from './ProblemsList';

export function Navigator() {
  const section = useAppStore((s) => s.section);
  const showSection = useAppStore((s) => s.showSection);
  const problems = useDealProblems();
  const deal = useAppStore((s) => s.document?.deal ?? null);
  const scenarioId = useAppStore((s) => s.analysis.scenarioId);
  const whatIfs = useAppStore((s) => s.analysis.whatIfs);
  const whatIfProblems = deal && Object.keys(whatIfs).length > 0 ? whatIfPosition(deal, resolveScenarioId(deal, scenarioId), whatIfs).problems : [];
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
      <ProblemsList problems={whatIfProblems.length ? [...problems, ...whatIfProblems] : problems} warnings={warnings} />
    </nav>
  );
}
