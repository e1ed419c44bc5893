/**
 * "Add standard sections": the editable default sections of a licence, an
 * alliance or a joint venture (resources/termsheet, read by the host), added
 * to the open deal's term sheet in the order lawyers expect. Used by the
 * command of that name, the Term sheet section's button and the new-deal wizard.
 */
import type { StandardSectionsKind } from '../../../shared/api';
import type { Deal } from '../../../shared/model/schema';
import { addStandardSections as withStandardSections } from '../../../shared/termsheet/skeleton';
import { termKind } from '../../../shared/terms/registry';
import { mainApi } from '../api/main-api';
import { addStandardSections } from '../edits/term-sheet-edits';
import { useAppStore } from '../store/app-store';

export const STANDARD_KINDS: readonly { kind: StandardSectionsKind; label: string }[] = [
  { kind: 'licence', label: 'Licence' },
  { kind: 'alliance', label: 'Alliance' },
  { kind: 'jointVenture', label: 'Joint venture' },
];

/** The kind of deal its terms suggest (each kind of term says, shared/terms): equity makes a joint venture, a royalty a licence, shares an alliance. */
export function inferKind(deal: Deal): StandardSectionsKind {
  let best: { kind: StandardSectionsKind; rank: number } | undefined;
  for (const t of deal.terms) {
    const suggested = termKind(t).dealKind;
    if (suggested && (!best || suggested.rank < best.rank)) best = suggested;
  }
  return best?.kind ?? 'licence';
}

/** Adds the kind's standard sections to the open deal as one undoable edit; says what went wrong otherwise. */
export async function addStandardSectionsToDocument(kind: StandardSectionsKind): Promise<boolean> {
  const store = useAppStore.getState();
  try {
    const skeleton = await mainApi().getStandardSections(kind);
    const changed = useAppStore.getState().edit(addStandardSections, { skeleton });
    store.notify({ tone: 'info', text: changed ? 'Standard sections added to the term sheet; edit them like any clause.' : 'The term sheet already has every standard section.' });
    return changed;
  } catch (err) {
    store.notify({ tone: 'error', text: `The standard sections could not be added: ${err instanceof Error ? err.message : String(err)}` });
    return false;
  }
}

/** A new deal with its kind's standard sections (the wizard); the deal as it was when they cannot be read, with the reason. */
export async function withStandardSectionsFor(deal: Deal, kind: StandardSectionsKind): Promise<{ deal: Deal; error?: string }> {
  try {
    return { deal: withStandardSections(deal, await mainApi().getStandardSections(kind)) };
  } catch (err) {
    return { deal, error: err instanceof Error ? err.message : String(err) };
  }
}
