/**
 * A folder browser for the in-page file dialogs (the web host has no native
 * ones): the folders and files of one folder inside the documents root, which
 * the host lists (listFolder) and confines. Keyboard first: the list is one
 * tab stop, arrows move, Enter opens a folder or picks a file, Backspace goes
 * up; a click does the same.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FolderListing } from '../../../shared/api';

export type ListFolder = (folder: string) => Promise<FolderListing>;

/** The separator the host's paths use ("\" on Windows hosts). */
export function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function joinPath(folder: string, name: string): string {
  const sep = separatorOf(folder);
  return folder.replace(/[\\/]+$/, '') + sep + name;
}

/** The folders from `root` down to `folder` (empty at the root). */
function relativeParts(root: string, folder: string): string[] {
  const trim = (p: string) => p.replace(/[\\/]+$/, '');
  const rest = trim(folder).slice(trim(root).length);
  return rest.split(/[\\/]/).filter(Boolean);
}

export function FolderBrowser({
  folder,
  list,
  onFolder,
  onFile,
  onPick,
  label,
}: {
  /** The folder to show first. */
  folder: string;
  list: ListFolder;
  /** The shown folder changed (the dialog keeps its file name, in the new folder). */
  onFolder: (folder: string) => void;
  /** A file was selected (arrows, a single click). */
  onFile: (path: string) => void;
  /** A file was picked (Enter, a double click): open or overwrite it. */
  onPick: (path: string) => void;
  label: string;
}) {
  const id = useId();
  const [listing, setListing] = useState<Extract<FolderListing, { ok: true }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const want = useRef(folder);

  /** Lists `target`; a move the user made (not the first listing) is reported, and may move focus to the list. */
  const show = (target: string, moved: boolean) => {
    want.current = target;
    void list(target).then(
      (result) => {
        if (want.current !== target) return;
        if (!result.ok) {
          setError(result.problems.map((p) => p.message).join('; '));
          return;
        }
        setError(null);
        setListing(result);
        setActive(0);
        if (moved) {
          onFolder(result.folder);
          listRef.current?.focus();
        }
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };

  useEffect(() => {
    show(folder, false);
    // Only the first folder comes from the props; later ones from the user's moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const entries = listing?.entries ?? [];
  const activate = (index: number, pick: boolean) => {
    const entry = entries[index];
    if (!entry || !listing) return;
    const path = joinPath(listing.folder, entry.name);
    if (entry.kind === 'folder') show(path, true);
    else if (pick) onPick(path);
    else onFile(path);
  };
  const up = () => {
    if (listing?.parent) show(listing.parent, true);
  };
  const move = (index: number) => {
    const next = Math.max(0, Math.min(entries.length - 1, index));
    setActive(next);
    const entry = entries[next];
    if (entry?.kind === 'file' && listing) onFile(joinPath(listing.folder, entry.name));
    document.getElementById(`${id}-${next}`)?.scrollIntoView?.({ block: 'nearest' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(entries.length - 1);
    else if (e.key === 'Enter') activate(active, true);
    else if (e.key === 'Backspace' || (e.key === 'ArrowLeft' && e.altKey)) up();
    else return;
    e.preventDefault();
  };

  // Where we are, from the documents folder down ("Documents / clients / helix"); the full path on hover.
  const where = listing ? [listing.root, ...relativeParts(listing.root, listing.folder)] : [folder];
  const rootName = where[0]!.split(/[\\/]/).filter(Boolean).pop() ?? where[0]!;
  return (
    <div className="folder-browser">
      <div className="folder-browser-bar">
        <button type="button" onClick={up} disabled={!listing?.parent} aria-label="Up one folder">
          ↑ Up
        </button>
        <span className="folder-browser-where" title={listing?.folder ?? folder}>
          {[rootName, ...where.slice(1)].join(' / ')}
        </span>
      </div>
      <ul
        ref={listRef}
        role="listbox"
        aria-label={label}
        tabIndex={0}
        className="folder-browser-list"
        aria-activedescendant={entries.length ? `${id}-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        {entries.map((entry, i) => (
          <li
            key={`${entry.kind}:${entry.name}`}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`folder-browser-entry ${entry.kind}${i === active ? ' active' : ''}`}
            onClick={() => {
              setActive(i);
              activate(i, false);
            }}
            onDoubleClick={() => activate(i, true)}
          >
            {entry.name}
            {entry.kind === 'folder' ? <span className="folder-browser-mark"> /<span className="visually-hidden"> (folder)</span></span> : null}
          </li>
        ))}
        {listing && entries.length === 0 && <li className="folder-browser-empty">Nothing here yet</li>}
      </ul>
      {listing?.truncated && <p className="field-message">This folder holds more than can be shown; type the name instead.</p>}
      {error && (
        <p className="field-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
