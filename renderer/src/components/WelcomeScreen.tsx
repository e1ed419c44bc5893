import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';

export function WelcomeScreen() {
  const examples = useAppStore((s) => s.examples);
  const loadError = useAppStore((s) => s.loadError);
  const appInfo = useAppStore((s) => s.appInfo);
  const loadWelcome = useAppStore((s) => s.loadWelcome);
  const openExample = useAppStore((s) => s.openExample);
  const openProblems = useAppStore((s) => s.openProblems);

  useEffect(() => {
    void loadWelcome();
  }, [loadWelcome]);

  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <header className="welcome-header">
        <h1 id="welcome-title">Dealwright</h1>
        <p className="tagline">Structure the deal, see what it is worth to each side, draft the term sheet.</p>
      </header>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {openProblems && (
        <section role="alert" className="problems" aria-label="Problems opening the file">
          <h2>{openProblems.fileName} could not be opened</h2>
          <ul>
            {openProblems.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path || '(file)'}</code>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="examples-title">
        <h2 id="examples-title">Example deals</h2>
        <ul className="example-list">
          {examples.map((ex) => (
            <li key={ex.id}>
              <button type="button" className="example-card" onClick={() => void openExample(ex.id)}>
                <span className="example-title">{ex.title}</span>
                <span className="example-description">{ex.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {appInfo && (
        <footer className="welcome-footer">
          {appInfo.name} {appInfo.version}
        </footer>
      )}
    </main>
  );
}
