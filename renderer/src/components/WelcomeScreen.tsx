/** The start screen: new deal or portfolio, open, recent files, the example deals and portfolio, and why a file could not be opened. */
import { useEffect, useState } from 'react';
import type { ExampleSummary, RecentFile } from '../../../shared/api';
import { mainApi } from '../api/main-api';
import { runCommand } from '../commands/app-commands';
import { openExample } from '../documents/file-actions';
import { openAnyPath } from '../portfolio/open-any';
import { openExamplePortfolio } from '../portfolio/portfolio-actions';
import { useAppStore } from '../store/app-store';
import { OpenFailure } from './OpenFailure';

function Examples({ id, title, examples, open }: { id: string; title: string; examples: ExampleSummary[]; open: (id: string) => void }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="example-list">
        {examples.map((ex) => (
          <li key={ex.id}>
            <button type="button" className="example-card" onClick={() => open(ex.id)}>
              <span className="example-title">{ex.title}</span>
              <span className="example-description">{ex.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WelcomeScreen() {
  const allExamples = useAppStore((s) => s.examples);
  const examples = allExamples.filter((e) => e.kind === 'deal');
  const portfolios = allExamples.filter((e) => e.kind === 'portfolio');
  const loadError = useAppStore((s) => s.loadError);
  const appInfo = useAppStore((s) => s.appInfo);
  const loadWelcome = useAppStore((s) => s.loadWelcome);
  const notice = useAppStore((s) => s.notice);
  const [recent, setRecent] = useState<RecentFile[]>([]);

  useEffect(() => {
    void loadWelcome();
    mainApi()
      .getRecentFiles()
      .then(setRecent)
      .catch(() => setRecent([]));
  }, [loadWelcome]);

  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <header className="welcome-header">
        <h1 id="welcome-title">Dealwright</h1>
        <p className="tagline">Structure the deal, see what it is worth to each side, draft the term sheet.</p>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => runCommand('file.new')}>
            New deal…
          </button>
          <button type="button" onClick={() => runCommand('portfolio.new')}>
            New portfolio…
          </button>
          <button type="button" onClick={() => runCommand('file.open')}>
            Open…
          </button>
          <span className="muted">or drop a .deal file (or a .dealbook with its deals) anywhere on this window</span>
        </div>
      </header>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {notice?.tone === 'error' && (
        <p role="alert" className="error">
          {notice.text}
        </p>
      )}
      <OpenFailure />
      {recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">Recent files</h2>
          <ul className="recent-list">
            {recent.map((f) => (
              <li key={f.path}>
                <button type="button" className="link-button" disabled={!f.exists} onClick={() => void openAnyPath(f.path)} title={f.path}>
                  {f.fileName}
                </button>
                <span className="muted path">{f.exists ? f.path : `${f.path} (missing)`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Examples id="examples-title" title="Example deals" examples={examples} open={(id) => void openExample(id)} />
      {portfolios.length > 0 && <Examples id="portfolio-examples-title" title="Example portfolio" examples={portfolios} open={openExamplePortfolio} />}
      {appInfo && (
        <footer className="welcome-footer">
          {appInfo.name} {appInfo.version}
        </footer>
      )}
    </main>
  );
}
