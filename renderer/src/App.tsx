import { useEffect } from 'react';
import { SCREENS, useApp, type Screen } from './store.ts';
import { Countdown } from './components/common.tsx';
import { formatInstant } from './lib/format.ts';
import { visibleText } from './lib/visible-text.ts';
import { CasesScreen } from './screens/cases.tsx';
import { ImportScreen } from './screens/import.tsx';
import { OverviewScreen } from './screens/overview.tsx';
import { FindingsScreen } from './screens/findings.tsx';
import { PeopleScreen } from './screens/people.tsx';
import { AssessmentScreen } from './screens/assessment.tsx';
import { DraftsScreen } from './screens/drafts.tsx';
import { EvidenceScreen } from './screens/evidence.tsx';

const TITLES: Record<Screen, string> = {
  cases: 'Cases',
  import: 'Import',
  overview: 'Overview',
  findings: 'Findings',
  people: 'People',
  assessment: 'Assessment',
  drafts: 'Drafts',
  evidence: 'Evidence',
};

export function App() {
  const screen = useApp((s) => s.screen);
  const setScreen = useApp((s) => s.setScreen);
  const summary = useApp((s) => s.summary);
  const theme = useApp((s) => s.theme);
  const toggleTheme = useApp((s) => s.toggleTheme);
  const error = useApp((s) => s.error);
  const notice = useApp((s) => s.notice);
  const showError = useApp((s) => s.showError);
  const showNotice = useApp((s) => s.showNotice);
  const init = useApp((s) => s.init);
  const info = useApp((s) => s.info);

  useEffect(() => {
    void init();
  }, [init]);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  const needsCase = screen !== 'cases' && !summary;

  return (
    <div className="app" data-app-state={info ? 'loaded' : 'loading'}>
      <header className="header">
        <div className="brand">BreachScope</div>
        <div className="case-name" data-testid="case-name">
          {summary ? visibleText(summary.name, { maxLength: 80 }) : 'No case open'}
        </div>
        <div className="deadline" data-testid="deadline">
          {summary?.nearestDeadline ? (
            <>
              <span className="deadline-label">
                {summary.nearestDeadline.regime} · {summary.nearestDeadline.audience} · due {formatInstant(summary.nearestDeadline.deadline)}
              </span>
              <Countdown deadline={summary.nearestDeadline.deadline} />
            </>
          ) : summary ? (
            <span className="deadline-label muted">{summary.deadlineNote ?? 'no deadline'}</span>
          ) : null}
        </div>
        <button type="button" className="theme-toggle" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? 'Light' : 'Dark'}
        </button>
      </header>
      <nav className="nav" aria-label="Screens">
        {SCREENS.map((s, i) => (
          <button
            key={s}
            type="button"
            className="nav-item"
            aria-current={screen === s ? 'page' : undefined}
            disabled={s !== 'cases' && !summary}
            onClick={() => setScreen(s)}
            data-testid={`nav-${s}`}
          >
            <span className="nav-index">{i + 1}</span> {TITLES[s]}
          </button>
        ))}
        {summary?.busyJob ? <div className="nav-busy">A {summary.busyJob.kind} job is running…</div> : null}
      </nav>
      <main className="main" aria-live="polite">
        <h1 className="screen-title">{TITLES[screen]}</h1>
        {needsCase ? <p>Open or create a case first.</p> : <ScreenView screen={screen} />}
      </main>
      {error ? (
        <div className="toast toast-error" role="alert" data-testid="error">
          <strong>{error.code}</strong> {visibleText(error.message, { maxLength: 500 })}
          <button type="button" onClick={() => showError(null)} aria-label="Dismiss error">
            ×
          </button>
        </div>
      ) : null}
      {notice ? (
        <div className="toast" role="status" data-testid="notice">
          {visibleText(notice, { maxLength: 500 })}
          <button type="button" onClick={() => showNotice(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'cases':
      return <CasesScreen />;
    case 'import':
      return <ImportScreen />;
    case 'overview':
      return <OverviewScreen />;
    case 'findings':
      return <FindingsScreen />;
    case 'people':
      return <PeopleScreen />;
    case 'assessment':
      return <AssessmentScreen />;
    case 'drafts':
      return <DraftsScreen />;
    case 'evidence':
      return <EvidenceScreen />;
  }
}
