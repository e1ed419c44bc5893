/**
 * The figures a negotiator reads first: per party (ours emphasised) the mean
 * NPV with its standard error, P10/P50/P90 and the chance of beating the
 * walk-away; for the deal, the chance every party beats its walk-away. Every
 * figure is text with an accessible name ("Helix Bio mean NPV") and a help
 * link. One colour rule: a mean NPV at or above the walk-away is green, below
 * it red; chances are in plain ink (a 35% chance can go with a mean that
 * clears the walk-away). The raw mean and standard error ride along as data
 * attributes for the UI benchmark.
 */
import type { ValuationResult } from '../../../shared/engine/results';
import type { Deal } from '../../../shared/model/schema';
import { HelpLink } from '../help/help-link';
import { formatProbability, moneyFormatOf, partyFigures, relativePrecision } from './results-format';

export function PartyCards({ deal, result, stale }: { deal: Deal; result: ValuationResult; stale: boolean }) {
  const money = moneyFormatOf(deal);
  const figures = partyFigures(result, deal.parties, deal.us, money);
  return (
    <section className={stale ? 'party-cards is-stale' : 'party-cards'} aria-label="Valuation summary">
      {figures.map((f) => {
        const v = result.parties[f.partyId]!;
        return (
          <article key={f.partyId} className={f.isUs ? 'party-card is-us' : 'party-card'} aria-label={`${f.name} valuation`} data-party={f.partyId} data-mean={v.npv.mean} data-se={v.npv.se}>
            <header>
              <h3>{f.name}</h3>
              {f.isUs && (
                <span className="us-badge" title="The side this file is written for">
                  our side
                </span>
              )}
            </header>
            <div className="figure-main">
              <span className="figure-label">
                Mean NPV <HelpLink topic="mean-npv" />
              </span>
              <span className={`figure-value ${f.meanVsWalkAway}`} aria-label={`${f.name} mean NPV`}>
                {f.mean}
              </span>
              <span className="figure-se" aria-label={`${f.name} NPV standard error`} title="Standard error of the mean (Monte Carlo noise)">
                {f.se}
              </span>
              <span className={`verdict ${f.meanVsWalkAway}`} aria-label={`${f.name} mean against walk-away`}>
                {f.meanVsWalkAway === 'above' ? '✓ at or above walk-away' : '✗ below walk-away'}
              </span>
            </div>
            <dl className="figure-grid">
              <div>
                <dt>
                  P10 <HelpLink topic="percentiles" />
                </dt>
                <dd aria-label={`${f.name} NPV P10`}>{f.p10}</dd>
              </div>
              <div>
                <dt>P50</dt>
                <dd aria-label={`${f.name} NPV P50`}>{f.p50}</dd>
              </div>
              <div>
                <dt>P90</dt>
                <dd aria-label={`${f.name} NPV P90`}>{f.p90}</dd>
              </div>
            </dl>
            <p className="walk-away">
              <span aria-label={`${f.name} probability of beating walk-away`} className="walk-away-p">
                {f.pAboveWalkAway}
              </span>{' '}
              chance NPV ≥ walk-away{' '}
              <span className="keep-together">
                <span className="muted">({f.walkAway})</span> <HelpLink topic="walk-away" />
              </span>
            </p>
            {f.isUs && (
              <p className="muted small" aria-label={`${f.name} mean precision`}>
                Mean known to {relativePrecision(v.npv.mean, v.npv.se)} at 95%
              </p>
            )}
          </article>
        );
      })}
      <article className="party-card deal-card" aria-label="Deal valuation">
        <header>
          <h3>The deal</h3>
        </header>
        <div className="figure-main">
          <span className="figure-label">
            Every party beats its walk-away <HelpLink topic="walk-away" />
          </span>
          <span className="figure-value" aria-label="Probability all parties beat their walk-away">
            {formatProbability(result.pAllAboveWalkAway)}
          </span>
        </div>
        <p className="muted small">Share of simulated outcomes where every party's NPV is at or above its walk-away.</p>
      </article>
    </section>
  );
}
