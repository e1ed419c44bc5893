/**
 * A deliberately simple reference interpreter of a deal, for tests only: one
 * iteration at a time, period by period, every formula evaluated by mathjs
 * itself, every rule written out as the spec states it
 * (../shared/spec/deal-format.md). Fed the same draws as the engine, it must
 * give the same per-period cash flows.
 *
 * Where mathjs differs from Dealwright by design (complex results of sqrt/log
 * of negatives), values are mapped to NaN as the spec says.
 *
 * The additions to version 1 (deal-format.md) are written out here from the
 * spec's text, not from the kernels: dates found by walking the periods'
 * start months, inputs drawn every period read from their own per-period
 * draws, tiers and sales thresholds measured on running totals kept per
 * calendar year or since period 0 (with the royalty as the difference of two
 * tiered amounts), adjustments multiplying, then the cap. A value the spec
 * rules out while valuing (a factor outside 0 to 1 where it applies, a
 * negative cap) makes that period's flows NaN, so the iteration counts as one
 * the engine must refuse.
 */
import { all, create } from 'mathjs';
import { seriesOrder } from '../../../shared/formula/series-order';
import { hazardUniforms } from '../../../shared/engine/rng';
import type { Deal, NumberOrFormula, Term } from '../../../shared/model/schema';

const math = create(all);

const STEP_MONTHS = { year: 12, quarter: 3, month: 1 } as const;

/** mathjs results as Dealwright numbers: booleans 1/0, complex results NaN. */
export function asNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return NaN;
}

interface SeriesHistory {
  values: Map<string, number[]>;
}

/** "2029", "2029-06", "2029-Q3" with a year from 1900 to 2199: the 0-based month it starts, else undefined (a formula). */
function dateMonth(text: string): number | undefined {
  const m = /^(\d{4})(-(\d{2})|-Q(\d))?$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1900 || year > 2199) return undefined;
  if (m[3] !== undefined) {
    const month = Number(m[3]);
    return month >= 1 && month <= 12 ? year * 12 + month - 1 : undefined;
  }
  if (m[4] !== undefined) {
    const q = Number(m[4]);
    return q >= 1 && q <= 4 ? year * 12 + (q - 1) * 3 : undefined;
  }
  return year * 12;
}

/**
 * Per-period flows of one iteration, indexed [party][period]. `perPeriod` holds the draws of each input
 * drawn every period, one per period.
 */
export function referenceFlows(deal: Deal, inputs: Record<string, number>, hazardSeeds: number[], perPeriod: Record<string, number[]> = {}): number[][] {
  const P = deal.timeline.periods;
  const stepYears = STEP_MONTHS[deal.timeline.step] / 12;
  const startYear = typeof deal.timeline.start === 'number' ? deal.timeline.start : Number(deal.timeline.start.slice(0, 4));
  const startMonth0 = typeof deal.timeline.start === 'number' ? 0 : Number(deal.timeline.start.slice(5, 7)) - 1;
  const parties = deal.parties.map((p) => p.id);
  const flows = parties.map(() => new Array<number>(P).fill(0));
  const add = (party: string, t: number, amount: number) => {
    flows[parties.indexOf(party)]![t] += amount;
  };
  const history: SeriesHistory = { values: new Map(Object.keys(deal.series).map((id) => [id, []])) };
  const order = seriesOrder(deal);
  if (!order.ok) throw new Error('series cycle');

  let firstFire: number | null = null;
  const startMonthOf = (t: number) => startYear * 12 + startMonth0 + t * STEP_MONTHS[deal.timeline.step];
  const yearOf = (t: number) => Math.floor(startMonthOf(t) / 12);
  const scopeAt = (t: number): Record<string, unknown> => {
    const scope: Record<string, unknown> = { ...inputs, t, year: yearOf(t), terminated: firstFire !== null && t > firstFire ? 1 : 0 };
    for (const [id, draws] of Object.entries(perPeriod)) scope[id] = draws[t];
    for (const [id, values] of history.values) {
      if (values.length > t) scope[id] = values[t];
      // prev(x): x in the previous period, 0 at t = 0; cumsum(x): the sum of x up to and including t.
      scope[`__prev_${id}`] = t === 0 ? 0 : values[t - 1];
      scope[`__cumsum_${id}`] = values.slice(0, t + 1).reduce((a, b) => a + b, 0);
    }
    return scope;
  };
  const rewrite = (source: string) => source.replace(/\b(prev|cumsum)\(\s*([A-Za-z][A-Za-z0-9_]*)\s*\)/g, '__$1_$2');
  const evalAt = (value: NumberOrFormula, t: number): number => (typeof value === 'number' ? value : asNumber(math.evaluate(rewrite(value), scopeAt(t))));
  const evalOnce = (value: NumberOrFormula): number => (typeof value === 'number' ? value : asNumber(math.evaluate(value, { ...inputs })));
  const firstIndex = (value: NumberOrFormula) => {
    // A date: the first period whose start month is at or after it; none in the timeline means never.
    const date = typeof value === 'string' ? dateMonth(value) : undefined;
    if (date !== undefined) {
      for (let t = 0; t < P; t++) if (startMonthOf(t) >= date) return t;
      return P;
    }
    return Math.max(0, Math.ceil(evalOnce(value)));
  };
  /** The marginal tiers applied to an amount x (rates and ceilings as in period t). */
  const tiered = (tiers: readonly { upTo?: NumberOrFormula; rate: NumberOrFormula }[], x: number, t: number): number => {
    let total = 0;
    let lower = 0;
    tiers.forEach((tier, i) => {
      const upper = tier.upTo === undefined || i === tiers.length - 1 ? Infinity : evalAt(tier.upTo, t);
      const inTier = Math.max(0, Math.min(x, upper) - lower);
      if (inTier > 0) total += evalAt(tier.rate, t) * inTier;
      lower = Math.max(lower, upper);
    });
    return total;
  };
  /** Running totals of positive bases, per term: restarted in the first period of each calendar year for calendarYear. */
  const totals = new Map<string, number>();
  const runningTotal = (id: string, basis: 'calendarYear' | 'cumulative', base: number, t: number): { before: number; after: number } => {
    let before = totals.get(id) ?? 0;
    if (basis === 'calendarYear' && t > 0 && yearOf(t) !== yearOf(t - 1)) before = 0;
    const after = before + (base > 0 ? base : 0);
    totals.set(id, after);
    return { before, after };
  };
  const capPaid = new Map<string, number>();

  // Per-iteration state of each term.
  const paid = new Map<string, boolean>();
  const fired = new Map<string, boolean>();
  const hazards = new Map<string, number[]>();
  let h = 0;
  for (const term of deal.terms) {
    if (term.type === 'termination' && term.hazard !== undefined) hazards.set(term.id, Array.from(hazardUniforms(hazardSeeds[h++]!, P)));
  }
  const equity = new Map<string, { reserve: number; unreturned: Record<string, number>; owed: Record<string, number> }>();

  for (let t = 0; t < P; t++) {
    for (const id of order.order) history.values.get(id)!.push(evalAt(deal.series[id]!, t));
    const active = firstFire === null || t <= firstFire;
    if (active) {
      for (const term of deal.terms) {
        if (term.type !== 'termination' || fired.get(term.id)) continue;
        const from = term.from === undefined ? 0 : firstIndex(term.from);
        if (t < from) continue;
        const byCondition = term.when !== undefined && evalAt(term.when, t) !== 0 && !Number.isNaN(evalAt(term.when, t));
        const byHazard = term.hazard !== undefined && hazards.get(term.id)![t]! < evalAt(term.hazard, t);
        if (byCondition || byHazard) {
          fired.set(term.id, true);
          if (term.fee) {
            const a = evalAt(term.fee.amount, t);
            add(term.fee.from, t, -a);
            add(term.fee.to, t, a);
          }
          if (firstFire === null) firstFire = t;
        }
      }
      for (const term of deal.terms) applyTerm(term, t);
    }
    for (const term of deal.terms) if (term.type === 'cashflow') add(term.party, t, evalAt(term.amount, t));
  }
  return flows;

  function truthy(v: number): boolean {
    return v !== 0 && !Number.isNaN(v);
  }

  function applyTerm(term: Term, t: number): void {
    switch (term.type) {
      case 'payment': {
        const atHit = term.at === undefined ? true : t === firstIndex(term.at);
        if (term.at !== undefined && term.when !== undefined) {
          if (atHit && truthy(evalAt(term.when, t))) pay(term.from, term.to, evalAt(term.amount, t), t);
        } else if (term.at !== undefined) {
          if (atHit) pay(term.from, term.to, evalAt(term.amount, t), t);
        } else if (!paid.get(term.id) && truthy(evalAt(term.when!, t))) {
          paid.set(term.id, true);
          pay(term.from, term.to, evalAt(term.amount, t), t);
        }
        return;
      }
      case 'salesMilestone': {
        if (paid.get(term.id)) return;
        const basis = term.basis ?? 'period';
        const base = evalAt(term.base, t);
        const measured = basis === 'period' ? base : runningTotal(term.id, basis, base, t).after;
        if (measured >= evalAt(term.threshold, t)) {
          paid.set(term.id, true);
          pay(term.from, term.to, evalAt(term.amount, t), t);
        }
        return;
      }
      case 'royalty': {
        const basis = term.basis ?? 'period';
        const base = evalAt(term.base, t);
        // The running total goes on whatever `until` says; only the payment stops.
        const running = basis === 'period' ? undefined : runningTotal(term.id, basis, base, t);
        if (term.until !== undefined && !(t <= firstIndex(term.until))) return;
        // A base that is not a number has no royalty (NaN is not negative): the iteration fails.
        if (Number.isNaN(base)) return pay(term.from, term.to, NaN, t);
        let royalty = 0;
        if (running) royalty = running.after > running.before ? tiered(term.tiers, running.after, t) - tiered(term.tiers, running.before, t) : 0;
        else if (base > 0) royalty = tiered(term.tiers, base, t);
        for (const a of term.adjustments ?? []) {
          if (!truthy(evalAt(a.when, t))) continue;
          const factor = evalAt(a.factor, t);
          royalty = factor >= 0 && factor <= 1 ? royalty * factor : NaN;
        }
        if (term.cap !== undefined) {
          const cap = evalOnce(term.cap);
          const sofar = capPaid.get(term.id) ?? 0;
          royalty = cap >= 0 && Number.isFinite(cap) ? Math.min(royalty, cap - sofar) : NaN;
          capPaid.set(term.id, sofar + royalty);
        }
        pay(term.from, term.to, royalty, t);
        return;
      }
      case 'revenueShare': {
        const base = evalAt(term.base, t);
        if (term.tiers) {
          // A negative base (or one that is not a number) is allocated with its sign by the first tier's shares.
          if (!(base >= 0)) {
            for (const [pid, s] of Object.entries(term.tiers[0]!.shares)) add(pid, t, evalAt(s, t) * base);
            return;
          }
          let lower = 0;
          term.tiers.forEach((tier, i) => {
            const upper = tier.upTo === undefined || i === term.tiers!.length - 1 ? Infinity : evalAt(tier.upTo, t);
            const inTier = Math.max(0, Math.min(base, upper) - lower);
            if (base > lower) for (const [pid, s] of Object.entries(tier.shares)) add(pid, t, evalAt(s, t) * inTier);
            lower = Math.max(lower, upper);
          });
        } else {
          for (const [pid, s] of Object.entries(term.shares ?? {})) add(pid, t, evalAt(s, t) * base);
        }
        return;
      }
      case 'costShare': {
        const base = evalAt(term.base, t);
        for (const [pid, s] of Object.entries(term.shares)) add(pid, t, -evalAt(s, t) * base);
        return;
      }
      case 'equity':
        applyEquity(term, t);
        return;
      default:
        return;
    }
  }

  function pay(from: string, to: string, amount: number, t: number) {
    add(from, t, -amount);
    add(to, t, amount);
  }

  function applyEquity(term: Extract<Term, { type: 'equity' }>, t: number) {
    const members = [...new Set([...Object.keys(term.stakes), ...(term.contributions ?? []).map((c) => c.party)])];
    let state = equity.get(term.id);
    if (!state) {
      state = { reserve: 0, unreturned: Object.fromEntries(members.map((m) => [m, 0])), owed: Object.fromEntries(members.map((m) => [m, 0])) };
      equity.set(term.id, state);
    }
    const stake = (m: string) => (term.stakes[m] === undefined ? 0 : evalAt(term.stakes[m]!, t));
    // Preferred return accrues on unreturned capital as at the end of the previous period.
    if (term.preferredReturn && t > 0) {
      const rate = evalAt(term.preferredReturn.rate, t) * stepYears;
      for (const m of members) state.owed[m] += rate * state.unreturned[m]!;
    }
    for (const c of term.contributions ?? []) {
      if (t === firstIndex(c.at)) {
        const a = evalAt(c.amount, t);
        add(c.party, t, -a);
        state.reserve += a;
        state.unreturned[c.party] += a;
      }
    }
    const distribute = (pot: number, withPreferred: boolean): void => {
      const totalUnreturned = members.reduce((s, m) => s + state.unreturned[m]!, 0);
      if (totalUnreturned > 0 && pot > 0) {
        const r = Math.min(pot, totalUnreturned);
        const shares = members.map((m) => (r * state.unreturned[m]!) / totalUnreturned);
        members.forEach((m, i) => {
          add(m, t, shares[i]!);
          state.unreturned[m] -= shares[i]!;
        });
        pot -= r;
      }
      if (withPreferred) {
        const totalOwed = members.reduce((s, m) => s + state.owed[m]!, 0);
        if (totalOwed > 0 && pot > 0) {
          const q = Math.min(pot, totalOwed);
          const shares = members.map((m) => (q * state.owed[m]!) / totalOwed);
          members.forEach((m, i) => {
            add(m, t, shares[i]!);
            state.owed[m] -= shares[i]!;
          });
          pot -= q;
        }
      }
      if (pot !== 0) for (const m of members) add(m, t, pot * stake(m));
    };
    const v = evalAt(term.venture, t);
    // A venture flow that is not a number is neither paid nor distributed: every member's flow is NaN.
    if (Number.isNaN(v)) for (const m of members) add(m, t, NaN);
    if (v < 0) {
      const fromReserve = Math.min(state.reserve, -v);
      state.reserve -= fromReserve;
      const shortfall = -v - fromReserve;
      if (shortfall > 0) {
        for (const m of members) {
          const call = shortfall * stake(m);
          add(m, t, -call);
          state.unreturned[m] += call;
        }
      }
    } else if (v > 0) {
      distribute(v, term.preferredReturn !== undefined);
    }
    if ((t === firstFire || t === P - 1) && state.reserve !== 0) {
      const reserve = state.reserve;
      state.reserve = 0;
      distribute(reserve, false);
    }
  }
}
