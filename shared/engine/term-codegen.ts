/**
 * The frame every kind of term writes its kernel code into: the context that
 * compiles its fields (CodegenContext), the parts of the generated kernel
 * (per-iteration setup and state, per-period statements adding to each
 * party's cash flow `f<p>`), and the helpers the kinds share (a period field's
 * first period, a transfer between two parties). Each kind's own code is in
 * its module (shared/terms/<kind>.ts); `emitTerm` hands a term to it. Every
 * formula goes through the allowlisted compiler; every generated name is built
 * from indices, never from text in the file.
 *
 * Semantics follow ../shared/spec/deal-format.md ("Terms", "Joint-venture
 * equity", "Precise semantics", and the additions). Termination terms are
 * emitted first in each period so that other terms still pay in the firing
 * period and the JV reserve can be returned in it.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../problems';
import type { NumberOrFormula, Term, Timeline } from '../model/schema';
import { dateToPeriod, parseContractDate } from '../format/dates';
import { termKind } from '../terms/registry';

/** Why a value the file computes cannot be used: a cash flow or a timing that is not a finite number, a probability outside 0 to 1. */
export type FaultKind = 'flow' | 'timing' | 'probability' | 'factor' | 'cap';

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
  timeline: Timeline;
}

export interface TermCode {
  /** Once per iteration, before the period loop (timing fields, state). */
  setup: string[];
  /** Every period at the top, before terminations (hazard streams). */
  periodStart: string[];
  /** Inside the active block, terminations first. */
  termination: string[];
  active: string[];
  /** Every period regardless of termination (a party's own cash flows). */
  always: string[];
  /** Number of hazard streams used. */
  hazards: number;
}

/** First period index at or after a value (fractional values round up; negatives are period 0). */
const FIRST_INDEX = (code: string) => `Math.max(0, Math.ceil(${code}))`;

/**
 * `const <name>` = the first period at or after a field evaluated once per iteration. A formula that
 * gives NaN or an infinity (sqrt(-1), a division by zero) stops the valuation with the field's path
 * rather than silently meaning "never". A contract date is the first period that starts at or after
 * it, known when compiling (it is not a number a what-if can move).
 */
export function periodIndex(ctx: CodegenContext, name: string, value: NumberOrFormula, path: string): string {
  const date = typeof value === 'string' ? parseContractDate(value) : undefined;
  if (date) return `const ${name} = ${dateToPeriod(ctx.timeline, date)};`;
  const expr = ctx.iterationExpr(value, path);
  if (typeof value === 'number') return `const ${name} = ${FIRST_INDEX(expr)};`;
  return `const ${name}v = ${expr}; ${ctx.fault(`!(${name}v - ${name}v === 0)`, `${name}v`, path, 'timing', '-1')} const ${name} = ${FIRST_INDEX(`${name}v`)};`;
}

export function emptyTermCode(): TermCode {
  return { setup: [], periodStart: [], termination: [], active: [], always: [], hazards: 0 };
}

/** A transfer of `amount` from one party to another, or undefined (with a problem) when a party is unknown. */
export function transfer(ctx: CodegenContext, fromId: string, toId: string, amount: string, path: string): string | undefined {
  const from = ctx.party(fromId, `${path}.from`);
  const to = ctx.party(toId, `${path}.to`);
  if (!from || !to) return undefined;
  return `{ const a = ${amount}; ${from} -= a; ${to} += a; }`;
}

/** A number as a kernel literal (NaN and infinities as 0/0: the engine reports them). */
export function numberLit(v: number): string {
  return Number.isFinite(v) ? `(${String(v)})` : '(0/0)';
}

/** Emits one term into `code`; `n` is the term's index (for generated names), `check` the statement that records a non-finite flow. */
export function emitTerm(term: Term, n: number, ctx: CodegenContext, code: TermCode, check: string): void {
  const kind = termKind(term);
  if (kind.emit(term, n, ctx, code)) code[kind.phase].push(check);
}

/** Each party's share of `amount` added to (`+=`) or taken from (`-=`) its flow. */
export function shareLines(ctx: CodegenContext, shares: Record<string, NumberOrFormula>, path: string, amount: string, sign: '+=' | '-='): string[] {
  return Object.entries(shares).flatMap(([pid, s]) => {
    const f = ctx.party(pid, `${path}.${pid}`);
    return f ? [`${f} ${sign} ${ctx.periodExpr(s, `${path}.${pid}`)} * ${amount};`] : [];
  });
}
