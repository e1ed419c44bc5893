/**
 * `x-` keys inside the maps whose keys are ids (inputs, series, shares,
 * stakes, a scenario's or round's set, placeholders). The format keeps every `x-` key,
 * but every consumer walks these maps as "id -> thing", and an `x-` entry is
 * not a thing: the engine would take `"x-note"` in `inputs` for an input.
 *
 * So the deal handed to the app leaves them out (ignored), and saving puts
 * them back from the file being written over or saved from (kept): the app
 * never sees them, the file never loses them. `x-` keys anywhere else (the
 * top level, inside a term, a party, an input) stay in the deal as they are.
 *
 * Intentionally has no platform imports.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isExtension = (key: string) => key.startsWith('x-');

/** Every id-keyed map of a deal, found by the same walk in the deal and in a template. */
function idMaps(deal: unknown): Map<string, Json> {
  const out = new Map<string, Json>();
  if (!isObject(deal)) return out;
  const add = (where: string, value: unknown) => {
    if (isObject(value)) out.set(where, value);
  };
  add('inputs', deal.inputs);
  add('series', deal.series);
  if (isObject(deal.termSheet)) add('termSheet.placeholders', deal.termSheet.placeholders);
  const byId = (list: unknown, prefix: string, visit: (item: Json, at: string) => void) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (isObject(item)) visit(item, `${prefix}.${typeof item.id === 'string' ? `#${item.id}` : i}`);
    });
  };
  byId(deal.terms, 'terms', (term, at) => {
    add(`${at}.shares`, term.shares);
    add(`${at}.stakes`, term.stakes);
    if (Array.isArray(term.tiers)) term.tiers.forEach((tier, i) => isObject(tier) && add(`${at}.tiers.${i}.shares`, tier.shares));
  });
  byId(deal.scenarios, 'scenarios', (scenario, at) => add(`${at}.set`, scenario.set));
  if (isObject(deal.negotiation)) byId(deal.negotiation.rounds, 'negotiation.rounds', (round, at) => add(`${at}.set`, round.set));
  return out;
}

/** A copy of the deal without `x-` entries in its id-keyed maps (nothing is copied when there are none). */
export function withoutRecordExtensions<T>(deal: T): T {
  const found = [...idMaps(deal).values()].some((m) => Object.keys(m).some(isExtension));
  if (!found) return deal;
  const copy = JSON.parse(JSON.stringify(deal)) as T;
  for (const map of idMaps(copy).values()) {
    for (const key of Object.keys(map)) if (isExtension(key)) delete map[key];
  }
  return copy;
}

/** The deal with the `x-` entries of the template's id-keyed maps put back where the same map still exists. */
export function withRecordExtensionsFrom<T>(deal: T, template: unknown): T {
  const kept = [...idMaps(template).entries()].filter(([, map]) => Object.keys(map).some(isExtension));
  if (kept.length === 0) return deal;
  const copy = JSON.parse(JSON.stringify(deal)) as T;
  const maps = idMaps(copy);
  for (const [at, old] of kept) {
    const map = maps.get(at);
    if (!map) continue;
    // Rebuilt in the template's key order, so an unchanged map keeps its exact text.
    const current = { ...map };
    for (const key of Object.keys(map)) delete map[key];
    for (const key of Object.keys(old)) {
      if (isExtension(key) && !Object.prototype.hasOwnProperty.call(current, key)) map[key] = old[key];
      else if (Object.prototype.hasOwnProperty.call(current, key)) map[key] = current[key];
    }
    for (const key of Object.keys(current)) if (!Object.prototype.hasOwnProperty.call(map, key)) map[key] = current[key];
  }
  return copy;
}
