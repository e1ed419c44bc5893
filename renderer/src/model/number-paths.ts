/**
 * Every number in a deal that a scenario may override or a slider may move,
 * as a path (`terms.royalty.tiers.0.rate`) with a label a negotiator reads
 * ("Royalties on net sales › tiers 1 › rate"). Formulas are not numbers, so
 * fields holding one are left out.
 */
import type { Deal } from '../../../shared/model/schema';

export interface NumberPath {
  path: string;
  label: string;
}

function walk(node: unknown, path: string[], label: string[], out: NumberPath[]): void {
  if (typeof node === 'number') {
    out.push({ path: path.join('.'), label: label.join(' › ') });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, String(i)], [...label, `${label.at(-1) === 'tiers' ? 'tier' : 'item'} ${i + 1}`], out));
    return;
  }
  if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'id' || k.startsWith('x-')) continue;
      walk(v, [...path, k], [...label, k], out);
    }
  }
}

export function numberPaths(deal: Deal): NumberPath[] {
  const out: NumberPath[] = [];
  for (const p of deal.parties) walk({ discountRate: p.discountRate, walkAway: p.walkAway }, ['parties', p.id], [p.name], out);
  for (const [id, input] of Object.entries(deal.inputs)) {
    const { label, note: _note, dist: _dist, ...params } = input;
    walk(params, ['inputs', id], [label ?? id], out);
  }
  for (const t of deal.terms) {
    const { id, type: _type, label, note: _note, ...fields } = t;
    walk(fields, ['terms', id], [label ?? id], out);
  }
  return out;
}
