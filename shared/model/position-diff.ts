/**
 * What differs between positions of a deal, term by term: a position is a
 * named set of overrides on the file as written (a scenario today; a
 * negotiation round is one too, with exactly a scenario's rules), so the
 * comparison table takes any list of them. A row is one number that does not
 * hold the same value in every position compared, with its label and each
 * position's value; numbers every position leaves alike are not rows.
 *
 * Intentionally has no platform imports.
 */
import { numberFields, numberKind, numberLabel, type NumberKind } from './number-fields';
import { getNumberAt } from './paths';
import type { Deal } from './schema';

export interface Position {
  id: string;
  name: string;
  set: Readonly<Record<string, number>>;
}

export interface TermDifference {
  path: string;
  label: string;
  kind: NumberKind;
  /** One per position, in the order given; null where the number is not a number there (a formula). */
  values: (number | null)[];
}

export function termDifferences(deal: Deal, positions: readonly Position[]): TermDifference[] {
  const touched = new Set(positions.flatMap((p) => Object.keys(p.set)));
  // In the order the numbers stand in the file (parties, inputs, terms), then any path the file does not list.
  const order = numberFields(deal).map((f) => f.path);
  const paths = [...order.filter((p) => touched.has(p)), ...[...touched].filter((p) => !order.includes(p))];
  const rows: TermDifference[] = [];
  for (const path of paths) {
    const written = getNumberAt(deal, path);
    const values = positions.map((p) => p.set[path] ?? (written.ok ? written.value : null));
    if (values.every((v) => v === values[0])) continue;
    rows.push({ path, label: numberLabel(deal, path), kind: numberKind(deal, path), values });
  }
  return rows;
}
