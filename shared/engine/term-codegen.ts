/**
 * Turns each deal term into kernel source: the per-iteration setup (timing
 * fields evaluated once), per-iteration state (paid flags, the JV's reserve and
 * capital accounts) and per-period statements adding to each party's cash
 * flow `f<p>`. Every formula goes through the allowlisted compiler; every
 * generated name is built from indices, never from text in the file.
 *
 * Semantics follow ../shared/spec/deal-format.md ("Terms", "Joint-venture
 * equity", "Precise semantics"). Termination terms are emitted first in each
 * period so that other terms still pay in the firing period and the JV reserve
 * can be returned in it.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import type { NumberOrFormula, Term, TermOf } from '../model/schema';

/** Why a value the file computes cannot be used: a cash flow or a timing that is not a finite number, a probability outside 0 to 1. */
export type FaultKind = 'flow' | 'timing' | 'probability';

export interface CodegenContext {
  /** Compiles a field evaluated every period; pushes problems and returns '0' on error. */
  periodExpr(value: NumberOrFormula, path: string): string;
  /** Compiles a field evaluated once per iteration (inputs only). */
  iterationExpr(value: NumberOrFormula, path: string): string;
  /** `f<index>` of a party, or undefined (with a problem) when the id is unknown. */
  party(id: string, path: string): string | undefined;
  /**
   * A statement that stops the valuation, naming `path` (and the period, when `period` is not '-1'),
   * the first time `test` holds in an iteration: for values the file makes impossible to use,
   * such as a timing that is not a number or a hazard outside 0 to 1.
   */
  fault(test: string, value: string, path: string, kind: FaultKind, period: string): string;
  partyIds: readonly string[];
  problems: Problem[];
  stepYears: number;
}

export interface TermCode {
  /** Once per iteration, before the period loop (timing fields, state). */
  setup: string[];
  /** Every period at the top, before terminations (hazard streams). */
  periodStart: string[];
  /** Inside the active block, terminations first. */
  termination: string[];
  active: string[];
  /** Every period regardless of termination (cashflow terms). */
  always: string[];
  /** Number of hazard streams used. */
  hazards: number;
}

/** First period index at or after a value (fractional values round up; negatives are period 0). */
const FIRST_INDEX = (code: string) => `Math.max(0, Math.ceil(${code}))`;

/**
 * `const <name>` = the first period at or after a field evaluated once per iteration. A formula that
 * gives NaN or an infinity (sqrt(-1), a division by zero) stops the valuation with the field's path
 * rather than silently meaning "never".
 */
function periodIndex(ctx: CodegenContext, name: string, value: NumberOrFormula, path: string): string {
  const expr = ctx.iterationExpr(value, path);
  if (typeof value === 'number') return `const ${name} = ${FIRST_INDEX(expr)};`;
  return `const ${name}v = ${expr}; ${ctx.fault(`!(${name}v - ${name}v === 0)`, `${name}v`, path, 'timing', '-1')} const ${name} = ${FIRST_INDEX(`${name}v`)};`;
}

export function emptyTermCode(): TermCode {
  return { setup: [], periodStart: [], termination: [], active: [], always: [], hazards: 0 };
}

/** Emits one term into `code`; `n` is the term's index (for generated names), `check` the statement that records a non-finite flow. */
export function emitTerm(term: Term, n: number, ctx: CodegenContext, code: TermCode, check: string): void {
  const base = `terms.${term.id}`;
  const pay = (fromId: string, toId: string, amount: string, path: string): string | undefined => {
    const from = ctx.party(fromId, `${path}.from`);
    const to = ctx.party(toId, `${path}.to`);
    if (!from || !to) return undefined;
    return `{ const a = ${amount}; ${from} -= a; ${to} += a; }`;
  };
  switch (term.type) {
    case 'payment': {
      const transfer = pay(term.from, term.to, ctx.periodExpr(term.amount, `${base}.amount`), base);
      if (!transfer) return;
      if (term.at === undefined && term.when === undefined) {
        ctx.problems.push({ path: base, message: 'a payment needs "at" (a period), "when" (a condition) or both' });
        return;
      }
      if (term.at !== undefined) code.setup.push(periodIndex(ctx, `at${n}`, term.at, `${base}.at`));
      if (term.at !== undefined && term.when !== undefined) {
        code.active.push(`if (t === at${n} && (${ctx.periodExpr(term.when, `${base}.when`)})) ${transfer}`);
      } else if (term.at !== undefined) {
        code.active.push(`if (t === at${n}) ${transfer}`);
      } else {
        code.setup.push(`let paid${n} = 0;`);
        code.active.push(`if (paid${n} === 0 && (${ctx.periodExpr(term.when!, `${base}.when`)})) { paid${n} = 1; ${transfer} }`);
      }
      break;
    }
    case 'salesMilestone': {
      const transfer = pay(term.from, term.to, ctx.periodExpr(term.amount, `${base}.amount`), base);
      if (!transfer) return;
      code.setup.push(`let paid${n} = 0;`);
      const b = ctx.periodExpr(term.base, `${base}.base`);
      const th = ctx.periodExpr(term.threshold, `${base}.threshold`);
      code.active.push(`if (paid${n} === 0 && ${b} >= ${th}) { paid${n} = 1; ${transfer} }`);
      break;
    }
    case 'royalty': {
      const from = ctx.party(term.from, `${base}.from`);
      const to = ctx.party(term.to, `${base}.to`);
      if (!from || !to) return;
      if (term.until !== undefined) code.setup.push(periodIndex(ctx, `until${n}`, term.until, `${base}.until`));
      const lines = [`const b = ${ctx.periodExpr(term.base, `${base}.base`)};`, 'if (b > 0) {', 'let r = 0;', 'let lo = 0;'];
      term.tiers.forEach((tier, i) => {
        const rate = ctx.periodExpr(tier.rate, `${base}.tiers[${i}].rate`);
        const last = i === term.tiers.length - 1;
        if (tier.upTo === undefined || last) {
          // The last tier has no ceiling (an upTo on it is ignored: nothing lies above it).
          lines.push(`if (b > lo) r += ${rate} * (b - lo);`);
        } else {
          // A ceiling at or below the previous one makes an empty tier.
          lines.push(`{ const hi = ${ctx.periodExpr(tier.upTo, `${base}.tiers[${i}].upTo`)}; if (b > lo && hi > lo) r += ${rate} * ((b < hi ? b : hi) - lo); if (hi > lo) lo = hi; }`);
        }
      });
      lines.push(`${from} -= r; ${to} += r;`, '}');
      const body = `{ ${lines.join(' ')} }`;
      code.active.push(term.until !== undefined ? `if (t <= until${n}) ${body}` : body);
      break;
    }
    case 'revenueShare':
    case 'costShare': {
      const sign = term.type === 'costShare' ? '-=' : '+=';
      const b = ctx.periodExpr(term.base, `${base}.base`);
      const shareLines = (shares: Record<string, NumberOrFormula>, path: string, amount: string): string[] =>
        Object.entries(shares).flatMap(([pid, s]) => {
          const f = ctx.party(pid, `${path}.${pid}`);
          return f ? [`${f} ${sign} ${ctx.periodExpr(s, `${path}.${pid}`)} * ${amount};`] : [];
        });
      if (term.type === 'revenueShare' && term.tiers) {
        if (term.shares) ctx.problems.push({ path: `${base}.shares`, message: 'give either shares or tiers, not both' });
        // Marginal tiers like a royalty; a negative base is allocated with the first tier's shares.
        const lines = [`const b = ${b};`, 'if (b < 0) {', ...shareLines(term.tiers[0]!.shares, `${base}.tiers[0].shares`, 'b'), '} else {', 'let lo = 0;'];
        term.tiers.forEach((tier, i) => {
          const last = i === term.tiers!.length - 1;
          const sl = shareLines(tier.shares, `${base}.tiers[${i}].shares`, 'x').join(' ');
          if (tier.upTo === undefined || last) lines.push(`if (b > lo) { const x = b - lo; ${sl} }`);
          else lines.push(`{ const hi = ${ctx.periodExpr(tier.upTo, `${base}.tiers[${i}].upTo`)}; if (b > lo && hi > lo) { const x = (b < hi ? b : hi) - lo; ${sl} } if (hi > lo) lo = hi; }`);
        });
        lines.push('}');
        code.active.push(`{ ${lines.join(' ')} }`);
      } else {
        const shares = term.shares;
        if (!shares) {
          ctx.problems.push({ path: base, message: 'needs shares (party -> fraction) or tiers' });
          return;
        }
        code.active.push(`{ const b = ${b}; ${shareLines(shares, `${base}.shares`, 'b').join(' ')} }`);
      }
      break;
    }
    case 'cashflow': {
      const f = ctx.party(term.party, `${base}.party`);
      if (!f) return;
      code.always.push(`${f} += ${ctx.periodExpr(term.amount, `${base}.amount`)};`);
      code.always.push(check);
      return;
    }
    case 'termination': {
      emitTermination(term, n, ctx, code, pay);
      break;
    }
    case 'equity':
      emitEquity(term, n, ctx, code);
      break;
  }
  (term.type === 'termination' ? code.termination : code.active).push(check);
}

function numberLit(v: number): string {
  return Number.isFinite(v) ? `(${String(v)})` : '(0/0)';
}

function emitTermination(
  term: TermOf<'termination'>,
  n: number,
  ctx: CodegenContext,
  code: TermCode,
  pay: (from: string, to: string, amount: string, path: string) => string | undefined,
): void {
  const base = `terms.${term.id}`;
  if (term.when === undefined && term.hazard === undefined) {
    ctx.problems.push({ path: base, message: 'a termination needs "when" (a condition) or "hazard" (a probability per period)' });
    return;
  }
  code.setup.push(term.from === undefined ? `const from${n} = 0;` : periodIndex(ctx, `from${n}`, term.from, `${base}.from`));
  // Fires when `when` holds, or else when the period's hazard draw falls below the hazard; the hazard is
  // only evaluated (and checked to be a probability) in periods where it decides.
  const decide: string[] = ['let go = 0;'];
  if (term.when !== undefined) decide.push(`go = (${ctx.periodExpr(term.when, `${base}.when`)}) ? 1 : 0;`);
  if (term.hazard !== undefined) {
    const h = code.hazards++;
    // One independent uniform per period from the iteration's own stream (mulberry32, as hazardUniforms in rng.ts).
    code.setup.push(`let hs${h} = hz[k * H + ${h}] | 0; let hu${h} = 0;`);
    code.periodStart.push(
      `{ hs${h} = (hs${h} + 0x6d2b79f5) | 0; let z = Math.imul(hs${h} ^ (hs${h} >>> 15), 1 | hs${h}); z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z; hu${h} = (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296; }`,
    );
    const hazard = ctx.periodExpr(term.hazard, `${base}.hazard`);
    const check = typeof term.hazard === 'number' ? '' : ctx.fault('!(hv >= 0 && hv <= 1)', 'hv', `${base}.hazard`, 'probability', 't');
    decide.push(`if (go === 0) { const hv = ${hazard}; ${check} go = hu${h} < hv ? 1 : 0; }`);
  }
  const fee = term.fee ? pay(term.fee.from, term.fee.to, ctx.periodExpr(term.fee.amount, `${base}.fee.amount`), `${base}.fee`) : '';
  if (fee === undefined) return;
  code.setup.push(`let fired${n} = 0;`);
  code.termination.push(`if (fired${n} === 0 && t >= from${n}) { ${decide.join(' ')} if (go !== 0) { fired${n} = 1; ${fee} if (endAt === P) endAt = t; } }`);
}

function emitEquity(term: TermOf<'equity'>, n: number, ctx: CodegenContext, code: TermCode): void {
  const base = `terms.${term.id}`;
  // Capital accounts for every party with a stake or a contribution.
  const members: string[] = [];
  for (const pid of Object.keys(term.stakes)) if (!members.includes(pid)) members.push(pid);
  for (const c of term.contributions ?? []) if (!members.includes(c.party)) members.push(c.party);
  const f: string[] = [];
  for (const pid of members) {
    const v = ctx.party(pid, Object.prototype.hasOwnProperty.call(term.stakes, pid) ? `${base}.stakes.${pid}` : `${base}.contributions`);
    if (!v) return;
    f.push(v);
  }
  const stake = members.map((pid) => {
    const value = term.stakes[pid];
    return value === undefined ? '0' : ctx.periodExpr(value, `${base}.stakes.${pid}`);
  });
  const U = members.map((_, j) => `u${n}_${j}`);
  const O = members.map((_, j) => `o${n}_${j}`);
  const R = `res${n}`;
  code.setup.push(`let ${R} = 0;`, ...U.map((u) => `let ${u} = 0;`), ...O.map((o) => `let ${o} = 0;`));
  const lines: string[] = [];
  if (term.preferredReturn) {
    // Accrues on unreturned capital as it stood at the end of the previous period.
    const rate = ctx.periodExpr(term.preferredReturn.rate, `${base}.preferredReturn.rate`);
    lines.push(`if (t > 0) { const pr = ${rate} * ${numberLit(ctx.stepYears)}; ${U.map((u, j) => `${O[j]} += pr * ${u};`).join(' ')} }`);
  }
  (term.contributions ?? []).forEach((c, i) => {
    const j = members.indexOf(c.party);
    code.setup.push(periodIndex(ctx, `cat${n}_${i}`, c.at, `${base}.contributions[${i}].at`));
    const amount = ctx.periodExpr(c.amount, `${base}.contributions[${i}].amount`);
    lines.push(`if (t === cat${n}_${i}) { const a = ${amount}; ${f[j]} -= a; ${R} += a; ${U[j]} += a; }`);
  });
  const sumU = U.join(' + ');
  const sumO = O.join(' + ');
  const returnCapital = (pot: string) =>
    `{ const tu = ${sumU}; if (tu > 0 && ${pot} > 0) { const r = ${pot} < tu ? ${pot} : tu; ${U.map((u, j) => `{ const x = r * (${u} / tu); ${f[j]} += x; ${u} -= x; }`).join(' ')} ${pot} -= r; } }`;
  const byStakes = (pot: string) => `if (${pot} !== 0) { ${f.map((fv, j) => `${fv} += ${pot} * ${stake[j]};`).join(' ')} }`;
  lines.push(
    `let v = ${ctx.periodExpr(term.venture, `${base}.venture`)};`,
    `if (v < 0) { const use = ${R} < -v ? ${R} : -v; ${R} -= use; const short = -v - use; if (short > 0) { ${f
      .map((fv, j) => `{ const c = short * ${stake[j]}; ${fv} -= c; ${U[j]} += c; }`)
      .join(' ')} } }`,
    `else if (v > 0) { ${returnCapital('v')}`,
  );
  if (term.preferredReturn) {
    lines.push(`{ const to = ${sumO}; if (to > 0 && v > 0) { const q = v < to ? v : to; ${O.map((o, j) => `{ const x = q * (${o} / to); ${f[j]} += x; ${o} -= x; }`).join(' ')} v -= q; } }`);
  }
  lines.push(`${byStakes('v')} }`);
  // Rule 4: the reserve goes back at the end of the timeline, or when a termination fires.
  lines.push(`if ((t === endAt || t === P - 1) && ${R} !== 0) { let rv = ${R}; ${R} = 0; ${returnCapital('rv')} ${byStakes('rv')} }`);
  code.active.push(`{ ${lines.join(' ')} }`);
}
