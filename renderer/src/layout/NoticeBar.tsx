/** The one-line notice under the title bar (saved, failed, blocked), with details and a dismiss button. */
import { useAppStore } from '../store/app-store';

export function NoticeBar() {
  const notice = useAppStore((s) => s.notice);
  const notify = useAppStore((s) => s.notify);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      {notice.details && notice.details.length > 1 && (
        <details>
          <summary>All {notice.details.length}</summary>
          <ul>
            {notice.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => notify(null)}>
        ✕
      </button>
    </div>
  );
}
