/**
 * Marginal tiers (royalties, revenue shares): every tier but the last has a
 * ceiling (`upTo`), the last has none, and numeric ceilings ascend. Shared by
 * the kinds that have tiers.
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../problems';
import type { NumberOrFormula } from '../model/schema-primitives';

/** `upTo` present on every tier but the last, and ascending where numbers. */
export function tierProblems(tiers: readonly { upTo?: NumberOrFormula | undefined }[], path: string): Problem[] {
  const out: Problem[] = [];
  let previous: number | undefined;
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    const here = `${path}.tiers[${i}]`;
    if (last && tier.upTo !== undefined) out.push({ path: `${here}.upTo`, message: 'the last tier has no upTo: it covers everything above the tier before it' });
    if (!last && tier.upTo === undefined) out.push({ path: `${here}.upTo`, message: 'is required on every tier but the last' });
    if (typeof tier.upTo === 'number') {
      if (tier.upTo <= 0) out.push({ path: `${here}.upTo`, message: 'must be above 0' });
      else if (previous !== undefined && !(tier.upTo > previous)) out.push({ path: `${here}.upTo`, message: `tiers must be ascending: ${tier.upTo} is not above the previous tier's ${previous}` });
      previous = tier.upTo;
    }
  });
  return out;
}
