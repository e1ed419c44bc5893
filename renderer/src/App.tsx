import { useEffect } from 'react';
import { DocumentView } from './components/DocumentView';
import { WelcomeScreen } from './components/WelcomeScreen';
import { useAppStore } from './store/app-store';

export function App() {
  const document = useAppStore((s) => s.document);
  useEffect(() => {
    window.document.title = document ? `${document.deal.title} · ${document.fileName} · Dealwright` : 'Dealwright';
  }, [document]);
  return document ? <DocumentView document={document} /> : <WelcomeScreen />;
}
