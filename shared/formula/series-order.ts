/**
 * The order in which series are evaluated each period: every series after the
 * series it uses in the same period. `prev(x)` only needs the previous period,
 * so it is not an edge; that is how a series may refer to itself over time.
 * A cycle through same-period references is an error naming every series on it.
 *
 * The depth-first search keeps its own stack: 20,000 series chained one to the
 * next are one long path, which a recursive search would overflow.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import type { Problem } from '../api';
import type { Deal } from '../model/schema';
import { checkFormula, type FormulaEnv } from './check';
import { formulaEnv } from './deal-formulas';

export type SeriesOrder = Result<{ order: string[] }>;

/** Same-period dependencies of every series whose formula checks; others get none (their own problems say why). */
export function seriesDependencies(deal: Pick<Deal, 'inputs' | 'series'>): Map<string, readonly string[]> {
  const env: FormulaEnv = formulaEnv(deal, 'series');
  const deps = new Map<string, readonly string[]>();
  for (const [id, source] of Object.entries(deal.series)) {
    const checked = checkFormula(source, env);
    deps.set(id, checked.ok ? checked.refs.series : []);
  }
  return deps;
}

/**
 * Topological order of the series (file order where free), or the cycles
 * found: the post-order of a depth-first search from each series in file
 * order, visiting dependencies in the order given. `deps` has every series,
 * in file order.
 */
export function orderSeries(deps: ReadonlyMap<string, Iterable<string>>): SeriesOrder {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: Problem[] = [];
  const reported = new Set<string>();

  const reportCycle = (path: readonly string[], id: string) => {
    const cycle = [...path.slice(path.indexOf(id)), id];
    const key = [...new Set(cycle)].sort().join(',');
    if (reported.has(key)) return;
    reported.add(key);
    const hint = cycle.length === 2 ? ` (a series cannot use itself in the same period; use prev(${id}) for last period's value)` : " (use prev(…) for last period's value)";
    problems.push({ path: `series.${cycle[0]!}`, message: `cycle: ${cycle.join(' -> ')}${hint}` });
  };

  for (const start of deps.keys()) {
    if (state.has(start)) continue;
    // The series being visited, from `start` down, each with the dependencies still to visit.
    const path: string[] = [start];
    const pending: Iterator<string>[] = [(deps.get(start) ?? [])[Symbol.iterator]()];
    state.set(start, 'visiting');
    while (path.length > 0) {
      const next = pending[pending.length - 1]!.next();
      if (next.done) {
        const id = path.pop()!;
        pending.pop();
        state.set(id, 'done');
        order.push(id);
        continue;
      }
      const dep = next.value;
      const s = state.get(dep);
      if (s === 'done') continue;
      if (s === 'visiting') {
        reportCycle(path, dep);
        continue;
      }
      state.set(dep, 'visiting');
      path.push(dep);
      pending.push((deps.get(dep) ?? [])[Symbol.iterator]());
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, order };
}

/** Topological order of a deal's series, checking each formula for its references. */
export function seriesOrder(deal: Pick<Deal, 'inputs' | 'series'>): SeriesOrder {
  return orderSeries(seriesDependencies(deal));
}
