/**
 * The command palette (Ctrl+Shift+P): every command of the one list
 * (shared/commands.ts) that applies now, found by typing part of its name,
 * run with Enter or a click. The same commands, labels and shortcuts as the
 * menu and the keyboard.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { shortcutText } from '../../../shared/commands';
import { allCommands, isEnabled, runCommand, type AppCommand } from '../commands/app-commands';
import { useAppStore } from '../store/app-store';
import { Modal } from './Modal';

/** Commands whose label holds every typed word (any order, any case). */
export function paletteMatches(commands: readonly AppCommand[], query: string): AppCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => !c.noPalette && isEnabled(c) && words.every((w) => c.label.toLowerCase().includes(w)));
}

export function CommandPalette() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => paletteMatches(allCommands(), query), [query]);
  const chosen = matches[Math.min(active, matches.length - 1)];
  const run = (command: AppCommand | undefined) => {
    if (!command) return;
    closeDialog();
    runCommand(command.name);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (Math.min(i, matches.length - 1) + step + matches.length) % matches.length : 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(chosen);
    }
  };
  return (
    <Modal title="Command palette" onCancel={closeDialog} className="command-palette">
      <input
        type="text"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={chosen ? `palette-${chosen.name}` : undefined}
        placeholder="Type a command…"
        value={query}
        data-autofocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands">
        {matches.map((c) => (
          <li key={c.name} id={`palette-${c.name}`} role="option" aria-selected={c === chosen} className={c === chosen ? 'active' : ''} onMouseDown={(e) => e.preventDefault()} onClick={() => run(c)}>
            <span>{c.label.replace(/…$/, '')}</span>
            {c.shortcut && <kbd>{shortcutText(c.shortcut)}</kbd>}
          </li>
        ))}
        {matches.length === 0 && <li className="muted">No command matches “{query}”.</li>}
      </ul>
    </Modal>
  );
}
