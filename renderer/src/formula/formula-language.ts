/**
 * The formula language as an editor sees it, without Monaco: the Monarch
 * tokenizer definition, completion entries (inputs, series, functions,
 * built-in names), hover text for a name, and diagnostics as marker ranges.
 * monaco-setup.ts turns these plain values into Monaco objects; keeping them
 * here makes the adapter testable in jsdom, where Monaco cannot run.
 */
import type { Deal, Input } from '../../../shared/model/schema';
import { BUILTIN_NAMES, FUNCTIONS, SERIES_FUNCTIONS } from '../../../shared/formula/allowlist';
import { formatNumber, formatPercent } from '../../../shared/format/percent';
import { checkFormula, type FormulaScope } from './formula-check';

export const LANGUAGE_ID = 'dealwright-formula';

const FUNCTION_DOCS: Record<string, string> = {
  min: 'min(a, b, …): the smallest of its arguments',
  max: 'max(a, b, …): the largest of its arguments',
  abs: 'abs(x): absolute value',
  sqrt: 'sqrt(x): square root (NaN for negative x)',
  exp: 'exp(x): e to the power x',
  log: 'log(x): natural logarithm (NaN for negative x)',
  floor: 'floor(x): round down',
  ceil: 'ceil(x): round up',
  round: 'round(x): round half away from zero',
  prev: 'prev(series): the series in the previous period (0 at t = 0)',
  cumsum: 'cumsum(series): sum of the series up to and including this period',
};

const BUILTIN_DOCS: Record<string, string> = {
  t: 't: the period index, 0-based',
  year: 'year: the calendar year of period t',
  terminated: 'terminated: 0 until a termination term has fired, 1 from the next period on',
  true: 'true: 1',
  false: 'false: 0',
};

/** Monarch tokenizer: a plain object, as monaco.languages.setMonarchTokensProvider takes it. */
export const monarchLanguage = {
  defaultToken: 'invalid',
  keywords: ['and', 'or', 'not'],
  functions: [...Object.keys(FUNCTIONS), ...SERIES_FUNCTIONS],
  builtins: [...BUILTIN_NAMES],
  tokenizer: {
    root: [
      [/[A-Za-z_][A-Za-z0-9_]*/, { cases: { '@keywords': 'keyword', '@functions': 'predefined', '@builtins': 'variable.predefined', '@default': 'identifier' } }],
      [/\d+(\.\d*)?([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?/, 'number'],
      [/[<>=!]=?|[-+*/^%?:]/, 'operator'],
      [/[(),]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
  },
} as const;

export type CompletionKind = 'input' | 'series' | 'function' | 'builtin';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail: string;
  /** Text inserted: functions get their parentheses. */
  insertText: string;
}

/** Describes an input's distribution in one line, e.g. "PERT 10 / 25 / 60" or "normal, 90% range 0.03 to 0.12". */
export function describeInput(input: Input): string {
  const n = (x: number | undefined) => (x === undefined ? '?' : formatNumber(x, 4));
  switch (input.dist) {
    case 'fixed':
      return `fixed ${n(input.value)}`;
    case 'uniform':
      return `uniform ${n(input.min)} to ${n(input.max)}`;
    case 'triangular':
      return `triangular min ${n(input.min)}, most likely ${n(input.mode)}, max ${n(input.max)}`;
    case 'pert':
      return `PERT min ${n(input.min)}, most likely ${n(input.mode)}, max ${n(input.max)}`;
    case 'normal': {
      const core = input.low !== undefined || input.high !== undefined ? `90% range ${n(input.low)} to ${n(input.high)}` : `mean ${n(input.mean)}, sd ${n(input.sd)}`;
      const trunc = input.min !== undefined || input.max !== undefined ? `, truncated to [${input.min === undefined ? '−∞' : n(input.min)}, ${input.max === undefined ? '∞' : n(input.max)}]` : '';
      return `normal, ${core}${trunc}`;
    }
    case 'lognormal':
      return input.low !== undefined || input.high !== undefined ? `lognormal, 90% range ${n(input.low)} to ${n(input.high)}` : `lognormal, median ${n(input.p50)}, p90 ${n(input.p90)}`;
    case 'beta':
      return `beta(${n(input.alpha)}, ${n(input.beta)}), mean ${formatPercent(input.alpha / (input.alpha + input.beta))}`;
    case 'chance':
      return `chance: 1 with probability ${formatPercent(input.p)}, else 0`;
    case 'discrete':
      return `discrete ${input.values.map((v) => n(v)).join(', ')}${input.weights ? ` weighted ${input.weights.map((w) => n(w)).join(', ')}` : ''}`;
  }
}

/** How an input is drawn, in words: once per iteration (said by nothing) or afresh every period. */
const drawnEvery = (input: Input) => (input.per === 'period' ? ', drawn every period' : '');

/**
 * Everything a formula in `scope` may name, for completion. Once-per-iteration fields see inputs drawn
 * once per iteration only (an input drawn every period has no single value there).
 */
export function completionEntries(deal: Pick<Deal, 'inputs' | 'series'>, scope: FormulaScope, exclude?: string): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const [id, input] of Object.entries(deal.inputs)) {
    if (scope === 'iteration' && input.per === 'period') continue;
    out.push({ label: id, kind: 'input', detail: `${input.label ? `${input.label}: ` : ''}${describeInput(input)}${drawnEvery(input)}`, insertText: id });
  }
  if (scope !== 'iteration') {
    for (const [id, formula] of Object.entries(deal.series)) {
      if (id !== exclude) out.push({ label: id, kind: 'series', detail: `series = ${formula}`, insertText: id });
    }
    for (const name of ['t', 'year', 'terminated']) out.push({ label: name, kind: 'builtin', detail: BUILTIN_DOCS[name]!, insertText: name });
  }
  for (const name of Object.keys(FUNCTIONS)) out.push({ label: name, kind: 'function', detail: FUNCTION_DOCS[name] ?? name, insertText: `${name}(` });
  if (scope !== 'iteration') for (const name of SERIES_FUNCTIONS) out.push({ label: name, kind: 'function', detail: FUNCTION_DOCS[name] ?? name, insertText: `${name}(` });
  return out;
}

/** Hover text (Markdown) for a name in a formula, or null when the word means nothing here. */
export function hoverText(deal: Pick<Deal, 'inputs' | 'series'>, word: string): string | null {
  const input = deal.inputs[word];
  if (input) return `**${word}**${input.label ? ` — ${input.label}` : ''}  \ninput: ${describeInput(input)}${drawnEvery(input)}${input.note ? `  \n${input.note}` : ''}`;
  const series = deal.series[word];
  if (series !== undefined) return `**${word}** — series  \n\`${series}\``;
  if (FUNCTION_DOCS[word]) return FUNCTION_DOCS[word];
  if (BUILTIN_DOCS[word]) return BUILTIN_DOCS[word];
  return null;
}

export interface MarkerRange {
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Diagnostics of a (single-line) formula as editor marker ranges. */
export function formulaMarkers(source: string, deal: Pick<Deal, 'inputs' | 'series'>, scope: FormulaScope): MarkerRange[] {
  return checkFormula(source, deal, scope).map((d) => {
    // Columns count across the whole text; an editor line may wrap, so map to line/column.
    const before = source.slice(0, d.column - 1);
    const line = before.split('\n').length;
    const col = d.column - (before.lastIndexOf('\n') + 1);
    return { message: d.message, startLineNumber: line, startColumn: col, endLineNumber: line, endColumn: col + d.length };
  });
}
