/**
 * The CLI's commands and options, defined once: node:util's parseArgs reads
 * a command's arguments from these definitions (known options only, values
 * where an option takes one), and `--help` is written from the same
 * definitions, so the help can no longer leave an option out. Anything else
 * is a UsageError (exit 2).
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { blockCount } from '../../shared/engine/rng';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** By name, not class: each command runs from its own bundle with its own copy of the class (commands.ts). */
export function isUsageError(err: unknown): err is UsageError {
  return err instanceof Error && err.name === 'UsageError';
}

export interface OptionDef {
  /** A value option shows its placeholder (`--scenario ID`); a flag has none. */
  value?: string;
  short?: string;
  /** Shown without brackets: the command needs it. */
  required?: true;
  help: string;
}

export interface CommandDef {
  /** The positional forms: `FILE`, or `OLD.deal NEW.deal` and `FILE --from ID --to ID`. */
  forms: readonly string[];
  summary: string;
  options: Readonly<Record<string, OptionDef>>;
}

const scenario: OptionDef = { value: 'ID', help: 'the scenario or negotiation round to use; default: the first scenario' };
const iterations: OptionDef = { value: 'N', help: 'Monte Carlo iterations (1 to 10,000,000); default: the file\'s' };
const workers: OptionDef = { value: 'K', help: 'worker threads (1 to 64); default: one per core. Numbers are the same for any K' };
const json: OptionDef = { help: 'print one JSON object instead of text' };
const seed: OptionDef = { value: 'S', help: "random seed; default: the file's" };
const other: OptionDef = { value: 'ID', help: 'the other side; default: the other party of a two-party deal' };
const out: OptionDef = { value: 'OUT.docx', short: 'o', required: true, help: 'the Word file to write' };
const documentOptions: Record<string, OptionDef> = {
  draft: { value: 'LABEL', help: 'printed on the document instead of any internal name ("Draft 1" by default)' },
  author: { value: 'NAME', help: "the document's author, and the tracked changes' author in a redline" },
  amounts: { value: 'symbols|words', help: '"$25.0M" (symbols, default) or "USD 25 million" (words)' },
  paper: { value: 'A4|Letter', help: 'paper size (A4 by default)' },
  date: { value: 'YYYY-MM-DD', help: "the document's date (today by default)" },
};

export const COMMAND_DEFS = {
  validate: { forms: ['FILE'], summary: 'check a .deal file; also warns about what a counterparty export would refuse', options: {} },
  value: {
    forms: ['FILE'],
    summary: 'Monte Carlo valuation of each party',
    options: { scenario, set: { value: 'PATH=NUMBER', help: 'one more number on top of the scenario or round (repeatable; a later one for a path wins)' }, iterations, seed, workers, json },
  },
  sensitivity: { forms: ['FILE'], summary: "tornado rows: a party's mean NPV with each continuous input at its 10th and 90th percentile, each chance or discrete input at each outcome", options: { scenario, party: { value: 'ID', help: 'the party; default: the deal\'s own' }, workers, json } },
  solve: {
    forms: ['FILE'],
    summary: 'goal seek: the value of a number that gives a party a target mean NPV',
    options: {
      vary: { value: 'PATH', required: true, help: 'the number to vary, e.g. terms.upfront.amount' },
      party: { value: 'ID', required: true, help: 'whose mean NPV to reach' },
      target: { value: 'NPV', required: true, help: 'the mean NPV to reach' },
      scenario,
      min: { value: 'X', help: 'lowest value to try; default: the slider\'s, or a range around the value' },
      max: { value: 'X', help: 'highest value to try' },
      workers,
      json,
    },
  },
  termsheet: {
    forms: ['FILE'],
    summary: 'Word term sheet for the other side (terms only) or for us (with the valuation appendix)',
    options: { out, scenario, audience: { value: 'counterparty|internal', help: 'who the document is for (counterparty by default)' }, ...documentOptions, iterations, workers },
  },
  redline: {
    forms: ['OLD.deal NEW.deal', 'FILE --from ID --to ID'],
    summary: 'term sheet with tracked changes from the old terms to the new ones',
    options: { out, from: { value: 'ID', help: 'the old scenario or round of FILE' }, to: { value: 'ID', help: 'the new scenario or round of FILE' }, ...documentOptions },
  },
  portfolio: {
    forms: ['FILE.dealbook'],
    summary: 'every deal of a portfolio in its position, its metrics due, and the portfolio total',
    options: { iterations: { value: 'N', help: "Monte Carlo iterations per deal; default: each deal's" }, json },
  },
  rounds: {
    forms: ['FILE'],
    summary: 'every negotiation round valued on common random numbers, with what each move was worth to each party',
    options: { iterations, seed, workers, json },
  },
  frontier: {
    forms: ['FILE'],
    summary: 'the efficient frontier: structures no other beats for both parties, over up to 4 numbers with sliders',
    options: {
      vary: { value: 'PATH[,PATH...]', required: true, help: 'the numbers to vary (1 to 4, each with a slider), separated by commas' },
      party: { value: 'ID', required: true, help: 'our side' },
      other,
      scenario,
      points: { value: 'N', help: "grid points per number (2 to 4096); default: each slider's own steps, thinned on a large grid" },
      floor: { value: 'P', help: "the other side's chance of beating its walk-away, at least (0 to 1)" },
      iterations,
      seed,
      workers,
      json,
    },
  },
  trades: {
    forms: ['FILE'],
    summary: 'what one step of each slider is worth to each side, cheap concessions, and pairs of moves that raise both',
    options: { scenario, party: { value: 'ID', help: "our side; default: the deal's own" }, other, iterations, seed, workers, json },
  },
} as const satisfies Record<string, CommandDef>;

export type CommandName = keyof typeof COMMAND_DEFS;

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

/** The code node:util gives a parse error (for our own message). */
function errorCode(err: unknown): string {
  return err !== null && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/** A number as a person types it: decimal digits, an optional sign, fraction and exponent (not hex, not blank, not "Infinity"). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `text` as a finite number when it is written as a decimal number, else undefined. */
export function decimalNumber(text: string): number | undefined {
  const n = DECIMAL.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * parseArgs reads `--target -50` as an option with no value followed by an option `-5…`; a negative
 * number after an option that takes a value is that option's value (`--target=-50`).
 */
function joinNegativeValues(argv: readonly string[], defs: Readonly<Record<string, OptionDef>>): string[] {
  const takesValue = (arg: string) => {
    const name = arg.startsWith('--') ? arg.slice(2) : arg.length === 2 && arg.startsWith('-') ? Object.keys(defs).find((k) => defs[k]!.short === arg[1]) : undefined;
    return name !== undefined && Object.prototype.hasOwnProperty.call(defs, name) && defs[name]!.value !== undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (next !== undefined && next.startsWith('-') && decimalNumber(next) !== undefined && takesValue(arg)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A command's arguments, read by node:util's parseArgs from its definitions. */
export function parseCommandArgs(command: CommandName, argv: string[]): ParsedArgs {
  const defs: Readonly<Record<string, OptionDef>> = COMMAND_DEFS[command].options;
  const options = Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, { type: def.value ? ('string' as const) : ('boolean' as const), ...(def.short ? { short: def.short } : {}) }]));
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: joinNegativeValues(argv, defs), options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const option = /'(-{1,2}[^', ]+)/.exec(message)?.[1] ?? '';
    const name = option.replace(/^-+/, '').split('=')[0]!;
    const long = defs[name] ? name : Object.keys(defs).find((k) => defs[k]!.short === name);
    switch (errorCode(err)) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`unknown option ${option || message}`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw new UsageError(long && defs[long]!.value ? `${option.startsWith('--') ? option : `${option} (--${long})`} needs a value (${defs[long]!.value})` : `--${long ?? name} takes no value`);
      default:
        throw new UsageError(message);
    }
  }
  const flags: Record<string, string | true> = {};
  for (const [name, v] of Object.entries(parsed.values)) {
    const last = Array.isArray(v) ? v.at(-1) : v;
    if (last === true || typeof last === 'string') flags[name] = last;
  }
  return { positionals: parsed.positionals, flags };
}

export function intFlag(flags: ParsedArgs['flags'], name: string, min: number, max: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' ? decimalNumber(raw) : undefined;
  if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${String(raw)}"`);
  }
  return n;
}

export function numberFlag(flags: ParsedArgs['flags'], name: string): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' ? decimalNumber(raw) : undefined;
  if (n === undefined) throw new UsageError(`--${name} must be a number, got "${String(raw)}"`);
  return n;
}

const WIDTH = 100;

/** `[--scenario ID]`, `--vary PATH`, `-o OUT.docx`. */
function optionUsage(name: string, def: OptionDef): string {
  const flag = def.short ? `-${def.short}` : `--${name}`;
  const text = def.value ? `${flag} ${def.value}` : flag;
  return def.required ? text : `[${text}]`;
}

/** Words laid out on lines of at most WIDTH characters, continuation lines indented. */
function wrap(words: readonly string[], first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const w of words) {
    if (line.length + 1 + w.length > WIDTH && line.trim() !== first.trim()) {
      lines.push(line);
      line = `${indent}${w}`;
    } else line = line.endsWith(' ') || line === '' ? `${line}${w}` : `${line} ${w}`;
  }
  lines.push(line);
  return lines;
}

/** The text of `dealwright --help`, written from the definitions. */
export function helpText(): string {
  const usage: string[] = [];
  for (const [name, def] of Object.entries(COMMAND_DEFS) as [string, CommandDef][]) {
    const opts = Object.entries(def.options);
    def.forms.forEach((form, i) => {
      const first = `  dealwright ${name} ${form}`;
      // Options another form names belong to that form; a later form lists only what it needs, then "[options]".
      const named = (o: string, f: string) => f.includes(`--${o} `) || f.endsWith(`--${o}`);
      const elsewhere = (o: string) => def.forms.some((f, j) => j !== i && named(o, f));
      const shown =
        i === 0
          ? opts.filter(([o]) => !named(o, form) && !elsewhere(o)).map(([o, d]) => optionUsage(o, d))
          : [...opts.filter(([o, d]) => d.required && !named(o, form)).map(([o, d]) => optionUsage(o, d)), '[options]'];
      usage.push(...wrap(shown, first, ' '.repeat(`  dealwright ${name} `.length)));
    });
  }
  const seen = new Map<string, OptionDef>();
  for (const def of Object.values(COMMAND_DEFS) as CommandDef[]) for (const [o, d] of Object.entries(def.options)) if (!seen.has(o)) seen.set(o, d);
  const label = (o: string, d: OptionDef) => `${d.short ? `-${d.short}, ` : ''}--${o}${d.value ? ` ${d.value}` : ''}`;
  const widest = Math.max(...[...seen].map(([o, d]) => label(o, d).length), '--version'.length);
  const options = [
    ...[...seen].map(([o, d]) => `  ${label(o, d).padEnd(widest)}  ${d.help}`),
    `  ${'--help'.padEnd(widest)}  show this help`,
    `  ${'--version'.padEnd(widest)}  show the version`,
  ];
  const commands = (Object.entries(COMMAND_DEFS) as [string, CommandDef][]).map(([name, def]) => `  ${name.padEnd(12)}${def.summary}`);
  return `dealwright — deal valuation and term sheets from .deal files, portfolios from .dealbook files

Usage:
${usage.join('\n')}

Commands:
${commands.join('\n')}

Options:
${options.join('\n')}

Exit status: 0 success, 1 the input is wrong, 2 usage error.
`;
}

export const MAX_WORKERS = 64;

/**
 * Blocks (4,096 iterations each) per worker of a CLI call. Its workers start cold: a fresh worker
 * spends its first block warming up V8's compilers, so spreading a small run over more of them
 * costs more CPU than it saves time (measured on 2 cores, nearly idle: `value` at 10,000 iterations
 * takes 160 ms wall and 220 ms of CPU on one worker, 190 ms and 270 ms on two; at 1,000,000, two
 * workers win, 370 ms to 420 ms). A warm pool (the app's) is another matter: it keeps one worker per core.
 */
const BLOCKS_PER_COLD_WORKER = 8;

/**
 * `--workers K` (1 to 64). By default one per core, and for a run of known size no more than one per
 * 8 blocks (10,000 iterations: one worker; 1,000,000: one per core). Numbers are the same either way.
 */
export function workersFlag(flags: ParsedArgs['flags'], iterations?: number): number {
  const explicit = intFlag(flags, 'workers', 1, MAX_WORKERS);
  if (explicit !== undefined) return explicit;
  const cores = availableParallelism();
  return iterations === undefined ? cores : Math.max(1, Math.min(cores, Math.ceil(blockCount(iterations) / BLOCKS_PER_COLD_WORKER)));
}
