/**
 * The deal's sliders: each moves one number of the active scenario as a
 * what-if (never an edit of the document). Moving one revalues live; the
 * figures say when they come from a preview. A slider reaches only values
 * that keep the deal valid, and shows what moves with it (the other party's
 * share, a distribution's P90) beside its own value.
 */
import type { Deal, Slider } from '../../../shared/model/schema';
import { useAppStore } from '../store/app-store';
import { HelpLink } from '../help/help-link';
import { sliderView, type SliderView } from './what-if';

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
        <h3>
          What-ifs <HelpLink topic="what-ifs" />
        </h3>
        {moved > 0 && (
          <button type="button" className="link-button" onClick={actions.clearWhatIfs}>
            Reset {moved === 1 ? 'slider' : `${moved} sliders`}
          </button>
        )}
      </header>
      {sliders.map((slider) => (
        <SliderRow key={slider.path} slider={slider} view={sliderView(deal, scenarioId, slider, whatIfs)} moved={whatIfs[slider.path] !== undefined} onChange={(v) => actions.setWhatIf(slider.path, v)} />
      ))}
    </section>
  );
}

function SliderRow({ slider, view, moved, onChange }: { slider: Slider; view: SliderView; moved: boolean; onChange: (v: number) => void }) {
  const id = `slider-${slider.path}`;
  if (view.value === null) {
    return (
      <div className="slider-row">
        <span className="slider-label">{view.label}</span>
        <span className="muted small">holds a formula in this scenario: no slider</span>
      </div>
    );
  }
  const notes = [view.couplingNote, ...view.stops].filter((n): n is string => n !== null);
  return (
    <div className={moved ? 'slider-row is-moved' : 'slider-row'}>
      <label className="slider-label" htmlFor={id}>
        {view.label}
      </label>
      <input
        id={id}
        type="range"
        min={view.min}
        max={view.max}
        step={slider.step}
        value={view.value}
        aria-valuetext={view.valueText}
        aria-describedby={notes.length > 0 ? `${id}-notes` : undefined}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output className="slider-value" htmlFor={id}>
        {view.ownText}
      </output>
      {notes.length > 0 && (
        <span id={`${id}-notes`} className="slider-note">
          {notes.join(' ')}
        </span>
      )}
    </div>
  );
}
