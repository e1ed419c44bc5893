/**
 * The order in which series are evaluated each period: every series after the
 * series it uses in the same period. `prev(x)` only needs the previous period,
 * so it is not an edge; that is how a series may refer to itself over time.
 * A cycle through same-period references is an error naming every series on it.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import type { Deal } from '../model/schema';
import { checkFormula, type FormulaEnv } from './check';

export type SeriesOrder = { ok: true; order: string[] } | { ok: false; problems: Problem[] };

/** Same-period dependencies of every series whose formula checks; others get none (their own problems say why). */
export function seriesDependencies(deal: Pick<Deal, 'inputs' | 'series'>): Map<string, string[]> {
  const env: FormulaEnv = { inputs: new Set(Object.keys(deal.inputs)), series: new Set(Object.keys(deal.series)), scope: 'series' };
  const deps = new Map<string, string[]>();
  for (const [id, source] of Object.entries(deal.series)) {
    const checked = checkFormula(source, env);
    deps.set(id, checked.ok ? checked.refs.series : []);
  }
  return deps;
}

/** Topological order of the series (file order where free), or the cycles found. */
export function seriesOrder(deal: Pick<Deal, 'inputs' | 'series'>): SeriesOrder {
  const deps = seriesDependencies(deal);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: Problem[] = [];
  const reported = new Set<string>();

  const visit = (id: string, stack: string[]): void => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      const key = [...new Set(cycle)].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        const hint = cycle.length === 2 ? ` (a series cannot use itself in the same period; use prev(${id}) for last period's value)` : ' (use prev(…) for last period\'s value)';
        problems.push({ path: `series.${cycle[0]!}`, message: `cycle: ${cycle.join(' -> ')}${hint}` });
      }
      return;
    }
    state.set(id, 'visiting');
    for (const dep of deps.get(id) ?? []) visit(dep, [...stack, id]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of deps.keys()) visit(id, []);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, order };
}
