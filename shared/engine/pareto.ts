/**
 * Two-objective Pareto geometry for the frontier (frontier.ts): the points no
 * other point beats for both sides, and whether a region of outcomes (a
 * convex polygon given by its corners, or a single best-corner point) reaches
 * past the staircase those points draw, i.e. could hold an outcome that no
 * known point beats.
 *
 * Outcomes are (us, them): each side's mean NPV. "q beats x" means q is at
 * least as good for both and better for one.
 *
 * Intentionally has no platform imports.
 */

export interface Outcome {
  us: number;
  them: number;
}

/** The points no other point beats (equal points all kept), in order from best for us to best for them. */
export function nonDominated<T extends Outcome>(points: readonly T[]): T[] {
  const sorted = [...points].sort((a, b) => b.us - a.us || b.them - a.them);
  const out: T[] = [];
  let bestThem = -Infinity;
  let bestUs = Infinity;
  for (const p of sorted) {
    // Sorted best-for-us first: a point is on the front when it is better for them than every point before it, or equal to the last one kept.
    if (p.them > bestThem) {
      out.push(p);
      bestThem = p.them;
      bestUs = p.us;
    } else if (p.them === bestThem && p.us === bestUs) {
      out.push(p);
    }
  }
  return out;
}

/** Cross product of (b - a) and (c - a): > 0 when a, b, c turn left. */
function cross(a: Outcome, b: Outcome, c: Outcome): number {
  return (b.us - a.us) * (c.them - a.them) - (b.them - a.them) * (c.us - a.us);
}

/**
 * The Pareto part of the convex hull of `points`: the hull's upper boundary
 * from its vertex best for them to its vertex best for us (us rising, them
 * falling). Every point of the hull is beaten by, or equal to, a point of
 * this chain.
 */
export function hullChain(points: readonly Outcome[]): Outcome[] {
  const sorted = [...points].sort((a, b) => a.us - b.us || a.them - b.them);
  const upper: Outcome[] = [];
  for (const p of sorted) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) >= 0) upper.pop();
    upper.push(p);
  }
  // Several points may share the largest `us`: the upper hull ends at the highest of them.
  let top = 0;
  for (let i = 1; i < upper.length; i++) if (upper[i]!.them >= upper[top]!.them) top = i;
  return upper.slice(top);
}

/**
 * Whether the polygonal chain (consecutive points joined by segments)
 * reaches the region no point of `front` beats, taking the staircase's own
 * edges as reached (so a region touching a known frontier point is never
 * called beaten). `front` is nonDominated's output.
 */
export function chainReachesFront(chain: readonly Outcome[], front: readonly Outcome[]): boolean {
  if (front.length === 0) return true;
  // The staircase's inner corners, with its two open ends: beyond the best for us, and beyond the best for them.
  const corners: Outcome[] = [{ us: front[0]!.us, them: -Infinity }];
  for (let k = 0; k + 1 < front.length; k++) corners.push({ us: front[k + 1]!.us, them: front[k]!.them });
  corners.push({ us: -Infinity, them: front[front.length - 1]!.them });
  const reaches = (c: Outcome): boolean => {
    for (let i = 0; i < chain.length; i++) {
      const a = chain[i]!;
      if (a.us >= c.us && a.them >= c.them) return true;
      const b = chain[i + 1];
      if (!b || b.us < c.us || a.us >= c.us) continue;
      // On the segment from a to b (us rising), the best `them` with us >= c.us is where us = c.us.
      const t = (c.us - a.us) / (b.us - a.us);
      if (a.them + t * (b.them - a.them) >= c.them) return true;
    }
    return false;
  };
  return corners.some(reaches);
}
