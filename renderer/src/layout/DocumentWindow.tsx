/**
 * The document window: title bar, left navigator, the section being edited,
 * and the results pane on the right (the analysis UI's mount point), with a
 * splitter between them.
 */
import { ResultsPane } from '../results/ResultsPane';
import { InputsSection } from '../sections/InputsSection';
import { OverviewSection } from '../sections/OverviewSection';
import { PartiesSection } from '../sections/PartiesSection';
import { ScenariosSection } from '../sections/ScenariosSection';
import { SeriesSection } from '../sections/SeriesSection';
import { TermSheetSection } from '../sections/TermSheetSection';
import { TermsSection } from '../sections/TermsSection';
import { NegotiationSection } from '../negotiation/NegotiationSection';
import { useAppStore } from '../store/app-store';
import { SECTION_LABELS, type SectionId } from '../store/ui-slice';
import { ErrorBoundary } from './ErrorBoundary';
import { Navigator } from './Navigator';
import { NoticeBar } from './NoticeBar';
import { Splitter, useResultsWidth } from './Splitter';
import { TitleBar } from './TitleBar';

const SECTION_VIEWS: Record<SectionId, () => React.JSX.Element | null> = {
  overview: OverviewSection,
  parties: PartiesSection,
  inputs: InputsSection,
  series: SeriesSection,
  terms: TermsSection,
  scenarios: ScenariosSection,
  termSheet: TermSheetSection,
  negotiation: NegotiationSection,
};

export function DocumentWindow() {
  const section = useAppStore((s) => s.section);
  const View = SECTION_VIEWS[section];
  const [resultsWidth, setResultsWidth] = useResultsWidth();
  return (
    <div className="document-window">
      <TitleBar />
      <NoticeBar />
      <div className="workbench" style={{ '--results-width': `${resultsWidth}px` } as React.CSSProperties}>
        <Navigator />
        <main className="editor-pane" aria-labelledby="section-title">
          <h2 id="section-title" className="section-title">
            {SECTION_LABELS[section]}
          </h2>
          <ErrorBoundary key={section} what={`The ${SECTION_LABELS[section]} editor`}>
            <View />
          </ErrorBoundary>
        </main>
        <Splitter width={resultsWidth} onWidth={setResultsWidth} />
        <aside className="results-pane" aria-label="Results">
          <ErrorBoundary what="The results pane">
            <ResultsPane />
          </ErrorBoundary>
        </aside>
      </div>
    </div>
  );
}
