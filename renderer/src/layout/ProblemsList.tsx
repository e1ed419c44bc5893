/** Every problem (and warning) of the deal, each a link that opens its section and focuses the field. */
import type { Problem } from '../../../shared/api';
import { sectionOfPath } from '../problems/problem-paths';
import { useAppStore } from '../store/app-store';

export function ProblemsList({ problems }: { problems: Problem[] }) {
  const showSection = useAppStore((s) => s.showSection);
  const requestFocus = useAppStore((s) => s.requestFocus);
  if (!problems.length) {
    return (
      <p className="problems-ok" aria-live="polite">
        No problems
      </p>
    );
  }
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const errors = problems.length - warnings;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <section className="problems-list" aria-label="Problems">
      <h2>{[errors ? count(errors, 'problem') : '', warnings ? count(warnings, 'warning') : ''].filter(Boolean).join(', ')}</h2>
      <ul>
        {problems.slice(0, 50).map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <a
              href={`#${p.path}`}
              onClick={(e) => {
                e.preventDefault();
                showSection(sectionOfPath(p.path));
                // Wait for the section to render before asking its field for focus.
                setTimeout(() => requestFocus(p.path), 0);
              }}
            >
              <code>{p.path || '(deal)'}</code> {p.severity === 'warning' ? 'Warning: ' : ''}
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
