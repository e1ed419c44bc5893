/**
 * The deal's sliders: each moves one number of the active scenario as a
 * what-if (never an edit of the document). Moving one revalues live; the
 * figures say when they come from a preview.
 */
import type { Deal, Slider } from '../../../shared/model/schema';
import { useAppStore } from '../store/app-store';
import { moneyFormatOf } from './results-format';
import { formatSliderValue, sliderKind, sliderLabel, sliderValue } from './what-if';

export function SliderPanel({ deal, scenarioId }: { deal: Deal; scenarioId: string }) {
  const whatIfs = useAppStore((s) => s.analysis.whatIfs);
  const actions = useAppStore((s) => s.analysisActions);
  const sliders = deal.sliders ?? [];
  if (sliders.length === 0) {
    return <p className="muted small">This deal has no sliders. Add some in the model to explore what-ifs here.</p>;
  }
  const moved = Object.keys(whatIfs).length;
  return (
    <section className="slider-panel" aria-label="What-if sliders">
      <header className="section-header">
        <h3>What-ifs</h3>
        {moved > 0 && (
          <button type="button" className="link-button" onClick={actions.clearWhatIfs}>
            Reset {moved === 1 ? 'slider' : `${moved} sliders`}
          </button>
        )}
      </header>
      {sliders.map((slider) => (
        <SliderRow key={slider.path} deal={deal} scenarioId={scenarioId} slider={slider} moved={whatIfs[slider.path] !== undefined} value={sliderValue(deal, scenarioId, slider, whatIfs)} onChange={(v) => actions.setWhatIf(slider.path, v)} />
      ))}
    </section>
  );
}

function SliderRow({ deal, slider, value, moved, onChange }: { deal: Deal; scenarioId: string; slider: Slider; value: number | null; moved: boolean; onChange: (v: number) => void }) {
  const label = sliderLabel(deal, slider);
  const kind = sliderKind(slider.path);
  const money = moneyFormatOf(deal);
  if (value === null) {
    return (
      <div className="slider-row">
        <span className="slider-label">{label}</span>
        <span className="muted small">holds a formula in this scenario: no slider</span>
      </div>
    );
  }
  const shown = formatSliderValue(value, kind, money);
  return (
    <div className={moved ? 'slider-row is-moved' : 'slider-row'}>
      <label className="slider-label" htmlFor={`slider-${slider.path}`}>
        {label}
      </label>
      <input
        id={`slider-${slider.path}`}
        type="range"
        min={slider.min}
        max={slider.max}
        step={slider.step}
        value={value}
        aria-valuetext={shown}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output className="slider-value" htmlFor={`slider-${slider.path}`}>
        {shown}
      </output>
    </div>
  );
}
