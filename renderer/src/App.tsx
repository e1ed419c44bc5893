/**
 * The renderer's root: the welcome screen or the document window, the open
 * dialog, and the window-wide behaviour (shortcuts, menu commands, autosave,
 * leave guard, file drop, recovery prompt on start).
 */
import { useEffect } from 'react';
import { useAutosave, useFileDrop, useLeaveGuard, useMenuCommands, useShortcuts } from './app/global-hooks';
import { useLaunchFiles } from './app/launch-files';
import { mainApi } from './api/main-api';
import { ExportDialog } from './components/export/ExportDialog';
import { OpenFailure } from './components/OpenFailure';
import { WelcomeScreen } from './components/WelcomeScreen';
import { AboutDialog } from './dialogs/AboutDialog';
import { CommandPalette } from './dialogs/CommandPalette';
import { NewDealWizard } from './dialogs/NewDealWizard';
import { PathDialog } from './dialogs/PathDialog';
import { RecoveryPrompt } from './dialogs/RecoveryPrompt';
import { UnsavedDialog } from './dialogs/UnsavedDialog';
import { HelpPanel } from './help/HelpPanel';
import { DocumentWindow } from './layout/DocumentWindow';
import { PortfolioUnsavedDialog } from './portfolio/PortfolioUnsavedDialog';
import { PortfolioWindow } from './portfolio/PortfolioWindow';
import { selectPortfolioDirty } from './portfolio/portfolio-slice';
import { describeWhatIfs } from './results/what-if';
import { useAppStore } from './store/app-store';
import { selectDirty } from './store/document-slice';

function OpenDialog() {
  const dialog = useAppStore((s) => s.dialog);
  const document = useAppStore((s) => s.document);
  const scenarioId = useAppStore((s) => s.analysis.scenarioId);
  const whatIfs = useAppStore((s) => s.analysis.whatIfs);
  const closeDialog = useAppStore((s) => s.closeDialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'export':
      return document ? (
        <ExportDialog
          deal={document.deal}
          fileName={document.fileName}
          dealPath={document.path ?? undefined}
          api={mainApi()}
          scenarioId={scenarioId ?? undefined}
          mode={dialog.mode}
          whatIfs={describeWhatIfs(document.deal, whatIfs)}
          onClose={closeDialog}
        />
      ) : null;
    case 'new-deal':
      return <NewDealWizard />;
    case 'path':
      return <PathDialog purpose={dialog.purpose} defaultDir={dialog.defaultDir} suggestedName={dialog.suggestedName} />;
    case 'unsaved':
      return <UnsavedDialog then={dialog.then} />;
    case 'palette':
      return <CommandPalette />;
    case 'about':
      return <AboutDialog />;
    case 'portfolio-unsaved':
      return <PortfolioUnsavedDialog then={dialog.then} />;
  }
}

export function App() {
  const hasDocument = useAppStore((s) => s.document !== null);
  const hasPortfolio = useAppStore((s) => s.portfolio !== null);
  const title = useAppStore((s) => s.document?.deal.title ?? s.portfolio?.book.title);
  const fileName = useAppStore((s) => s.document?.fileName ?? s.portfolio?.fileName);
  const dirty = useAppStore((s) => (s.document ? selectDirty(s) : selectPortfolioDirty(s)));
  useShortcuts();
  useMenuCommands();
  useAutosave();
  useLeaveGuard();
  useFileDrop();
  useLaunchFiles();
  useEffect(() => {
    window.document.title = title ? `${dirty ? '● ' : ''}${title} · ${fileName} · Dealwright` : 'Dealwright';
  }, [title, fileName, dirty]);
  return (
    <>
      {hasDocument ? (
        <>
          <div className="open-failure-overlay">
            <OpenFailure />
          </div>
          <DocumentWindow />
        </>
      ) : hasPortfolio ? (
        <>
          <div className="open-failure-overlay">
            <OpenFailure />
          </div>
          <PortfolioWindow />
        </>
      ) : (
        <WelcomeScreen />
      )}
      <OpenDialog />
      <RecoveryPrompt />
      <HelpPanel />
    </>
  );
}
