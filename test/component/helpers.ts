/**
 * Component-test helpers: the real example deals read from resources/, and a
 * store reset to hold one of them as the open document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dealSchema, type Deal } from '../../shared/model/schema';
import { useAppStore } from '../../renderer/src/store/app-store';

export function exampleDeal(name: 'pharma-licence' | 'saas-alliance' | 'jv-equity'): Deal {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'examples', `${name}.deal`), 'utf8');
  return dealSchema.parse(JSON.parse(text));
}

/** Puts `deal` in the store as a freshly opened, saved document with an empty history. */
export function loadIntoStore(deal: Deal): void {
  useAppStore.getState().closeDocument();
  useAppStore.getState().loadDocument({ path: '/tmp/x.deal', fileName: 'x.deal', deal, migrated: false }, true, 'doc-test');
}

export function currentDeal(): Deal {
  const doc = useAppStore.getState().document;
  if (!doc) throw new Error('no document in the store');
  return doc.deal;
}
