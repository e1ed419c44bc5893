/**
 * Problems a person can act on, the one result type for values that can fail
 * with them, and the one formatter from a problem to the line a person reads
 * (the CLI, the app's notices and problem lists, worker and host messages).
 *
 * A result is `{ ok: true, ...fields }` or `{ ok: false, problems }`: the
 * success side keeps the names its callers read (`deal`, `compiled`, `value`),
 * the failure side is always a list of problems with paths.
 *
 * Intentionally has no platform imports.
 */

/** A problem a user can act on: where it is (a JSON path like `terms.royalty.tiers[1].rate`) and what is wrong. */
export interface Problem {
  path: string;
  message: string;
  /** 1-based column inside a formula, when the problem is in one. */
  column?: number;
  severity?: 'error' | 'warning';
}

export interface Failure {
  ok: false;
  problems: Problem[];
}

/** A value that can fail with problems: `T` is the success side's fields. */
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

/** A failure with these problems. */
export const failure = (problems: Problem[]): Failure => ({ ok: false, problems });

/** A failure with one problem. */
export const failed = (path: string, message: string): Failure => ({ ok: false, problems: [{ path, message }] });

/** A failure as one line of text (for a caller that reports it as one message). */
export const failureText = (f: Failure): string => f.problems.map((p) => formatProblem(p)).join('; ') || 'failed';

/**
 * One problem as the line a person reads: `path: message`, with the column
 * when the problem is inside a formula. File-level problems (no path) are
 * named by `fallback`, usually the file name.
 */
export function formatProblem(problem: { path: string; message: string; column?: number | undefined }, fallback = ''): string {
  const where = problem.path || fallback;
  const column = problem.column !== undefined ? ` (column ${problem.column})` : '';
  return oneLine(`${where ? `${where}: ` : ''}${problem.message}${column}`);
}

/** A problem's message as the app shows it beside a field: capitalised, with a full stop. */
export function asSentence(message: string): string {
  const m = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(m) ? m : `${m}.`;
}

/** Every problem as its line, in order. */
export function formatProblems(problems: readonly Problem[], fallback = ''): string[] {
  return problems.map((p) => formatProblem(p, fallback));
}

/**
 * Text from a file (an id, a key, a formula) can hold line breaks and other
 * control characters; written out as escapes (`\n`, `\u0007`) a problem stays
 * one line, so one line is one problem for whoever reads or parses the output.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
