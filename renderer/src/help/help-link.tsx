/** The small "?" beside a figure's label: opens the help panel at that figure's entry. */
import { useAppStore } from '../store/app-store';
import { helpTopic } from './help-topics';

export function HelpLink({ topic }: { topic: string }) {
  const showHelp = useAppStore((s) => s.showHelp);
  const title = helpTopic(topic)?.title ?? 'Help';
  return (
    <button type="button" className="help-link" aria-label={`Help: ${title}`} title={`Help: ${title}`} onClick={() => showHelp(topic)}>
      ?
    </button>
  );
}
