/**
 * Document edits as named commands (Excalidraw's `register({ name, perform })`).
 *
 * An edit is a pure function from the current deal and typed arguments to the
 * next deal. Running one through the store records the previous deal on the
 * undo stack under the edit's label, so every change a negotiator makes can be
 * undone, and the menu, shortcuts and editors all go through the same door.
 */
import type { Deal } from '../../../shared/model/schema';

export interface EditCommand<A> {
  /** Stable id, e.g. `term.add`. */
  readonly name: string;
  /** What Undo/Redo say: "Undo Add term". */
  readonly label: string;
  readonly perform: (deal: Deal, args: A) => Deal;
}

const registry = new Map<string, EditCommand<never>>();

/** Declares an edit; names must be unique so the undo history can name what it undoes. */
export function registerEdit<A>(name: string, label: string, perform: (deal: Deal, args: A) => Deal): EditCommand<A> {
  if (registry.has(name)) throw new Error(`edit "${name}" is registered twice`);
  const command: EditCommand<A> = { name, label, perform };
  registry.set(name, command as EditCommand<never>);
  return command;
}

