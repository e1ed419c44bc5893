/**
 * `--set PATH=NUMBER` (cli.md, "Additions"): one more override on top of the
 * scenario or round, any number of times. Taken out of argv before the other
 * flags are parsed (the parser keeps one value per flag); a value that is not
 * `PATH=NUMBER` is a usage error, a path that does not hold a number is the
 * command's to report (exit 1, with the path).
 */
import { failureText } from '../../shared/problems';
import type { Problem } from '../../shared/api';
import { applyScenarioById, getNumberAt, setNumberAt } from '../../shared/model/paths';
import type { Deal } from '../../shared/model/schema';
import { validateDeal } from '../../shared/model/validate';
import { decimalNumber, UsageError } from './args';

/** The `--set` overrides of argv, in order (a later one for the same path wins), and argv without them. */
export function takeSets(argv: readonly string[]): { rest: string[]; sets: [string, number][] } {
  const rest: string[] = [];
  const sets: [string, number][] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === '--set') {
      value = argv[++i];
      if (value === undefined) throw new UsageError('--set needs PATH=NUMBER (e.g. --set terms.upfront.amount=30)');
    } else if (arg.startsWith('--set=')) {
      value = arg.slice('--set='.length);
    } else {
      rest.push(arg);
      continue;
    }
    const eq = value.lastIndexOf('=');
    const path = eq > 0 ? value.slice(0, eq).trim() : '';
    const text = eq > 0 ? value.slice(eq + 1).trim() : '';
    const number = decimalNumber(text);
    if (!path || number === undefined) throw new UsageError(`--set must be PATH=NUMBER with a finite number, got "${value}"`);
    sets.push([path, number]);
  }
  return { rest, sets };
}

/**
 * The deal to value for `--scenario ID --set …`: the position (scenario or round) applied, the `--set`
 * numbers on top, as a deal whose only scenario is that position (so the output still names it), checked
 * like any deal. Problems name the `--set` path, or the field the numbers make invalid.
 */
export function dealWithSets(deal: Deal, scenarioId: string | undefined, sets: readonly [string, number][]): { ok: true; deal: Deal; scenarioId: string } | { ok: false; problems: Problem[] } {
  const applied = applyScenarioById(deal, scenarioId);
  if (!applied.ok) return { ok: false, problems: [{ path: 'scenario', message: failureText(applied) }] };
  let at = applied.value.deal;
  for (const [path, value] of sets) {
    const moved = setNumberAt(at, path, value);
    if (!moved.ok) {
      const held = getNumberAt(at, path);
      return { ok: false, problems: [{ path: `--set ${path}`, message: held.ok ? failureText(moved) : failureText(held) }] };
    }
    at = moved.value;
  }
  const { id, name } = applied.value.scenario;
  const { negotiation: _rounds, ...rest } = at;
  const checked = validateDeal({ ...rest, scenarios: [{ id, name, set: {} }] });
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ path: `--set: ${p.path}`, message: p.message })) };
  return { ok: true, deal: checked.deal, scenarioId: id };
}
