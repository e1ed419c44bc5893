/**
 * The benchmark's baseline: the pharma-licence example written by hand as one
 * plain JavaScript loop, the way a competent engineer would without an
 * engine: a seeded generator, inverse CDFs, a Gaussian copula for the one
 * correlated pair, the terms inlined, NPVs per party, then the same summary
 * statistics (sort-based quantiles). It reads the deal's numbers but none of
 * the engine's code.
 */
import type { Deal } from '../../shared/model/schema';

function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let z = Math.imul(s ^ (s >>> 15), 1 | s);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** Acklam's inverse normal CDF (~1e-9), the usual hand-rolled choice. */
function invNorm(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

function normCdf(x: number): number {
  // Abramowitz–Stegun 7.1.26 via erf.
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

export interface BaselineStats {
  mean: number[];
  p50: number[];
}

/** Values the pharma deal `iterations` times; returns per-party mean and median so the work cannot be skipped. */
export function baselinePharma(deal: Deal, iterations: number, seed: number): BaselineStats {
  const rand = mulberry32(seed);
  const P = deal.timeline.periods;
  const rLicensor = deal.parties[0]!.discountRate;
  const rLicensee = deal.parties[1]!.discountRate;
  const d0 = new Float64Array(P);
  const d1 = new Float64Array(P);
  for (let t = 0; t < P; t++) {
    d0[t] = 1 / Math.pow(1 + rLicensor, t);
    d1[t] = 1 / Math.pow(1 + rLicensee, t);
  }
  const mu = Math.log(650);
  const sigma = (Math.log(1400) - mu) / 1.2815515655446004;
  const rho = 2 * Math.sin((Math.PI * 0.3) / 6); // Spearman 0.3 -> Pearson for a Gaussian copula
  const rhoC = Math.sqrt(1 - rho * rho);
  // The generic-entry step-down, when the example has it: royalties halve from the entry period (11, 12 or 13).
  const royalty = deal.terms.find((t) => t.id === 'royalty') as { adjustments?: unknown[] } | undefined;
  const stepDown = (royalty?.adjustments?.length ?? 0) > 0;
  const npv0 = new Float64Array(iterations);
  const npv1 = new Float64Array(iterations);
  for (let k = 0; k < iterations; k++) {
    const p2 = rand() < 0.35 ? 1 : 0;
    const p3 = rand() < 0.58 ? 1 : 0;
    const pa = rand() < 0.91 ? 1 : 0;
    const z1 = invNorm(rand());
    const z2 = rho * z1 + rhoC * invNorm(rand());
    const peak = Math.exp(mu + sigma * z1);
    const u = normCdf(z2);
    const ytp = u < 2 / 6 ? 3 + Math.sqrt(u * 6 * 2) : 9 - Math.sqrt((1 - u) * 6 * 4);
    const cogs = 0.08 + 0.1 * rand();
    const ul = rand();
    const launch = ul < 0.5 ? 5 : ul < 0.85 ? 6 : 7;
    let entry = Infinity;
    if (stepDown) {
      const ue = rand();
      entry = ue < 0.3 ? 11 : ue < 0.75 ? 12 : 13;
    }
    const phase2 = p2;
    const phase3 = p2 & p3;
    const approved = phase3 & pa;
    let n0 = 0;
    let n1 = 0;
    let paidApproval = false;
    let paid500 = false;
    for (let t = 0; t < P; t++) {
      const sales = approved && t >= launch ? peak * Math.min(1, (t - launch + 1) / ytp) : 0;
      const dev = t <= 1 ? 25 : t <= 4 && phase2 ? 55 : 0;
      let toLicensor = 0;
      if (t === 0) toLicensor += 25;
      if (t === 2 && phase2) toLicensor += 30;
      if (t === 4 && phase3) toLicensor += 20;
      if (!paidApproval && approved && t >= launch) {
        paidApproval = true;
        toLicensor += 60;
      }
      if (!paid500 && sales >= 500) {
        paid500 = true;
        toLicensor += 75;
      }
      if (sales > 0) toLicensor += (t >= entry ? 0.5 : 1) * (0.07 * Math.min(sales, 300) + (sales > 300 ? 0.09 * (Math.min(sales, 800) - 300) : 0) + (sales > 800 ? 0.12 * (sales - 800) : 0));
      n0 += toLicensor * d0[t]!;
      n1 += (sales * (1 - cogs) - dev - toLicensor) * d1[t]!;
    }
    npv0[k] = n0;
    npv1[k] = n1;
  }
  const stats = (a: Float64Array) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]!;
    const sorted = a.slice().sort();
    return { mean: s / a.length, p50: sorted[Math.floor(a.length / 2)]! };
  };
  const s0 = stats(npv0);
  const s1 = stats(npv1);
  return { mean: [s0.mean, s1.mean], p50: [s0.p50, s1.p50] };
}
