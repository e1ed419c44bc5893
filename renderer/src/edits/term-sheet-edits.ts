/** Edits of the term-sheet text: the published summary, sections, standard sections, success metrics and free placeholders. */
import type { Deal, TermSheet } from '../../../shared/model/schema';
import { addStandardSections as withStandardSections, type Skeleton } from '../../../shared/termsheet/skeleton';
import { registerEdit } from '../commands/edit-command';

type Section = NonNullable<TermSheet['sections']>[number];
type Metric = NonNullable<TermSheet['successMetrics']>[number];

function withSheet(deal: Deal, update: (sheet: TermSheet) => TermSheet): Deal {
  const next = update(deal.termSheet ?? {});
  const clean: TermSheet = {};
  if (next.summary?.trim()) clean.summary = next.summary;
  if (next.sections?.length) clean.sections = next.sections;
  if (next.successMetrics?.length) clean.successMetrics = next.successMetrics;
  if (next.placeholders && Object.keys(next.placeholders).length) clean.placeholders = next.placeholders;
  const { termSheet: _old, ...rest } = deal;
  return Object.keys(clean).length ? { ...rest, termSheet: clean } : rest;
}

function moveItem<T>(items: T[], index: number, by: number): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/** The published description of the transaction (the file's `description` stays internal). */
export const setSummary = registerEdit<{ summary: string }>('termSheet.setSummary', 'Edit transaction summary', (deal, { summary }) => withSheet(deal, (s) => ({ ...s, summary })));

/** The standard sections of a licence, alliance or joint venture the term sheet lacks, in the lawyers' order. */
export const addStandardSections = registerEdit<{ skeleton: Skeleton }>('termSheet.addStandardSections', 'Add standard sections', (deal, { skeleton }) =>
  withSheet(withStandardSections(deal, skeleton), (s) => s),
);

export const addSection = registerEdit<{ heading?: string } | undefined>('termSheet.addSection', 'Add section', (deal, args) =>
  withSheet(deal, (s) => ({ ...s, sections: [...(s.sections ?? []), { heading: args?.heading ?? 'New section', text: '' }] })),
);

export const updateSection = registerEdit<{ index: number; patch: Partial<Section> }>('termSheet.updateSection', 'Edit section', (deal, { index, patch }) =>
  withSheet(deal, (s) => ({ ...s, sections: (s.sections ?? []).map((x, i) => (i === index ? { ...x, ...patch } : x)) })),
);

export const moveSection = registerEdit<{ index: number; by: number }>('termSheet.moveSection', 'Move section', (deal, { index, by }) =>
  withSheet(deal, (s) => ({ ...s, sections: moveItem(s.sections ?? [], index, by) })),
);

export const removeSection = registerEdit<{ index: number }>('termSheet.removeSection', 'Delete section', (deal, { index }) =>
  withSheet(deal, (s) => ({ ...s, sections: (s.sections ?? []).filter((_x, i) => i !== index) })),
);

export const addMetric = registerEdit<{ horizon: string }>('termSheet.addMetric', 'Add success metric', (deal, { horizon }) =>
  withSheet(deal, (s) => ({ ...s, successMetrics: [...(s.successMetrics ?? []), { horizon, metric: '', target: '' }] })),
);

export const updateMetric = registerEdit<{ index: number; patch: Partial<Metric> }>('termSheet.updateMetric', 'Edit success metric', (deal, { index, patch }) =>
  withSheet(deal, (s) => ({ ...s, successMetrics: (s.successMetrics ?? []).map((x, i) => (i === index ? { ...x, ...patch } : x)) })),
);

export const removeMetric = registerEdit<{ index: number }>('termSheet.removeMetric', 'Delete success metric', (deal, { index }) =>
  withSheet(deal, (s) => ({ ...s, successMetrics: (s.successMetrics ?? []).filter((_x, i) => i !== index) })),
);

/** Sets (text) or removes (undefined) a free placeholder such as {{territory}}. */
export const setPlaceholder = registerEdit<{ name: string; value: string | undefined; previousName?: string }>('termSheet.setPlaceholder', 'Edit placeholder', (deal, { name, value, previousName }) =>
  withSheet(deal, (s) => {
    const placeholders = { ...(s.placeholders ?? {}) };
    if (previousName !== undefined) delete placeholders[previousName];
    if (value === undefined) delete placeholders[name];
    else placeholders[name] = value;
    return { ...s, placeholders };
  }),
);
