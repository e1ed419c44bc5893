/** Why the last file could not be opened: the validator's messages, each with where it is. */
import { useAppStore } from '../store/app-store';

export function OpenFailure() {
  const failure = useAppStore((s) => s.openFailure);
  const clear = useAppStore((s) => s.setOpenFailure);
  if (!failure) return null;
  return (
    <section role="alert" className="problems" aria-label="Problems opening the file">
      <h2>{failure.fileName} could not be opened</h2>
      <ul>
        {failure.problems.map((p, i) => (
          <li key={i}>
            <code>{p.path || '(file)'}</code>: {p.message}
          </li>
        ))}
      </ul>
      <button type="button" className="small" onClick={() => clear(null)}>
        Dismiss
      </button>
    </section>
  );
}
