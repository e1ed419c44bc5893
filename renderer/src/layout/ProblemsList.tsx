/** Every problem of the deal, each a link that opens its section and focuses the field. */
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
  return (
    <section className="problems-list" aria-label="Problems">
      <h2>
        {problems.length} problem{problems.length === 1 ? '' : 's'}
      </h2>
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
              <code>{p.path || '(deal)'}</code> {p.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
