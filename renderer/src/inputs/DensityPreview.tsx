/** A small SVG histogram of an input's draws, with the 90% range marked. */
import type { Input } from '../../../shared/model/schema';
import { formatNumber } from '../../../shared/format/percent';
import { densityOf } from './density-preview';

const W = 100;
const H = 28;

export function DensityPreview({ input, name }: { input: Input; name: string }) {
  const d = densityOf(input);
  if (!d.ok) {
    return (
      <span className="density-error" title={d.message}>
        —
      </span>
    );
  }
  const peak = Math.max(...d.bins, 1);
  const bw = W / d.bins.length;
  const x = (v: number) => (d.max === d.min ? W / 2 : ((v - d.min) / (d.max - d.min)) * W);
  const summary = `90% of draws between ${formatNumber(d.p5, 3)} and ${formatNumber(d.p95, 3)}`;
  return (
    <svg className="density" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Distribution of ${name}: ${summary}`}>
      <title>{summary}</title>
      <rect x={x(d.p5)} y={0} width={Math.max(1, x(d.p95) - x(d.p5))} height={H} className="density-range" />
      {d.bins.map((c, i) => (c > 0 ? <rect key={i} x={i * bw + 0.5} y={H - (c / peak) * (H - 2)} width={Math.max(1, bw - 1)} height={(c / peak) * (H - 2)} className="density-bar" /> : null))}
    </svg>
  );
}
