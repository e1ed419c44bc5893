/**
 * Compiles a deal (a scenario's overrides already applied) into a kernel: one
 * generated JavaScript function that, for a block of drawn inputs, runs every
 * iteration through every period (series in dependency order, then terms) and
 * writes each party's NPV, per-period cash-flow sums and, when asked, the raw
 * per-period flows and a condition flag.
 *
 * Errors come back as Problem[] with JSON paths (compileOrThrow and the cached
 * compiledFor raise them as one EngineError); nothing else here throws for a
 * bad file. Valuation workers never run this: they receive the result as a
 * KernelSpec (kernel.ts) and need no formula parser. The kernel source is built only from generated names and numeric
 * literals (see formula-compiler.ts), so text from a file never runs.
 *
 * Intentionally has no platform imports.
 */
import type { Result } from '../problems';
import type { Problem } from '../api';
import type { Deal, NumberOrFormula } from '../model/schema';
import { LIMITS } from '../model/limits';
import { orderSeries } from '../formula/series-order';
import { planCorrelations } from './correlation';
import { prepareInput, type PreparedDist } from './distributions';
import { compileFormula, KERNEL_HELPERS, type CompiledFormula, type NameRef } from './formula-compiler';
import { emitTerm, emptyTermCode, type CodegenContext, type FaultKind } from './term-codegen';
import { discountFactors, periodYears, stepYears } from './timeline';
import { linkKernel, type CompiledDeal, type FaultLocation } from './kernel';
import { EngineError } from './simulate';

export type { CompiledDeal, FaultLocation, Kernel, KernelOut } from './kernel';

export type CompileResult = Result<{ compiled: CompiledDeal }>;

export interface CompileOptions {
  /** Report statistics conditional on this boolean series. */
  conditionOn?: string;
  /** Emit checks that locate the first non-finite series or term value (slower; used to explain a failure). */
  locateFaults?: boolean;
}

/** Compiles a deal; `options.conditionOn` names a series to condition on. */
export function compileDeal(deal: Deal, options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const P = deal.timeline.periods;
  if (!(Number.isInteger(P) && P >= 1 && P <= LIMITS.maxPeriods)) {
    return { ok: false, problems: [{ path: 'timeline.periods', message: `must be a whole number from 1 to ${LIMITS.maxPeriods.toLocaleString('en-US')}` }] };
  }
  const inputIds = Object.keys(deal.inputs);
  const dists: PreparedDist[] = [];
  for (const id of inputIds) {
    const r = prepareInput(deal.inputs[id]!, `inputs.${id}`);
    if (r.ok) dists.push(r.dist);
    else problems.push(...r.problems);
  }
  const corr = planCorrelations(deal.correlations, deal.inputs);
  if (!corr.ok) problems.push(...corr.problems);
  const partyIds = deal.parties.map((p) => p.id);
  const seriesIds = Object.keys(deal.series);
  const seriesIndex = new Map(seriesIds.map((id, i) => [id, i]));
  const inputIndex = new Map(inputIds.map((id, i) => [id, i]));
  const perPeriod = inputIds.map((id) => deal.inputs[id]!.per === 'period');

  const periodScope = (name: string): NameRef | undefined => {
    if (name === 't') return { kind: 'value', code: 't', periodic: true };
    if (name === 'year') return { kind: 'value', code: 'yrs[t]', periodic: true };
    if (name === 'terminated') return { kind: 'value', code: 'trm', periodic: true };
    if (name === 'true') return { kind: 'value', code: '1' };
    if (name === 'false') return { kind: 'value', code: '0' };
    const i = inputIndex.get(name);
    // An input drawn every period is that period's draw.
    if (i !== undefined) return perPeriod[i] ? { kind: 'value', code: `c${i}[kP + t]`, periodic: true } : { kind: 'value', code: `i${i}` };
    const s = seriesIndex.get(name);
    if (s !== undefined) return { kind: 'series', code: `s${s}`, prevCode: `ps${s}`, cumsumCode: `cs${s}`, id: name };
    return undefined;
  };
  const iterationScope = (name: string): NameRef | undefined => {
    const ref = periodScope(name);
    if (ref && (ref.kind === 'series' || name === 't' || name === 'year' || name === 'terminated')) {
      return { kind: 'unavailable', why: `"${name}" cannot be used here: this field is evaluated once per iteration and may use inputs only` };
    }
    if (ref && perPeriod[inputIndex.get(name) ?? -1]) {
      return { kind: 'unavailable', why: `input "${name}" is drawn every period, so it cannot be used here: this field is evaluated once per iteration` };
    }
    return ref;
  };

  // Series: compile, then order by same-period dependencies (prev() does not order).
  const seriesCode = new Map<string, string>();
  const seriesDeps = new Map<string, Set<string>>();
  const seriesPeriodic = new Map<string, boolean>();
  const prevUsed = new Set<string>();
  const cumsumUsed = new Set<string>();
  const noteUses = (f: { prevSeries: Set<string>; cumsumSeries: Set<string> }) => {
    for (const id of f.prevSeries) prevUsed.add(id);
    for (const id of f.cumsumSeries) cumsumUsed.add(id);
  };
  for (const id of seriesIds) {
    const r = compileFormula(deal.series[id]!, `series.${id}`, periodScope);
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    seriesCode.set(id, r.value.code);
    seriesDeps.set(id, r.value.sameperiodSeries);
    seriesPeriodic.set(id, r.value.periodic);
    noteUses(r.value);
  }
  // The formula front end owns the ordering rule (prev() is not an edge; cumsum() is); the references
  // come from the compiled formulas, sorted as the checker lists them, so both give the same order.
  const ordered = orderSeries(new Map(seriesIds.map((id) => [id, [...(seriesDeps.get(id) ?? [])].sort()])));
  if (!ordered.ok) problems.push(...ordered.problems);
  const order = ordered.ok ? ordered.order.filter((id) => seriesCode.has(id)) : [];
  // A series that depends on inputs only is the same in every period: compute it once per iteration.
  const constant = new Set<string>();
  for (const id of order) {
    if (!seriesPeriodic.get(id) && [...(seriesDeps.get(id) ?? [])].every((d) => constant.has(d))) constant.add(id);
  }

  let conditionSeries: string | null = null;
  if (options.conditionOn !== undefined) {
    if (!seriesIndex.has(options.conditionOn)) problems.push({ path: 'conditionOn', message: `"${options.conditionOn}" is not a series of this deal` });
    else conditionSeries = options.conditionOn;
  }

  const locations: FaultLocation[] = [];
  const locate = (kind: FaultKind, path: string, label: string) => locations.push({ kind, path, label }) - 1;
  const checked = options.locateFaults === true;
  const partyVars = partyIds.map((_, i) => `f${i}`);
  const flowCheck = (loc: number) =>
    checked ? `if (fLoc < 0 && !(${partyVars.map((f) => `${f} - ${f} === 0`).join(' && ')})) { fLoc = ${loc}; fT = t; }` : '';

  // Plain numbers of term fields (the ones sliders, scenarios and goal seek move) are read from K
  // rather than written into the source, so a what-if on a number reuses the same generated kernel.
  const fieldNumbers: number[] = [];
  const ctx: CodegenContext = {
    periodExpr: (value: NumberOrFormula, path: string) => compileField(value, path, periodScope, problems, noteUses, fieldNumbers),
    iterationExpr: (value: NumberOrFormula, path: string) => compileField(value, path, iterationScope, problems, noteUses, fieldNumbers),
    fault: (test, value, path, kind, period) => `if (${test} && fBad < 0) { fBad = ${locate(kind, path, path)}; fBT = ${period}; fBV = ${value}; }`,
    party: (id: string, path: string) => {
      const i = partyIds.indexOf(id);
      if (i < 0) {
        problems.push({ path, message: `"${id}" is not a party of this deal (parties: ${partyIds.join(', ')})` });
        return undefined;
      }
      return partyVars[i];
    },
    partyIds,
    problems,
    stepYears: stepYears(deal.timeline),
    timeline: deal.timeline,
  };
  const terms = emptyTermCode();
  deal.terms.forEach((term, n) => emitTerm(term, n, ctx, terms, flowCheck(locate('flow', `terms.${term.id}`, `term "${term.id}"`))));

  if (problems.length > 0) return { ok: false, problems };

  const nP = partyIds.length;
  const seriesLines: string[] = [];
  const constantLines: string[] = [];
  for (const id of order) {
    const s = seriesIndex.get(id)!;
    const loc = locate('flow', `series.${id}`, `series "${id}"`);
    const check = checked ? ` if (fLoc < 0 && !(s${s} - s${s} === 0)) { fLoc = ${loc}; fT = ${constant.has(id) ? 0 : 't'}; }` : '';
    const sum = cumsumUsed.has(id) ? ` cs${s} += s${s};` : '';
    if (constant.has(id)) {
      constantLines.push(`s${s} = ${seriesCode.get(id)!};${check}`);
      if (sum) seriesLines.push(sum);
    } else {
      seriesLines.push(`s${s} = ${seriesCode.get(id)!};${sum}${check}`);
    }
  }
  const prevLines = seriesIds.flatMap((id, s) => (prevUsed.has(id) ? [`ps${s} = s${s};`] : []));
  const condLine = conditionSeries !== null ? `if (s${seriesIndex.get(conditionSeries)!}) cnd = 1;` : '';
  const source = `"use strict";
${KERNEL_HELPERS}
return function kernel(cols, hz, n, out) {
  const P = ${P}, NP = ${nP}, H = ${terms.hazards};
  ${inputIds.map((_, i) => `const c${i} = cols[${i}];`).join('\n  ')}
  ${partyIds.map((_, i) => `const npv${i} = out.npv[${i}], sm${i} = out.sums[${i}], d${i} = disc[${i}];`).join('\n  ')}
  const fl = out.flows, flRows = out.flowRows, cv = out.cond;
  for (let k = 0; k < n; k++) {
    ${inputIds.flatMap((_, i) => (perPeriod[i] ? [] : [`const i${i} = c${i}[k];`])).join(' ')}${perPeriod.some(Boolean) ? ' const kP = k * P;' : ''}
    ${seriesIds.map((_, s) => `let s${s} = 0, ps${s} = 0, cs${s} = 0;`).join(' ')}
    ${partyIds.map((_, i) => `let n${i} = 0;`).join(' ')}
    let endAt = P, trm = 0, cnd = 0, fLoc = -1, fT = -1, fBad = -1, fBT = -1, fBV = 0;
    ${constantLines.join('\n    ')}
    ${terms.setup.join('\n    ')}
    const fb = k * NP * P;
    for (let t = 0; t < P; t++) {
      trm = t > endAt ? 1 : 0;
      ${seriesLines.join('\n      ')}
      ${condLine}
      ${partyVars.map((f) => `let ${f} = 0;`).join(' ')}
      ${terms.periodStart.join('\n      ')}
      if (t <= endAt) {
        ${terms.termination.join('\n        ')}
        ${terms.active.join('\n        ')}
      }
      ${terms.always.join('\n      ')}
      ${partyIds.map((_, i) => `n${i} += f${i} * d${i}[t]; sm${i}[t] += f${i};`).join(' ')}
      if (fl !== null && k < flRows) { ${partyIds.map((_, i) => `fl[fb + ${i * P} + t] = f${i};`).join(' ')} }
      ${prevLines.join(' ')}
    }
    if (cv !== null) cv[k] = cnd;
    if (fBad >= 0) { out.fault[0] = k; out.fault[1] = fBad; out.fault[2] = fBT; out.fault[3] = fBV; return k; }
    if (!(${partyIds.map((_, i) => `n${i} - n${i} === 0`).join(' && ')})) { out.fault[0] = k; out.fault[1] = fLoc; out.fault[2] = fT; return k; }
    ${partyIds.map((_, i) => `npv${i}[k] = n${i};`).join(' ')}
  }
  return -1;
};`;
  const disc = deal.parties.map((p) => discountFactors(p.discountRate, deal.timeline));
  const yrs = periodYears(deal.timeline);
  const correlation = corr.ok ? corr.plan : null;
  return {
    ok: true,
    compiled: linkKernel({
      inputIds,
      dists,
      perPeriod,
      correlation,
      correlatedColumns: correlation ? correlation.inputs.map((id) => inputIndex.get(id)!) : [],
      partyIds,
      walkAway: deal.parties.map((p) => p.walkAway),
      periods: P,
      hazards: terms.hazards,
      seriesOrder: order,
      conditionSeries,
      locations,
      source,
      disc,
      yrs,
      fieldNumbers: Float64Array.from(fieldNumbers),
    }),
  };
}

export function compileOrThrow(deal: Deal, conditionOn?: string): CompiledDeal {
  const r = compileDeal(deal, conditionOn === undefined ? {} : { conditionOn });
  if (!r.ok) throw new EngineError(r.problems);
  return r.compiled;
}

const CACHE_SIZE = 16;
const cache = new Map<string, CompiledDeal>();

/**
 * Compiles (or reuses) the kernel of a deal, cached by the deal's canonical
 * text, so the slider path (same deal shape, many small runs) compiles once
 * per distinct deal.
 */
export function compiledFor(deal: Deal, conditionOn?: string): CompiledDeal {
  const key = `${conditionOn ?? ''}\u0000${JSON.stringify(deal)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compileOrThrow(deal, conditionOn);
  cache.set(key, compiled);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return compiled;
}

function compileField(
  value: NumberOrFormula,
  path: string,
  scope: (name: string) => NameRef | undefined,
  problems: Problem[],
  noteUses: (f: CompiledFormula) => void,
  fieldNumbers: number[],
): string {
  if (typeof value === 'number') {
    fieldNumbers.push(value);
    return `K[${fieldNumbers.length - 1}]`;
  }
  const r = compileFormula(value, path, scope);
  if (!r.ok) {
    problems.push(...r.problems);
    return '0';
  }
  noteUses(r.value);
  return `(${r.value.code})`;
}
