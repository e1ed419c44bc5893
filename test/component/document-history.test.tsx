// @vitest-environment jsdom
/**
 * The edit history: every named edit can be undone and redone, in order, and
 * "dirty" means "differs from what was saved", so undoing back is clean again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addTerm, moveTerm, renameTerm, replaceTerm } from '../../renderer/src/edits/term-edits';
import { updateParty } from '../../renderer/src/edits/party-edits';
import { setSeriesFormula } from '../../renderer/src/edits/series-edits';
import { useAppStore } from '../../renderer/src/store/app-store';
import { selectDirty, selectUndoLabel } from '../../renderer/src/store/document-slice';
import { currentDeal, exampleDeal, loadIntoStore } from './helpers';

const s = () => useAppStore.getState();

describe('document history', () => {
  beforeEach(() => loadIntoStore(exampleDeal('saas-alliance')));

  it('undoes and redoes a sequence of 20 edits exactly', () => {
    const snapshots = [currentDeal()];
    for (let i = 0; i < 20; i++) {
      const ok =
        i % 3 === 0
          ? s().edit(updateParty, { id: 'ledgerly', patch: { walkAway: 1000 + i } })
          : i % 3 === 1
            ? s().edit(setSeriesFormula, { id: 'build', formula: `t < 2 ? integrationCost / ${i + 2} : 0` })
            : s().edit(addTerm, { type: 'payment' });
      expect(ok).toBe(true);
      snapshots.push(currentDeal());
    }
    expect(s().past).toHaveLength(20);
    for (let i = 19; i >= 0; i--) {
      s().undo();
      expect(currentDeal()).toEqual(snapshots[i]);
    }
    expect(selectDirty(s())).toBe(false);
    for (let i = 1; i <= 20; i++) {
      s().redo();
      expect(currentDeal()).toEqual(snapshots[i]);
    }
    expect(selectDirty(s())).toBe(true);
  });

  it('names the edit Undo will revert, and a new edit clears the redo stack', () => {
    s().edit(moveTerm, { id: 'exit', by: -1 });
    expect(selectUndoLabel(s())).toBe('Move term');
    s().undo();
    expect(s().future).toHaveLength(1);
    s().edit(updateParty, { id: 'atlas', patch: { name: 'Atlas' } });
    expect(s().future).toHaveLength(0);
  });

  it('records nothing for an edit that changes nothing', () => {
    const before = currentDeal();
    expect(s().edit(updateParty, { id: 'atlas', patch: { name: 'Atlas Cloud' } })).toBe(false);
    expect(currentDeal()).toBe(before);
    expect(s().past).toHaveLength(0);
  });

  it('renames a term everywhere it is referenced (scenario overrides, sliders, term-sheet placeholders)', () => {
    s().edit(renameTerm, { from: 'exit', to: 'strategyExit' });
    const deal = currentDeal();
    expect(deal.terms.map((t) => t.id)).toContain('strategyExit');
    expect(deal.sliders?.map((x) => x.path)).toContain('terms.strategyExit.fee.amount');
    expect(deal.termSheet?.sections?.find((x) => x.heading === 'Term and termination')?.text).toContain('{{terms.strategyExit.fee.amount|money}}');
  });

  it('marks the document clean once saved, and dirty after the next edit', () => {
    const share = currentDeal().terms[0]!;
    s().edit(replaceTerm, { id: share.id, term: { ...share, label: 'Share' } });
    expect(selectDirty(s())).toBe(true);
    s().markSaved('/tmp/y.deal', 'y.deal', currentDeal());
    expect(selectDirty(s())).toBe(false);
    expect(s().document?.fileName).toBe('y.deal');
  });
});
